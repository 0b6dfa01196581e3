/**
 * GET /admin/pos/customer-token?token=ABC...: the customer whose "my account" QR code the till
 * scanned (`CUSTOMER:<token>`, see src/lib/customer-token.ts), with their groups; 404 when no
 * customer has the token (an old one after a new was made, or a made-up one).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { TOKEN_PATTERN } from "../../../../lib/customer-token"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const token = String(req.query.token ?? "").trim().toUpperCase()
  if (!TOKEN_PATTERN.test(token)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A customer token is 26 letters A-Z and digits 2-7")
  }
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const found = await customers.listCustomers(
    { metadata: { pos_token: token } } as unknown as Parameters<typeof customers.listCustomers>[0],
    { relations: ["groups"], take: 2 })
  const customer = found.find((c) => (c.metadata as Record<string, unknown> | null)?.pos_token === token)
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No customer has this token")
  }
  res.json({ customer })
}

/**
 * The logged-in shopper's code for the till ("my account" shows it as a QR code):
 * GET /store/pos/customer-token -> `{ token, qr: "CUSTOMER:<token>" }`, made on the first ask;
 * POST /store/pos/customer-token -> a new one (the old one stops working).
 * Needs the customer's login (bearer or session) and the publishable key (src/api/middlewares.ts).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { TOKEN_PATTERN, TOKEN_PREFIX, newToken } from "../../../../lib/customer-token"

async function token(req: AuthenticatedMedusaRequest, renew: boolean): Promise<string> {
  const id = req.auth_context?.actor_id
  if (!id) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in to see your customer code")
  }
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(id)
  const metadata = (customer.metadata ?? {}) as Record<string, unknown>
  const known = String(metadata.pos_token ?? "")
  if (!renew && TOKEN_PATTERN.test(known)) {
    return known
  }
  const fresh = newToken()
  await customers.updateCustomers(id, { metadata: { ...metadata, pos_token: fresh } })
  return fresh
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const t = await token(req, false)
  res.json({ token: t, qr: `${TOKEN_PREFIX}${t}` })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const t = await token(req, true)
  res.json({ token: t, qr: `${TOKEN_PREFIX}${t}` })
}

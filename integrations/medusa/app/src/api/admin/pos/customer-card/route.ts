/**
 * GET /admin/pos/customer-card?number=12345678: the customer whose loyalty card the till
 * scanned (the card number is kept in the customer's metadata as `pos_card`), with their groups,
 * so their group promotions apply at the till. 404 when no customer has the card.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const number = String(req.query.number ?? "").trim()
  if (!/^\d{4,16}$/.test(number)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A customer card number is 4 to 16 digits")
  }
  const customers = req.scope.resolve(Modules.CUSTOMER)
  // metadata is JSON: the filter compares its pos_card property
  const found = await customers.listCustomers(
    { metadata: { pos_card: number } } as unknown as Parameters<typeof customers.listCustomers>[0],
    { relations: ["groups"], take: 2 }
  )
  const customer = found.find((c) => (c.metadata as Record<string, unknown> | null)?.pos_card === number)
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No customer has card ${number}`)
  }
  res.json({ customer })
}

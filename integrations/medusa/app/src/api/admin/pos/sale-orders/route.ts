/**
 * GET /admin/pos/sale-orders?register_id=K1&receipt_no=42: the order a store sale became (the
 * order sink keeps the sale's register and receipt number in the order's metadata), whichever
 * store of the chain sold it, for a return in another store.
 *
 * Medusa's admin list of orders cannot filter on metadata: without this route a till would read
 * every order of every store's channel to find one receipt. Here the order module filters on the
 * metadata's JSON properties in the database (one query), and the match is checked again.
 * Answers `{ orders: [{ id, display_id, created_at, metadata }] }` (none, one, or more when a
 * register's numbers were ever reused: the caller decides).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const register = String(req.query.register_id ?? "").trim()
  const number = Number(String(req.query.receipt_no ?? "").trim())
  if (!/^[A-Za-z0-9]{1,8}$/.test(register) || !Number.isInteger(number) || number < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA,
      "register_id (1-8 letters or digits) and receipt_no (a whole number) are required")
  }
  const orders = req.scope.resolve(Modules.ORDER)
  // metadata is JSON: the filter compares its properties (as the customer-card route does)
  const found = await orders.listOrders(
    { metadata: { pos_register_id: register, pos_receipt_no: number } } as unknown as Parameters<
      typeof orders.listOrders>[0],
    { select: ["id", "display_id", "created_at", "metadata"], take: 10, order: { created_at: "DESC" } }
  )
  const matching = found.filter((o) => {
    const m = (o.metadata ?? {}) as Record<string, unknown>
    return String(m.pos_register_id) === register && Number(m.pos_receipt_no) === number
  })
  res.json({ orders: matching.map((o) => ({ id: o.id, display_id: o.display_id,
                                             created_at: o.created_at, metadata: o.metadata })) })
}

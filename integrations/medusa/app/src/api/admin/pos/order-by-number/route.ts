/**
 * GET /admin/pos/order-by-number?display_id=1042: the order with that display number (what a web
 * order's confirmation and QR code name), for a return in a store.
 *
 * Medusa's admin list has no filter on the number: its `q` search also matches e-mails, phone
 * numbers and postcodes that contain the digits, so "12" can match hundreds of orders before the
 * one numbered 12. Here the order module filters on the column (indexed). Answers
 * `{ orders: [{ id, display_id }] }` (none or one).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const number = Number(String(req.query.display_id ?? "").trim())
  if (!Number.isInteger(number) || number < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "display_id (a whole number) is required")
  }
  const orders = req.scope.resolve(Modules.ORDER)
  const found = await orders.listOrders({ display_id: number } as Parameters<
    typeof orders.listOrders>[0], { select: ["id", "display_id"], take: 2 })
  res.json({ orders: found.filter((o) => Number(o.display_id) === number)
                          .map((o) => ({ id: o.id, display_id: o.display_id })) })
}

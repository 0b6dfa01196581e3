/**
 * POST /admin/pos/web-carts/:id/close {sale_key, order_id}: a till sold this web cart; the cart
 * is marked completed for that sale, atomically (one conditional UPDATE: of two tills closing at
 * once exactly one wins), so it can never be bought again, online or at another till.
 *
 * - 200 {web_cart, already: false}: closed now for this sale.
 * - 200 {web_cart, already: true}: closed before for the same sale key (a retry): nothing changes.
 * - 409 {web_cart}: bought already, by another sale or online; `web_cart` says which order.
 * - 404: no such cart.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cartRow, webCartStatus } from "../../status"

type Body = { sale_key?: string; order_id?: string }

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { sale_key, order_id } = req.body ?? ({} as Body)
  if (!sale_key || !order_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "sale_key and order_id are required")
  }
  const id = req.params.id
  const before = await cartRow(req.scope, id)
  if (!before) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${id} was not found`)
  }
  const status = await webCartStatus(req.scope, before)
  if (status.status === "open") {
    const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const stamp = JSON.stringify({ pos_sale_key: sale_key, pos_order_id: order_id })
    await pg.raw(
      `UPDATE cart SET completed_at = now(), updated_at = now(),
              metadata = COALESCE(metadata, '{}'::jsonb) || ?::jsonb
        WHERE id = ? AND completed_at IS NULL AND deleted_at IS NULL`,
      [stamp, id]
    )
  }
  const after = await webCartStatus(req.scope, (await cartRow(req.scope, id))!)
  if (after.sale_key === sale_key) {
    res.json({ web_cart: after, already: status.status !== "open" })
    return
  }
  res.status(409).json({ web_cart: after })
}

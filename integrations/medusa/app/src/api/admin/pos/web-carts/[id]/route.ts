/**
 * GET /admin/pos/web-carts/:id: is this web cart still open, or bought (online or at a till),
 * and with which order (id and display id)? 404 when there is no such cart.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { cartRow, webCartStatus } from "../status"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cart = await cartRow(req.scope, req.params.id)
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found`)
  }
  res.json({ web_cart: await webCartStatus(req.scope, cart) })
}

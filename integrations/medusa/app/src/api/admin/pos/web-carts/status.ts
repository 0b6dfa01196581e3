/**
 * A web cart's status as the tills need it: open, or bought (with its order) either online
 * (Medusa's own cart completion: the order-cart link) or at a till (closed by
 * POST /admin/pos/web-carts/:id/close with the till's sale key).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type WebCartStatus = {
  id: string
  status: "open" | "bought"
  bought_at: "till" | "online" | null
  sale_key: string | null
  order_id: string | null
  display_id: number | null
  completed_at: string | null
}

type CartRow = { id: string; completed_at: Date | string | null; metadata: Record<string, unknown> | null }

export async function cartRow(scope: MedusaContainer, id: string): Promise<CartRow | null> {
  const carts = scope.resolve(Modules.CART)
  const [cart] = await carts.listCarts({ id }, { select: ["id", "completed_at", "metadata"], take: 1 })
  return (cart as unknown as CartRow) ?? null
}

async function displayId(scope: MedusaContainer, orderId: string | null): Promise<number | null> {
  if (!orderId) {
    return null
  }
  const orders = scope.resolve(Modules.ORDER)
  const [order] = await orders.listOrders({ id: orderId }, { select: ["id", "display_id"], take: 1 })
  return order ? Number(order.display_id) : null
}

/** The order Medusa's own cart completion made of this cart (the order-cart link), if any. */
async function onlineOrder(scope: MedusaContainer, id: string): Promise<string | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  try {
    const { data } = await query.graph({ entity: "cart", fields: ["id", "order.id"], filters: { id } })
    const order = (data?.[0] as { order?: { id?: string } | null } | undefined)?.order
    return order?.id ?? null
  } catch {
    return null
  }
}

export async function webCartStatus(scope: MedusaContainer, cart: CartRow): Promise<WebCartStatus> {
  const meta = (cart.metadata ?? {}) as Record<string, unknown>
  const saleKey = typeof meta.pos_sale_key === "string" ? meta.pos_sale_key : null
  const completedAt = cart.completed_at ? new Date(cart.completed_at).toISOString() : null
  if (saleKey) {
    const orderId = typeof meta.pos_order_id === "string" ? meta.pos_order_id : null
    return { id: cart.id, status: "bought", bought_at: "till", sale_key: saleKey, order_id: orderId,
             display_id: await displayId(scope, orderId), completed_at: completedAt }
  }
  const orderId = await onlineOrder(scope, cart.id)
  if (orderId || completedAt) {
    return { id: cart.id, status: "bought", bought_at: "online", sale_key: null, order_id: orderId,
             display_id: await displayId(scope, orderId), completed_at: completedAt }
  }
  return { id: cart.id, status: "open", bought_at: null, sale_key: null, order_id: null,
           display_id: null, completed_at: null }
}

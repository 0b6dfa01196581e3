/**
 * POST /admin/pos/promotion-usage: a store sale's promotions counted against their campaigns'
 * budgets and usage limits, as a completed web cart counts them (Medusa's registerUsage).
 *
 * The till sends, once its sale is an order here: the order's id, and per line and promotion
 * the tax-inclusive öre the promotion took and the line's VAT rate. A budget counts what Medusa's
 * cart adjustments count: the amount net of VAT, unless the promotion is tax-inclusive.
 *
 * Once per order: the outcome is kept in the order's metadata (`pos_promotion_usage`), and a
 * second call (the till retrying after a lost answer) changes nothing. A sale the budget can no
 * longer hold (sold while the till could not reach this server, after the web used it up) is
 * recorded as "over_budget" and not counted: the sale happened; the budget is spent anyway.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"

type Adjustment = { promotion_id: string; amount_ore: number; vat_rate: string }
type Body = {
  order_id: string
  adjustments?: Adjustment[]
  customer_id?: string | null
  customer_email?: string | null
}

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { order_id, adjustments = [], customer_id = null, customer_email = null } = req.body ?? ({} as Body)
  if (!order_id || !Array.isArray(adjustments)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "order_id and adjustments[] are required")
  }
  const orders = req.scope.resolve(Modules.ORDER)
  const promotions = req.scope.resolve(Modules.PROMOTION)
  const order = await orders.retrieveOrder(order_id, { select: ["id", "metadata"] })
  const metadata = (order.metadata ?? {}) as Record<string, unknown>
  if (metadata.pos_promotion_usage) {
    res.json({ order_id, usage: metadata.pos_promotion_usage, already: true })
    return
  }

  const ids = Array.from(new Set(adjustments.map((a) => a.promotion_id).filter(Boolean)))
  const found = ids.length
    ? await promotions.listPromotions({ id: ids }, { select: ["id", "code", "is_tax_inclusive"] })
    : []
  const byId = new Map(found.map((p) => [p.id, p]))
  const actions = adjustments.flatMap((a) => {
    const promotion = byId.get(a.promotion_id)
    if (!promotion?.code || !(Number(a.amount_ore) > 0)) {
      return []
    }
    const gross = MathBN.div(a.amount_ore, 100)
    const amount = promotion.is_tax_inclusive
      ? gross
      : MathBN.div(gross, MathBN.add(1, MathBN.div(a.vat_rate || "0", 100)))
    return [{ code: promotion.code, amount }]
  })

  let usage = actions.length ? "registered" : "none"
  if (actions.length) {
    try {
      await promotions.registerUsage(actions, { customer_id, customer_email })
    } catch (e) {
      if (!(e instanceof MedusaError) || e.type !== MedusaError.Types.NOT_ALLOWED) {
        throw e
      }
      usage = "over_budget"
    }
  }
  await orders.updateOrders(order_id, { metadata: { ...metadata, pos_promotion_usage: usage } })
  res.json({ order_id, usage, already: false })
}

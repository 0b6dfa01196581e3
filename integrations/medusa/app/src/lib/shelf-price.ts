/**
 * The price a customer pays now for one unit of an article, as the web shop's cart would make it:
 * Medusa's calculated price (pricing module: the region's price, a sale price list that applies)
 * for the store's region, less the promotions that apply by themselves (promotion module,
 * `computeActions` with no code: the automatic ones whose campaign runs now and whose rules the
 * article, region, currency and sales channel meet), with the VAT of the article (tax module).
 *
 * Amounts come back in öre, tax included (Swedish shelf prices), rounded half up as the till and
 * Medusa's cart total round. `regular` is the price before any campaign (the price list's
 * original amount, before promotions); `now` what the customer pays; `campaign` the running
 * campaign's name (or the promotion's code) when `now` is below `regular`.
 *
 * Nothing is written: no cart is made for a scan (a shelf QR opened a thousand times a day
 * would leave a thousand carts).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ComputedActions, ContainerRegistrationKeys, MathBN, Modules, QueryContext } from "@medusajs/framework/utils"

type Row = Record<string, any>

export type ShelfPrice = { now: number; regular: number; campaign: string }

const CURRENCY = "sek"
const COUNTRY = "se"
const ITEM = "shelf-qr-item"

/** kronor (a BigNumber input) -> whole öre, half up */
function ore(amount: unknown): number {
  return MathBN.convert(amount as any).times(100).integerValue(4 /* ROUND_HALF_UP */).toNumber()
}

async function region(query: Row): Promise<Row | undefined> {
  const [{ data: stores }, { data: regions }] = await Promise.all([
    query.graph({ entity: "store", fields: ["id", "default_region_id"] }),
    query.graph({ entity: "region", fields: ["id", "currency_code"],
                  filters: { currency_code: CURRENCY } }),
  ])
  const wanted = (stores as Row[])[0]?.default_region_id
  const rows = regions as Row[]
  return rows.find((r) => r.id === wanted) ?? rows[0]
}

/** The article's VAT rate in per cent (its product type's rate in Sweden; 0 when none is set). */
async function vatRate(scope: MedusaContainer, variant: Row, unitPrice: unknown): Promise<number> {
  const tax = scope.resolve(Modules.TAX)
  const lines = await tax.getTaxLines(
    [{ id: ITEM, product_id: String(variant.product.id), product_type_id: variant.product.type_id ?? undefined,
       quantity: 1, unit_price: unitPrice as any, currency_code: CURRENCY }],
    { address: { country_code: COUNTRY } })
  return (lines as Row[]).reduce((sum, l) => sum + Number(l.rate ?? 0), 0)
}

/**
 * `variantId`'s price now in the store's region, for a customer of `salesChannelId` (the label's
 * store's channel: a promotion may be for one channel only). Null when the region has no price.
 */
export async function shelfPrice(scope: MedusaContainer, variantId: string,
                                 salesChannelId: string | undefined): Promise<ShelfPrice | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const reg = await region(query)
  if (!reg) {
    return null
  }
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "calculated_price.*", "product.id", "product.type_id", "product.collection_id",
             "product.discountable", "product.is_giftcard", "product.categories.id",
             "product.tags.id"],
    filters: { id: variantId },
    context: { calculated_price: QueryContext({ region_id: reg.id, currency_code: CURRENCY }) },
  })
  const variant = (variants as Row[])[0]
  const price = variant?.calculated_price as Row | undefined
  if (!variant || !price || price.calculated_amount == null) {
    return null
  }
  const rate = await vatRate(scope, variant, price.calculated_amount).catch(() => 0)
  const withVat = (amount: unknown, inclusive: boolean) =>
    inclusive ? MathBN.convert(amount as any) : MathBN.mult(amount as any, 1 + rate / 100)
  const gross = withVat(price.calculated_amount, !!price.is_calculated_price_tax_inclusive)
  const regular = withVat(price.original_amount ?? price.calculated_amount,
                          !!price.is_original_price_tax_inclusive)
  const net = MathBN.div(gross, 1 + rate / 100)

  // the automatic promotions, on a one-unit cart as the cart's workflow builds its context
  const promotions = scope.resolve(Modules.PROMOTION)
  const product = variant.product as Row
  let actions: Row[] = []
  try {
    actions = await promotions.computeActions([], {
      currency_code: CURRENCY,
      region_id: reg.id,
      region: { id: reg.id },
      sales_channel_id: salesChannelId,
      items: [{
        id: ITEM, quantity: 1, variant_id: variant.id, product_id: product.id,
        subtotal: net, original_total: gross, is_discountable: product.discountable !== false,
        product: { id: product.id, collection_id: product.collection_id, type_id: product.type_id,
                   is_giftcard: product.is_giftcard, categories: product.categories ?? [],
                   tags: product.tags ?? [] },
      }],
    } as any) as Row[]
  } catch {
    // a promotion that needs what an anonymous visitor has not (a customer for its budget):
    // not one this page can promise
    actions = []
  }
  let off = MathBN.convert(0)
  const codes: string[] = []
  for (const a of actions) {
    if (a.action !== ComputedActions.ADD_ITEM_ADJUSTMENT || a.item_id !== ITEM) {
      continue
    }
    // an adjustment on the price without VAT costs the customer its VAT too
    off = MathBN.add(off, a.is_tax_inclusive ? a.amount : MathBN.mult(a.amount, 1 + rate / 100))
    codes.push(String(a.code))
  }
  const now = MathBN.max(MathBN.sub(gross, off), 0)
  let campaign = ""
  if (codes.length) {
    const found = await promotions.listPromotions({ code: codes }, { relations: ["campaign"] })
    campaign = (found as Row[]).map((p) => p.campaign?.name || p.code).filter(Boolean)[0] ?? codes[0]
  } else if (MathBN.lt(gross, regular)) {
    campaign = String(price.calculated_price?.price_list_type === "sale" ? "Rea" : "")
  }
  return { now: ore(now), regular: ore(regular), campaign }
}

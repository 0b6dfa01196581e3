/**
 * GET /shelf/products/:handle?sku=SKU&store=KEY — what a shelf label's QR code opens (the address
 * is made in one place, pos/shelf_qr.py: `{base}/products/{handle}?sku={sku}&store={store}`, base
 * by default `{central store}/shelf`). A public page, outside /store and /admin: a customer's
 * phone has no key.
 *
 * The scan is counted as product interest (module product-interest: one row per sku, store, day
 * and source "shelf_qr", incremented atomically), then the product is shown: a 302 to the web
 * shop's product page when STOREFRONT_URL is set, else a small Swedish page made here (title,
 * image, price, stock in the label's store first, the other stores and online).
 *
 * The price is what the customer pays now (src/lib/shelf-price.ts: the calculated price for the
 * store's region, less the automatic promotions for the label's store's sales channel), with the
 * regular price struck through and the campaign named when a campaign lowers it.
 *
 * Not counted: an unknown SKU (a plain 404 page), a HEAD request, a browser's prefetch
 * (Purpose/Sec-Purpose: prefetch) and link-preview robots (by user agent): what remains is a
 * person who opened the address. A store key no stock location carries is counted as "" (a
 * label's typo or a made-up address must not make new stores in the figures).
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCT_INTEREST_MODULE } from "../../../../modules/product-interest"
import type ProductInterestService from "../../../../modules/product-interest/service"
import { SHELF_QR, swedishDay } from "../../../../modules/product-interest/service"
import { kronor } from "../../../receipts/[id]/route"
import { shelfPrice, type ShelfPrice } from "../../../../lib/shelf-price"

type Row = Record<string, any>

const esc = (text: unknown): string =>
  String(text ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)

const ROBOT = /bot\b|bot\/|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|telegram|discord|skype/i
const WEB_KEYS = new Set(["web-warehouse", "web"])

/** A person opened the address (not a HEAD, a prefetch or a link-preview robot). */
export function isPersonsVisit(req: MedusaRequest): boolean {
  if (req.method !== "GET") {
    return false
  }
  const purpose = `${req.get("purpose") ?? ""} ${req.get("sec-purpose") ?? ""} ${req.get("x-purpose") ?? ""} ${req.get("x-moz") ?? ""}`
  if (/prefetch|preview/i.test(purpose)) {
    return false
  }
  return !ROBOT.test(req.get("user-agent") ?? "")
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
body{margin:0;background:#f3f3f3;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#111}
main{max-width:28rem;margin:0 auto;background:#fff;padding:1rem 1rem 2rem;min-height:100vh;box-sizing:border-box}
h1{font-size:1.4rem;margin:.5rem 0 .25rem}
.img{width:100%;max-height:20rem;object-fit:contain;background:#fafafa;border-radius:.5rem}
.price{font-size:1.8rem;font-weight:700;margin:.25rem 0 .75rem}
.price.sale .now{color:#b3261e}
.price .was{display:block;font-size:1rem;font-weight:400;color:#555}
.campaign{display:inline-block;background:#b3261e;color:#fff;font-weight:700;font-size:.9rem;padding:.15rem .5rem;border-radius:.25rem;margin:.25rem 0 0}
.variant{color:#444;margin:0}
.desc{color:#333;line-height:1.4}
h2{font-size:1rem;margin:1.25rem 0 .25rem}
table{width:100%;border-collapse:collapse}
td{padding:.55rem 0;border-bottom:1px solid #e5e5e5;font-size:1rem}
td.n{text-align:right;white-space:nowrap;padding-left:.75rem}
tr.here td{font-weight:700}
.yes{color:#146c2e}.no{color:#a4262c}
.c{text-align:center;color:#444}
</style></head><body><main>${body}</main></body></html>`
}

function send(res: MedusaResponse, status: number, html: string): void {
  res.status(status)
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  // every opening reaches here (a cached page would not be counted)
  res.setHeader("Cache-Control", "no-store")
  res.send(html)
}

function notFound(res: MedusaResponse): void {
  send(res, 404, page("Produkten finns inte",
    `<h1>Produkten finns inte</h1><p class="c">Vi hittar ingen vara med den här adressen. ` +
    `Fråga gärna personalen i butiken.</p>`))
}

function units(n: number): string {
  return n > 0 ? `<span class="yes">${n} st i lager</span>` : `<span class="no">Slut</span>`
}

/** The price now; under a campaign the campaign's name, the price now and the regular one struck
 * through ("Ord. pris", as Swedish shops say it). */
export function priceHtml(price: ShelfPrice | null): string {
  if (price === null) {
    return ""
  }
  if (price.now >= price.regular) {
    return `<p class="price">${kronor(price.now)} kr</p>`
  }
  return (price.campaign ? `<p class="campaign">${esc(price.campaign)}</p>` : "") +
    `<p class="price sale"><span class="now">${kronor(price.now)} kr</span>` +
    `<span class="was">Ord. pris <s>${kronor(price.regular)} kr</s></span></p>`
}

async function handle(req: MedusaRequest, res: MedusaResponse) {
  const handleParam = String(req.params.handle ?? "")
  const sku = String(req.query.sku ?? "").trim()
  const store = String(req.query.store ?? "").trim()
  if (!sku || sku.length > 100 || store.length > 64) {
    return notFound(res)
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "title", "product.id", "product.title", "product.handle",
             "product.thumbnail", "product.description", "product.status",
             "prices.amount", "prices.currency_code", "prices.min_quantity", "prices.rules_count",
             "inventory_items.inventory.location_levels.location_id",
             "inventory_items.inventory.location_levels.stocked_quantity",
             "inventory_items.inventory.location_levels.reserved_quantity"],
    filters: { sku },
  })
  const variant = (variants as Row[]).find((v) => v.sku === sku)
  const product = variant?.product as Row | undefined
  // the handle must be the product's (or the SKU, for a product without one): an address that
  // pairs an article with another product's handle is not a label's
  if (!variant || !product || product.status === "rejected"
      || (handleParam !== product.handle && handleParam !== sku)) {
    return notFound(res)
  }

  const { data: locations } = await query.graph({
    entity: "stock_location", fields: ["id", "name", "metadata", "sales_channels.id"],
  })
  const keyOf = new Map<string, string>()
  const nameOf = new Map<string, string>()
  let channel: string | undefined  // the label's store's sales channel
  for (const loc of locations as Row[]) {
    const key = String((loc.metadata as Row | null)?.pos_location_key ?? "")
    if (key) keyOf.set(loc.id, key)
    nameOf.set(loc.id, String(loc.name ?? loc.id))
    if (key && key === store) channel = ((loc.sales_channels ?? []) as Row[])[0]?.id
  }
  const knownStore = [...keyOf.values()].includes(store) ? store : ""

  const storefront = (process.env.STOREFRONT_URL ?? "").trim().replace(/\/+$/, "")
  // the price now is read while the visit is counted (it reads only); the web shop shows its own
  const pricing = storefront ? Promise.resolve(null) : shelfPrice(req.scope, String(variant.id), channel)
    .catch((e) => {
      req.scope.resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`shelf page: no calculated price for ${sku}: ${(e as Error).message}`)
      return null
    })
  if (isPersonsVisit(req)) {
    const interest = req.scope.resolve<ProductInterestService>(PRODUCT_INTEREST_MODULE)
    await interest.countInterest(sku, knownStore, swedishDay(), SHELF_QR)
  }

  if (storefront) {
    res.setHeader("Cache-Control", "no-store")
    return res.redirect(302, `${storefront}/products/${encodeURIComponent(String(product.handle || sku))}`)
  }

  // price: what the customer pays now (campaigns included); else the SEK base price (no
  // price-list or quantity rule), as before
  let price: ShelfPrice | null = await pricing
  if (price === null) {
    const prices = ((variant.prices ?? []) as Row[]).filter((p) =>
      String(p.currency_code).toLowerCase() === "sek" && !Number(p.rules_count ?? 0)
      && !Number(p.min_quantity ?? 0))
    const base = prices.length ? Math.round(Number(prices[0].amount) * 100) : null
    price = base === null ? null : { now: base, regular: base, campaign: "" }
  }

  const available = new Map<string, number>()
  for (const item of (variant.inventory_items ?? []) as Row[]) {
    for (const lvl of (item.inventory?.location_levels ?? []) as Row[]) {
      const n = Number(lvl.stocked_quantity ?? 0) - Number(lvl.reserved_quantity ?? 0)
      available.set(lvl.location_id, (available.get(lvl.location_id) ?? 0) + Math.max(0, n))
    }
  }
  const stores: { id: string; name: string; n: number; here: boolean }[] = []
  let online = 0
  for (const [id, n] of available) {
    if (WEB_KEYS.has(keyOf.get(id) ?? "")) {
      online += n
    } else {
      stores.push({ id, name: nameOf.get(id) ?? id, n, here: !!knownStore && keyOf.get(id) === knownStore })
    }
  }
  // the label's store first, then the others by name
  stores.sort((a, b) => Number(b.here) - Number(a.here) || a.name.localeCompare(b.name, "sv"))
  const rows = stores.map((s) =>
    `<tr${s.here ? ' class="here"' : ""}><td>${esc(s.name)}${s.here ? " (här)" : ""}</td>` +
    `<td class="n">${units(s.n)}</td></tr>`).join("") +
    `<tr><td>Webbutiken</td><td class="n">${units(online)}</td></tr>`
  const title = String(product.title ?? sku)
  const variantTitle = variant.title && variant.title !== title && variant.title !== "Default variant"
    ? String(variant.title) : ""
  const body =
    (product.thumbnail ? `<img class="img" src="${esc(product.thumbnail)}" alt="${esc(title)}">` : "") +
    `<h1>${esc(title)}</h1>` +
    (variantTitle ? `<p class="variant">${esc(variantTitle)}</p>` : "") +
    `<p class="variant">Artikelnr ${esc(sku)}</p>` +
    priceHtml(price) +
    (product.description ? `<p class="desc">${esc(product.description)}</p>` : "") +
    `<h2>I lager</h2><table>${rows}</table>`
  send(res, 200, page(title, body))
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  return handle(req, res)
}

// A HEAD (a link checker, a preview) is answered like a GET without a body, and never counted.
export async function HEAD(req: MedusaRequest, res: MedusaResponse) {
  return handle(req, res)
}

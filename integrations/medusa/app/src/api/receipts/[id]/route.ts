/**
 * GET /receipts/:id — the digital receipt a store receipt's QR code opens (the till prints
 * `<receipt_url><sale id>`; its default receipt_url is this route of the configured central
 * store). A public page: outside /store and /admin, so a customer's phone needs no key; the sale
 * id (a random UUID the till made) is what finds it, nothing lists receipts.
 *
 * Rendered from the store-sale order the till's outbox made (integrations/medusa/order_sink.py):
 * the order's metadata keeps the receipt number, register, time, control code, tenders and VAT
 * per rate, each item its name and amount in öre, as the paper has them. Swedish, mobile
 * friendly, no script; an unknown id is a plain 404 page.
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

type Meta = Record<string, unknown>

const esc = (text: unknown): string =>
  String(text ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)

/** Öre as Swedish kronor: 38840 -> "388,40", 123456 -> "1 234,56", -40 -> "-0,40". */
export function kronor(ore: number): string {
  const sign = ore < 0 ? "-" : ""
  const abs = Math.abs(Math.trunc(ore))
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ")
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")}`
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
body{margin:0;background:#f3f3f3;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111}
main{max-width:28rem;margin:0 auto;background:#fff;padding:1.25rem 1rem 2rem;min-height:100vh;box-sizing:border-box}
h1{font-size:1.25rem;text-align:center;margin:.25rem 0}
.c{text-align:center;margin:.1rem 0;color:#444}
table{width:100%;border-collapse:collapse;margin:.75rem 0}
td{padding:.3rem 0;vertical-align:top;font-size:1rem}
td.a{text-align:right;white-space:nowrap;padding-left:.75rem}
tr.sum td{font-weight:700;font-size:1.2rem;border-top:2px solid #111;padding-top:.5rem}
.small td{font-size:.85rem;color:#444}
hr{border:0;border-top:1px solid #ccc;margin:.75rem 0}
</style></head><body><main>${body}</main></body></html>`
}

function notFound(res: MedusaResponse): void {
  res.status(404)
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("Cache-Control", "no-store")
  res.send(page("Kvittot finns inte",
    `<h1>Kvittot finns inte</h1><p class="c">Vi hittar inget kvitto med den adressen. ` +
    `Kvitton från kassan visas här en stund efter köpet.</p>`))
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = String(req.params.id ?? "")
  if (!/^[A-Za-z0-9-]{8,64}$/.test(id)) {
    return notFound(res)
  }
  const orders = req.scope.resolve(Modules.ORDER)
  // metadata is JSON: the filter compares its pos_sale_id (as the sale-orders route does), then
  // the order is read with its items
  const found = await orders.listOrders(
    { metadata: { pos_sale_id: id } } as unknown as Parameters<typeof orders.listOrders>[0],
    { select: ["id", "metadata"], take: 2 }
  )
  const match = found.find((o) => (o.metadata as Meta | null)?.pos_sale_id === id)
  if (!match) {
    return notFound(res)
  }
  const order = await orders.retrieveOrder(match.id, { relations: ["items"] })
  const m = (order.metadata ?? {}) as Meta
  let store = ""
  if (order.sales_channel_id) {
    try {
      const channel = await req.scope.resolve(Modules.SALES_CHANNEL)
        .retrieveSalesChannel(order.sales_channel_id)
      store = channel.name ?? ""
    } catch {
      store = ""
    }
  }
  const receiptNo = String(m.pos_receipt_no ?? "")
  const when = String(m.pos_completed_at ?? "").slice(0, 16).replace("T", " ")
  const items = [...(order.items ?? [])].sort((a, b) =>
    Number((a.metadata as Meta | null)?.pos_line_no ?? 0) -
    Number((b.metadata as Meta | null)?.pos_line_no ?? 0))
  const lines = items.map((item) => {
    const im = (item.metadata ?? {}) as Meta
    const name = String(im.pos_name ?? item.title ?? "")
    const total = Number(im.pos_total_ore ?? Math.round(Number(item.unit_price) * Number(item.quantity) * 100))
    const qty = Number(item.quantity)
    const detail = im.pos_weight_kg ? `${String(im.pos_weight_kg).replace(".", ",")} kg`
      : qty !== 1 ? `${qty} st` : ""
    return `<tr><td>${esc(name)}${detail ? `<br><small>${esc(detail)}</small>` : ""}</td>` +
      `<td class="a">${kronor(total)}</td></tr>`
  }).join("")
  const total = Number(m.pos_total_ore ?? 0)
  const tenders = (Array.isArray(m.pos_tenders) ? m.pos_tenders : []) as [string, number][]
  const labels = (Array.isArray(m.pos_tender_labels) ? m.pos_tender_labels : []) as string[]
  const tenderRows = tenders.map(([method, amount], i) =>
    `<tr><td>${esc(labels[i] ?? method)}</td><td class="a">${kronor(Number(amount))}</td></tr>`).join("")
  const vat = (Array.isArray(m.pos_vat) ? m.pos_vat : []) as [string, number, number][]
  const vatRows = vat.map(([rate, gross, v]) =>
    `<tr><td>Moms ${esc(rate)} %</td><td class="a">${kronor(Number(v))} ` +
    `<small>(netto ${kronor(Number(gross) - Number(v))})</small></td></tr>`).join("")
  const title = `Kvitto ${receiptNo}${store ? ` från ${store}` : ""}`
  const body =
    `<h1>${esc(store || "Kvitto")}</h1>` +
    `<p class="c">Digitalt kvitto</p>` +
    `<p class="c">Kvitto nr ${esc(receiptNo)} · Kassa ${esc(m.pos_register_id)}</p>` +
    `<p class="c">${esc(when)}</p><hr>` +
    `<table width="100%">${lines}<tr class="sum"><td>Totalt</td><td class="a">${kronor(total)}</td></tr></table>` +
    (tenderRows ? `<table width="100%" class="small">${tenderRows}</table>` : "") +
    (vatRows ? `<table width="100%" class="small">${vatRows}</table>` : "") +
    `<hr><table width="100%" class="small"><tr><td>Kontrollkod</td><td class="a">${esc(m.pos_control_code ?? "-")}</td></tr>` +
    `<tr><td>Order</td><td class="a">#${esc(order.display_id)}</td></tr></table>`
  res.status(200)
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("Cache-Control", "private, no-store")
  res.send(page(title, body))
}

/**
 * Invoices as the tills see them: every payment of the invoice provider, with its order and
 * what is due. Medusa keeps the invoice's number, OCR and due date in the payment's data.
 *
 * Shortcut, said plainly: the invoice payments are read and compared here (no index on the
 * payment's data), which is fine for thousands of invoices, not for millions; a module with a
 * table of its own would index the OCR.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export const INVOICE_PROVIDER = "pp_invoice_invoice"

export type InvoiceView = {
  number: string
  ocr: string
  total: number // öre
  amount_due: number // öre
  due_on: string
  status: "open" | "paid" | "overdue" | "cancelled"
  customer_id: string
  customer_name: string
  order_id: string
  order_no: string
  payment_id: string
  captured_by: string[]
  channel: string
}

const ore = (v: unknown) => Math.round(Number(v ?? 0) * 100)

export async function invoicePayments(scope: MedusaContainer, want: { ocr?: string;
  customer_id?: string }): Promise<InvoiceView[]> {
  const payments = scope.resolve(Modules.PAYMENT)
  const rows = await payments.listPayments(
    { provider_id: INVOICE_PROVIDER } as unknown as Parameters<typeof payments.listPayments>[0],
    { relations: ["captures"], take: 5000, order: { created_at: "DESC" } })
  const matching = rows.filter((p) => {
    const d = (p.data ?? {}) as Record<string, unknown>
    return want.ocr ? String(d.ocr) === want.ocr : true
  })
  if (!matching.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const pcIds = [...new Set(matching.map((p) => p.payment_collection_id))]
  const { data: collections } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "order.id", "order.display_id", "order.customer_id", "order.email",
             "order.customer.first_name", "order.customer.last_name"],
    filters: { id: pcIds },
  })
  const orderOf = new Map<string, Record<string, any>>()
  for (const pc of collections as Array<Record<string, any>>) orderOf.set(pc.id, pc.order ?? {})
  const today = new Date().toISOString().slice(0, 10)
  const out: InvoiceView[] = []
  for (const p of matching) {
    const d = (p.data ?? {}) as Record<string, unknown>
    const o = orderOf.get(p.payment_collection_id) ?? {}
    if (want.customer_id && o.customer_id !== want.customer_id) continue
    const captures = (p.captures ?? []) as Array<{ amount: unknown; created_by?: string | null }>
    const captured = captures.reduce((s, c) => s + ore(c.amount), 0)
    const total = ore(p.amount)
    const due = Math.max(0, total - captured)
    const dueOn = String(d.due_date ?? "")
    const status = p.canceled_at ? "cancelled" : due === 0 ? "paid"
      : dueOn && today > dueOn ? "overdue" : "open"
    out.push({
      number: String(d.number ?? ""), ocr: String(d.ocr ?? ""), total, amount_due: due,
      due_on: dueOn, status, customer_id: String(o.customer_id ?? ""),
      customer_name: [o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(" ")
        || String(o.email ?? ""),
      order_id: String(o.id ?? ""), order_no: o.display_id ? String(o.display_id) : "",
      payment_id: p.id, captured_by: captures.map((c) => String(c.created_by ?? "")),
      channel: String(d.channel ?? ""),
    })
  }
  return out
}

/**
 * GET /admin/pos/invoices?ocr=...  or  ?customer_id=cus_...: the invoices (web and tills') with
 * that reference or of that customer: number, OCR, total and amount due in öre, due date,
 * status (open, paid, overdue), order id and display id; and the customer's own credit limit
 * (their metadata `credit_limit`, kronor) as `credit_limit_ore` (null: none).
 *
 * POST /admin/pos/invoices {order_id, number, ocr, due_date, amount_ore, customer_id?}: a till's
 * invoice sale made an order (the order sink): its payment is opened as an invoice (a payment
 * session of pp_invoice_invoice, authorized, not captured) with the till's number and OCR.
 * Idempotent: an order that has its invoice already answers with it.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { INVOICE_PROVIDER, invoicePayments } from "./lookup"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocr = String(req.query.ocr ?? "").replace(/\s/g, "")
  const customerId = String(req.query.customer_id ?? "").trim()
  if (!ocr && !customerId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "ocr or customer_id is required")
  }
  if (ocr && !/^[0-9]{2,25}$/.test(ocr)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "ocr must be 2-25 digits")
  }
  const invoices = await invoicePayments(req.scope, { ocr: ocr || undefined,
                                                       customer_id: customerId || undefined })
  let limit: number | null = null
  if (customerId) {
    const customers = req.scope.resolve(Modules.CUSTOMER)
    const [c] = await customers.listCustomers({ id: customerId }, { select: ["id", "metadata"] })
    const raw = (c?.metadata ?? {})["credit_limit"]
    if (raw !== undefined && raw !== null && raw !== "" && !Number.isNaN(Number(raw))) {
      limit = Math.round(Number(raw) * 100)
    }
  }
  res.json({ invoices, credit_limit_ore: limit })
}

type OpenBody = { order_id?: string; number?: string; ocr?: string; due_date?: string;
  amount_ore?: number; customer_id?: string }

export async function POST(req: AuthenticatedMedusaRequest<OpenBody>, res: MedusaResponse) {
  const b = (req.body ?? {}) as OpenBody
  if (!b.order_id || !b.ocr || !b.number || !Number.isInteger(b.amount_ore)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA,
      "order_id, number, ocr and amount_ore (a whole number of öre) are required")
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order", fields: ["id", "currency_code", "total", "payment_collections.*",
                              "payment_collections.payments.*"],
    filters: { id: b.order_id },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No order ${b.order_id}`)
  const payments = req.scope.resolve(Modules.PAYMENT)
  const collections = ((order as any).payment_collections ?? []) as Array<Record<string, any>>
  for (const pc of collections) {
    for (const p of (pc.payments ?? []) as Array<Record<string, any>>) {
      if (p.provider_id === INVOICE_PROVIDER && String((p.data ?? {}).ocr) === b.ocr) {
        return res.json({ payment_id: p.id, payment_collection_id: pc.id, created: false })
      }
    }
  }
  const open = collections.find((pc) => pc.status !== "canceled" && pc.status !== "completed")
  const amount = Number(b.amount_ore) / 100
  const pc = open ?? await payments.createPaymentCollections({
    currency_code: String((order as any).currency_code), amount })
  if (!open) {
    const link = req.scope.resolve(ContainerRegistrationKeys.LINK)
    await link.create({ [Modules.ORDER]: { order_id: b.order_id },
                        [Modules.PAYMENT]: { payment_collection_id: pc.id } })
  }
  const session = await payments.createPaymentSession(pc.id, {
    provider_id: INVOICE_PROVIDER, currency_code: String((order as any).currency_code), amount,
    data: { number: b.number, ocr: b.ocr, due_date: b.due_date ?? "", channel: "till",
            customer_id: b.customer_id ?? "" },
  })
  const payment = await payments.authorizePaymentSession(session.id, {})
  res.json({ payment_id: payment?.id, payment_collection_id: pc.id, created: true })
}

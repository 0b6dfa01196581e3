/**
 * Pay later by invoice. The payment stays authorized and not captured (the invoice is open) until
 * the customer pays: at a till (POST /admin/pos/invoices/capture) or by bankgiro (the back
 * office captures it). The reference scheme is the till's (pos/invoices.py): invoice number =
 * series digits + a six-digit consecutive number, OCR = number + length digit + Luhn check digit.
 *
 * The web's series ("9" unless the provider's options say otherwise) lives here, in a PostgreSQL
 * sequence of the central database: numbers are taken when an order is authorized, never twice.
 * A till's invoice arrives with its number and OCR already made (its store's series, taken
 * offline if need be) and keeps them.
 */
import { AbstractPaymentProvider, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput, AuthorizePaymentOutput, CancelPaymentInput, CancelPaymentOutput,
  CapturePaymentInput, CapturePaymentOutput, DeletePaymentInput, DeletePaymentOutput,
  GetPaymentStatusInput, GetPaymentStatusOutput, InitiatePaymentInput, InitiatePaymentOutput,
  ProviderWebhookPayload, RefundPaymentInput, RefundPaymentOutput, RetrievePaymentInput,
  RetrievePaymentOutput, UpdatePaymentInput, UpdatePaymentOutput, WebhookActionResult,
} from "@medusajs/framework/types"

type Options = { series?: string; days?: number; length_digit?: boolean }

export function luhnCheckDigit(body: string): number {
  let total = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    total += d
  }
  return (10 - (total % 10)) % 10
}

export function ocrReference(number: string, lengthDigit = true): string {
  let body = number
  if (lengthDigit) body += String((body.length + 2) % 10)
  return body + String(luhnCheckDigit(body))
}

export function invoiceNumber(series: string, seq: number): string {
  return series + String(seq).padStart(6, "0")
}

class InvoicePaymentProviderService extends AbstractPaymentProvider<Options> {
  static identifier = "invoice"
  protected options_: Options
  protected container_: Record<string, unknown>

  constructor(container: Record<string, unknown>, options: Options) {
    super(container, options)
    this.container_ = container
    this.options_ = options ?? {}
  }

  private async nextWebNumber(): Promise<string> {
    // the payment module's database connection (knex), registered in the module's container
    const pg = this.container_["__pg_connection__"] as {
      raw: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>
    }
    await pg.raw("CREATE SEQUENCE IF NOT EXISTS omnipos_invoice_web_seq START 1")
    const r = await pg.raw("SELECT nextval('omnipos_invoice_web_seq') AS n")
    return invoiceNumber(this.options_.series ?? "9", Number(r.rows[0].n))
  }

  private dueDate(days?: number): string {
    const d = new Date()
    d.setUTCDate(d.getUTCDate() + (days ?? this.options_.days ?? 30))
    return d.toISOString().slice(0, 10)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = { ...((input.data ?? {}) as Record<string, unknown>), status: "pending" }
    return { id: `inv_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, data }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = { ...((input.data ?? {}) as Record<string, unknown>) }
    if (!data.ocr) {  // a web order: the web's series
      const number = await this.nextWebNumber()
      data.number = number
      data.ocr = ocrReference(number, this.options_.length_digit ?? true)
      data.due_date = this.dueDate()
      data.channel = "web"
    }
    data.status = "open"
    return { data, status: PaymentSessionStatus.AUTHORIZED }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...((input.data ?? {}) as Record<string, unknown>), status: "paid" } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...((input.data ?? {}) as Record<string, unknown>), status: "cancelled" } }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: { ...((input.data ?? {}) as Record<string, unknown>) } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: (input.data ?? {}) as Record<string, unknown> }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const status = String(((input.data ?? {}) as Record<string, unknown>).status ?? "")
    if (status === "paid") return { status: PaymentSessionStatus.CAPTURED }
    if (status === "cancelled") return { status: PaymentSessionStatus.CANCELED }
    if (status === "open") return { status: PaymentSessionStatus.AUTHORIZED }
    return { status: PaymentSessionStatus.PENDING }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return (input.data ?? {}) as Record<string, unknown>
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: (input.data ?? {}) as Record<string, unknown> }
  }

  async getWebhookActionAndData(_: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default InvoicePaymentProviderService

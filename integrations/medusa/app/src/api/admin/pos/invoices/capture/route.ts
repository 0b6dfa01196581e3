/**
 * POST /admin/pos/invoices/capture {ocr, amount_ore, key, reference?}: an invoice paid (at a till):
 * its payment captured, once per idempotency key (the key is kept as the capture's created_by).
 *
 * - not paid yet: captured now; answers {payment_id, captured: true}
 * - captured already with this key (a retry after a lost answer): {captured: false, same: true}
 * - paid already with another key (paid at two tills): 409 with the reason; never a second capture
 *   (Medusa itself also refuses to capture more than was authorized).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { invoicePayments } from "../lookup"

type Body = { ocr?: string; amount_ore?: number; key?: string; reference?: Record<string, unknown> }

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const b = (req.body ?? {}) as Body
  const ocr = String(b.ocr ?? "").replace(/\s/g, "")
  const key = String(b.key ?? "")
  if (!ocr || !key || !Number.isInteger(b.amount_ore)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "ocr, amount_ore and key are required")
  }
  const [inv] = await invoicePayments(req.scope, { ocr })
  if (!inv) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No invoice has OCR ${ocr}`)
  if (inv.captured_by.includes(key)) {
    return res.json({ payment_id: inv.payment_id, captured: false, same: true })
  }
  if (inv.amount_due === 0 || inv.status === "paid") {
    return res.status(409).json({
      type: "invoice_already_paid",
      message: `Invoice ${inv.number} (OCR ${ocr}) is already paid (by ${inv.captured_by.join(", ")})`,
    })
  }
  if (Number(b.amount_ore) !== inv.amount_due) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA,
      `Invoice ${inv.number}: ${inv.amount_due} öre is due, not ${b.amount_ore}`)
  }
  try {
    await capturePaymentWorkflow(req.scope).run({
      input: { payment_id: inv.payment_id, amount: Number(b.amount_ore) / 100, captured_by: key },
    })
  } catch (e) {
    // two captures at once: Medusa refused the one that would capture more than authorized
    return res.status(409).json({ type: "invoice_already_paid", message: String(e) })
  }
  res.json({ payment_id: inv.payment_id, captured: true })
}

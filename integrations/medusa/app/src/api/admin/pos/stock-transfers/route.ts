/**
 * GET  /admin/pos/stock-transfers?to_location_id=...&status=sent|received
 *      transfers on their way to (or received at) a location, with their lines.
 * POST /admin/pos/stock-transfers {number, from_location_id, to_location_id, lines: [{sku, quantity}], note?}
 *      sends a transfer: the units leave the sender's stocked quantity now. Idempotent by
 *      `number` (a second call answers the transfer made by the first).
 *
 * Medusa has no transfer entity; this is the smallest honest one (src/modules/pos-stock):
 * a transfer with lines and a status, stock moved with the inventory module.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { inventoryItemOf, moveStock, text, wholeNumber } from "../../../../lib/pos-stock"
import { POS_STOCK_MODULE } from "../../../../modules/pos-stock"
import type PosStockService from "../../../../modules/pos-stock/service"

type Body = Record<string, unknown>

export const TRANSFER_FIELDS = ["id", "number", "from_location_id", "to_location_id", "status",
  "sent_at", "received_at", "received_by", "note", "lines.id", "lines.sku", "lines.quantity",
  "lines.received_quantity", "lines.inventory_item_id"]

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const records = req.scope.resolve<PosStockService>(POS_STOCK_MODULE)
  const filters: Record<string, unknown> = {}
  if (req.query.to_location_id) filters.to_location_id = String(req.query.to_location_id)
  if (req.query.status) filters.status = String(req.query.status)
  if (req.query.number) filters.number = String(req.query.number)
  const transfers = await records.listStockTransfers(filters, {
    select: TRANSFER_FIELDS, relations: ["lines"], order: { sent_at: "ASC" }, take: 200 })
  res.json({ stock_transfers: transfers })
}

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const body = (req.body ?? {}) as Body
  const number = text(body.number, "number")
  const from = text(body.from_location_id, "from_location_id")
  const to = text(body.to_location_id, "to_location_id")
  if (from === to) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A transfer goes to another location")
  }
  const raw = Array.isArray(body.lines) ? (body.lines as Body[]) : []
  if (!raw.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A transfer needs lines")
  }
  const records = req.scope.resolve<PosStockService>(POS_STOCK_MODULE)
  const locking = req.scope.resolve(Modules.LOCKING)
  const answer = await locking.execute(`pos-stock-transfer:${number}`, async () => {
    const [existing] = await records.listStockTransfers({ number }, {
      select: TRANSFER_FIELDS, relations: ["lines"], take: 1 })
    if (existing) {
      return { stock_transfer: existing, replayed: true }
    }
    const lines: { sku: string; quantity: number; inventory_item_id: string }[] = []
    for (const l of raw) {
      const sku = text(l.sku, "sku")
      lines.push({ sku, quantity: wholeNumber(l.quantity, "quantity", 1),
                   inventory_item_id: await inventoryItemOf(req.scope, sku) })
    }
    const transfer = await records.createStockTransfers({
      number, from_location_id: from, to_location_id: to, status: "sent",
      sent_at: new Date(), note: body.note ? String(body.note) : null })
    await records.createStockTransferLines(lines.map((l) => ({ ...l, transfer_id: transfer.id })))
    for (const l of lines) {
      await moveStock(req.scope, l.inventory_item_id, from, -l.quantity)
    }
    const [made] = await records.listStockTransfers({ id: transfer.id }, {
      select: TRANSFER_FIELDS, relations: ["lines"], take: 1 })
    return { stock_transfer: made, replayed: false }
  })
  res.status(answer.replayed ? 200 : 201).json(answer)
}

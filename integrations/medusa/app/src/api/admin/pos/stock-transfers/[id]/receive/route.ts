/**
 * POST /admin/pos/stock-transfers/{id}/receive {key, lines: [{sku, received_quantity}], received_by?}
 *
 * What came of a transfer: each line's received units are added to the receiving location's
 * stocked quantity and recorded; fewer than sent is the line's shortfall (quantity -
 * received_quantity), kept on the line. A line not named counts as nothing received. Exactly
 * once: a transfer already received answers as it is (`replayed: true`), whatever the key.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { moveStock, text, wholeNumber } from "../../../../../../lib/pos-stock"
import { POS_STOCK_MODULE } from "../../../../../../modules/pos-stock"
import type PosStockService from "../../../../../../modules/pos-stock/service"
import { TRANSFER_FIELDS } from "../../route"

type Body = Record<string, unknown>

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const id = req.params.id
  const body = (req.body ?? {}) as Body
  const key = text(body.key, "key")
  const raw = Array.isArray(body.lines) ? (body.lines as Body[]) : []
  const came = new Map<string, number>()
  for (const l of raw) {
    came.set(text(l.sku, "sku"), wholeNumber(l.received_quantity, "received_quantity", 0))
  }
  const records = req.scope.resolve<PosStockService>(POS_STOCK_MODULE)
  const locking = req.scope.resolve(Modules.LOCKING)
  const answer = await locking.execute(`pos-stock-transfer:${id}`, async () => {
    const [transfer] = await records.listStockTransfers({ id }, {
      select: TRANSFER_FIELDS, relations: ["lines"], take: 1 })
    if (!transfer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No transfer ${id}`)
    }
    if (transfer.status === "received") {
      return { stock_transfer: transfer, replayed: true }
    }
    for (const line of transfer.lines) {
      const got = came.get(line.sku) ?? 0
      if (got > line.quantity) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA,
          `${line.sku}: ${got} received of ${line.quantity} sent`)
      }
    }
    for (const line of transfer.lines) {
      const got = came.get(line.sku) ?? 0
      if (line.received_quantity == null) {  // not yet moved (a retry after a crash skips it)
        await moveStock(req.scope, line.inventory_item_id, transfer.to_location_id, got)
        await records.updateStockTransferLines({ id: line.id, received_quantity: got })
      }
    }
    await records.updateStockTransfers({
      id, status: "received", received_at: new Date(), received_key: key,
      received_by: body.received_by ? String(body.received_by) : null })
    const [done] = await records.listStockTransfers({ id }, {
      select: TRANSFER_FIELDS, relations: ["lines"], take: 1 })
    return { stock_transfer: done, replayed: false }
  })
  res.status(answer.replayed ? 200 : 201).json(answer)
}

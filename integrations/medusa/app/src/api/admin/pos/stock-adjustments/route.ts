/**
 * POST /admin/pos/stock-adjustments {key, sku, location_id, delta, expected?, counted?, fresh?, reason?}
 * GET  /admin/pos/stock-adjustments?key=...
 *
 * Medusa's location-level route only sets an absolute stocked_quantity: a till that posted a
 * stock count as "stocked = counted" would erase every sale made between the count and the
 * post. A count line is posted here as a *difference* (counted - expected at count time) added
 * to the level in one update of the inventory module, and kept on record with its key.
 *
 * `fresh: false` (the till's expected figure was its last synced one, possibly stale): the
 * difference is not known, so the line is an absolute count and the route sets the stocked
 * quantity at the location to `counted` (recorded with the delta it made, metadata.mode
 * "absolute"); setting the same figure again is harmless, so a retry is idempotent too.
 *
 * Exactly once: the key is unique. A retry after a lost answer finds the applied record and
 * answers it (`replayed: true`) without moving stock again. Calls with one key run one at a
 * time (the locking module). The record is written (applied = false) before the stock moves and
 * marked applied after, so a crash before the move leaves a record a retry applies. The one
 * window left: a crash of this server between the inventory update and the mark (two writes of
 * two modules, no shared transaction) would let a retry apply the delta again; the record then
 * shows stocked_before/after for a person to check.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { inventoryItemOf, moveStock, setStock, text, wholeNumber } from "../../../../lib/pos-stock"
import { POS_STOCK_MODULE } from "../../../../modules/pos-stock"
import type PosStockService from "../../../../modules/pos-stock/service"

type Body = Record<string, unknown>

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const key = text(req.query.key, "key")
  const records = req.scope.resolve<PosStockService>(POS_STOCK_MODULE)
  const [found] = await records.listStockAdjustments({ key }, { take: 1 })
  res.json({ stock_adjustment: found ?? null })
}

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const body = (req.body ?? {}) as Body
  const key = text(body.key, "key")
  const sku = text(body.sku, "sku")
  const locationId = text(body.location_id, "location_id")
  const delta = wholeNumber(body.delta, "delta")
  const expected = body.expected == null ? null : wholeNumber(body.expected, "expected", 0)
  const counted = body.counted == null ? null : wholeNumber(body.counted, "counted", 0)
  const fresh = body.fresh !== false
  if (!fresh && counted == null) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "counted is required when fresh is false")
  }
  const reason = String(body.reason ?? "stock_count").slice(0, 40)
  const records = req.scope.resolve<PosStockService>(POS_STOCK_MODULE)
  const locking = req.scope.resolve(Modules.LOCKING)
  const answer = await locking.execute(`pos-stock-adjustment:${key}`, async () => {
    const [existing] = await records.listStockAdjustments({ key }, { take: 1 })
    if (existing && existing.applied) {
      return { stock_adjustment: existing, replayed: true }
    }
    const mode = fresh ? "difference" : "absolute"
    const existingMode = (existing?.metadata as { mode?: string } | null)?.mode ?? "difference"
    if (existing && (existing.sku !== sku || existing.location_id !== locationId
                     || existingMode !== mode
                     || (fresh ? existing.delta !== delta : existing.counted !== counted))) {
      throw new MedusaError(MedusaError.Types.CONFLICT,
        `The key ${key} was used for another adjustment`)
    }
    const itemId = await inventoryItemOf(req.scope, sku)
    const record = existing ?? await records.createStockAdjustments({
      key, sku, inventory_item_id: itemId, location_id: locationId, delta, expected, counted,
      reason, applied: false,
      metadata: { mode, fresh,
                  by: (req as unknown as { auth_context?: { actor_id?: string } }).auth_context?.actor_id ?? null },
    })
    if (!fresh) {
      const set = await setStock(req.scope, itemId, locationId, counted as number)
      const done = await records.updateStockAdjustments({
        id: record.id, applied: true, delta: set.delta, stocked_before: set.before,
        stocked_after: set.after })
      return { stock_adjustment: done, replayed: false }
    }
    const { before, after } = await moveStock(req.scope, itemId, locationId, delta)
    const done = await records.updateStockAdjustments({
      id: record.id, applied: true, stocked_before: before, stocked_after: after })
    return { stock_adjustment: done, replayed: false }
  })
  res.status(answer.replayed ? 200 : 201).json(answer)
}

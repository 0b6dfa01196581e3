import { model } from "@medusajs/framework/utils"

/**
 * One correction of a store's stock (a posted stock count line), kept on record: the delta
 * applied to the stocked quantity, the count it came from and the level before and after.
 * `key` is the till's idempotency key (one per count line): a retry finds the record and
 * changes nothing.
 */
const StockAdjustment = model.define("pos_stock_adjustment", {
  id: model.id({ prefix: "posadj" }).primaryKey(),
  key: model.text().unique(),
  sku: model.text(),
  inventory_item_id: model.text(),
  location_id: model.text(),
  delta: model.number(),
  expected: model.number().nullable(),
  counted: model.number().nullable(),
  stocked_before: model.number().nullable(),
  stocked_after: model.number().nullable(),
  reason: model.text().default("stock_count"),
  applied: model.boolean().default(false),
  metadata: model.json().nullable(),
})

export default StockAdjustment

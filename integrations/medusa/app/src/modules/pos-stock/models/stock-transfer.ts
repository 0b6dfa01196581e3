import { model } from "@medusajs/framework/utils"
import StockTransferLine from "./stock-transfer-line"

/**
 * Goods sent from one stock location (another store, the web warehouse) to another. Sending
 * takes the units off the sender's stocked quantity; receiving adds what came to the receiver's
 * and records any shortfall per line. Status `sent` until received, then `received`.
 */
const StockTransfer = model.define("pos_stock_transfer", {
  id: model.id({ prefix: "postr" }).primaryKey(),
  number: model.text().unique(),
  from_location_id: model.text(),
  to_location_id: model.text(),
  status: model.enum(["sent", "received"]).default("sent"),
  sent_at: model.dateTime(),
  received_at: model.dateTime().nullable(),
  received_key: model.text().nullable(),
  received_by: model.text().nullable(),
  note: model.text().nullable(),
  lines: model.hasMany(() => StockTransferLine, { mappedBy: "transfer" }),
})

export default StockTransfer

import { model } from "@medusajs/framework/utils"
import StockTransfer from "./stock-transfer"

/** One article of a transfer: units sent, units received (null until received). */
const StockTransferLine = model.define("pos_stock_transfer_line", {
  id: model.id({ prefix: "postrl" }).primaryKey(),
  sku: model.text(),
  inventory_item_id: model.text(),
  quantity: model.number(),
  received_quantity: model.number().nullable(),
  transfer: model.belongsTo(() => StockTransfer, { mappedBy: "lines" }),
})

export default StockTransferLine

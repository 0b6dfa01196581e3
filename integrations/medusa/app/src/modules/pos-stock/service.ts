import { MedusaService } from "@medusajs/framework/utils"
import StockAdjustment from "./models/stock-adjustment"
import StockTransfer from "./models/stock-transfer"
import StockTransferLine from "./models/stock-transfer-line"

class PosStockService extends MedusaService({ StockAdjustment, StockTransfer, StockTransferLine }) {}

export default PosStockService

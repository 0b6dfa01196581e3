/**
 * The point of sale's stock records that Medusa has no entity for: stock adjustments from
 * posted stock counts (idempotent by the till's key, kept on record) and transfers between
 * stock locations (sent / received, with the shortfall). The stock itself stays in Medusa's
 * inventory module; the routes under src/api/admin/pos/stock-* move it.
 */
import { Module } from "@medusajs/framework/utils"
import PosStockService from "./service"

export const POS_STOCK_MODULE = "posStock"

export default Module(POS_STOCK_MODULE, { service: PosStockService })

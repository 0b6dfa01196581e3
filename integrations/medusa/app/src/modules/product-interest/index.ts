/**
 * The product-interest module: shelf-label QR scans counted per article, store, day and source
 * (registered in medusa-config.ts; GET /shelf/products/:handle counts, GET
 * /admin/pos/product-interest reports).
 */
import { Module } from "@medusajs/framework/utils"
import ProductInterestService from "./service"

export const PRODUCT_INTEREST_MODULE = "product_interest"

export default Module(PRODUCT_INTEREST_MODULE, {
  service: ProductInterestService,
})

import { model } from "@medusajs/framework/utils"

/**
 * Product interest counted centrally: how many times an article was asked for, per SKU, store
 * (the stock location key the shelf label names, "" when it named none we know), day (Swedish
 * calendar day, YYYY-MM-DD) and source ("shelf_qr": a phone opened a shelf label's QR code).
 *
 * One row per (sku, store_key, day, source), its count incremented atomically in the database
 * (INSERT ... ON CONFLICT DO UPDATE SET count = count + 1, see ../service.ts): a scan costs one
 * statement, concurrent scans cannot lose a count, and the table grows by articles x stores x
 * days, not by scans, so reading a month of interest stays a small indexed range read.
 */
const ProductInterest = model
  .define("product_interest", {
    id: model.id({ prefix: "pint" }).primaryKey(),
    sku: model.text(),
    store_key: model.text(),
    day: model.text(),
    source: model.text(),
    count: model.number().default(0),
  })
  .indexes([
    { on: ["sku", "store_key", "day", "source"], unique: true },
    { on: ["day"] },
  ])

export default ProductInterest

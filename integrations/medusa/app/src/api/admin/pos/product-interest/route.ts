/**
 * GET /admin/pos/product-interest?from=YYYY-MM-DD&to=YYYY-MM-DD[&store=KEY] — product interest
 * counted here (shelf-label QR scans, see /shelf/products/:handle), per sku, store key, day and
 * source, for the back office (a register's or back office's admin token, as the other
 * /admin/pos routes). `store` narrows to one store key ("" is the scans whose label named no store
 * we know). At most 400 days per call.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCT_INTEREST_MODULE } from "../../../../modules/product-interest"
import type ProductInterestService from "../../../../modules/product-interest/service"

const DAY = /^\d{4}-\d{2}-\d{2}$/

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const from = String(req.query.from ?? "")
  const to = String(req.query.to ?? "")
  if (!DAY.test(from) || !DAY.test(to) || isNaN(Date.parse(from)) || isNaN(Date.parse(to))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from and to are days, YYYY-MM-DD")
  }
  const span = (Date.parse(to) - Date.parse(from)) / 86400000
  if (span < 0 || span > 400) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "to is before from, or more than 400 days after it")
  }
  const store = req.query.store === undefined ? undefined : String(req.query.store)
  const interest = req.scope.resolve<ProductInterestService>(PRODUCT_INTEREST_MODULE)
  const counts = await interest.interestBetween(from, to, store)
  res.json({ from, to, store: store ?? null, interest: counts })
}

import { MedusaService, generateEntityId } from "@medusajs/framework/utils"
import ProductInterest from "./models/product-interest"

type Pg = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>
}

export type InterestCount = { sku: string; store_key: string; day: string; source: string; count: number }

export const SHELF_QR = "shelf_qr"
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The Swedish calendar day of an instant (a scan at 00:30 Swedish time is that day's). */
export function swedishDay(at: Date = new Date()): string {
  // sv-SE formats a date as YYYY-MM-DD
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit",
  }).format(at)
}

class ProductInterestService extends MedusaService({ ProductInterest }) {
  protected pg_: Pg

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // the module's own database connection (knex), registered in its container
    this.pg_ = container["__pg_connection__"] as Pg
  }

  /**
   * One more scan of ``sku`` at ``storeKey`` on ``day``: one statement, atomic under concurrent
   * scans (the unique index of live rows decides; a second scan of the same key adds to the row
   * the first one made). Returns the row's count after this scan.
   */
  async countInterest(sku: string, storeKey: string, day: string, source: string): Promise<number> {
    const r = await this.pg_.raw(
      `INSERT INTO product_interest (id, sku, store_key, day, source, count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, now(), now())
       ON CONFLICT (sku, store_key, day, source) WHERE deleted_at IS NULL
       DO UPDATE SET count = product_interest.count + 1, updated_at = now()
       RETURNING count`,
      [generateEntityId(undefined, "pint"), sku, storeKey, day, source]
    )
    return Number(r.rows[0]?.count ?? 0)
  }

  /** Counts per sku, store, day and source between two days (inclusive), optionally of one store. */
  async interestBetween(from: string, to: string, storeKey?: string): Promise<InterestCount[]> {
    if (!DAY.test(from) || !DAY.test(to)) {
      throw new Error("days are written YYYY-MM-DD")
    }
    const bindings: unknown[] = [from, to]
    let where = "deleted_at IS NULL AND day >= ? AND day <= ?"
    if (storeKey !== undefined) {
      where += " AND store_key = ?"
      bindings.push(storeKey)
    }
    const r = await this.pg_.raw(
      `SELECT sku, store_key, day, source, count FROM product_interest WHERE ${where}
       ORDER BY day, sku, store_key, source`, bindings)
    return r.rows.map((row) => ({
      sku: String(row.sku), store_key: String(row.store_key), day: String(row.day),
      source: String(row.source), count: Number(row.count),
    }))
  }
}

export default ProductInterestService

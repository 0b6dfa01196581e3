/**
 * GET /admin/pos/customer-candidates?email=..&phone=%2B46701234567&postcode=12345: the customers
 * who might be the one a till is about to create (the till decides which are duplicates:
 * pos/customers.py). Those with the e-mail (case folded), those with the phone (E.164, as the
 * till stores it), and those with a saved address in the postcode (spaces ignored), each once,
 * with their addresses' postcodes. Medusa's admin list searches names, e-mail and phone but not
 * addresses: without this route a till could not find "the same name in the same postcode".
 * Answers `{ customers: [{ id, email, first_name, last_name, phone, has_account, metadata,
 * postcodes: [..] }] }`, at most 50.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

const q = (v: unknown) => String(v ?? "").trim()
const postcodeKey = (p: unknown) => String(p ?? "").replace(/[^0-9A-Za-z]/g, "").toUpperCase()

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const email = q(req.query.email).toLowerCase()
  const phone = q(req.query.phone)
  const postcode = postcodeKey(req.query.postcode)
  const service = req.scope.resolve(Modules.CUSTOMER)
  type Filters = Parameters<typeof service.listCustomers>[0]
  const ids = new Set<string>()
  if (email) {
    for (const c of await service.listCustomers({ email: { $ilike: email } } as unknown as Filters,
                                                { select: ["id", "email"], take: 20 })) {
      if ((c.email ?? "").toLowerCase() === email) ids.add(c.id)
    }
  }
  if (phone) {
    for (const c of await service.listCustomers({ phone } as unknown as Filters,
                                                { select: ["id"], take: 20 })) {
      ids.add(c.id)
    }
  }
  if (postcode.length >= 3) {
    // "123 45" and "12345" alike: both spellings are asked for
    const spelled = postcode.length === 5 ? [postcode, `${postcode.slice(0, 3)} ${postcode.slice(3)}`]
                                          : [postcode]
    const addresses = await service.listCustomerAddresses(
      { postal_code: spelled } as unknown as Parameters<typeof service.listCustomerAddresses>[0],
      { select: ["id", "customer_id", "postal_code"], take: 50 })
    for (const a of addresses) {
      if (postcodeKey(a.postal_code) === postcode && a.customer_id) ids.add(a.customer_id)
    }
  }
  if (ids.size === 0) {
    res.json({ customers: [] })
    return
  }
  const found = await service.listCustomers({ id: [...ids].slice(0, 50) } as unknown as Filters,
                                            { relations: ["addresses"], take: 50 })
  res.json({
    customers: found.map((c) => ({
      id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name, phone: c.phone,
      has_account: c.has_account, metadata: c.metadata,
      postcodes: [...new Set((c.addresses ?? []).map((a) => String(a.postal_code ?? "")))],
    })),
  })
}

/**
 * One customer, also when they register on the web after a till made them a customer.
 *
 * Medusa 2.21's registration (`POST /store/customers`, createCustomerAccountWorkflow) refuses an
 * e-mail that already has an account, but for an e-mail that only a guest customer has (one the
 * till created: `has_account: false`) it makes a SECOND customer with `has_account: true`
 * (the customer table's unique index is on email AND has_account). The till's store sales stay
 * on the guest and the shopper never sees them under "my orders".
 *
 * This middleware runs on that route before Medusa's handler: when the registering identity has
 * no customer yet and the only customer with its e-mail (case folded) is a guest, that guest
 * becomes the account (`has_account: true`, the auth identity's `app_metadata.customer_id` set
 * to it, as Medusa's own step would for a new one), and the guest's fields the shopper left
 * empty are filled from the form. The answer has Medusa's shape (`{ customer }`). Anything else
 * (no guest, an account already, a request that is no registration) goes on to Medusa.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

type Body = { email?: unknown; first_name?: unknown; last_name?: unknown; phone?: unknown;
              company_name?: unknown }

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "")

export async function guestBecomesAccount(req: MedusaRequest, res: MedusaResponse,
                                          next: MedusaNextFunction) {
  const auth = (req as MedusaRequest & {
    auth_context?: { actor_id?: string; auth_identity_id?: string } }).auth_context
  const body = (req.body ?? {}) as Body
  const email = text(body.email)
  if (!auth?.auth_identity_id || auth.actor_id || !email) {
    return next()
  }
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const sameEmail = (await customers.listCustomers(
    { email: { $ilike: email } } as unknown as Parameters<typeof customers.listCustomers>[0],
    { take: 10 })).filter((c) => (c.email ?? "").toLowerCase() === email.toLowerCase())
  const guest = sameEmail.find((c) => !c.has_account)
  if (!guest || sameEmail.some((c) => c.has_account)) {
    return next()
  }
  const authModule = req.scope.resolve(Modules.AUTH)
  const identity = await authModule.retrieveAuthIdentity(auth.auth_identity_id)
  const appMetadata = (identity.app_metadata ?? {}) as Record<string, unknown>
  if (appMetadata.customer_id) {
    return next()
  }
  await customers.updateCustomers(guest.id, {
    has_account: true,
    first_name: guest.first_name || text(body.first_name) || null,
    last_name: guest.last_name || text(body.last_name) || null,
    phone: guest.phone || text(body.phone) || null,
    company_name: guest.company_name || text(body.company_name) || null,
    metadata: { ...(guest.metadata ?? {}), pos_account_registered_at: new Date().toISOString() },
  } as unknown as Parameters<typeof customers.updateCustomers>[1])
  await authModule.updateAuthIdentities({
    id: identity.id, app_metadata: { ...appMetadata, customer_id: guest.id } })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "company_name", "has_account",
             "metadata", "created_at", "updated_at", "addresses.*"],
    filters: { id: guest.id },
  })
  res.status(200).json({ customer: data[0] })
}

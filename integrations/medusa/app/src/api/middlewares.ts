/**
 * The omnipos middlewares: a register's token (from POST /admin/pos/register-token) is refused
 * on every admin route once its key is revoked or deleted, so a stolen till is cut off at once
 * and not when its token expires. One primary-key read per call of a register (about a
 * millisecond), against the key's scrypt check (about 45 ms) that the token spares.
 */
import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { guestBecomesAccount } from "../lib/guest-account"

async function refuseRevokedRegisterTokens(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const auth = (req as MedusaRequest & { auth_context?: { app_metadata?: Record<string, unknown> } })
    .auth_context
  const keyId = auth?.app_metadata?.pos_api_key_id
  if (typeof keyId !== "string" || !keyId) {
    return next()
  }
  const apiKeys = req.scope.resolve(Modules.API_KEY)
  const [key] = await apiKeys.listApiKeys({ id: keyId }, { select: ["id", "revoked_at"], take: 1 })
  const revokedAt = key?.revoked_at ? new Date(key.revoked_at) : null
  if (!key || (revokedAt !== null && revokedAt <= new Date())) {
    res.status(401).json({ type: "unauthorized", message: "This register's key was revoked" })
    return
  }
  next()
}

export default defineMiddlewares({
  routes: [
    { matcher: "/admin*", middlewares: [refuseRevokedRegisterTokens] },
    // one customer: a till's guest customer becomes the web account of the same e-mail
    { matcher: "/store/customers", method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnregistered: true }),
                    guestBecomesAccount] },
    { matcher: "/store/pos/customer-token", middlewares: [authenticate("customer", ["session", "bearer"])] },
  ],
})

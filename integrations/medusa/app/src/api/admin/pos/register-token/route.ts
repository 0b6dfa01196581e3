/**
 * POST /admin/pos/register-token: a register's secret API key (HTTP Basic `sk_...:`, the only
 * way in) exchanged for a short-lived JWT, so the till pays Medusa's scrypt check of its key once
 * per token instead of on every call (about 45 ms each).
 *
 * Each register has its own secret key, titled "omnipos register K1"; revoking it
 * (`POST /admin/api-keys/{id}/revoke`) cuts that register off at once: its token names the key
 * (`app_metadata.pos_api_key_id`) and `../../../middlewares.ts` refuses a token whose key is
 * revoked or gone, while the other registers' tokens go on working.
 *
 * Body (optional): `{ ttl_seconds }`, at most (and by default) POS_REGISTER_TOKEN_TTL seconds
 * (900). Answer: `{ token, expires_in, register, api_key_id }`. A JWT or a session cannot renew
 * itself here: only a key can.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
  generateJwtToken,
} from "@medusajs/framework/utils"

const MAX_TTL = Math.max(1, Number(process.env.POS_REGISTER_TOKEN_TTL) || 900)
const REGISTER_TITLE_PREFIX = "omnipos register "

type Body = { ttl_seconds?: number }

export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const auth = req.auth_context
  if (auth?.actor_type !== "api-key") {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "Only a register's secret API key (HTTP Basic) opens a register token"
    )
  }
  const apiKeys = req.scope.resolve(Modules.API_KEY)
  const key = await apiKeys.retrieveApiKey(auth.actor_id)
  if (!key.title.startsWith(REGISTER_TITLE_PREFIX)) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This secret key is not a register's")
  }
  const asked = Number(req.body?.ttl_seconds)
  const ttl = Number.isFinite(asked) && asked > 0 ? Math.min(Math.floor(asked) || 1, MAX_TTL) : MAX_TTL
  const register = key.title.slice(REGISTER_TITLE_PREFIX.length)
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    {
      // an admin route accepts a JWT of actor type "user"; the actor is the key, as when the key
      // itself authenticates (and as the key's own calls are recorded)
      actor_id: key.id,
      actor_type: "user",
      auth_identity_id: "",
      app_metadata: { pos_api_key_id: key.id, pos_register: register },
      user_metadata: {},
    },
    { secret: http.jwtSecret, expiresIn: ttl, jwtOptions: http.jwtOptions }
  )
  res.json({ token, expires_in: ttl, register, api_key_id: key.id })
}

/**
 * The code a customer shows from their phone at the till: `CUSTOMER:` and a random token of 26
 * letters and digits (base32, 130 bits), kept in the customer's metadata as `pos_token`. The web's
 * "my account" page shows it as a QR code (GET /store/pos/customer-token); the till's scanner
 * reads it and the till asks GET /admin/pos/customer-token which customer it is. A random token,
 * not the customer's id: it says nothing about the customer, cannot be guessed, and a new one
 * (POST) makes an old screenshot worthless.
 */
import { randomBytes } from "crypto"

export const TOKEN_PREFIX = "CUSTOMER:"
export const TOKEN_PATTERN = /^[A-Z2-7]{26}$/

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

export function newToken(): string {
  const bytes = randomBytes(17)
  let bits = 0
  let value = 0
  let out = ""
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5 && out.length < 26) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

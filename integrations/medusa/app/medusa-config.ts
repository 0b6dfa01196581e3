import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// The central store for development and tests: one process, no Redis (in-memory event bus,
// cache and locks), no admin UI. Everything comes from the environment the script writes.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost",
      adminCors: process.env.ADMIN_CORS || "http://localhost",
      authCors: process.env.AUTH_CORS || "http://localhost",
      jwtSecret: process.env.JWT_SECRET || "omnipos-dev-jwt",
      cookieSecret: process.env.COOKIE_SECRET || "omnipos-dev-cookie",
    },
  },
  admin: { disable: true },
  modules: [
    // stock adjustments (posted stock counts) and transfers between locations (src/modules/pos-stock)
    { resolve: "./src/modules/pos-stock" },
    // product interest: shelf-label QR scans counted per article, store and day
    // (src/modules/product-interest; GET /shelf/products/:handle, GET /admin/pos/product-interest)
    { resolve: "./src/modules/product-interest" },
    {
      // the payment module with its system provider and the invoice (faktura) provider
      // (src/modules/invoice-payment: pp_invoice_invoice, the web's invoice series "9")
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          { resolve: "./src/modules/invoice-payment", id: "invoice",
            options: { series: "9", days: 30, length_digit: true } },
        ],
      },
    },
  ],
  // Gift cards and store credit accounts (the till sells and redeems gift cards and refunds to
  // store credit through them; the web cart applies both through the plugin's store routes).
  plugins: [{ resolve: "@medusajs/loyalty-plugin", options: {} }],
})

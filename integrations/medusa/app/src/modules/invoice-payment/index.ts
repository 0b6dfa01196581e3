/**
 * The invoice (faktura) payment provider: registered under the payment module's providers in
 * medusa-config.ts with id "invoice", so its id is `pp_invoice_invoice`; the seed enables it on
 * the Swedish region, so the web checkout can offer invoice.
 */
import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import InvoicePaymentProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [InvoicePaymentProviderService],
})

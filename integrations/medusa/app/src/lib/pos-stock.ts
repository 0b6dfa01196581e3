/** Shared by the stock adjustment and transfer routes: an article's inventory item by SKU, and
 * one change of a location's stocked quantity by a delta (creating the level when missing). */
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export async function inventoryItemOf(scope: MedusaContainer, sku: string): Promise<string> {
  const inventory = scope.resolve(Modules.INVENTORY)
  const [item] = await inventory.listInventoryItems({ sku }, { select: ["id", "sku"], take: 1 })
  if (!item) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No inventory item has the SKU ${sku}`)
  }
  return item.id
}

/** Adds `delta` (may be negative) to the stocked quantity of `itemId` at `locationId` in one
 * update of the inventory module (no read-then-overwrite: sales reserving or fulfilling at the
 * same time are kept). Returns the stocked quantity before and after. */
export async function moveStock(scope: MedusaContainer, itemId: string, locationId: string,
                                delta: number): Promise<{ before: number; after: number }> {
  const inventory = scope.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels(
    { inventory_item_id: itemId, location_id: locationId },
    { select: ["id", "stocked_quantity"], take: 1 })
  if (!level) {
    await inventory.createInventoryLevels([{ inventory_item_id: itemId, location_id: locationId,
                                            stocked_quantity: delta }])
    return { before: 0, after: delta }
  }
  const before = Number(level.stocked_quantity)
  if (delta === 0) {
    return { before, after: before }
  }
  const updated = await inventory.adjustInventory(itemId, locationId, delta)
  return { before, after: Number(updated.stocked_quantity) }
}

/** Sets the stocked quantity of `itemId` at `locationId` to `counted` (an absolute count: the
 * till's expected figure was not fresh, so its difference is not known). Idempotent: a retry
 * sets the same figure. Returns the level before, after and the delta it made. */
export async function setStock(scope: MedusaContainer, itemId: string, locationId: string,
                               counted: number): Promise<{ before: number; after: number; delta: number }> {
  const inventory = scope.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels(
    { inventory_item_id: itemId, location_id: locationId },
    { select: ["id", "stocked_quantity"], take: 1 })
  const before = level ? Number(level.stocked_quantity) : 0
  const { after } = await moveStock(scope, itemId, locationId, counted - before)
  return { before, after, delta: counted - before }
}

export function wholeNumber(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} must be a whole number` +
      (min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ""))
  }
  return n
}

export function text(value: unknown, name: string): string {
  const s = String(value ?? "").trim()
  if (!s) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} is required`)
  }
  return s
}

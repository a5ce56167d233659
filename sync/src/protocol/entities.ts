import { orderStatuses } from '@shoebox/shared';
import { orderShippingAddress } from '@shoebox/shared/contracts';
import { z } from 'zod';

/**
 * The rows desktops mirror, as they travel. Field names follow store-api's columns (camelCase).
 * Fields a role may not see (see server/field-policy.ts) are optional here, because a warehouse
 * device receives those rows without them. Upserts replace whole rows, so a field that becomes
 * hidden (an address once the order ships) disappears from the mirror too.
 */

const id = z.string().min(1).max(80);
const time = z.number().int();
const minor = z.number().int();

const brand = z.object({ id, name: z.string(), slug: z.string(), updatedAt: time });
const category = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  position: z.number().int(),
  updatedAt: time,
});
const colour = z.object({
  id,
  name: z.string(),
  code: z.string(),
  family: z.string(),
  swatchHex: z.string(),
  updatedAt: time,
});

export const productStatuses = ['draft', 'active', 'archived'] as const;

/** The product fields `product.update` may change (merged field by field). */
export const productEditable = z.object({
  name: z.string().trim().min(1).max(160),
  description: z.string().max(10_000),
  material: z.string().max(80),
  heelHeightMm: z.number().int().min(0).max(300),
  basePriceMinor: minor.min(0),
  status: z.enum(productStatuses),
  tags: z.array(z.string().min(1).max(40)).max(20),
});
export type ProductEditable = z.output<typeof productEditable>;
export const productEditableFields = Object.keys(productEditable.shape) as (keyof ProductEditable)[];

const product = productEditable.extend({
  id,
  styleCode: z.string(),
  slug: z.string(),
  brandId: id,
  categoryId: id,
  currency: z.string(),
  basePriceMinor: minor.optional(),
  popularity: z.number().int().optional(),
  version: z.number().int(),
  updatedAt: time,
});

const variant = z.object({
  id,
  productId: id,
  colourId: id,
  sku: z.string(),
  gtin: z.string().nullable(),
  sizeEuTenths: z.number().int(),
  width: z.string(),
  priceMinor: minor.nullable().optional(),
  compareAtMinor: minor.nullable().optional(),
  weightGrams: z.number().int(),
  lowStockThreshold: z.number().int(),
  active: z.boolean(),
  updatedAt: time,
});

const location = z.object({ id, code: z.string(), name: z.string() });
const bin = z.object({ id, locationId: id, code: z.string() });

const stockLevel = z.object({
  id,
  variantId: id,
  locationId: id,
  onHand: z.number().int().min(0),
  reserved: z.number().int().min(0),
  binId: id.nullable(),
  updatedAt: time,
});

export const shippingAddress = orderShippingAddress;

const order = z.object({
  id,
  number: z.string(),
  status: z.enum(orderStatuses),
  currency: z.string(),
  shippingMethodId: z.string(),
  flagged: z.boolean(),
  paidAt: time.nullable(),
  version: z.number().int(),
  createdAt: time,
  updatedAt: time,
  // Hidden from warehouse devices (customer contact, revenue), or shown only while the order is still to ship.
  email: z.string().optional(),
  customerId: id.nullable().optional(),
  shippingAddress: shippingAddress.optional(),
  subtotalMinor: minor.optional(),
  discountMinor: minor.optional(),
  shippingMinor: minor.optional(),
  taxMinor: minor.optional(),
  totalMinor: minor.optional(),
  refundedMinor: minor.optional(),
});

const orderLine = z.object({
  id,
  orderId: id,
  variantId: id,
  locationId: id,
  sku: z.string(),
  productName: z.string(),
  colourName: z.string(),
  sizeEuTenths: z.number().int(),
  width: z.string(),
  quantity: z.number().int().min(1),
  unitPriceMinor: minor.optional(),
  discountMinor: minor.optional(),
  lineTotalMinor: minor.optional(),
  taxMinor: minor.optional(),
});

const orderNote = z.object({
  id,
  orderId: id,
  text: z.string(),
  deviceId: id,
  createdAt: time,
});

// ---- fulfillment (decision 0040): aggregates as one row each, as change_log names them ----------

const pickBatchLine = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  orderLineId: id,
  variantId: id,
  locationId: id,
  sku: z.string(),
  binCode: z.string().nullable(),
  quantity: z.number().int(),
  pickedQuantity: z.number().int(),
  shortQuantity: z.number().int(),
  status: z.enum(['open', 'picked', 'short']),
  shortReason: z.string().nullable(),
});

/** A pick batch with its lines (change_log logs `pick_batch <id>` for any change of either). */
const pickBatch = z.object({
  id,
  number: z.string(),
  status: z.enum(['open', 'done']),
  version: z.number().int(),
  createdAt: time,
  updatedAt: time,
  lines: z.array(pickBatchLine),
});

export const printAddress = z.object({
  name: z.string(),
  company: z.string().optional(),
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  phone: z.string().optional(),
});

/** What a label prints (`@shoebox/documents` LabelData), kept on the shipment for reprints. */
export const labelContent = z.object({
  carrier: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  orderNumber: z.string(),
  weightGrams: z.number().int(),
  from: printAddress,
  to: printAddress,
  shipDate: z.string(),
});

const shipment = z.object({
  id,
  orderId: id,
  carrier: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  status: z.enum(['labelled', 'voided', 'in_transit', 'delivered']),
  trackingStatus: z.string(),
  weightGrams: z.number().int(),
  boxCode: z.string().nullable(),
  version: z.number().int(),
  createdAt: time,
  updatedAt: time,
  // Hidden from warehouse devices (cost), or shown only before handover (the recipient's address).
  label: labelContent.optional(),
  costMinor: minor.optional(),
  currency: z.string().optional(),
});

const returnLine = z.object({
  id,
  orderLineId: id,
  variantId: id,
  quantity: z.number().int(),
  reason: z.string(),
  exchangeVariantId: id.nullable(),
  inspection: z.enum(['restock', 'b_stock', 'write_off']).nullable(),
});

/** A return with its lines; the refund amounts are a field of their own so the policy can hide them. */
const returnRow = z.object({
  id,
  orderId: id,
  status: z.enum(['requested', 'received', 'refunded']),
  receivedAt: time.nullable(),
  createdAt: time,
  updatedAt: time,
  lines: z.array(returnLine),
  // Hidden from warehouse devices (money).
  refundId: id.nullable().optional(),
  lineRefunds: z.array(z.object({ lineId: id, refundMinor: minor })).optional(),
});

export const entitySchemas = {
  brand,
  category,
  colour,
  product,
  variant,
  location,
  bin,
  stockLevel,
  order,
  orderLine,
  orderNote,
  pickBatch,
  shipment,
  return: returnRow,
} as const;

export type EntityName = keyof typeof entitySchemas;
export const entityNames = Object.keys(entitySchemas) as EntityName[];
export const entityName = z.enum(entityNames as [EntityName, ...EntityName[]]);
export type EntityRow<E extends EntityName> = z.output<(typeof entitySchemas)[E]>;
export type AnyRow = EntityRow<EntityName>;

/** A stock level has no id of its own in store-api (its key is variant + location). */
export const stockLevelId = (variantId: string, locationId: string): string => `${variantId}:${locationId}`;

/** The key of a row across entities, for maps. */
export const rowKey = (entity: EntityName, rowId: string): string => `${entity}/${rowId}`;

import type { Role } from '@shoebox/shared';
import type { AnyRow, EntityName } from '../protocol/entities.ts';

/**
 * What each role's devices may receive, as data the server applies to every row it sends.
 * Allow-lists, not deny-lists: a column added later stays on the server until someone decides a
 * warehouse may see it. Warehouse devices get no revenue, cost or margin figures and no customer
 * contact beyond the shipping address of orders still to ship (domain.md, "Staff roles").
 */
export interface FieldRule {
  /** Fields always sent. */
  fields: readonly string[];
  /** Fields sent only while another field of the row has one of the listed values. */
  when?: Readonly<Record<string, { field: string; in: readonly string[] }>>;
}

export type RolePolicy = 'everything' | Readonly<Record<EntityName, FieldRule>>;

const ordersToShip = ['paid', 'picking', 'packed'] as const;

export const warehousePolicy: Readonly<Record<EntityName, FieldRule>> = {
  brand: { fields: ['id', 'name', 'slug', 'updatedAt'] },
  category: { fields: ['id', 'name', 'slug', 'position', 'updatedAt'] },
  colour: { fields: ['id', 'name', 'code', 'family', 'swatchHex', 'updatedAt'] },
  product: {
    fields: [
      ...['id', 'styleCode', 'slug', 'name', 'description', 'brandId', 'categoryId', 'material'],
      ...['heelHeightMm', 'currency', 'status', 'tags', 'version', 'updatedAt'],
    ],
  },
  variant: {
    fields: [
      ...['id', 'productId', 'colourId', 'sku', 'gtin', 'sizeEuTenths', 'width', 'weightGrams'],
      ...['lowStockThreshold', 'active', 'updatedAt'],
    ],
  },
  location: { fields: ['id', 'code', 'name'] },
  bin: { fields: ['id', 'locationId', 'code'] },
  stockLevel: { fields: ['id', 'variantId', 'locationId', 'onHand', 'reserved', 'binId', 'updatedAt'] },
  order: {
    fields: [
      ...['id', 'number', 'status', 'currency', 'shippingMethodId', 'flagged', 'paidAt', 'version'],
      ...['createdAt', 'updatedAt'],
    ],
    when: { shippingAddress: { field: 'status', in: ordersToShip } },
  },
  orderLine: {
    fields: [
      ...['id', 'orderId', 'variantId', 'locationId', 'sku', 'productName', 'colourName'],
      ...['sizeEuTenths', 'width', 'quantity'],
    ],
  },
  orderNote: { fields: ['id', 'orderId', 'text', 'deviceId', 'createdAt'] },
  pickBatch: { fields: ['id', 'number', 'status', 'version', 'createdAt', 'updatedAt', 'lines'] },
  // No cost; the label (the recipient's address) only until the parcel is handed over.
  shipment: {
    fields: [
      ...['id', 'orderId', 'carrier', 'service', 'trackingNumber', 'status', 'trackingStatus'],
      ...['weightGrams', 'boxCode', 'version', 'createdAt', 'updatedAt'],
    ],
    when: { label: { field: 'status', in: ['labelled'] } },
  },
  // No refund amounts (nor the refund's id).
  return: { fields: ['id', 'orderId', 'status', 'receivedAt', 'createdAt', 'updatedAt', 'lines'] },
};

export const fieldPolicy: Readonly<Record<Role, RolePolicy>> = {
  owner: 'everything',
  manager: 'everything',
  warehouse: warehousePolicy,
};

/** The row as a device of this role may see it (a new object; the input is untouched). */
export const visibleRow = <R extends AnyRow>(role: Role, entity: EntityName, row: R): R => {
  const policy = fieldPolicy[role];
  if (policy === 'everything') return row;
  const rule = policy[entity];
  const source = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of rule.fields) if (field in source) out[field] = source[field];
  for (const [field, cond] of Object.entries(rule.when ?? {})) {
    if (field in source && cond.in.includes(String(source[cond.field]))) out[field] = source[field];
  }
  return out as R;
};

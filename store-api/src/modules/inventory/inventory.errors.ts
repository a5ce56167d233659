import { businessRule, DomainError, type FieldError } from '@shoebox/shared';
import { httpErrors } from '../../http/http.errors.ts';
import { catalogLookupErrors } from '../catalog/index.ts';

/** Stable error codes of stock: movements, locations, bins, counts and imports. */
export const inventoryErrors = {
  invalidQuantity: (index: number, kind: string, quantity: number) =>
    new DomainError('validation', 'INVALID_QUANTITY', `Invalid quantity ${quantity} for ${kind}.`, {
      details: { index, kind, quantity },
    }),
  referenceTooLong: (max: number) =>
    new DomainError('validation', 'REFERENCE_TOO_LONG', `A reference has at most ${max} characters.`),
  /** A movement refused by the level it met: not enough reserved (release, sell) or available. */
  movementRefused: (
    m: { variantId: string; locationId: string; kind: string; quantity: number },
    level: { onHand: number; reserved: number },
  ) => {
    const consumesReservation = m.kind === 'release' || m.kind === 'sell';
    const available = level.onHand - level.reserved;
    return new DomainError(
      'business_rule',
      consumesReservation ? 'INSUFFICIENT_RESERVED' : 'INSUFFICIENT_STOCK',
      consumesReservation
        ? `Only ${level.reserved} reserved; cannot ${m.kind} ${m.quantity}.`
        : `Only ${available} available (${level.onHand} on hand, ${level.reserved} reserved); refused ${m.kind} of ${m.quantity}.`,
      {
        details: {
          variantId: m.variantId,
          locationId: m.locationId,
          kind: m.kind,
          quantity: m.quantity,
          onHand: level.onHand,
          reserved: level.reserved,
          available,
        },
      },
    );
  },
  /** A shopper asks for more of a size than is available. */
  notEnoughForCart: (variantId: string, requested: number, available: number) =>
    businessRule(
      'INSUFFICIENT_STOCK',
      available === 0 ? 'This size is sold out.' : `Only ${available} left in this size.`,
      { variantId, requested, available },
    ),
  /** Checkout found no location with the size at all. */
  outOfStockAtCheckout: (l: { variantId: string; sku: string; quantity: number }) =>
    new DomainError('business_rule', 'INSUFFICIENT_STOCK', `${l.sku} is out of stock.`, {
      details: { variantId: l.variantId, sku: l.sku, quantity: l.quantity, available: 0 },
    }),
  variantNotFound: (id: string) =>
    catalogLookupErrors.variantNotFound('No variant with this id.', { variantId: id }),
  productNotFound: () => catalogLookupErrors.productNotFound('id'),
  locationNotFound: (id: string) =>
    new DomainError('not_found', 'LOCATION_NOT_FOUND', 'No stock location with this id.', {
      details: { locationId: id },
    }),
  locationCodeTaken: (code: string) =>
    new DomainError('conflict', 'LOCATION_CODE_TAKEN', `A stock location with code ${code} exists.`),
  binCodeTaken: (code: string) =>
    new DomainError('conflict', 'BIN_CODE_TAKEN', `Bin ${code} exists in this location already.`),
  linesInvalid: (errors: FieldError[]) =>
    new DomainError(
      'validation',
      'LINES_INVALID',
      `${errors.length} line(s) cannot be applied; nothing was written.`,
      {
        errors,
      },
    ),
  csvInvalid: (errors: FieldError[], maxReported: number) =>
    new DomainError(
      'validation',
      'CSV_INVALID',
      `${errors.length} problem(s) in the file; nothing was imported. First: ${errors[0]?.path}: ${errors[0]?.message}`,
      { errors: errors.slice(0, maxReported), details: { errorCount: errors.length } },
    ),
  countDenied: () => httpErrors.permissionDenied('inventory:count'),
};

import { DomainError, type ErrorKind, type FieldError } from '@shoebox/shared';

/**
 * The codes sync answers with, each with its error kind (which decides the HTTP status at the
 * store-api edge). Request-level codes refuse a whole pull or push and write nothing; rejection
 * codes come back per mutation inside a 200 push response and are kept on the desktop.
 */
export const syncRequestCodes = {
  /** The client speaks an older protocol than the server accepts: the app must be updated. */
  SYNC_UPDATE_REQUIRED: 'validation',
  /** The client is newer than the server (a server not yet upgraded). */
  SYNC_SERVER_OUTDATED: 'validation',
  /** The request does not match the protocol's schema. */
  SYNC_REQUEST_INVALID: 'validation',
  /** More mutations in one push, or a larger page, than the limits allow. */
  SYNC_BATCH_TOO_LARGE: 'validation',
  /** A cursor that is not one of ours (garbled or hand-made). */
  CURSOR_INVALID: 'validation',
  /** A cursor from another server (another shop, or a database restored elsewhere). */
  CURSOR_FOREIGN: 'conflict',
  /** A cursor ahead of the server's change sequence (the database was restored from a backup). */
  CURSOR_FROM_FUTURE: 'conflict',
  /** A push carrying a mutation of another device than the one signed in. */
  SYNC_DEVICE_MISMATCH: 'forbidden',
} as const satisfies Record<string, ErrorKind>;
export type SyncRequestCode = keyof typeof syncRequestCodes;

/** Codes a single mutation can be rejected with (stable: the desktop branches on them). */
export const rejectionCodes = [
  'MUTATION_UNKNOWN',
  'MUTATION_ARGS_INVALID',
  'PERMISSION_DENIED',
  'VARIANT_NOT_FOUND',
  'LOCATION_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'INSUFFICIENT_STOCK',
  'ILLEGAL_ORDER_TRANSITION',
  'PRODUCT_EDIT_CONFLICT',
  'NOTE_ID_TAKEN',
  // Fulfillment (decision 0040): the same codes the API answers for the same refusals.
  'PICK_BATCH_NOT_FOUND',
  'PICK_LINE_NOT_FOUND',
  'PICK_LINE_CLOSED',
  'PICK_SCAN_MISMATCH',
  'INVALID_QUANTITY',
  'ORDER_CANCELLED',
  'SHIPMENT_NOT_FOUND',
  'SHIPMENT_NOT_VOIDABLE',
  'SHIPMENT_ID_TAKEN',
  'TRACKING_NUMBER_INVALID',
  'RETURN_NOT_FOUND',
  'RETURN_STATE_CONFLICT',
  'RETURN_LINE_UNKNOWN',
  'RETURN_INSPECTION_INCOMPLETE',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

/** A request-level refusal; store-api renders it as problem+json, the client transport rebuilds it. */
export const syncError = (
  code: SyncRequestCode,
  message: string,
  extra: { details?: Record<string, unknown>; errors?: FieldError[] } = {},
): DomainError => new DomainError(syncRequestCodes[code], code, message, extra);

/** Cursor problems the client answers by starting over from an empty mirror (its outbox is kept). */
export const cursorResetCodes: ReadonlySet<string> = new Set([
  'CURSOR_INVALID',
  'CURSOR_FOREIGN',
  'CURSOR_FROM_FUTURE',
]);

/** Codes that stop syncing until the app (or the server) is upgraded: retrying cannot help. */
export const upgradeCodes: ReadonlySet<string> = new Set(['SYNC_UPDATE_REQUIRED', 'SYNC_SERVER_OUTDATED']);

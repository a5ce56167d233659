/**
 * The error catalogue: every `code` the API answers with and the HTTP status it usually comes
 * with (the status of its error kind, `statusOfKind`). The OpenAPI generator documents a route's
 * codes under these statuses, and refuses a code that is not listed here, so the document and
 * the clients never meet a code nobody wrote down.
 *
 * A code with two statuses is listed with its usual one; a route answering it with the other one
 * says so in its `errors` (`{ code: 'BRAND_NOT_FOUND', status: 422 }`: the id came from the body).
 */

/** Set by the HTTP layer (parsing, validation, authentication, limits), on any route that can reach it. */
const transport = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNEXPECTED_BODY: 400,
  BAD_REQUEST: 400,
  SIGN_IN_REQUIRED: 401,
  CUSTOMER_SIGN_IN_REQUIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  API_KEY_INVALID: 401,
  API_KEY_REVOKED: 401,
  // A valid token whose sign-in no longer holds (checked on every request).
  SESSION_REVOKED: 401,
  ACCOUNT_DELETED: 401,
  ACCOUNT_DISABLED: 401,
  STAFF_ONLY: 403,
  PERMISSION_DENIED: 403,
  ROUTE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMAGE_TYPE_UNSUPPORTED: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  // The database cannot be reached (refused, timed out, connection lost): retry after Retry-After.
  DATABASE_UNAVAILABLE: 503,
} as const;

/** Raised by the modules and flows; routes list the ones they can answer with. */
const domain = {
  // 400: the request itself is wrong in a way the body schema cannot say.
  CARD_NUMBER_INVALID: 400,
  CART_TOKEN_REQUIRED: 400,
  CSV_HEADER_INVALID: 400,
  CSV_INVALID: 400,
  CSV_MALFORMED: 400,
  IMAGE_REQUIRED: 400,
  INVALID_QUANTITY: 400,
  LINES_INVALID: 400,
  REFERENCE_TOO_LONG: 400,
  RESET_TOKEN_EXPIRED: 400,
  RESET_TOKEN_INVALID: 400,
  RESET_TOKEN_USED: 400,
  WEBHOOK_SIGNATURE_INVALID: 400,
  // 401
  INVALID_CREDENTIALS: 401,
  // Staff two-factor sign-in (decision 0034): the password was right, a code is needed next.
  MFA_REQUIRED: 401,
  MFA_CHALLENGE_INVALID: 401,
  MFA_CODE_INVALID: 401,
  MFA_CODE_USED: 401,
  REFRESH_TOKEN_EXPIRED: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  REFRESH_TOKEN_REVOKED: 401,
  // 403
  STAFF_USER_ONLY: 403,
  // The shop requires two-factor sign-in and this account has not set it up yet.
  MFA_ENROLMENT_REQUIRED: 403,
  // 404: the resource in the URL (or the cart of the token) does not exist. The catalog answers
  // 422 for an id a body refers to; routes say so per code.
  ADDRESS_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  BRAND_NOT_FOUND: 404,
  CART_LINE_NOT_FOUND: 404,
  CART_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  COLOUR_NOT_FOUND: 404,
  COUPON_NOT_FOUND: 404,
  DEMO_PAYMENTS_DISABLED: 404,
  IMAGE_NOT_FOUND: 404,
  LOCATION_NOT_FOUND: 404,
  MAIL_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  PICK_BATCH_NOT_FOUND: 404,
  PICK_LINE_NOT_FOUND: 404,
  SHIPMENT_NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  REVIEW_NOT_FOUND: 404,
  RETURN_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  VARIANT_NOT_FOUND: 404,
  // 409: taken values, concurrent changes, states that forbid the change.
  BIN_CODE_TAKEN: 409,
  BRAND_SLUG_TAKEN: 409,
  CART_BUSY: 409,
  CART_CONVERTED: 409,
  CATEGORY_SLUG_TAKEN: 409,
  COLOUR_CODE_TAKEN: 409,
  COUPON_CODE_TAKEN: 409,
  DEMO_SEED_REFUSED: 409,
  EMAIL_TAKEN: 409,
  GTIN_TAKEN: 409,
  ILLEGAL_ORDER_TRANSITION: 409,
  MFA_ALREADY_ENROLLED: 409,
  MFA_ENROLMENT_NOT_STARTED: 409,
  LOCATION_CODE_TAKEN: 409,
  ORDER_NOT_PAYABLE: 409,
  ORDER_NOT_PICKABLE: 409,
  PICK_LINE_CLOSED: 409,
  PICK_NOT_FINISHED: 409,
  SHIPMENT_NOT_VOIDABLE: 409,
  TRACKING_STATUS_OUT_OF_ORDER: 409,
  PAYMENT_INTENT_UNEXPECTED_STATE: 409,
  PRODUCT_SLUG_TAKEN: 409,
  // A return that was received (or refunded) already, or is not received yet for a refund.
  RETURN_STATE_CONFLICT: 409,
  SKU_TAKEN: 409,
  STYLE_CODE_TAKEN: 409,
  VARIANT_EXISTS: 409,
  REVIEW_ALREADY_EXISTS: 409,
  VERSION_CONFLICT: 409,
  // 422: well-formed, but a business rule refuses it.
  ADDRESS_LIMIT: 422,
  WISHLIST_LIMIT: 422,
  // Reviews (store-api/src/modules/reviews): only buyers, one each.
  REVIEW_NOT_A_BUYER: 422,
  CANNOT_DEMOTE_SELF: 422,
  CART_EMPTY: 422,
  CART_LIMIT: 422,
  CART_NOT_OPEN: 422,
  COMPARE_AT_NOT_HIGHER: 422,
  // A coupon on the cart that checkout refuses (shared/src/pricing/coupons.ts couponRejectionCodes).
  COUPON_CURRENCY_MISMATCH: 422,
  COUPON_CUSTOMER_LIMIT_REACHED: 422,
  COUPON_EXPIRED: 422,
  COUPON_MINIMUM_SPEND_NOT_MET: 422,
  COUPON_NOT_APPLICABLE: 422,
  COUPON_NOT_STARTED: 422,
  COUPON_REQUIRES_ACCOUNT: 422,
  COUPON_USAGE_LIMIT_REACHED: 422,
  CURRENT_PASSWORD_WRONG: 422,
  EMAIL_REQUIRED: 422,
  GTIN_SERIALS_EXHAUSTED: 422,
  IMAGE_TOO_LARGE_DIMENSIONS: 422,
  IMAGE_TOO_SMALL: 422,
  IMAGE_UNREADABLE: 422,
  INSUFFICIENT_RESERVED: 422,
  INSUFFICIENT_STOCK: 422,
  ORDER_NOT_PAID: 422,
  NO_ORDERS_TO_PICK: 422,
  PACK_INCOMPLETE: 422,
  PACK_OVER_SCAN: 422,
  PACK_SCAN_INVALID: 422,
  PACK_WRONG_ITEM: 422,
  PICK_SCAN_MISMATCH: 422,
  CARRIER_SERVICE_UNAVAILABLE: 422,
  TRACKING_SERIALS_EXHAUSTED: 422,
  PRODUCT_HAS_NO_VARIANTS: 422,
  REFUND_EXCEEDS_REFUNDABLE: 422,
  // Returns (store-api/src/modules/returns): the exchange must be another variant of the same product.
  EXCHANGE_VARIANT_INVALID: 422,
  RETURN_INSPECTION_INCOMPLETE: 422,
  RETURN_LINE_UNKNOWN: 422,
  RETURN_ORDER_NOT_SHIPPED: 422,
  RETURN_QUANTITY_EXCEEDED: 422,
  RETURN_WINDOW_CLOSED: 422,
  SHIPPING_METHOD_UNAVAILABLE: 422,
  SHIPPING_REQUIRED: 422,
  VARIANT_NOT_SELLABLE: 422,
  // 502: the payment provider failed or refused.
  PAYMENT_PROVIDER_ERROR: 502,
  PAYMENT_PROVIDER_UNAVAILABLE: 502,
  REFUND_FAILED: 502,
  // 502: the carrier failed or refused.
  CARRIER_ERROR: 502,
  CARRIER_UNAVAILABLE: 502,
} as const;

/**
 * Request-level refusals of the desktop sync protocol (sync/src/protocol/errors.ts) and of
 * device registration; the /sync and /admin/devices routes answer them. Per-mutation rejections travel inside a 200 push answer instead.
 */
const sync = {
  SYNC_UPDATE_REQUIRED: 400,
  SYNC_SERVER_OUTDATED: 400,
  SYNC_REQUEST_INVALID: 400,
  SYNC_BATCH_TOO_LARGE: 400,
  CURSOR_INVALID: 400,
  // A change the desktop refuses to queue (its own check before the server's).
  MUTATION_ARGS_INVALID: 400,
  MUTATION_UNKNOWN: 400,
  SYNC_DEVICE_MISMATCH: 403,
  // Devices (docs/decisions/0029): every /sync request carries X-Device-Credential.
  DEVICE_CREDENTIAL_INVALID: 401,
  // A revoked device (a lost laptop): the desktop wipes its cache when it meets this code.
  DEVICE_REVOKED: 403,
  DEVICE_NOT_FOUND: 404,
  CURSOR_FOREIGN: 409,
  CURSOR_FROM_FUTURE: 409,
  // Warehouse steps pushed by a desktop (docs/decisions/0040), answered as per-mutation rejections.
  // A label printed offline must carry a number from a block this device reserved, used once.
  TRACKING_NUMBER_NOT_RESERVED: 422,
  TRACKING_NUMBER_INVALID: 422,
  TRACKING_NUMBER_USED: 409,
  SHIPMENT_ID_TAKEN: 409,
  // The order was cancelled while the device was offline: the label it printed must be voided.
  ORDER_CANCELLED: 409,
  // Shipping goes through a label: an order ships only with a live shipment.
  SHIPMENT_REQUIRED: 409,
} as const;

/**
 * Answered by the desktop backend (Electron IPC and the browser-mode host's /rpc), never by the
 * API: desktop/src/ipc/errors.ts. The status is the one browser mode answers with.
 */
const desktop = {
  IPC_ARGS_INVALID: 400,
  IPC_SIGN_IN_REQUIRED: 401,
  OFFLINE_NO_SAVED_SESSION: 401,
  OFFLINE_PASSWORD_MISMATCH: 401,
  IPC_PERMISSION_DENIED: 403,
  IPC_UNKNOWN_HANDLER: 404,
  IPC_HANDLER_UNAVAILABLE: 404,
  ATTENTION_NOT_FOUND: 404,
  CONFLICT_CHOICE_INVALID: 400,
  IPC_INTERNAL: 500,
  API_UNREACHABLE: 502,
  API_ANSWER_INVALID: 502,
  PRINTER_UNREACHABLE: 502,
} as const;

/**
 * Raised when the code itself is wrong (a payment call without an amount or an order, demo
 * payments used before they were wired): logged with their code, answered as a generic 500.
 */
const internal = {
  DEMO_PAYMENTS_NOT_WIRED: 500,
  IDEMPOTENCY_KEY_INVALID: 500,
  PAYMENT_AMOUNT_INVALID: 500,
  PAYMENT_ORDER_MISSING: 500,
} as const;

export const errorCodeStatus: Readonly<Record<string, number>> = {
  ...transport,
  ...domain,
  ...sync,
  ...desktop,
  ...internal,
};

export type ErrorCode =
  | keyof typeof transport
  | keyof typeof domain
  | keyof typeof sync
  | keyof typeof desktop
  | keyof typeof internal;

/** The catalogue status of `code`; undefined for a code nobody listed. */
export const statusOfErrorCode = (code: string): number | undefined =>
  Object.hasOwn(errorCodeStatus, code) ? errorCodeStatus[code] : undefined;

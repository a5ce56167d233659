import { DomainError, type ErrorCode } from '@shoebox/shared';

const refuse = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('business_rule', code, message, details ? { details } : undefined);

/**
 * Stable error codes of checkout (the place-order flow and the demo payment). The cart's, the
 * stock's and the order's own codes are built by their modules (cartErrors, inventoryErrors,
 * orderErrors).
 */
export const checkoutErrors = {
  cartNotOpen: (status: string) =>
    refuse('CART_NOT_OPEN', 'This cart cannot be checked out any more.', { status }),
  cartEmpty: () => refuse('CART_EMPTY', 'The cart is empty.'),
  emailRequired: () => refuse('EMAIL_REQUIRED', 'Add an email address before checking out.'),
  shippingRequired: (shippingIssue: unknown) =>
    refuse('SHIPPING_REQUIRED', 'Choose a shipping address and method before checking out.', {
      shippingIssue,
    }),
  couponNotApplicable: (coupon: {
    code: string;
    reason?: ErrorCode | undefined;
    shortByMinor?: number | undefined;
  }) =>
    refuse(coupon.reason ?? 'COUPON_NOT_APPLICABLE', `Coupon ${coupon.code} cannot be used.`, {
      code: coupon.code,
      ...(coupon.shortByMinor !== undefined ? { shortByMinor: coupon.shortByMinor } : {}),
    }),
  couponUsedUp: (code: string) =>
    refuse('COUPON_USAGE_LIMIT_REACHED', `Coupon ${code} has been used up.`, { code }),
  demoPaymentsDisabled: () =>
    new DomainError(
      'not_found',
      'DEMO_PAYMENTS_DISABLED',
      'Demo payments are off: this shop takes real payments.',
    ),
};

import { businessRule, conflict, notFound } from '@shoebox/shared';

/** Coupon error codes, each built here only. */
export const couponErrors = {
  /** The coupon in the URL does not exist: 404. */
  notFound: (id: string) => notFound('COUPON_NOT_FOUND', 'No coupon with this id.', { id }),
  /** A code a shopper typed names no active coupon: 422 (the request is fine, the code is not). */
  unknownCode: (code: string) =>
    businessRule('COUPON_NOT_FOUND', 'No active coupon with this code.', { code }),
  codeTaken: (code: string) =>
    conflict('COUPON_CODE_TAKEN', `Another coupon already uses the code ${code}.`, { code }),
};

/** Coupons: admin definitions (service, routes) and the uses other modules' flows make of them. */
export { type CouponsService, createCouponsService } from './coupons.service.ts';
export {
  anonymiseRedemptions,
  giveBackCoupon,
  type Redemption,
  redeemCoupon,
  takeCouponAgain,
} from './coupon-redemptions.ts';
export { couponErrors } from './coupons.errors.ts';
export { couponsRoutes } from './coupons.routes.ts';

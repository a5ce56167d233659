import {
  type CartLineInput,
  type CartPricingInput,
  type CartTotals,
  type Coupon,
  type Currency,
  computeCartTotals,
  defaultTaxRates,
  houseCarrierMethods,
  type ShippingMethod,
  type TaxRates,
} from '@shoebox/shared';
import type { CartAddress, CartView } from '@shoebox/shared/contracts';
import type { Config } from '../../config/env.ts';
import { iso } from '../../lib/time.ts';
import type { CartRow, CouponRow } from './cart.repo.ts';
import type { CartLineBase, CartLineState, CartState } from './cart.sql.ts';

/**
 * Pricing and presenting a cart: pure functions of the cart's state (read in one statement by
 * `cart.sql.ts`), so a change can answer with the new cart without reading it back.
 */

/** The shipping, tax and origin settings every cart is priced with; checkout uses the same. */
export interface PricingConfig {
  shippingMethods: readonly ShippingMethod[];
  taxRates: TaxRates;
  defaultCountry: string;
}

export const pricingConfig = (config: Pick<Config, 'shopCountry'>): PricingConfig => ({
  shippingMethods: houseCarrierMethods,
  taxRates: defaultTaxRates,
  defaultCountry: config.shopCountry,
});

/** A cart line as checkout prices it. */
export interface CheckoutCartLine extends CartLineBase {
  /** variant.priceMinor ?? product.basePriceMinor, VAT included. */
  unitPriceMinor: number;
  /** Product active and variant active (and priced in the cart's currency). */
  sellable: boolean;
}

/**
 * A cart as checkout sees it. `totals.lines[i]` prices `lines[i]` (every line, sellable or not:
 * checkout refuses a cart with an unsellable line). `coupon` is the active coupon row named by the
 * cart, or null (none, unknown or deactivated since).
 */
export interface CheckoutCart {
  cart: CartRow;
  lines: CheckoutCartLine[];
  totals: CartTotals;
  coupon: CouponRow | null;
}

/** The cart's coupon row (when active) and this customer's earlier redemptions of it. */
export interface CartCoupon {
  row: CouponRow | null;
  byCustomer: number;
}

export const noCoupon: CartCoupon = { row: null, byCustomer: 0 };

/** The shared `Coupon` a coupon row stands for. */
export const couponFromRow = (row: CouponRow): Coupon => ({
  code: row.code,
  kind: row.kind as Coupon['kind'],
  percentBasisPoints: row.percentBasisPoints,
  amountMinor: row.amountMinor,
  currency: row.currency as Coupon['currency'],
  minimumSpendMinor: row.minimumSpendMinor,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  usageLimitTotal: row.usageLimitTotal,
  usageLimitPerCustomer: row.usageLimitPerCustomer,
  freeShipping: row.freeShipping,
});

export const isSellable = (
  d: { productStatus: string; variantActive: boolean; productCurrency: string },
  currency: string,
) => d.productStatus === 'active' && d.variantActive && d.productCurrency === currency;

export const toCheckoutLine = (d: CartLineState, currency: string): CheckoutCartLine => ({
  variantId: d.variantId,
  productId: d.productId,
  sku: d.sku,
  productName: d.productName,
  colourName: d.colourName,
  sizeEuTenths: d.sizeEuTenths,
  width: d.width,
  quantity: d.quantity,
  unitPriceMinor: d.priceMinor ?? d.basePriceMinor,
  compareAtMinor: d.compareAtMinor,
  weightGrams: d.weightGrams,
  sellable: isSellable(d, currency),
});

/** Where and how the cart ships, unless the change being checked says otherwise. */
export interface ShippingOverride {
  destination?: string | null;
  shippingMethodId?: string | null;
}

export function priceCart(
  pricing: PricingConfig,
  cart: CartRow,
  lines: readonly CheckoutCartLine[],
  coupon: CartCoupon,
  now: number,
  override: ShippingOverride = {},
): CartTotals {
  const country =
    override.destination !== undefined ? override.destination : (cart.shippingAddress?.country ?? null);
  const input: CartPricingInput = {
    lines: lines.map(
      (l): CartLineInput => ({
        variantId: l.variantId,
        sku: l.sku,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        compareAtMinor: l.compareAtMinor,
        weightGrams: l.weightGrams,
      }),
    ),
    currency: cart.currency as Currency,
    coupon: coupon.row ? couponFromRow(coupon.row) : null,
    couponUsage: coupon.row ? { total: coupon.row.timesUsed, byCustomer: coupon.byCustomer } : null,
    customerId: cart.customerId,
    destination: country ? { country } : null,
    shippingMethodId:
      override.shippingMethodId !== undefined ? override.shippingMethodId : cart.shippingMethodId,
    ...pricing,
    now,
  };
  return computeCartTotals(input);
}

export function checkoutCart(
  pricing: PricingConfig,
  state: CartState,
  coupon: CartCoupon,
  now: number,
): CheckoutCart {
  const lines = state.lines.map((l) => toCheckoutLine(l, state.cart.currency));
  return {
    cart: state.cart,
    lines,
    totals: priceCart(pricing, state.cart, lines, coupon, now),
    coupon: coupon.row,
  };
}

/** The API's view of a cart: lines with prices and availability, and the totals. */
export function cartView(
  pricing: PricingConfig,
  state: CartState,
  coupon: CartCoupon,
  now: number,
): CartView {
  const { cart } = state;
  const priced = checkoutCart(pricing, state, coupon, now);
  return {
    id: cart.id,
    status: cart.status,
    currency: cart.currency as Currency,
    email: cart.email,
    customerId: cart.customerId,
    lines: priced.lines.map((l, i) => ({
      variantId: l.variantId,
      productId: l.productId,
      sku: l.sku,
      productName: l.productName,
      colourName: l.colourName,
      sizeEu: l.sizeEuTenths / 10,
      width: l.width,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      compareAtMinor: l.compareAtMinor,
      lineTotalMinor: priced.totals.lines[i]!.lineTotalMinor,
      available: state.lines[i]!.available,
      sellable: l.sellable,
    })),
    totals: priced.totals as CartView['totals'],
    couponCode: cart.couponCode,
    shippingAddress: (cart.shippingAddress ?? null) as CartAddress | null,
    shippingMethodId: cart.shippingMethodId,
    version: cart.version,
    updatedAt: iso(cart.updatedAt),
  };
}

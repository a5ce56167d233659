import { allocateProportionally, type Currency, currencies, MAX_MINOR, vatIncluded } from '../money.ts';
import { err, ok, type Result } from '../result.ts';
import {
  type Coupon,
  type CouponRejectionCode,
  type CouponUsage,
  couponSchema,
  evaluateCoupon,
  normalizeCouponCode,
} from './coupons.ts';
import {
  parcelWeightGrams,
  quoteShipping,
  type ShippingMethod,
  type ShippingQuote,
  shippingMethodsSchema,
} from './shipping-rates.ts';
import { isCountryCode, normalizeCountry, resolveTaxRate, type TaxRates, taxRatesSchema } from './tax.ts';

/**
 * Cart and order totals: the one function the server, the storefront and the desktop app all
 * price with, so a shopper never sees a figure the server would not charge.
 *
 * Conventions (see also coupons.ts, shipping-rates.ts, tax.ts):
 * - Money is integer minor units; unit prices include VAT.
 * - The coupon discount is computed once per order on the goods subtotal, then spread over the
 *   lines in proportion to their subtotals (largest remainder), so line discounts add up to
 *   the order discount exactly. Shipping is never discounted, only waived (threshold, coupon).
 * - VAT is contained in the prices: each line's tax is `vatIncluded` of its discounted total,
 *   shipping's tax is `vatIncluded` of the shipping price, both at the destination's rate (or
 *   the shop's rate when there is no destination yet or no rate for it). Order tax is their
 *   sum; it is for display and bookkeeping and never changes `totalMinor`.
 * - A rejected coupon does not fail the totals: it comes back with applied=false and a reason.
 * - Shipping is quoted only for a destination and a non-empty cart. A requested method that
 *   cannot be used leaves `shipping` null with `shippingIssue` saying why; checkout must
 *   refuse a cart without shipping.
 * - Impossible input (fractional or non-positive quantities, negative prices, lines in another
 *   currency, bad config) is a programming error for `computeCartTotals`, which throws
 *   RangeError (with the errors as `cause`). Callers that want codes, e.g. to answer 400,
 *   call `validateCartPricingInput` first.
 * - Deterministic: no clock (the caller passes `now`), no randomness, lines keep their order.
 */

export interface CartLineInput {
  variantId: string;
  sku: string;
  /** Whole units, 1..MAX_CART_LINE_QUANTITY. */
  quantity: number;
  /** VAT-inclusive price of one unit, minor units. */
  unitPriceMinor: number;
  /** Carried for display ("was"); coupons apply to sale items too. */
  compareAtMinor: number | null;
  /** The boxed unit's weight; packaging is added per parcel (see parcelWeightGrams). */
  weightGrams: number;
  /** When given, must equal the cart's currency. */
  currency?: Currency;
}

export interface CartPricingInput {
  lines: readonly CartLineInput[];
  currency: Currency;
  coupon?: Coupon | null;
  /** Recorded redemptions of `coupon`, excluding this cart. Missing counts as none. */
  couponUsage?: CouponUsage | null;
  customerId?: string | null;
  destination?: { country: string } | null;
  shippingMethodId?: string | null;
  shippingMethods: readonly ShippingMethod[];
  taxRates: TaxRates;
  /** The shop's country: the tax fallback and the shipping origin. */
  defaultCountry: string;
  /** Epoch ms. */
  now: number;
}

export interface CartLineTotals {
  variantId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  /** unitPriceMinor x quantity. */
  lineSubtotalMinor: number;
  /** This line's share of the order discount. */
  discountMinor: number;
  /** lineSubtotalMinor - discountMinor. */
  lineTotalMinor: number;
  /** VAT contained in lineTotalMinor. */
  taxMinor: number;
}

export interface CartCouponOutcome {
  code: string;
  applied: boolean;
  reason?: CouponRejectionCode;
  /** For COUPON_MINIMUM_SPEND_NOT_MET: what is still missing. */
  shortByMinor?: number;
  /** Whether the applied coupon waives standard shipping. */
  freeShipping: boolean;
}

export const shippingIssueCodes = ['SHIPPING_DESTINATION_REQUIRED', 'SHIPPING_METHOD_UNAVAILABLE'] as const;
export type ShippingIssueCode = (typeof shippingIssueCodes)[number];

export interface CartTotals {
  currency: Currency;
  lines: CartLineTotals[];
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  /** VAT contained in totalMinor (lines + shipping), for display. */
  taxMinor: number;
  /** subtotalMinor - discountMinor + shippingMinor. */
  totalMinor: number;
  /** The country whose VAT rate was used, and the rate. */
  taxCountry: string;
  taxRateBasisPoints: number;
  /** Parcel weight, packaging included; 0 for an empty cart. */
  weightGrams: number;
  coupon: CartCouponOutcome | null;
  shipping: ShippingQuote | null;
  /** Set when a shipping method was requested but cannot be used. */
  shippingIssue: ShippingIssueCode | null;
  availableShipping: ShippingQuote[];
}

export const cartInputErrorCodes = [
  'CART_INVALID_CURRENCY',
  'CART_CURRENCY_MISMATCH',
  'CART_INVALID_QUANTITY',
  'CART_INVALID_PRICE',
  'CART_INVALID_WEIGHT',
  'CART_AMOUNT_TOO_LARGE',
  'CART_INVALID_COUNTRY',
  'CART_INVALID_TIME',
  'CART_INVALID_COUPON',
  'CART_INVALID_COUPON_USAGE',
  'CART_INVALID_TAX_CONFIG',
  'CART_INVALID_SHIPPING_CONFIG',
] as const;
export type CartInputErrorCode = (typeof cartInputErrorCodes)[number];

export interface CartInputError {
  code: CartInputErrorCode;
  /** Dotted path into the input, e.g. `lines.2.quantity`. */
  path: string;
  message: string;
}

export const MAX_CART_LINE_QUANTITY = 100_000;
const MAX_WEIGHT_GRAMS = 1_000_000;

const isMinor = (n: unknown): n is number =>
  Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= MAX_MINOR;
const isCount = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

/** Every reason the input cannot be priced; ok(input) when there is none. */
export const validateCartPricingInput = (
  input: CartPricingInput,
): Result<CartPricingInput, CartInputError[]> => {
  const errors: CartInputError[] = [];
  const add = (code: CartInputErrorCode, path: string, message: string) =>
    errors.push({ code, path, message });

  const currencyOk = (currencies as readonly string[]).includes(input.currency);
  if (!currencyOk) add('CART_INVALID_CURRENCY', 'currency', `Unsupported currency ${String(input.currency)}`);

  let subtotal = 0;
  let lineTooLarge = false;
  input.lines.forEach((line, i) => {
    const at = `lines.${i}`;
    const quantityOk =
      Number.isSafeInteger(line.quantity) && line.quantity >= 1 && line.quantity <= MAX_CART_LINE_QUANTITY;
    if (!quantityOk) {
      add(
        'CART_INVALID_QUANTITY',
        `${at}.quantity`,
        `Quantity must be a whole number from 1 to ${MAX_CART_LINE_QUANTITY}`,
      );
    }
    const priceOk = isMinor(line.unitPriceMinor);
    if (!priceOk)
      add('CART_INVALID_PRICE', `${at}.unitPriceMinor`, 'Price must be whole, non-negative minor units');
    if (line.compareAtMinor !== null && !isMinor(line.compareAtMinor)) {
      add(
        'CART_INVALID_PRICE',
        `${at}.compareAtMinor`,
        'Compare-at price must be whole, non-negative minor units',
      );
    }
    if (
      !(
        Number.isSafeInteger(line.weightGrams) &&
        line.weightGrams >= 0 &&
        line.weightGrams <= MAX_WEIGHT_GRAMS
      )
    ) {
      add(
        'CART_INVALID_WEIGHT',
        `${at}.weightGrams`,
        `Weight must be whole grams from 0 to ${MAX_WEIGHT_GRAMS}`,
      );
    }
    if (line.currency !== undefined && line.currency !== input.currency) {
      add(
        'CART_CURRENCY_MISMATCH',
        `${at}.currency`,
        `Line is in ${line.currency}, the cart in ${input.currency}`,
      );
    }
    if (quantityOk && priceOk) {
      const lineSubtotal = line.quantity * line.unitPriceMinor;
      if (lineSubtotal > MAX_MINOR) {
        add('CART_AMOUNT_TOO_LARGE', at, 'Line amount is too large');
        lineTooLarge = true;
      }
      subtotal += lineSubtotal;
    }
  });
  if (!lineTooLarge && subtotal > MAX_MINOR)
    add('CART_AMOUNT_TOO_LARGE', 'lines', 'Cart amount is too large');

  if (input.destination != null && !isCountryCode(normalizeCountry(input.destination.country))) {
    add('CART_INVALID_COUNTRY', 'destination.country', 'Country must be an ISO 3166-1 alpha-2 code, e.g. IE');
  }
  if (!isCount(input.now)) add('CART_INVALID_TIME', 'now', 'now must be whole epoch milliseconds');

  if (input.coupon != null && !couponSchema.safeParse(input.coupon).success) {
    add('CART_INVALID_COUPON', 'coupon', 'Coupon definition is invalid (see couponSchema)');
  }
  if (
    input.couponUsage != null &&
    !(isCount(input.couponUsage.total) && isCount(input.couponUsage.byCustomer))
  ) {
    add('CART_INVALID_COUPON_USAGE', 'couponUsage', 'Usage counts must be whole numbers >= 0');
  }

  if (!taxRatesSchema.safeParse(input.taxRates).success) {
    add('CART_INVALID_TAX_CONFIG', 'taxRates', 'Tax rates are invalid (see taxRatesSchema)');
  } else if (!Object.hasOwn(input.taxRates, normalizeCountry(input.defaultCountry))) {
    add(
      'CART_INVALID_TAX_CONFIG',
      'defaultCountry',
      `No tax rate for the default country ${input.defaultCountry}`,
    );
  }
  if (!shippingMethodsSchema.safeParse(input.shippingMethods).success) {
    add(
      'CART_INVALID_SHIPPING_CONFIG',
      'shippingMethods',
      'Shipping methods are invalid (see shippingMethodSchema)',
    );
  }

  return errors.length > 0 ? err(errors) : ok(input);
};

/** Prices a cart. Throws RangeError on impossible input (see validateCartPricingInput). */
export const computeCartTotals = (input: CartPricingInput): CartTotals => {
  const valid = validateCartPricingInput(input);
  if (!valid.ok) {
    const summary = valid.error.map((e) => `${e.path}: ${e.code}`).join('; ');
    throw new RangeError(`Invalid cart pricing input: ${summary}`, { cause: valid.error });
  }
  const { currency, now } = input;

  const lineSubtotals = input.lines.map((line) => line.quantity * line.unitPriceMinor);
  const subtotalMinor = lineSubtotals.reduce((a, b) => a + b, 0);

  let discountMinor = 0;
  let freeShipping = false;
  let coupon: CartCouponOutcome | null = null;
  if (input.coupon != null) {
    const code = normalizeCouponCode(input.coupon.code);
    const outcome = evaluateCoupon(input.coupon, {
      subtotalMinor,
      currency,
      now,
      usage: input.couponUsage ?? null,
      customerId: input.customerId ?? null,
    });
    if (outcome.ok) {
      discountMinor = outcome.value.discountMinor;
      freeShipping = outcome.value.freeShipping;
      coupon = { code, applied: true, freeShipping };
    } else {
      const { code: reason, shortByMinor } = outcome.error;
      coupon = {
        code,
        applied: false,
        reason,
        ...(shortByMinor !== undefined ? { shortByMinor } : {}),
        freeShipping: false,
      };
    }
  }

  const lineDiscounts = allocateProportionally(discountMinor, lineSubtotals);
  const destinationCountry = input.destination != null ? normalizeCountry(input.destination.country) : null;
  const tax = resolveTaxRate(destinationCountry, input.taxRates, input.defaultCountry);

  const lines: CartLineTotals[] = input.lines.map((line, i) => {
    const lineSubtotalMinor = lineSubtotals[i]!;
    const lineDiscountMinor = lineDiscounts[i]!;
    const lineTotalMinor = lineSubtotalMinor - lineDiscountMinor;
    return {
      variantId: line.variantId,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      lineSubtotalMinor,
      discountMinor: lineDiscountMinor,
      lineTotalMinor,
      taxMinor: vatIncluded(lineTotalMinor, tax.rateBasisPoints),
    };
  });

  const weightGrams = parcelWeightGrams(input.lines);
  const availableShipping =
    destinationCountry !== null && input.lines.length > 0
      ? quoteShipping(input.shippingMethods, destinationCountry, weightGrams, {
          originCountry: normalizeCountry(input.defaultCountry),
          currency,
          goodsValueMinor: subtotalMinor - discountMinor,
          freeShipping,
        })
      : [];

  let shipping: ShippingQuote | null = null;
  let shippingIssue: ShippingIssueCode | null = null;
  if (input.shippingMethodId != null) {
    if (destinationCountry === null) shippingIssue = 'SHIPPING_DESTINATION_REQUIRED';
    else {
      shipping = availableShipping.find((quote) => quote.methodId === input.shippingMethodId) ?? null;
      if (shipping === null) shippingIssue = 'SHIPPING_METHOD_UNAVAILABLE';
    }
  }
  const shippingMinor = shipping?.priceMinor ?? 0;

  const linesTax = lines.reduce((sum, line) => sum + line.taxMinor, 0);
  return {
    currency,
    lines,
    subtotalMinor,
    discountMinor,
    shippingMinor,
    taxMinor: linesTax + vatIncluded(shippingMinor, tax.rateBasisPoints),
    totalMinor: subtotalMinor - discountMinor + shippingMinor,
    taxCountry: tax.country,
    taxRateBasisPoints: tax.rateBasisPoints,
    weightGrams,
    coupon,
    shipping: shipping === null ? null : { ...shipping, etaDays: { ...shipping.etaDays } },
    shippingIssue,
    availableShipping,
  };
};

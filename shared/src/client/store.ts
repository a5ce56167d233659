/**
 * The store surface of the typed client (`/store/*`). It imports the store contracts as types only
 * and names each answer's contract by key: the schemas load (one dynamic import) only when the
 * client checks answers (`validateResponses`), so the storefront builds none at start.
 */
import type { z } from 'zod';
import type * as c from '../contracts/store.ts';
import type { createRequest, QueryOf, RequestOptions } from './transport.ts';

type StoreContracts = typeof c;
/** The store contracts that are schemas (not constants or helpers). */
export type StoreSchemaKey = {
  [K in keyof StoreContracts]: StoreContracts[K] extends z.ZodType ? K : never;
}[keyof StoreContracts];
type Out<K extends StoreSchemaKey> = z.output<StoreContracts[K]>;
type In<S extends z.ZodType> = z.input<S>;

const loadContracts = () => import('../contracts/store.ts');
const seg = (value: string) => encodeURIComponent(value);

export function storeEndpoints(request: ReturnType<typeof createRequest>) {
  const contract = (key: StoreSchemaKey) => () => loadContracts().then((m) => m[key] as z.ZodType);
  const get = <K extends StoreSchemaKey>(path: string, key: K, opts?: RequestOptions) =>
    request<Out<K>>('GET', path, contract(key), opts);
  const send = <K extends StoreSchemaKey>(method: string, path: string, key: K, opts?: RequestOptions) =>
    request<Out<K>>(method, path, contract(key), opts);
  const none = (method: string, path: string, opts?: RequestOptions) =>
    request<void>(method, path, null, opts);
  const cartCall = { cart: true } as const;

  return {
    account: {
      get: () => get('/store/account', 'accountProfile'),
      setSavedSize: (body: In<typeof c.savedSizeBody>) =>
        send('PUT', '/store/account/saved-size', 'accountProfile', { body }),
      addresses: () => get('/store/account/addresses', 'accountAddressList'),
      addAddress: (body: In<typeof c.accountAddressBody>) =>
        send('POST', '/store/account/addresses', 'accountAddress', { body }),
      updateAddress: (id: string, body: In<typeof c.updateAccountAddressBody>) =>
        send('PATCH', `/store/account/addresses/${seg(id)}`, 'accountAddress', { body }),
      removeAddress: (id: string) => none('DELETE', `/store/account/addresses/${seg(id)}`),
      wishlist: () => get('/store/account/wishlist', 'wishlist'),
      addToWishlist: (slug: string) => send('PUT', `/store/account/wishlist/${seg(slug)}`, 'wishlist'),
      removeFromWishlist: (slug: string) =>
        send('DELETE', `/store/account/wishlist/${seg(slug)}`, 'wishlist'),
      /** Everything held about the shopper, as JSON (the storefront saves it as a file). */
      // A template literal: the boundary check reads "export'" in a quoted path as an export statement.
      exportData: () => get(`/store/account/export`, 'accountExport'),
      /** Deletes the account; needs the password again. */
      erase: (body: In<typeof c.accountEraseBody>) => none('POST', '/store/account/erase', { body }),
    },
    auth: {
      register: (body: In<typeof c.customerRegisterBody>) =>
        send('POST', '/store/auth/register', 'customerSession', { body }),
      signIn: (body: In<typeof c.signInBody>) =>
        send('POST', '/store/auth/sign-in', 'customerSession', { body }),
      refresh: (body: In<typeof c.refreshBody>) => send('POST', '/store/auth/refresh', 'tokenPair', { body }),
      signOut: (body: In<typeof c.refreshBody>) => none('POST', '/store/auth/sign-out', { body }),
      signOutEverywhere: () => none('POST', '/store/auth/sign-out-everywhere'),
      requestPasswordReset: (body: In<typeof c.passwordResetRequestBody>) =>
        send('POST', '/store/auth/password-reset', 'passwordResetRequested', { body }),
      confirmPasswordReset: (body: In<typeof c.passwordResetConfirmBody>) =>
        none('POST', '/store/auth/password-reset/confirm', { body }),
      changePassword: (body: In<typeof c.passwordChangeBody>) =>
        none('POST', '/store/auth/password', { body }),
    },
    products: {
      list: (query?: QueryOf<typeof c.storeProductListQuery>) =>
        get('/store/products', 'storeProductList', { query }),
      get: (slug: string) => get(`/store/products/${seg(slug)}`, 'storeProductDetail'),
      /** Published reviews, newest first, with the rating and fit summary. */
      reviews: (slug: string, query?: QueryOf<typeof c.reviewListQuery>) =>
        get(`/store/products/${seg(slug)}/reviews`, 'storeReviewPage', { query }),
      /** A verified buyer's one review (signed in); `status` says whether it waits for a moderator. */
      review: (slug: string, body: In<typeof c.reviewBody>) =>
        send('POST', `/store/products/${seg(slug)}/reviews`, 'postedReview', { body }),
    },
    backInStock: {
      /** Mail me once when this size is back (`email` needed from guests). */
      signUp: (body: In<typeof c.backInStockBody>) =>
        send('POST', '/store/back-in-stock', 'backInStockSignUp', { body }),
      stop: (token: string) => none('DELETE', `/store/back-in-stock/${seg(token)}`),
    },
    categories: () => get('/store/categories', 'storeCategoryList'),
    brands: () => get('/store/brands', 'storeBrandList'),
    cart: {
      /** A new guest cart; keep `token` and hand it back through the `cartToken` option. */
      create: () => send('POST', '/store/cart', 'cartWithToken'),
      get: () => get('/store/cart', 'cartView', cartCall),
      addLine: (body: In<typeof c.addCartLineBody>) =>
        send('POST', '/store/cart/lines', 'cartView', { ...cartCall, body }),
      setQuantity: (variantId: string, body: In<typeof c.setCartLineQuantityBody>) =>
        send('PATCH', `/store/cart/lines/${seg(variantId)}`, 'cartView', { ...cartCall, body }),
      removeLine: (variantId: string) =>
        send('DELETE', `/store/cart/lines/${seg(variantId)}`, 'cartView', cartCall),
      setCoupon: (body: In<typeof c.couponCodeBody>) =>
        send('PUT', '/store/cart/coupon', 'cartView', { ...cartCall, body }),
      removeCoupon: () => send('DELETE', '/store/cart/coupon', 'cartView', cartCall),
      setShipping: (body: In<typeof c.setCartShippingBody>) =>
        send('PUT', '/store/cart/shipping', 'cartView', { ...cartCall, body }),
      setContact: (body: In<typeof c.setCartContactBody>) =>
        send('PUT', '/store/cart/contact', 'cartView', { ...cartCall, body }),
      /** Signed-in customers: their open cart and its token. */
      mine: () => get('/store/cart/mine', 'cartWithToken'),
      /** Signed-in customers: fold the guest cart of `cartToken` into theirs. */
      merge: () => send('POST', '/store/cart/merge', 'cartWithToken', cartCall),
    },
    checkout: {
      /** Places the order of the cart in `cartToken`; a repeated call returns the same order. */
      placeOrder: () => send('POST', '/store/checkout', 'checkoutResult', cartCall),
      demoPay: (body: In<typeof c.demoPayBody>) =>
        send('POST', '/store/checkout/demo-pay', 'demoPayResult', { body }),
    },
    orders: {
      list: (query?: QueryOf<typeof c.customerOrderListQuery>) =>
        get('/store/orders', 'customerOrderList', { query }),
      get: (number: string) => get(`/store/orders/${seg(number)}`, 'customerOrderDetail'),
      lookup: (body: In<typeof c.orderLookupBody>) =>
        send('POST', '/store/orders/lookup', 'customerOrderDetail', { body }),
    },
    returns: {
      request: (body: In<typeof c.storeReturnBody>) => send('POST', '/store/returns', 'returnView', { body }),
      mine: () => get('/store/returns', 'returnList'),
    },
    /** A parcel's progress by the tracking number on its label (no sign-in, no personal data). */
    tracking: {
      get: (trackingNumber: string) => get(`/store/tracking/${seg(trackingNumber)}`, 'parcelTracking'),
    },
  };
}

export type StoreEndpoints = ReturnType<typeof storeEndpoints>;

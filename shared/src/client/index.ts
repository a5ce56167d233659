/**
 * A small fetch-based client for the Shoebox API, typed from the zod contracts: request bodies
 * are the contracts' input types, answers their output types. Errors come back as RFC 9457
 * problem+json and are thrown as `ShoeboxApiError` (a `DomainError` with the HTTP status and the
 * request id), so callers branch on `error.code` exactly as the server's code does.
 *
 * Runs anywhere `fetch` does (browsers, Electron, Node 20): no node:* imports.
 */
import { z } from 'zod';
import * as c from '../contracts/index.ts';
import { createRequest, type QueryOf, type RequestOptions, type ShoeboxClientOptions } from './transport.ts';

export { isShoeboxApiError, kindOfStatus, type ProblemDocument, ShoeboxApiError } from './errors.ts';
export type { QueryOf, RequestOptions, ShoeboxClientOptions } from './transport.ts';

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

const staffMe = c.staffUser.extend({ permissions: z.array(z.string()) });
const seg = (value: string) => encodeURIComponent(value);

export function createShoeboxClient(options: ShoeboxClientOptions) {
  const request = createRequest(options);

  const get = <S extends z.ZodType>(path: string, schema: S, opts?: RequestOptions) =>
    request<Out<S>>('GET', path, schema, opts);
  const send = <S extends z.ZodType>(method: string, path: string, schema: S | null, opts?: RequestOptions) =>
    request<S extends z.ZodType ? Out<S> : undefined>(method, path, schema, opts);

  const admin = {
    me: () => get('/admin/me', staffMe),
    auth: {
      signIn: (body: In<typeof c.signInBody>) =>
        send('POST', '/admin/auth/sign-in', c.staffSession, { body }),
      refresh: (body: In<typeof c.refreshBody>) => send('POST', '/admin/auth/refresh', c.tokenPair, { body }),
      signOut: (body: In<typeof c.refreshBody>) =>
        request<void>('POST', '/admin/auth/sign-out', null, { body }),
      signOutEverywhere: () => request<void>('POST', '/admin/auth/sign-out-everywhere', null),
      requestPasswordReset: (body: In<typeof c.passwordResetRequestBody>) =>
        send('POST', '/admin/auth/password-reset', c.passwordResetRequested, { body }),
      confirmPasswordReset: (body: In<typeof c.passwordResetConfirmBody>) =>
        request<void>('POST', '/admin/auth/password-reset/confirm', null, { body }),
      changePassword: (body: In<typeof c.passwordChangeBody>) =>
        request<void>('POST', '/admin/auth/password', null, { body }),
    },
    staff: {
      list: () => get('/admin/staff', z.array(c.staffUser)),
      create: (body: In<typeof c.createStaffBody>) => send('POST', '/admin/staff', c.staffUser, { body }),
      update: (id: string, body: In<typeof c.updateStaffBody>) =>
        send('PATCH', `/admin/staff/${seg(id)}`, c.staffUser, { body }),
    },
    brands: {
      list: () => get('/admin/brands', z.array(c.adminBrand)),
      create: (body: In<typeof c.createBrandBody>) => send('POST', '/admin/brands', c.adminBrand, { body }),
      update: (id: string, body: In<typeof c.updateBrandBody>) =>
        send('PATCH', `/admin/brands/${seg(id)}`, c.adminBrand, { body }),
    },
    categories: {
      list: () => get('/admin/categories', z.array(c.adminCategory)),
      create: (body: In<typeof c.createCategoryBody>) =>
        send('POST', '/admin/categories', c.adminCategory, { body }),
      update: (id: string, body: In<typeof c.updateCategoryBody>) =>
        send('PATCH', `/admin/categories/${seg(id)}`, c.adminCategory, { body }),
    },
    colours: {
      list: () => get('/admin/colours', z.array(c.adminColour)),
      create: (body: In<typeof c.createColourBody>) =>
        send('POST', '/admin/colours', c.adminColour, { body }),
      update: (id: string, body: In<typeof c.updateColourBody>) =>
        send('PATCH', `/admin/colours/${seg(id)}`, c.adminColour, { body }),
    },
    products: {
      list: (query?: QueryOf<typeof c.productListQuery>) =>
        get('/admin/products', c.adminProductPage, { query }),
      get: (id: string) => get(`/admin/products/${seg(id)}`, c.adminProductDetail),
      create: (body: In<typeof c.createProductBody>) =>
        send('POST', '/admin/products', c.adminProduct, { body }),
      update: (id: string, body: In<typeof c.updateProductBody>) =>
        send('PATCH', `/admin/products/${seg(id)}`, c.adminProduct, { body }),
      images: (id: string) => get(`/admin/products/${seg(id)}/images`, z.array(c.productImage)),
      /** The image bytes (JPEG, PNG, WebP or AVIF). */
      uploadImage: (id: string, bytes: Blob | ArrayBuffer | Uint8Array, alt?: string) =>
        send('POST', `/admin/products/${seg(id)}/images`, c.productImage, {
          rawBody: bytes,
          query: alt === undefined ? undefined : { alt },
        }),
    },
    variants: {
      generate: (productId: string, body: In<typeof c.generateVariantsBody>) =>
        send('POST', `/admin/products/${seg(productId)}/variants/generate`, c.generateVariantsResult, {
          body,
        }),
      create: (productId: string, body: In<typeof c.createVariantBody>) =>
        send('POST', `/admin/products/${seg(productId)}/variants`, c.adminVariant, { body }),
      get: (id: string) => get(`/admin/variants/${seg(id)}`, c.adminVariant),
      update: (id: string, body: In<typeof c.updateVariantBody>) =>
        send('PATCH', `/admin/variants/${seg(id)}`, c.adminVariant, { body }),
      /** Scanner lookup by SKU (any case) or GTIN. */
      lookup: (query: { sku: string } | { gtin: string }) =>
        get('/admin/variants', c.adminVariant, { query }),
    },
    catalog: {
      exportCsv: () => request<string>('GET', '/admin/catalog/export.csv', null),
      importCsv: (csv: string) =>
        send('POST', '/admin/catalog/import', c.catalogImportResult, {
          rawBody: csv,
          contentType: 'text/csv',
        }),
    },
    stockLocations: {
      list: () => get('/admin/stock-locations', z.array(c.stockLocation)),
      create: (body: In<typeof c.createStockLocationBody>) =>
        send('POST', '/admin/stock-locations', c.stockLocation, { body }),
      bins: (id: string) => get(`/admin/stock-locations/${seg(id)}/bins`, z.array(c.stockBin)),
      createBin: (id: string, body: In<typeof c.createStockBinBody>) =>
        send('POST', `/admin/stock-locations/${seg(id)}/bins`, c.stockBin, { body }),
    },
    inventory: {
      receive: (body: In<typeof c.stockReceiveBody>) =>
        send('POST', '/admin/inventory/receive', c.stockReceiveResult, { body }),
      adjust: (body: In<typeof c.stockAdjustBody>) =>
        send('POST', '/admin/inventory/adjust', c.stockAdjustResult, { body }),
      count: (body: In<typeof c.stockCountBody>) =>
        send('POST', '/admin/inventory/count', c.stockCountResult.extend({ reference: z.string() }), {
          body,
        }),
      transfer: (body: In<typeof c.stockTransferBody>) =>
        send('POST', '/admin/inventory/transfer', c.stockTransferResult, { body }),
      importCsv: (csv: string) =>
        send('POST', '/admin/inventory/import', c.stockImportResult, {
          rawBody: csv,
          contentType: 'text/csv',
        }),
      levels: (query?: QueryOf<typeof c.stockLevelsQuery>) =>
        get('/admin/inventory/levels', c.pageOf(c.stockLevel), { query }),
      levelsCsv: (query?: QueryOf<typeof c.stockLevelsCsvQuery>) =>
        request<string>('GET', '/admin/inventory/levels.csv', null, { query }),
      grid: (productId: string, query?: QueryOf<typeof c.stockGridQuery>) =>
        get(`/admin/inventory/products/${seg(productId)}/grid`, c.stockGrid, { query }),
      movements: (query?: QueryOf<typeof c.stockMovementsQuery>) =>
        get('/admin/inventory/movements', c.pageOf(c.stockMovementEntry), { query }),
      lowStock: (query?: QueryOf<typeof c.lowStockQuery>) =>
        get('/admin/inventory/low-stock', c.pageOf(c.lowStockEntry), { query }),
      brokenSizeRuns: (query?: QueryOf<typeof c.brokenSizeRunsQuery>) =>
        get('/admin/inventory/broken-size-runs', c.pageOf(c.brokenSizeRun), { query }),
    },
    orders: {
      list: (query?: QueryOf<typeof c.adminOrderListQuery>) =>
        get('/admin/orders', c.adminOrderList, { query }),
      get: (id: string) => get(`/admin/orders/${seg(id)}`, c.adminOrderDetail),
      transition: (id: string, body: In<typeof c.orderTransitionBody>) =>
        send('POST', `/admin/orders/${seg(id)}/transition`, c.adminOrderDetail, { body }),
      cancel: (id: string, body: In<typeof c.cancelOrderBody>) =>
        send('POST', `/admin/orders/${seg(id)}/cancel`, c.adminOrderDetail, { body }),
      refund: (id: string, body: In<typeof c.refundOrderBody>) =>
        send('POST', `/admin/orders/${seg(id)}/refunds`, c.refundResult, { body }),
      addNote: (id: string, body: In<typeof c.orderNoteBody>) =>
        send('POST', `/admin/orders/${seg(id)}/notes`, c.adminOrderDetail, { body }),
    },
    returns: {
      open: (body: In<typeof c.adminReturnBody>) => send('POST', '/admin/returns', c.returnView, { body }),
      get: (id: string) => get(`/admin/returns/${seg(id)}`, c.returnView),
      receive: (id: string, body: In<typeof c.receiveReturnBody>) =>
        send('POST', `/admin/returns/${seg(id)}/receive`, c.returnView, { body }),
      refund: (id: string) => send('POST', `/admin/returns/${seg(id)}/refund`, c.returnRefundResult),
    },
    apiKeys: {
      list: () => get('/admin/api-keys', z.array(c.apiKey)),
      create: (body: In<typeof c.createApiKeyBody>) =>
        send('POST', '/admin/api-keys', c.createdApiKey, { body }),
      revoke: (id: string) => request<void>('DELETE', `/admin/api-keys/${seg(id)}`, null),
    },
    auditLog: (query?: QueryOf<typeof c.auditQuery>) =>
      get('/admin/audit-log', c.pageOf(c.auditEntry), { query }),
  };

  const cartCall = { cart: true } as const;
  const store = {
    auth: {
      register: (body: In<typeof c.customerRegisterBody>) =>
        send('POST', '/store/auth/register', c.customerSession, { body }),
      signIn: (body: In<typeof c.signInBody>) =>
        send('POST', '/store/auth/sign-in', c.customerSession, { body }),
      refresh: (body: In<typeof c.refreshBody>) => send('POST', '/store/auth/refresh', c.tokenPair, { body }),
      signOut: (body: In<typeof c.refreshBody>) =>
        request<void>('POST', '/store/auth/sign-out', null, { body }),
      signOutEverywhere: () => request<void>('POST', '/store/auth/sign-out-everywhere', null),
      requestPasswordReset: (body: In<typeof c.passwordResetRequestBody>) =>
        send('POST', '/store/auth/password-reset', c.passwordResetRequested, { body }),
      confirmPasswordReset: (body: In<typeof c.passwordResetConfirmBody>) =>
        request<void>('POST', '/store/auth/password-reset/confirm', null, { body }),
      changePassword: (body: In<typeof c.passwordChangeBody>) =>
        request<void>('POST', '/store/auth/password', null, { body }),
    },
    products: {
      list: (query?: QueryOf<typeof c.storeProductListQuery>) =>
        get('/store/products', c.storeProductList, { query }),
      get: (slug: string) => get(`/store/products/${seg(slug)}`, c.storeProductDetail),
    },
    categories: () => get('/store/categories', c.storeCategoryList),
    brands: () => get('/store/brands', c.storeBrandList),
    cart: {
      /** A new guest cart; keep `token` and hand it back through the `cartToken` option. */
      create: () => send('POST', '/store/cart', c.cartWithToken),
      get: () => get('/store/cart', c.cartView, cartCall),
      addLine: (body: In<typeof c.addCartLineBody>) =>
        send('POST', '/store/cart/lines', c.cartView, { ...cartCall, body }),
      setQuantity: (variantId: string, body: In<typeof c.setCartLineQuantityBody>) =>
        send('PATCH', `/store/cart/lines/${seg(variantId)}`, c.cartView, { ...cartCall, body }),
      removeLine: (variantId: string) =>
        send('DELETE', `/store/cart/lines/${seg(variantId)}`, c.cartView, cartCall),
      setCoupon: (body: In<typeof c.couponCodeBody>) =>
        send('PUT', '/store/cart/coupon', c.cartView, { ...cartCall, body }),
      removeCoupon: () => send('DELETE', '/store/cart/coupon', c.cartView, cartCall),
      setShipping: (body: In<typeof c.setCartShippingBody>) =>
        send('PUT', '/store/cart/shipping', c.cartView, { ...cartCall, body }),
      setContact: (body: In<typeof c.setCartContactBody>) =>
        send('PUT', '/store/cart/contact', c.cartView, { ...cartCall, body }),
      /** Signed-in customers: their open cart and its token. */
      mine: () => get('/store/cart/mine', c.cartWithToken),
      /** Signed-in customers: fold the guest cart of `cartToken` into theirs. */
      merge: () => send('POST', '/store/cart/merge', c.cartWithToken, cartCall),
    },
    checkout: {
      /** Places the order of the cart in `cartToken`; a repeated call returns the same order. */
      placeOrder: () => send('POST', '/store/checkout', c.checkoutResult, cartCall),
      demoPay: (body: In<typeof c.demoPayBody>) =>
        send('POST', '/store/checkout/demo-pay', c.demoPayResult, { body }),
    },
    orders: {
      list: (query?: QueryOf<typeof c.customerOrderListQuery>) =>
        get('/store/orders', c.customerOrderList, { query }),
      get: (number: string) => get(`/store/orders/${seg(number)}`, c.customerOrderDetail),
      lookup: (body: In<typeof c.orderLookupBody>) =>
        send('POST', '/store/orders/lookup', c.customerOrderDetail, { body }),
    },
    returns: {
      request: (body: In<typeof c.storeReturnBody>) => send('POST', '/store/returns', c.returnView, { body }),
      mine: () => get('/store/returns', c.returnList),
    },
  };

  return { request, admin, store };
}

export type ShoeboxClient = ReturnType<typeof createShoeboxClient>;

/** The staff surface of the typed client (`/admin/*`), built on the admin contracts. */
import { z } from 'zod';
import * as c from '../contracts/admin.ts';
import type { createRequest, QueryOf, RequestOptions } from './transport.ts';

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

const staffMe = c.staffUser.extend({ permissions: z.array(z.string()) });
const seg = (value: string) => encodeURIComponent(value);

export function adminEndpoints(request: ReturnType<typeof createRequest>) {
  const get = <S extends z.ZodType>(path: string, schema: S, opts?: RequestOptions) =>
    request<Out<S>>('GET', path, schema, opts);
  const send = <S extends z.ZodType>(method: string, path: string, schema: S | null, opts?: RequestOptions) =>
    request<S extends z.ZodType ? Out<S> : undefined>(method, path, schema, opts);

  return {
    me: () => get('/admin/me', staffMe),
    auth: {
      signIn: (body: In<typeof c.signInBody>) =>
        send('POST', '/admin/auth/sign-in', c.staffSession, { body }),
      /** The second step when sign-in answered MFA_REQUIRED: its challenge token and a code. */
      signInWithCode: (body: In<typeof c.signInCodeBody>) =>
        send('POST', '/admin/auth/sign-in/code', c.staffSession, { body }),
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
    /** Two-factor sign-in for the signed-in staff member, and the shop's requirement (owners). */
    twoFactor: {
      status: () => get('/admin/me/two-factor', c.twoFactorStatus),
      start: () => send('POST', '/admin/me/two-factor', c.twoFactorEnrolment),
      confirm: (body: In<typeof c.confirmTwoFactorBody>) =>
        send('POST', '/admin/me/two-factor/confirm', c.recoveryCodes, { body }),
      reset: (staffId: string) => request<void>('DELETE', `/admin/staff/${seg(staffId)}/two-factor`, null),
      settings: () => get('/admin/settings/security', c.securitySettings),
      updateSettings: (body: In<typeof c.updateSecuritySettingsBody>) =>
        send('PUT', '/admin/settings/security', c.securitySettings, { body }),
    },
    signIns: {
      mine: (query?: QueryOf<typeof c.signInHistoryQuery>) =>
        get('/admin/me/sign-ins', c.pageOf(c.signInAttempt), { query }),
      of: (staffId: string, query?: QueryOf<typeof c.signInHistoryQuery>) =>
        get(`/admin/staff/${seg(staffId)}/sign-ins`, c.pageOf(c.signInAttempt), { query }),
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
    images: {
      update: (id: string, body: In<typeof c.updateImageBody>) =>
        send('PATCH', `/admin/images/${seg(id)}`, c.productImage, { body }),
      remove: (id: string) => request<void>('DELETE', `/admin/images/${seg(id)}`, null),
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
    reviews: {
      /** The moderation queue: one status (held by default), oldest first. */
      list: (query?: QueryOf<typeof c.adminReviewListQuery>) =>
        get('/admin/reviews', c.adminReviewList, { query }),
      approve: (id: string) => send('POST', `/admin/reviews/${seg(id)}/approve`, c.adminReview),
      reject: (id: string) => send('POST', `/admin/reviews/${seg(id)}/reject`, c.adminReview),
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
    customers: {
      list: (query?: QueryOf<typeof c.adminCustomerListQuery>) =>
        get('/admin/customers', c.adminCustomerPage, { query }),
      get: (id: string) => get(`/admin/customers/${seg(id)}`, c.adminCustomerDetail),
    },
    devices: {
      list: () => get('/admin/devices', z.array(c.deviceListEntry)),
      revoke: (id: string) => send('POST', `/admin/devices/${seg(id)}/revoke`, c.device),
    },
    auditLog: (query?: QueryOf<typeof c.auditQuery>) =>
      get('/admin/audit-log', c.pageOf(c.auditEntry), { query }),
  };
}

export type AdminEndpoints = ReturnType<typeof adminEndpoints>;

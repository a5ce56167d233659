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
import { DomainError, type ErrorKind, type FieldError } from '../errors.ts';

// ---- errors --------------------------------------------------------------------------------------

export type ProblemDocument = z.output<typeof c.problem>;

const kindByStatus: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation',
  415: 'validation',
  422: 'business_rule',
  429: 'rate_limited',
  502: 'external',
  503: 'external',
  504: 'external',
};

/** The error kind an HTTP status stands for (the inverse of the server's `statusOfKind`). */
export function kindOfStatus(status: number): ErrorKind {
  return kindByStatus[status] ?? (status >= 500 || status === 0 ? 'internal' : 'validation');
}

/** An error answer of the API (or a failure to reach it: status 0, code NETWORK_ERROR). */
export class ShoeboxApiError extends DomainError {
  readonly status: number;
  /** The server's request id (x-request-id), to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /** The problem document as received, when the server sent one. */
  readonly problem: ProblemDocument | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: {
      requestId?: string | undefined;
      problem?: ProblemDocument | undefined;
      details?: Record<string, unknown> | undefined;
      errors?: FieldError[] | undefined;
    } = {},
  ) {
    super(status === 0 ? 'external' : kindOfStatus(status), code, message, {
      ...(extra.details ? { details: extra.details } : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
    });
    this.name = 'ShoeboxApiError';
    this.status = status;
    this.requestId = extra.requestId;
    this.problem = extra.problem;
  }
}

export const isShoeboxApiError = (e: unknown): e is ShoeboxApiError => e instanceof ShoeboxApiError;

// ---- options ---------------------------------------------------------------------------------------

type MaybeToken = string | null | undefined;
type TokenSource = MaybeToken | (() => MaybeToken | Promise<MaybeToken>);

export interface ShoeboxClientOptions {
  /** e.g. `http://localhost:4000` (no trailing slash needed). */
  baseUrl: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The bearer token to send: a staff or customer access token, or an API key (`sbk_...`). */
  getToken?: () => MaybeToken | Promise<MaybeToken>;
  /** The guest cart token (X-Cart-Token) for cart and checkout calls. */
  cartToken?: TokenSource;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Check every JSON answer against its contract and throw RESPONSE_INVALID when it differs. */
  validateResponses?: boolean;
}

/** Query strings: the parsed form of the query contract, every field optional. */
export type QueryOf<S extends z.ZodType> = { [K in keyof z.output<S>]?: z.output<S>[K] };
type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

export interface RequestOptions {
  query?: Record<string, unknown> | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is with `contentType` (CSV text, image bytes). */
  rawBody?: string | Blob | ArrayBuffer | Uint8Array | undefined;
  contentType?: string;
  /** Send the cart token header. */
  cart?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// ---- client ---------------------------------------------------------------------------------------

const staffMe = c.staffUser.extend({ permissions: z.array(z.string()) });
const seg = (value: string) => encodeURIComponent(value);

export function createShoeboxClient(options: ShoeboxClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function resolve(source: TokenSource): Promise<MaybeToken> {
    return typeof source === 'function' ? source() : source;
  }

  /**
   * One call: `schema` is the answer's contract (checked when `validateResponses` is on); without
   * one the answer is returned as text (CSV) or JSON as it came. 204 answers resolve to undefined.
   */
  async function request<T>(
    method: string,
    path: string,
    schema: z.ZodType | null,
    opts: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...opts.headers,
    };
    const token = await options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.cart) {
      const cartToken = await resolve(options.cartToken);
      if (cartToken) headers[c.CART_TOKEN_HEADER] = cartToken;
    }
    let body: RequestInit['body'];
    if (opts.rawBody !== undefined) {
      body = opts.rawBody as RequestInit['body'];
      headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await doFetch(baseUrl + path + queryString(opts.query), {
        method,
        headers,
        body,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw new ShoeboxApiError(0, 'NETWORK_ERROR', `Could not reach ${baseUrl}: ${String(error)}`);
    }
    const requestId = res.headers.get('x-request-id') ?? undefined;
    if (!res.ok) throw await errorOf(res, requestId);
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await res.text()) as T;
    const json: unknown = await res.json();
    if (schema && options.validateResponses) {
      const checked = schema.safeParse(json);
      if (!checked.success) {
        throw new ShoeboxApiError(
          res.status,
          'RESPONSE_INVALID',
          `${method} ${path}: the answer does not match its contract`,
          {
            requestId,
            errors: checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        );
      }
    }
    return json as T;
  }

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
  };

  return { request, admin, store };
}

export type ShoeboxClient = ReturnType<typeof createShoeboxClient>;

// ---- helpers --------------------------------------------------------------------------------------

/** Lists go comma-separated (`size=38,38.5`), as the list filters read them; undefined is left out. */
function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.map(String).join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function errorOf(res: Response, requestId: string | undefined): Promise<ShoeboxApiError> {
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const doc = c.problem.safeParse(parsed);
  if (doc.success) {
    const p = doc.data;
    return new ShoeboxApiError(res.status, p.code, p.detail, {
      requestId: p.requestId || requestId,
      problem: p,
      details: p.details,
      errors: p.errors,
    });
  }
  return new ShoeboxApiError(
    res.status,
    `HTTP_${res.status}`,
    `Unexpected ${res.status} answer${text ? `: ${text.slice(0, 200)}` : ''}`,
    { requestId },
  );
}

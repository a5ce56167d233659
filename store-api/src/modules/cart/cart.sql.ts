import { type SQL, sql } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { decodeRow, insertSql, selectColumns } from '../../db/rows.ts';
import type { CartRow } from './cart.repo.ts';

/**
 * Hand-written SQL for the cart's hot path: every cart request is one read of the cart with its
 * lines, what pricing needs of each line and the units available now (one statement), and one
 * write. drizzle's query builder cost more CPU per statement than the round trip itself here
 * (docs/benchmarks.md, "Checkout"); these few statements are written out once instead. The
 * column names are the same on both dialects (the schema parity check keeps them so).
 */

/** What every view of a cart line shows: the shoe, its size and how many. */
export interface CartLineBase {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  colourName: string;
  sizeEuTenths: number;
  width: string;
  quantity: number;
  compareAtMinor: number | null;
  weightGrams: number;
}

/** A cart line as stored and joined: what pricing, display and the stock check need. */
export interface CartLineState extends CartLineBase {
  priceMinor: number | null;
  basePriceMinor: number;
  productCurrency: string;
  productStatus: string;
  variantActive: boolean;
  createdAt: number;
  /** Units available now over all locations (never below 0 per location). */
  available: number;
}

export interface CartState {
  cart: CartRow;
  lines: CartLineState[];
}

/** Units available of one variant: sum over locations of max(on_hand - reserved, 0). */
const availableOf = (variantColumn: SQL) => sql`(select coalesce(sum(case when s.on_hand > s.reserved
  then s.on_hand - s.reserved else 0 end), 0) from stock_levels s where s.variant_id = ${variantColumn})`;

const lineColumns = sql`v.id as variantId, v.product_id as productId, v.sku as sku, p.name as productName,
  co.name as colourName, v.size_eu_tenths as sizeEuTenths, v.width as width, v.price_minor as priceMinor,
  p.base_price_minor as basePriceMinor, p.currency as productCurrency, v.compare_at_minor as compareAtMinor,
  v.weight_grams as weightGrams, p.status as productStatus, v.active as variantActive`;

type RawRow = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);
/** tinyint(1) on MySQL, integer on SQLite: both come back as 0/1 (or booleans from some drivers). */
const bool = (v: unknown): boolean => v === true || Number(v) === 1;

function lineFromRow(r: RawRow, quantity: number, createdAt: number): CartLineState {
  return {
    variantId: str(r.variantId),
    productId: str(r.productId),
    sku: str(r.sku),
    productName: str(r.productName),
    colourName: str(r.colourName),
    sizeEuTenths: num(r.sizeEuTenths),
    width: str(r.width),
    quantity,
    priceMinor: numOrNull(r.priceMinor),
    basePriceMinor: num(r.basePriceMinor),
    productCurrency: str(r.productCurrency),
    compareAtMinor: numOrNull(r.compareAtMinor),
    weightGrams: num(r.weightGrams),
    productStatus: str(r.productStatus),
    variantActive: bool(r.variantActive),
    createdAt,
    available: num(r.available),
  };
}

export function cartSql(store: Store) {
  /** The cart's own columns, aliased by property name so that `decodeRow` reads them back. */
  const cartColumns = sql.raw(selectColumns(store.t.carts, 'c'));
  return {
    /**
     * The cart named by a token hash or id, with its lines in the order they were added; null when
     * unknown. `withStock: false` skips the units available per line (checkout reserves per location).
     */
    async read(
      db: Db,
      by: { tokenHash: string } | { id: string },
      opts: { withStock?: boolean } = {},
    ): Promise<CartState | null> {
      const where = 'id' in by ? sql`c.id = ${by.id}` : sql`c.token_hash = ${by.tokenHash}`;
      const stock = opts.withStock === false ? sql`0` : availableOf(sql`l.variant_id`);
      const rows = await store.all<RawRow>(
        db,
        sql`select ${cartColumns}, l.quantity as quantity, l.created_at as lineCreatedAt, ${lineColumns},
          ${stock} as available
        from carts c
        left join cart_lines l on l.cart_id = c.id
        left join variants v on v.id = l.variant_id
        left join products p on p.id = v.product_id
        left join colours co on co.id = v.colour_id
        where ${where}
        order by l.created_at, l.variant_id`,
      );
      const first = rows[0];
      if (!first) return null;
      const lines = rows
        .filter((r) => r.variantId !== null && r.variantId !== undefined)
        .map((r) => lineFromRow(r, num(r.quantity), num(r.lineCreatedAt)));
      return { cart: decodeRow(store.t.carts, first), lines };
    },

    /** A variant as a would-be cart line (quantity 0), by id or SKU, with its availability. */
    async variant(db: Db, by: { variantId: string } | { sku: string }): Promise<CartLineState | null> {
      const where = 'variantId' in by ? sql`v.id = ${by.variantId}` : sql`v.sku = ${by.sku}`;
      const [row] = await store.all<RawRow>(
        db,
        sql`select ${lineColumns}, ${availableOf(sql`v.id`)} as available
        from variants v
        join products p on p.id = v.product_id
        join colours co on co.id = v.colour_id
        where ${where}
        limit 1`,
      );
      return row ? lineFromRow(row, 0, 0) : null;
    },

    /**
     * Optimistic write of cart fields: version + 1 only if the cart is still open at `version`.
     * False when another request changed it first (the caller re-reads and tries again).
     */
    async bump(db: Db, cart: CartRow, now: number, set: CartFieldChange = {}): Promise<boolean> {
      const fields = Object.entries(set).map(([key, value]) => {
        const column = fieldColumns[key as keyof CartFieldChange];
        const bound = key === 'shippingAddress' && value !== null ? JSON.stringify(value) : value;
        return sql`${sql.raw(column)} = ${bound ?? null}, `;
      });
      const matched = await store.run(
        db,
        sql`update carts set ${sql.join(fields)}version = version + 1, updated_at = ${now}
          where id = ${cart.id} and version = ${cart.version} and status = 'open'`,
      );
      return matched === 1;
    },

    async insertLine(db: Db, cartId: string, variantId: string, quantity: number, now: number) {
      const line = { cartId, variantId, quantity, createdAt: now, updatedAt: now };
      await store.run(db, insertSql(store.t.cartLines, [line]));
    },

    async setLineQuantity(db: Db, cartId: string, variantId: string, quantity: number, now: number) {
      await store.run(
        db,
        sql`update cart_lines set quantity = ${quantity}, updated_at = ${now}
          where cart_id = ${cartId} and variant_id = ${variantId}`,
      );
    },

    async deleteLine(db: Db, cartId: string, variantId: string) {
      await store.run(
        db,
        sql`delete from cart_lines where cart_id = ${cartId} and variant_id = ${variantId}`,
      );
    },

    async insertCart(db: Db, row: CartRow) {
      await store.run(db, insertSql(store.t.carts, [row]));
    },
  };
}

/** The cart fields a shopper's request changes. */
export type CartFieldChange = Partial<
  Pick<CartRow, 'email' | 'couponCode' | 'shippingAddress' | 'shippingMethodId'>
>;

const fieldColumns: Record<keyof CartFieldChange, string> = {
  email: 'email',
  couponCode: 'coupon_code',
  shippingAddress: 'shipping_address',
  shippingMethodId: 'shipping_method_id',
};

export type CartSql = ReturnType<typeof cartSql>;

/**
 * The order placed from the bag and not paid yet (a declined card): kept per tab so a retry pays
 * the same order and reservation instead of placing another. `last` is the paid order the
 * confirmation page looks up (its number and the e-mail it was placed with).
 */
interface OrderRef {
  orderNumber: string;
  email: string;
  cartId: string;
}

const read = (key: string): OrderRef | null => {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') as OrderRef | null;
  } catch {
    return null;
  }
};
const write = (key: string, ref: OrderRef | null) =>
  ref ? sessionStorage.setItem(key, JSON.stringify(ref)) : sessionStorage.removeItem(key);

export const pendingOrder = {
  get: (cartId: string) => {
    const ref = read('shoebox.pending');
    return ref && ref.cartId === cartId ? ref : null;
  },
  set: (ref: OrderRef | null) => write('shoebox.pending', ref),
};

export const lastOrder = {
  get: (orderNumber: string) => {
    const ref = read('shoebox.last');
    return ref && ref.orderNumber === orderNumber ? ref : null;
  },
  set: (ref: OrderRef) => write('shoebox.last', ref),
};

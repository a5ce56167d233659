/** cart: the module's public face; other modules, flows, bench and scripts import from here only. */
export {
  type CartService,
  type CheckoutCart,
  type CheckoutCartLine,
  createCartService,
} from './cart.service.ts';
export { cartRoutes } from './cart.routes.ts';
export { cartErrors } from './cart.errors.ts';
export { forgetCartContacts } from './cart-erasure.ts';

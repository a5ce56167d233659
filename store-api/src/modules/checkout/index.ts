/** checkout: the module's public face; other modules, flows, bench and scripts import from here only. */
export { checkoutRoutes, wireDemoPayments } from './checkout.routes.ts';
export { checkoutErrors } from './checkout.errors.ts';

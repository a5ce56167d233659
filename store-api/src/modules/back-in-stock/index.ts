/** back-in-stock: "tell me when my size is back" sign-ups, mailed once through the outbox. */
export { backInStockRoutes } from './back-in-stock.routes.ts';
export { type BackInStockService, createBackInStockService } from './back-in-stock.service.ts';
export { forgetBackInStockSignUps } from './back-in-stock-erasure.ts';

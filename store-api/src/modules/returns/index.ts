/** Returns and size exchanges: routes, the service, and the refund of a received return. */
export { returnsRoutes } from './returns.routes.ts';
export { createReturnsService, type ReturnsService } from './returns.service.ts';

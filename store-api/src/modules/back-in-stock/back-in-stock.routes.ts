import { backInStockBody, backInStockSignUp, backInStockTokenParams } from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { BackInStockService } from './back-in-stock.service.ts';

export const backInStockRoutes = (service: BackInStockService) => [
  defineRoute({
    method: 'post',
    path: '/store/back-in-stock',
    summary: 'Ask to be mailed once when a sold-out size is back (signed in, or with an e-mail)',
    tag: 'Store',
    access: 'public',
    // Per-IP budget of guest lookups: a sign-up mails an address, so it must not be a spam pump.
    rateLimit: 'auth',
    body: backInStockBody,
    response: backInStockSignUp,
    status: 201,
    errors: [{ code: 'VARIANT_NOT_FOUND', status: 404 }, 'EMAIL_REQUIRED', 'RATE_LIMITED'],
    handler: (ctx, { body }) => service.signUp(ctx, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/store/back-in-stock/:token',
    summary: 'Stop a back-in-stock alert with the secret from its mail (an unknown one changes nothing)',
    tag: 'Store',
    access: 'public',
    rateLimit: 'auth',
    params: backInStockTokenParams,
    status: 204,
    errors: ['RATE_LIMITED'],
    handler: (ctx, { params }) => service.unsubscribe(ctx, params.token),
  }),
];

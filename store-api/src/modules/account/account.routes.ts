import {
  accountAddress,
  accountAddressBody,
  accountAddressList,
  accountEraseBody,
  accountExport,
  accountProfile,
  idParam,
  savedSizeBody,
  updateAccountAddressBody,
  wishlist,
  wishlistParams,
} from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { AccountService } from './account.service.ts';

const tag = 'Customer account';

export interface AccountRouteDeps {
  account: AccountService;
  /** flows/erase-customer.flow.ts, bound to the app's services. */
  erase(ctx: Parameters<AccountService['profile']>[0], password: string): Promise<void>;
}

export const accountRoutes = ({ account, erase }: AccountRouteDeps) => [
  defineRoute({
    method: 'get',
    path: '/store/account',
    summary: 'The signed-in shopper’s account, with the saved shoe size',
    tag,
    access: 'customer',
    response: accountProfile,
    handler: (ctx) => account.profile(ctx),
  }),
  defineRoute({
    method: 'put',
    path: '/store/account/saved-size',
    summary: 'Save (or clear, with null) the EU size preselected on product pages',
    tag,
    access: 'customer',
    body: savedSizeBody,
    response: accountProfile,
    handler: (ctx, { body }) => account.setSavedSize(ctx, body.sizeEu),
  }),
  defineRoute({
    method: 'get',
    path: '/store/account/addresses',
    summary: 'The address book, default first',
    tag,
    access: 'customer',
    response: accountAddressList,
    handler: (ctx) => account.addresses(ctx),
  }),
  defineRoute({
    method: 'post',
    path: '/store/account/addresses',
    summary: 'Add an address (the first one becomes the default)',
    tag,
    access: 'customer',
    body: accountAddressBody,
    response: accountAddress,
    status: 201,
    errors: ['ADDRESS_LIMIT'],
    handler: (ctx, { body }) => account.addAddress(ctx, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/store/account/addresses/:id',
    summary: 'Change an address, or make it the default',
    tag,
    access: 'customer',
    params: idParam,
    body: updateAccountAddressBody,
    response: accountAddress,
    errors: ['ADDRESS_NOT_FOUND'],
    handler: (ctx, { params, body }) => account.updateAddress(ctx, params.id, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/store/account/addresses/:id',
    summary: 'Remove an address (the oldest remaining one becomes the default)',
    tag,
    access: 'customer',
    params: idParam,
    status: 204,
    errors: ['ADDRESS_NOT_FOUND'],
    handler: (ctx, { params }) => account.removeAddress(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/store/account/wishlist',
    summary: 'The wishlist, newest first, with current names and prices',
    tag,
    access: 'customer',
    response: wishlist,
    handler: (ctx) => account.wishlist(ctx),
  }),
  defineRoute({
    method: 'put',
    path: '/store/account/wishlist/:slug',
    summary: 'Add a product to the wishlist (adding it twice changes nothing)',
    tag,
    access: 'customer',
    params: wishlistParams,
    response: wishlist,
    errors: ['PRODUCT_NOT_FOUND', 'WISHLIST_LIMIT'],
    handler: (ctx, { params }) => account.addToWishlist(ctx, params.slug),
  }),
  defineRoute({
    method: 'delete',
    path: '/store/account/wishlist/:slug',
    summary: 'Take a product off the wishlist',
    tag,
    access: 'customer',
    params: wishlistParams,
    response: wishlist,
    handler: (ctx, { params }) => account.removeFromWishlist(ctx, params.slug),
  }),
  defineRoute({
    method: 'get',
    path: '/store/account/export',
    summary: 'Everything the shop holds about the shopper, as a JSON download (GDPR article 15)',
    tag,
    access: 'customer',
    rateLimit: 'auth',
    response: accountExport,
    errors: ['RATE_LIMITED'],
    handler: async (ctx, { res }) => {
      const data = await account.exportData(ctx);
      res.setHeader('content-disposition', 'attachment; filename="shoebox-account.json"');
      res.setHeader('cache-control', 'no-store');
      return data;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/store/account/erase',
    summary:
      'Delete the account (GDPR article 17) after the password is typed again: sign-ins end, orders stay anonymised',
    tag,
    access: 'customer',
    rateLimit: 'auth',
    body: accountEraseBody,
    status: 204,
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
    handler: (ctx, { body }) => erase(ctx, body.password),
  }),
];

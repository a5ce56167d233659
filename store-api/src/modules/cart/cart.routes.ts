import {
  addCartLineBody,
  CART_TOKEN_HEADER,
  cartLineParams,
  cartView,
  cartWithToken,
  couponCodeBody,
  setCartContactBody,
  setCartLineQuantityBody,
  setCartShippingBody,
} from '@shoebox/shared/contracts';
import type { Request } from 'express';
import { defineRoute } from '../../http/route.ts';
import type { CartService } from './cart.service.ts';

/** The cart token of a request (X-Cart-Token); undefined when absent. */
const tokenOf = (req: Request): string | undefined => {
  const value = req.headers[CART_TOKEN_HEADER];
  return Array.isArray(value) ? value[0] : value;
};

const tokenErrors = ['CART_TOKEN_REQUIRED', 'CART_NOT_FOUND'] as const;
const changeErrors = [...tokenErrors, 'CART_CONVERTED'] as const;

export const cartRoutes = (cart: CartService) => [
  defineRoute({
    method: 'post',
    path: '/store/cart',
    summary: 'Start a guest cart; the token in the answer goes in X-Cart-Token from then on',
    tag: 'Cart',
    access: 'public',
    response: cartWithToken,
    status: 201,
    handler: (ctx) => cart.create(ctx),
  }),
  defineRoute({
    method: 'get',
    path: '/store/cart',
    summary: 'The cart of the X-Cart-Token header, priced',
    tag: 'Cart',
    access: 'public',
    response: cartView,
    errors: tokenErrors,
    handler: (ctx, { req }) => cart.get(ctx, tokenOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/store/cart/lines',
    summary: 'Add units of a variant (by id or SKU); adding one already in the cart sums the quantities',
    tag: 'Cart',
    access: 'public',
    body: addCartLineBody,
    response: cartView,
    errors: [...changeErrors, 'VARIANT_NOT_SELLABLE', 'INSUFFICIENT_STOCK', 'CART_LIMIT'],
    handler: (ctx, { req, body }) => cart.addLine(ctx, tokenOf(req), body),
  }),
  defineRoute({
    method: 'patch',
    path: '/store/cart/lines/:variantId',
    summary: 'Set the quantity of a line; 0 removes it',
    tag: 'Cart',
    access: 'public',
    params: cartLineParams,
    body: setCartLineQuantityBody,
    response: cartView,
    errors: [
      ...changeErrors,
      'CART_LINE_NOT_FOUND',
      'VARIANT_NOT_SELLABLE',
      'INSUFFICIENT_STOCK',
      'CART_LIMIT',
    ],
    handler: (ctx, { req, params, body }) =>
      cart.setLineQuantity(ctx, tokenOf(req), params.variantId, body.quantity),
  }),
  defineRoute({
    method: 'delete',
    path: '/store/cart/lines/:variantId',
    summary: 'Remove a line',
    tag: 'Cart',
    access: 'public',
    params: cartLineParams,
    response: cartView,
    errors: [...changeErrors, 'CART_LINE_NOT_FOUND'],
    handler: (ctx, { req, params }) => cart.removeLine(ctx, tokenOf(req), params.variantId),
  }),
  defineRoute({
    method: 'put',
    path: '/store/cart/coupon',
    summary: 'Put a coupon on the cart; one that does not apply stays, with the reason in totals.coupon',
    tag: 'Cart',
    access: 'public',
    body: couponCodeBody,
    response: cartView,
    errors: [...changeErrors, 'COUPON_NOT_FOUND'],
    handler: (ctx, { req, body }) => cart.applyCoupon(ctx, tokenOf(req), body.code),
  }),
  defineRoute({
    method: 'delete',
    path: '/store/cart/coupon',
    summary: 'Take the coupon off the cart',
    tag: 'Cart',
    access: 'public',
    response: cartView,
    errors: changeErrors,
    handler: (ctx, { req }) => cart.removeCoupon(ctx, tokenOf(req)),
  }),
  defineRoute({
    method: 'put',
    path: '/store/cart/shipping',
    summary: 'Set the delivery address and, optionally, a shipping method quoted for it',
    tag: 'Cart',
    access: 'public',
    body: setCartShippingBody,
    response: cartView,
    errors: [...changeErrors, 'SHIPPING_METHOD_UNAVAILABLE'],
    handler: (ctx, { req, body }) => cart.setShipping(ctx, tokenOf(req), body),
  }),
  defineRoute({
    method: 'put',
    path: '/store/cart/contact',
    summary: 'Set the email the order confirmation goes to',
    tag: 'Cart',
    access: 'public',
    body: setCartContactBody,
    response: cartView,
    errors: changeErrors,
    handler: (ctx, { req, body }) => cart.setContact(ctx, tokenOf(req), body.email),
  }),
  defineRoute({
    method: 'get',
    path: '/store/cart/mine',
    summary: "The signed-in customer's open cart (made when there is none) and its token",
    tag: 'Cart',
    access: 'customer',
    response: cartWithToken,
    handler: (ctx) => cart.mine(ctx),
  }),
  defineRoute({
    method: 'post',
    path: '/store/cart/merge',
    summary:
      "Fold the guest cart of X-Cart-Token into the customer's cart (at sign-in); the guest token stops working",
    tag: 'Cart',
    access: 'customer',
    response: cartWithToken,
    errors: changeErrors,
    handler: (ctx, { req }) => cart.merge(ctx, tokenOf(req)),
  }),
];

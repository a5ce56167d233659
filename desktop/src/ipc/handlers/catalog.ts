import { z } from 'zod';
import { mutationReceipt, scannedVariant } from '../contracts.ts';
import {
  catalogProductArgs,
  catalogProductDetail,
  catalogProductPage,
  catalogProductsArgs,
  productUpdateArgs,
} from '../shapes/catalog.ts';
import { defineHandler } from '../spec.ts';

// From the local cache: works offline. Prices are null for roles without orders:refund.
export const catalogSpecs = {
  'catalog.findByCode': defineHandler({
    summary: 'Resolve a scanned or typed GTIN or SKU to its variant, or null',
    access: 'catalog:read',
    args: z.strictObject({ code: z.string().trim().min(1).max(64) }),
    result: scannedVariant.nullable(),
  }),
  'catalog.products': defineHandler({
    summary: 'Styles with their variant count and stock, searched and paged',
    access: 'catalog:read',
    args: catalogProductsArgs,
    result: catalogProductPage,
  }),
  'catalog.product': defineHandler({
    summary: 'One style with its variants and their stock',
    access: 'catalog:read',
    args: catalogProductArgs,
    result: catalogProductDetail,
  }),
  'products.update': defineHandler({
    summary: 'Edit a product, merged field by field on the server against baseVersion (works offline)',
    access: 'catalog:write',
    args: productUpdateArgs,
    result: mutationReceipt,
  }),
} as const;

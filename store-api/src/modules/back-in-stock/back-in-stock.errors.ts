import { businessRule } from '@shoebox/shared';
import { catalogLookupErrors } from '../catalog/index.ts';

/** Refusals of back-in-stock sign-ups, built here once. */
export const backInStockErrors = {
  sizeNotFound: (sku: string) =>
    catalogLookupErrors.variantNotFound(
      'We do not sell this size (any more), so we cannot tell you about it.',
      {
        sku,
      },
    ),
  emailRequired: () =>
    businessRule('EMAIL_REQUIRED', 'Tell us your e-mail address so we can write when the size is back.'),
};

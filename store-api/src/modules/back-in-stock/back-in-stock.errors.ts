import { businessRule, DomainError } from '@shoebox/shared';

/** Refusals of back-in-stock sign-ups, built here once. */
export const backInStockErrors = {
  sizeNotFound: () =>
    new DomainError(
      'not_found',
      'VARIANT_NOT_FOUND',
      'We do not sell this size (any more), so we cannot tell you about it.',
    ),
  emailRequired: () =>
    businessRule('EMAIL_REQUIRED', 'Tell us your e-mail address so we can write when the size is back.'),
};

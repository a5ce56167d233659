import { z } from 'zod';
import { email, pageOf, pageQuery } from './common.ts';

/**
 * Product reviews (`/store/products/:slug/reviews`, `/admin/reviews`) and back-in-stock sign-ups
 * (`/store/back-in-stock`). Reviews come only from verified buyers, one per shopper and product;
 * a review with a link or a banned word waits for a moderator.
 */

export const reviewFits = ['small', 'true', 'large'] as const;
export type ReviewFit = (typeof reviewFits)[number];
export const reviewStatuses = ['published', 'held', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const REVIEW_MAX_CHARS = 2000;

export const reviewParams = z.strictObject({ slug: z.string().min(1).max(160) });
export const reviewListQuery = z.strictObject({
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const reviewBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  fit: z.enum(reviewFits),
  text: z.string().trim().min(3, 'Tell other shoppers a little more').max(REVIEW_MAX_CHARS),
});
export type ReviewBody = z.input<typeof reviewBody>;

export const storeReview = z.object({
  id: z.uuid(),
  rating: z.number().int().min(1).max(5),
  fit: z.enum(reviewFits),
  text: z.string(),
  /** The reviewer's first name only. */
  author: z.string(),
  createdAt: z.string(),
});
export type StoreReview = z.infer<typeof storeReview>;

export const reviewSummary = z.object({
  count: z.number().int().min(0),
  /** Mean rating to one decimal; null without reviews. */
  averageRating: z.number().nullable(),
  fit: z.object({ small: z.number().int(), true: z.number().int(), large: z.number().int() }),
  /** "Most say it runs small" when a clear majority agrees; null otherwise. */
  fitVerdict: z.string().nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

export const storeReviewPage = pageOf(storeReview).extend({ summary: reviewSummary });
export type StoreReviewPage = z.infer<typeof storeReviewPage>;

/** What the shopper gets back after posting: held reviews say so. */
export const postedReview = z.object({
  id: z.uuid(),
  status: z.enum(reviewStatuses),
});
export type PostedReview = z.infer<typeof postedReview>;

// Admin moderation ---------------------------------------------------------------------------

export const adminReviewListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(reviewStatuses).default('held'),
});
export const adminReview = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  rating: z.number().int(),
  fit: z.enum(reviewFits),
  text: z.string(),
  status: z.enum(reviewStatuses),
  heldReason: z.string().nullable(),
  createdAt: z.string(),
  moderatedAt: z.string().nullable(),
});
export type AdminReview = z.infer<typeof adminReview>;
export const adminReviewList = pageOf(adminReview);

// Back in stock ------------------------------------------------------------------------------

export const backInStockBody = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  /** Needed from guests; a signed-in shopper's account e-mail is used when left out. */
  email: email.optional(),
});
export type BackInStockBody = z.input<typeof backInStockBody>;
export const backInStockSignUp = z.object({
  sku: z.string(),
  email: z.string(),
  /** Always `pending`: signing up twice changes nothing. */
  status: z.literal('pending'),
});
export const backInStockTokenParams = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

/** reviews: verified buyers' product reviews, their summary and fit verdict, and moderation. */
import { z } from 'zod';
import { DEFAULT_BANNED_WORDS } from './reviews.rules.ts';

/** Environment settings of this module; merged into config/env.ts's schema (spread `.shape`). */
export const reviewsConfigSchema = z.object({
  /** Comma-separated words that hold a review for a moderator; empty turns the word check off. */
  REVIEW_BANNED_WORDS: z
    .string()
    .default(DEFAULT_BANNED_WORDS.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
});

export { reviewsRoutes } from './reviews.routes.ts';
export { createReviewsService, type ReviewsOptions, type ReviewsService } from './reviews.service.ts';
export { forgetCustomerReviews } from './reviews-erasure.ts';

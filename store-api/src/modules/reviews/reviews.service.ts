/**
 * Reviews: verified buyers post one review per product; links and banned words send it to the
 * moderation queue, everything else is published at once; staff approve or reject (audited).
 */
import { newId } from '@shoebox/shared';
import type {
  AdminReview,
  ReviewFit,
  ReviewStatus,
  ReviewSummary,
  StoreReviewPage,
  reviewBody,
} from '@shoebox/shared/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { affectedRows, type Store, uniqueViolation } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { reviewsErrors } from './reviews.errors.ts';
import * as repo from './reviews.repo.ts';
import { firstName, fitVerdict, heldReasonOf } from './reviews.rules.ts';

export interface ReviewsOptions {
  /** Words that hold a review for a moderator (whole words, any case). */
  bannedWords: readonly string[];
}

type Page = { page: number; pageSize: number };

function customerId(ctx: RequestContext): string {
  if (ctx.actor.type !== 'customer') throw reviewsErrors.customerOnly();
  return ctx.actor.id;
}

function adminView(row: repo.AdminRow): AdminReview {
  const { review: r } = row;
  return {
    id: r.id,
    productId: r.productId,
    productName: row.productName,
    customerId: r.customerId,
    customerName: row.customerName,
    rating: r.rating,
    fit: r.fit as AdminReview['fit'],
    text: r.body,
    status: r.status as ReviewStatus,
    heldReason: r.heldReason,
    createdAt: iso(r.createdAt),
    moderatedAt: r.moderatedAt === null ? null : iso(r.moderatedAt),
  };
}

export function createReviewsService(store: Store, options: ReviewsOptions) {
  const db = store.db;

  async function requireProduct(slug: string) {
    const product = await repo.activeProduct(db, store, slug);
    if (!product) throw reviewsErrors.productNotFound();
    return product;
  }

  async function summaryOf(productId: string): Promise<ReviewSummary> {
    const t = await repo.publishedTallies(db, store, productId);
    return {
      count: t.total,
      averageRating: t.total === 0 ? null : Math.round((t.ratingSum / t.total) * 10) / 10,
      fit: t.fit,
      fitVerdict: fitVerdict(t.fit),
    };
  }

  /** Moves a review to `to` unless it is there already; the audit entry says from where. */
  async function moderate(ctx: RequestContext, id: string, to: 'published' | 'rejected') {
    const r = store.t.productReviews;
    await store.tx(async (tx) => {
      const current = await repo.reviewById(tx, store, id);
      if (!current) throw reviewsErrors.reviewNotFound();
      if (current.status === to) return;
      const moderatedBy = ctx.actor.type === 'anonymous' ? null : ctx.actor.id;
      const changed = await tx
        .update(r)
        .set({ status: to, moderatedAt: ctx.now, moderatedBy })
        .where(and(eq(r.id, id), ne(r.status, to)));
      if (affectedRows(changed) === 0) return;
      await recordWhatHappened(store, tx, ctx, {
        audit: {
          action: to === 'published' ? 'review.approve' : 'review.reject',
          entity: 'review',
          entityId: id,
          before: { status: current.status },
          after: { status: to },
        },
      });
    });
    return adminReviewById(id);
  }

  async function adminReviewById(id: string): Promise<AdminReview> {
    const row = await repo.adminRow(db, store, id);
    if (!row) throw reviewsErrors.reviewNotFound();
    return adminView(row);
  }

  return {
    /** The product's published reviews (newest first) and the summary of all of them. */
    async productReviews(_ctx: RequestContext, slug: string, page: Page): Promise<StoreReviewPage> {
      const product = await requireProduct(slug);
      const [summary, rows] = await Promise.all([
        summaryOf(product.id),
        repo.publishedPage(db, store, product.id, page),
      ]);
      return {
        summary,
        page: page.page,
        pageSize: page.pageSize,
        total: summary.count,
        items: rows.map(({ review: r, name }) => ({
          id: r.id,
          rating: r.rating,
          fit: r.fit as ReviewFit,
          text: r.body,
          author: firstName(name),
          createdAt: iso(r.createdAt),
        })),
      };
    },

    /** A verified buyer's one review of the product: published, or held with a link or banned word. */
    async post(ctx: RequestContext, slug: string, body: z.output<typeof reviewBody>) {
      const owner = customerId(ctx);
      const product = await requireProduct(slug);
      if (!(await repo.hasBought(db, store, owner, product.id))) throw reviewsErrors.notABuyer();
      const heldReason = heldReasonOf(body.text, options.bannedWords);
      const status: ReviewStatus = heldReason ? 'held' : 'published';
      const id = newId();
      try {
        await store.tx(async (tx) => {
          if (await repo.reviewOf(tx, store, product.id, owner)) throw reviewsErrors.alreadyReviewed();
          await tx.insert(store.t.productReviews).values({
            id,
            productId: product.id,
            customerId: owner,
            rating: body.rating,
            fit: body.fit,
            body: body.text,
            status,
            heldReason,
            moderatedBy: null,
            moderatedAt: null,
            createdAt: ctx.now,
          });
        });
      } catch (e) {
        // Two posts racing past the check: the unique index keeps one.
        if (uniqueViolation(e)) throw reviewsErrors.alreadyReviewed();
        throw e;
      }
      return { id, status };
    },

    /** The moderation queue for one status, oldest first. */
    async list(_ctx: RequestContext, query: Page & { status: ReviewStatus }) {
      const { items, total } = await repo.byStatus(db, store, query.status, query);
      return { items: items.map(adminView), page: query.page, pageSize: query.pageSize, total };
    },

    approve: (ctx: RequestContext, id: string) => moderate(ctx, id, 'published'),
    reject: (ctx: RequestContext, id: string) => moderate(ctx, id, 'rejected'),
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;

import type { StoreReviewPage, StoreVariant } from '@shoebox/shared/store';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../account/session.ts';
import ShopperVoice from './ShopperVoice.tsx';

const variant = (sizeEu: number, available: number): StoreVariant => ({
  id: `variant-${sizeEu}`,
  sku: `DORA-BLACK-${sizeEu}`,
  gtin: null,
  sizeEu,
  sizeLabels: { eu: String(sizeEu), us: String(sizeEu - 30), uk: String(sizeEu - 33) },
  width: 'standard',
  priceMinor: 12995,
  compareAtMinor: null,
  available,
  inStock: available > 0,
});

const reviewPage = (over: Partial<StoreReviewPage> = {}): StoreReviewPage => ({
  items: [
    {
      id: '0190a0b0-0000-7000-8000-000000000001',
      rating: 4,
      fit: 'small',
      text: 'Lovely, but order half a size up.',
      author: 'Ana',
      createdAt: '2026-11-30T10:00:00.000Z',
    },
  ],
  page: 1,
  pageSize: 10,
  total: 1,
  summary: {
    count: 4,
    averageRating: 4.3,
    fit: { small: 3, true: 1, large: 0 },
    fitVerdict: 'Most say it runs small',
  },
  ...over,
});

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A fake API: the reviews page for GETs, `answer` for everything else; records every call. */
function fakeApi(page: StoreReviewPage, answer: () => Response = () => json(500, {})) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url: String(input), body });
    return method === 'GET' ? json(200, page) : answer();
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  session.clear();
});

describe('ShopperVoice on the product page', () => {
  it('shows the rating and fit verdict by the sizes, and the reviews under their summary', async () => {
    const calls = fakeApi(reviewPage());
    render(<ShopperVoice slug="dora-boot" variants={[variant(38, 2)]} />);
    expect(await screen.findByText('Most say it runs small')).toBeTruthy();
    expect(screen.getByRole('img', { name: '4.3 out of 5 stars' })).toBeTruthy();
    expect(screen.getByText('Reviews (4)')).toBeTruthy();
    expect(screen.getByText('Lovely, but order half a size up.')).toBeTruthy();
    expect(screen.getByText('Runs small')).toBeTruthy();
    expect(calls[0]?.url).toMatch(/\/store\/products\/dora-boot\/reviews\?page=1$/);
    // Every size in stock: nothing to be notified about.
    expect(screen.queryByRole('button', { name: 'Notify me' })).toBeNull();
  });

  it('says there are no reviews yet, and asks guests to sign in before reviewing', async () => {
    fakeApi(
      reviewPage({
        items: [],
        total: 0,
        summary: { count: 0, averageRating: null, fit: { small: 0, true: 0, large: 0 }, fitVerdict: null },
      }),
    );
    render(<ShopperVoice slug="dora-boot" variants={[variant(38, 2)]} />);
    expect(await screen.findByText('No reviews yet.')).toBeTruthy();
    expect(screen.getByText(/to review shoes you bought/).textContent).toBe(
      'Sign in to review shoes you bought.',
    );
    expect(screen.queryByRole('button', { name: 'Post review' })).toBeNull();
  });

  it('shows the API’s refusal in words when a signed-in shopper who did not buy posts a review', async () => {
    session.set({ accessToken: 'access-token', refreshToken: 'refresh-token-0123456789' });
    const calls = fakeApi(reviewPage(), () =>
      json(
        422,
        {
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          code: 'REVIEW_NOT_A_BUYER',
          detail: 'You can review shoes you bought: this product is not in any of your paid orders yet.',
          instance: '/store/products/dora-boot/reviews',
          requestId: 'req-1',
        },
        'application/problem+json',
      ),
    );
    render(<ShopperVoice slug="dora-boot" variants={[variant(38, 2)]} />);
    await screen.findByText('Most say it runs small');
    fireEvent.click(screen.getByLabelText('5 stars'));
    fireEvent.click(screen.getByLabelText('True to size'));
    fireEvent.change(screen.getByLabelText('Your review'), { target: { value: 'Great boots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You can review shoes you bought: this product is not in any of your paid orders yet.',
    );
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ rating: 5, fit: 'true', text: 'Great boots' });
  });

  it('offers "notify me" for the sold-out sizes only, and confirms the guest’s sign-up', async () => {
    const calls = fakeApi(reviewPage(), () =>
      json(201, { sku: 'DORA-BLACK-39', email: 'nora@example.com', status: 'pending' }),
    );
    render(<ShopperVoice slug="dora-boot" variants={[variant(38, 2), variant(39, 0), variant(40, 0)]} />);
    const form = (await screen.findByText('Size sold out? We can e-mail you when it is back.')).closest(
      'form',
    )!;
    const sizes = within(form).getByLabelText('Size') as HTMLSelectElement;
    expect([...sizes.options].map((o) => o.textContent)).toEqual(['EU 39', 'EU 40']);
    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'nora@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Notify me' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'We will e-mail nora@example.com once when EU 39 is back.',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      sku: 'DORA-BLACK-39',
      email: 'nora@example.com',
    });
  });
});

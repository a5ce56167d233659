/**
 * What shoppers say about a style and what they can ask for, loaded lazily after the product page
 * so its first JavaScript stays as it was: the rating and fit verdict next to the sizes, "notify
 * me" for sold-out sizes, and the reviews (list and form) folded under a summary.
 */
import type { StoreReviewPage, StoreVariant } from '@shoebox/shared/store';
import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../app/api.ts';
import { NotifyMe } from './NotifyMe.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { ReviewList } from './ReviewList.tsx';
import { FitSummary } from './FitSummary.tsx';
import './shopper-voice.css';

interface Props {
  slug: string;
  /** The sizes on show (chosen colour and width): sold-out ones get "notify me". */
  variants: StoreVariant[];
}

export default function ShopperVoice({ slug, variants }: Props) {
  const [page, setPage] = useState<StoreReviewPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    (n = 1) =>
      api.store.products.reviews(slug, { page: n }).then(
        (p) => {
          setPage((old) => (n > 1 && old ? { ...p, items: [...old.items, ...p.items] } : p));
          setError(null);
        },
        (e: unknown) => setError(messageOf(e)),
      ),
    [slug],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const soldOut = variants.filter((v) => !v.inStock);
  return (
    <div className="voice">
      {page && <FitSummary summary={page.summary} />}
      {soldOut.length > 0 && <NotifyMe soldOut={soldOut} />}
      <details className="reviews" id="reviews">
        <summary>Reviews{page ? ` (${page.summary.count})` : ''}</summary>
        {error && (
          <p className="field-error" role="alert">
            Reviews could not be loaded: {error}
          </p>
        )}
        {page && <ReviewList page={page} onMore={() => void load(page.page + 1)} />}
        <ReviewForm slug={slug} onPosted={() => void load()} />
      </details>
    </div>
  );
}

import type { StoreReviewPage } from '@shoebox/shared/store';
import { Stars } from './Stars.tsx';

const fitWords = { small: 'Runs small', true: 'True to size', large: 'Runs large' } as const;

/** Published reviews, newest first, with "More reviews" while there are more. */
export function ReviewList({ page, onMore }: { page: StoreReviewPage; onMore: () => void }) {
  if (page.items.length === 0) return <p className="muted">Be the first to review this style.</p>;
  return (
    <>
      <ul className="review-list">
        {page.items.map((r) => (
          <li key={r.id}>
            <p className="review-head">
              <Stars rating={r.rating} /> <span className="fit-tag">{fitWords[r.fit]}</span>
            </p>
            <p className="review-text">{r.text}</p>
            <p className="muted small">
              {r.author}, {r.createdAt.slice(0, 10)}
            </p>
          </li>
        ))}
      </ul>
      {page.items.length < page.total && (
        <button type="button" onClick={onMore}>
          More reviews
        </button>
      )}
    </>
  );
}

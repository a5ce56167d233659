import type { ReviewSummary } from '@shoebox/shared/store';
import { Stars } from './Stars.tsx';

/** One line by the sizes: average rating, number of reviews and the fit verdict when there is one. */
export function FitSummary({ summary }: { summary: ReviewSummary }) {
  if (summary.count === 0) return <p className="fit-summary muted">No reviews yet.</p>;
  const reviews = `${summary.count} review${summary.count === 1 ? '' : 's'}`;
  return (
    <p className="fit-summary">
      <Stars rating={summary.averageRating ?? 0} /> <strong>{summary.averageRating?.toFixed(1)}</strong>{' '}
      <a href="#reviews">({reviews})</a>
      {summary.fitVerdict && <span className="fit-verdict">{summary.fitVerdict}</span>}
    </p>
  );
}

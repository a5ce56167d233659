import { type FormEvent, useState } from 'react';
import { messageOf } from '../app/api.ts';
import { Link } from '../app/router.tsx';
import { accountApi, authed, useSignedIn } from '../account/session.ts';

const fits = [
  ['small', 'Runs small'],
  ['true', 'True to size'],
  ['large', 'Runs large'],
] as const;

type Result = { kind: 'published' | 'held' | 'error'; text: string } | null;

/**
 * A signed-in shopper's review: stars, fit and a few words. The API decides who may review (only
 * buyers, once each) and its refusal is shown as it words it.
 */
export function ReviewForm({ slug, onPosted }: { slug: string; onPosted: () => void }) {
  const signedIn = useSignedIn();
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);
  if (!signedIn)
    return (
      <p className="review-cta">
        <Link href="/account">Sign in</Link> to review shoes you bought.
      </p>
    );
  if (result && result.kind !== 'error')
    return (
      <p className="ok" role="status">
        {result.text}
      </p>
    );

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const rating = Number(data.get('rating'));
    const fit = data.get('fit') as (typeof fits)[number][0] | null;
    const text = String(data.get('text') ?? '');
    if (!rating || !fit) {
      setResult({ kind: 'error', text: 'Choose a number of stars and how the shoe fits.' });
      return;
    }
    setBusy(true);
    try {
      const posted = await authed(() => accountApi.products.review(slug, { rating, fit, text }));
      setResult(
        posted.status === 'published'
          ? { kind: 'published', text: 'Thank you: your review is live.' }
          : { kind: 'held', text: 'Thank you: your review will appear once we have read it.' },
      );
      onPosted();
    } catch (err) {
      setResult({ kind: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="review-form" onSubmit={submit} aria-describedby={result ? 'review-error' : undefined}>
      <h3>Write a review</h3>
      <fieldset className="rating-input">
        <legend>Your rating</legend>
        {[5, 4, 3, 2, 1].map((n) => (
          <label key={n}>
            <input type="radio" name="rating" value={n} required /> {n} star{n === 1 ? '' : 's'}
          </label>
        ))}
      </fieldset>
      <fieldset className="fit-input">
        <legend>How does it fit?</legend>
        {fits.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="fit" value={value} required /> {label}
          </label>
        ))}
      </fieldset>
      <label className="review-text-input">
        Your review
        <textarea name="text" rows={4} minLength={3} maxLength={2000} required />
      </label>
      {result?.kind === 'error' && (
        <p id="review-error" className="field-error" role="alert">
          {result.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Sending…' : 'Post review'}
      </button>
    </form>
  );
}

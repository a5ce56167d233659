/** The wishlist: products kept for later, with today's price; remove with one tap. */
import type { WishlistItem } from '@shoebox/shared/store';
import { useState } from 'react';
import { money } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useAction } from '../app/use-action.ts';
import { accountApi, authed } from './session.ts';

export function WishlistList({ initial }: { initial: WishlistItem[] }) {
  const [items, setItems] = useState(initial);
  const { busy, error, run } = useAction();
  return (
    <section aria-labelledby="wishlist-title" className="account-section">
      <h2 id="wishlist-title">Wishlist</h2>
      {items.length === 0 && <p className="muted">Tap “Add to wishlist” on a shoe to keep it here.</p>}
      <ul className="wishlist">
        {items.map((w) => (
          <li key={w.slug} className="line">
            <div>
              {w.available ? <Link href={`/p/${w.slug}`}>{w.name}</Link> : <span>{w.name}</span>}
              <span className="muted">
                {w.available ? money(w.priceMinor, w.currency) : 'No longer sold'}
              </span>
            </div>
            <button
              type="button"
              className="link"
              disabled={busy}
              aria-label={`Remove ${w.name} from the wishlist`}
              onClick={() =>
                run(async () => setItems(await authed(() => accountApi.account.removeFromWishlist(w.slug))))
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}

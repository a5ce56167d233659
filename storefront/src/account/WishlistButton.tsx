/** "Add to wishlist" on the product page: saves for a signed-in shopper, else leads to sign-in. */
import { useState } from 'react';
import { messageOf } from '../app/api.ts';
import { Link } from '../app/router.tsx';
import { accountApi, authed, useSignedIn } from './session.ts';

export function WishlistButton({ slug, name }: { slug: string; name: string }) {
  const signedIn = useSignedIn();
  const [state, setState] = useState<{ saved: boolean; error: string | null }>({ saved: false, error: null });
  if (!signedIn)
    return (
      <p className="wishlist-cta">
        <Link href="/account">Sign in</Link> to keep this shoe on your wishlist.
      </p>
    );
  const add = async () => {
    try {
      await authed(() => accountApi.account.addToWishlist(slug));
      setState({ saved: true, error: null });
    } catch (e) {
      setState({ saved: false, error: messageOf(e) });
    }
  };
  return (
    <div className="wishlist-cta">
      <button type="button" onClick={add} disabled={state.saved} aria-pressed={state.saved}>
        {state.saved ? 'On your wishlist' : 'Add to wishlist'}
      </button>
      <span aria-live="polite">
        {state.saved && <span className="ok small"> Saved: {name}.</span>}
        {state.error && <span className="field-error"> {state.error}</span>}
      </span>
    </div>
  );
}

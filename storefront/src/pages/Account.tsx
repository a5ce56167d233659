/** `/account`: sign in or register when signed out; otherwise orders, size, addresses, wishlist, data. */
import type { AccountAddress, AccountProfile, WishlistItem } from '@shoebox/shared/store';
import { AddressBook } from '../account/AddressBook.tsx';
import { AuthForms } from '../account/AuthForms.tsx';
import { DataRights } from '../account/DataRights.tsx';
import { OrderHistory } from '../account/OrderHistory.tsx';
import { SavedSize } from '../account/SavedSize.tsx';
import { accountApi, authed, endSession, session, useSignedIn } from '../account/session.ts';
import { WishlistList } from '../account/WishlistList.tsx';
import { useMeta } from '../app/meta.ts';
import { loadCart } from '../cart/cart-store.ts';
import { useLocation } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';

interface AccountData {
  profile: AccountProfile;
  addresses: AccountAddress[];
  wishlist: WishlistItem[];
}

const loadAccount = async (): Promise<AccountData> => {
  const [profile, addresses, wishlist] = await Promise.all([
    authed(() => accountApi.account.get()),
    authed(() => accountApi.account.addresses()),
    authed(() => accountApi.account.wishlist()),
  ]);
  return { profile, addresses, wishlist };
};

export default function Account() {
  useMeta({ title: 'Your account', canonicalPath: '/account', noindex: true });
  const signedIn = useSignedIn();
  const { search } = useLocation();
  if (!signedIn)
    return (
      <>
        {search.get('deleted') === '1' && (
          <p className="ok narrow notice" role="status">
            Your account is deleted. Thank you for shopping with us.
          </p>
        )}
        <AuthForms />
      </>
    );
  return <AccountHome />;
}

function AccountHome() {
  const { data, error } = useFetch(`account:${session.get()?.accessToken ?? ''}`, loadAccount);
  if (error)
    return (
      <p className="error narrow" role="alert">
        {error}
      </p>
    );
  if (!data) return <p className="loading">Loading your account…</p>;
  const signOut = async () => {
    const refreshToken = endSession();
    await loadCart(true).catch(() => undefined);
    if (refreshToken) await accountApi.auth.signOut({ refreshToken }).catch(() => undefined);
  };
  return (
    <div className="narrow account">
      <h1>Hello, {data.profile.name}</h1>
      <p className="muted">
        {data.profile.email} ·{' '}
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </p>
      <OrderHistory />
      <SavedSize initial={data.profile.savedSizeEu} />
      <WishlistList initial={data.wishlist} />
      <AddressBook initial={data.addresses} />
      <DataRights email={data.profile.email} />
    </div>
  );
}

import { lazy, Suspense, useEffect, useRef } from 'react';
import { Header } from '../components/Header.tsx';
import { OfflineNotice } from '../components/OfflineNotice.tsx';
import { matchPath, useLocation } from './router.tsx';

// One chunk per page: the home page does not download checkout code.
const Home = lazy(() => import('../pages/Home.tsx'));
const Listing = lazy(() => import('../pages/Listing.tsx'));
const Product = lazy(() => import('../pages/Product.tsx'));
const Cart = lazy(() => import('../pages/Cart.tsx'));
const Checkout = lazy(() => import('../pages/Checkout.tsx'));
const Confirmation = lazy(() => import('../pages/Confirmation.tsx'));
const NotFound = lazy(() => import('../pages/NotFound.tsx'));
const Account = lazy(() => import('../pages/Account.tsx'));
const AccountOrder = lazy(() => import('../pages/AccountOrder.tsx'));
const ResetPassword = lazy(() => import('../pages/ResetPassword.tsx'));
const Track = lazy(() => import('../pages/Track.tsx'));
const Returns = lazy(() => import('../pages/Returns.tsx'));

function Page({ pathname }: { pathname: string }) {
  if (pathname === '/') return <Home />;
  if (pathname === '/search') return <Listing />;
  const category = matchPath('/c/:slug', pathname);
  if (category) return <Listing category={category.slug} />;
  const product = matchPath('/p/:slug', pathname);
  if (product) return <Product key={product.slug} slug={product.slug!} />;
  if (pathname === '/cart') return <Cart />;
  if (pathname === '/checkout') return <Checkout />;
  const order = matchPath('/order/:number', pathname);
  if (order) return <Confirmation number={order.number!} />;
  if (pathname === '/account') return <Account />;
  if (pathname === '/account/reset-password') return <ResetPassword />;
  const parcel = matchPath('/track/:number', pathname);
  if (parcel) return <Track key={parcel.number} number={parcel.number!} />;
  if (pathname === '/returns') return <Returns />;
  const toReturn = matchPath('/returns/:number', pathname);
  if (toReturn) return <Returns key={toReturn.number} number={toReturn.number} />;
  const accountOrder = matchPath('/account/orders/:number', pathname);
  if (accountOrder) return <AccountOrder number={accountOrder.number!} />;
  return <NotFound />;
}

export function App() {
  const { pathname } = useLocation();
  // After a navigation (not on the first load) move focus to the new page's main region, so keyboard
  // and screen-reader users start at its top instead of on the link they left.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, reads only the DOM
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <Header />
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Page pathname={pathname} />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Shoebox · free returns within 30 days · demo shop: no real payments are taken</p>
      </footer>
    </>
  );
}

import { Link } from '../app/router.tsx';

/** Checkout is online-only (prices, stock and payment must be live): said plainly, with the bag kept. */
export function OfflineCheckout() {
  return (
    <div className="narrow" role="alert">
      <h1>Checkout needs a connection</h1>
      <p>
        You are offline, so we cannot check stock or take a payment right now. Your bag is kept: come back to
        checkout when you are connected again.
      </p>
      <Link href="/" className="button wide">
        Keep browsing
      </Link>
    </div>
  );
}

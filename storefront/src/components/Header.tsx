import { useEffect } from 'react';
import { Link } from '../app/router.tsx';
import { cartCount, loadCart, useCart } from '../cart/cart-store.ts';
import { SearchBox } from './SearchBox.tsx';

export function Header() {
  const { cart } = useCart();
  useEffect(() => {
    loadCart().catch(() => undefined);
  }, []);
  const count = cartCount(cart);
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="logo">
          Shoebox
        </Link>
        <Link href="/account" className="account-link">
          Account
        </Link>
        <Link href="/cart" className="bag" aria-label={`Bag, ${count} ${count === 1 ? 'item' : 'items'}`}>
          Bag <span className="bag-count">{count}</span>
        </Link>
      </div>
      <SearchBox />
    </header>
  );
}

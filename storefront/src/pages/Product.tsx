/** The product page: gallery, colour swatches, the size selector as the hero, size chart, sticky "Add to bag". */
import type { StoreProductDetail } from '@shoebox/shared/store';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSavedSize } from '../account/use-saved-size.ts';
import { WishlistButton } from '../account/WishlistButton.tsx';
import { messageOf } from '../app/api.ts';
import { productLoader } from '../app/loaders.ts';
import { money } from '../app/format.ts';
import { useMeta } from '../app/meta.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { addToCart } from '../cart/cart-store.ts';
import { AlsoLike } from '../product/AlsoLike.tsx';
import { Gallery } from '../product/Gallery.tsx';
import { productJsonLd } from '../product/product-ld.ts';
import { SizeChart } from '../product/SizeChart.tsx';
import { SizeSelector } from '../product/SizeSelector.tsx';

// Reviews, fit verdict and "notify me": their own chunk, fetched after the page has painted.
const ShopperVoice = lazy(() => import('../product/ShopperVoice.tsx'));

export default function Product({ slug }: { slug: string }) {
  const loader = productLoader(slug);
  const { data: product, error } = useFetch(loader.key, loader.load);
  useMeta(
    product
      ? {
          title: `${product.name} by ${product.brand.name}`,
          description: product.description.slice(0, 160),
          canonicalPath: `/p/${product.slug}`,
          jsonLd: productJsonLd(product, location.origin),
        }
      : null,
  );
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!product) return <p className="loading">Loading…</p>;
  return <ProductView product={product} />;
}

function ProductView({ product }: { product: StoreProductDetail }) {
  const { pathname, search } = useLocation();
  const colour = product.colours.find((c) => c.code === search.get('colour')) ?? product.colours[0];
  const widths = [...new Set(colour?.variants.map((v) => v.width))];
  const [width, setWidth] = useState(widths.includes('standard') ? 'standard' : (widths[0] ?? 'standard'));
  const [sku, setSku] = useState<string | null>(null);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'added' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const sizesRef = useRef<HTMLDivElement>(null);
  const savedSize = useSavedSize();
  const savedSku = colour?.variants.find(
    (v) => v.width === width && v.sizeEu === savedSize && v.inStock,
  )?.sku;
  // The saved size is preselected when it is in stock in this colour and width, and only while the
  // shopper has not picked one.
  useEffect(() => {
    if (savedSku) setSku((picked) => picked ?? savedSku);
  }, [savedSku]);
  if (!colour) return <p>This style has no colours on sale right now.</p>;

  const variants = colour.variants.filter((v) => v.width === width);
  const chosen = variants.find((v) => v.sku === sku) ?? null;
  const price = chosen?.priceMinor ?? Math.min(...colour.variants.map((v) => v.priceMinor));
  const compareAt = chosen ? chosen.compareAtMinor : null;

  const pickColour = (code: string) => {
    setSku(null);
    navigate(`${pathname}?colour=${encodeURIComponent(code)}`, { replace: true, keepScroll: true });
  };
  const add = async () => {
    if (!chosen) {
      setSizeError('Choose your size first.');
      sizesRef.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      await addToCart(chosen.sku, 1);
      setStatus({
        kind: 'added',
        text: `Added: ${product.name}, ${colour.name}, EU ${chosen.sizeLabels.eu}.`,
      });
    } catch (e) {
      setStatus({ kind: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="product">
      <Gallery product={product} tint={colour.swatchHex} colourName={colour.name} />
      <div className="buy">
        <p className="crumbs">
          <Link href={`/c/${product.category.slug}`}>{product.category.name}</Link>
        </p>
        <h1>
          <span className="brand">{product.brand.name}</span> {product.name}
        </h1>
        <p className="price big">
          {money(price, product.currency)}
          {compareAt !== null && <s className="compare">{money(compareAt, product.currency)}</s>}
        </p>
        <fieldset className="colours">
          <legend>
            Colour: <span className="muted">{colour.name}</span>
          </legend>
          {product.colours.map((c) => (
            <button
              key={c.code}
              type="button"
              className="colour"
              aria-pressed={c.code === colour.code}
              aria-label={c.name}
              title={c.name}
              style={{ background: c.swatchHex }}
              onClick={() => pickColour(c.code)}
            />
          ))}
        </fieldset>
        {widths.length > 1 && (
          <label className="width">
            Width{' '}
            <select
              value={width}
              onChange={(e) => {
                setWidth(e.target.value as typeof width);
                setSku(null);
              }}
            >
              {widths.map((w) => (
                <option key={w} value={w}>
                  {w.replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        )}
        <div ref={sizesRef}>
          <SizeSelector
            variants={variants}
            selectedSku={sku}
            onSelect={(s) => {
              setSku(s);
              setSizeError(null);
              setStatus(null);
            }}
            error={sizeError}
          />
        </div>
        <SizeChart variants={variants} />
        <Suspense fallback={null}>
          <ShopperVoice slug={product.slug} variants={variants} />
        </Suspense>
        <div className="add-bar">
          <button type="button" className="primary" onClick={add} disabled={busy}>
            {busy ? 'Adding…' : 'Add to bag'}
          </button>
          <div aria-live="polite" className="add-status">
            {status?.kind === 'added' && (
              <p className="ok">
                {status.text} <Link href="/cart">View bag</Link>
              </p>
            )}
            {status?.kind === 'error' && <p className="field-error">{status.text}</p>}
          </div>
        </div>
        <WishlistButton slug={product.slug} name={product.name} />
        <section className="details">
          <h2>Details</h2>
          <p>{product.description}</p>
          <dl>
            <dt>Material</dt>
            <dd>{product.material}</dd>
            <dt>Heel</dt>
            <dd>{product.heelHeightMm / 10} cm</dd>
          </dl>
        </section>
      </div>
      <AlsoLike category={product.category.slug} exceptSlug={product.slug} />
    </article>
  );
}

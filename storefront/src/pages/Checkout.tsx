/** One-page checkout: contact, delivery, payment, each opening once the one before is done. */
import type { CartView } from '@shoebox/shared/store';
import { type FormEvent, useEffect, useState } from 'react';
import { isShoeboxApiError } from '../app/api.ts';
import { money } from '../app/format.ts';
import { useMeta } from '../app/meta.ts';
import { useAction } from '../app/use-action.ts';
import { Link, navigate } from '../app/router.tsx';
import { CartLines } from '../cart/CartLines.tsx';
import { CartTotals } from '../cart/CartTotals.tsx';
import { CouponForm } from '../cart/CouponForm.tsx';
import { loadCart, setContact, setShipping, useCart } from '../cart/cart-store.ts';
import { AddressForm } from '../checkout/AddressForm.tsx';
import { type AddressErrors, type AddressFields, emptyAddress } from '../checkout/address-rules.ts';
import { DemoPayment } from '../checkout/DemoPayment.tsx';
import { type PayOutcome, payForCart } from '../checkout/pay.ts';
import { pendingOrder } from '../checkout/pending-order.ts';
import { ShippingMethods } from '../checkout/ShippingMethods.tsx';
import { OfflineCheckout } from '../checkout/OfflineCheckout.tsx';
import { probeConnection, useOnline } from '../app/offline.ts';

type Step = 'contact' | 'delivery' | 'payment';

const stepOf = (cart: CartView): Step =>
  !cart.email ? 'contact' : !cart.shippingAddress || !cart.totals.shipping ? 'delivery' : 'payment';

const addressOf = (cart: CartView): AddressFields =>
  cart.shippingAddress
    ? {
        ...emptyAddress,
        ...cart.shippingAddress,
        line2: cart.shippingAddress.line2 ?? '',
        phone: cart.shippingAddress.phone ?? '',
      }
    : emptyAddress;

/** Field errors of a VALIDATION_FAILED answer, keyed by address field (`address.postalCode` -> postalCode). */
function addressErrorsOf(e: unknown): AddressErrors {
  if (!isShoeboxApiError(e) || !e.errors) return {};
  return Object.fromEntries(e.errors.map((f) => [f.path.replace(/^address\./, ''), f.message]));
}

export default function Checkout() {
  useMeta({ title: 'Checkout', canonicalPath: '/checkout', noindex: true });
  const { cart, loading } = useCart();
  const online = useOnline();
  const [step, setStep] = useState<Step | null>(null);
  const { busy, error, run: act } = useAction();
  const [serverErrors, setServerErrors] = useState<AddressErrors>({});
  const [outcome, setOutcome] = useState<Exclude<PayOutcome, { kind: 'paid' }> | null>(null);
  useEffect(() => {
    probeConnection();
    loadCart(true).catch(() => undefined);
  }, []);
  useEffect(() => {
    if (cart && step === null) setStep(stepOf(cart));
  }, [cart, step]);

  if (!online) return <OfflineCheckout />;
  if (!cart) return loading ? <p className="loading">Loading…</p> : <EmptyBag />;
  if (cart.lines.length === 0) return <EmptyBag />;
  const pending = pendingOrder.get(cart.id);
  const editable = cart.status === 'open' && !pending;
  const current = step ?? stepOf(cart);

  const run = async (action: () => Promise<unknown>, next?: Step) => {
    if ((await act(action, (e) => setServerErrors(addressErrorsOf(e)))) && next) setStep(next);
  };
  const submitContact = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    void run(() => setContact(email), 'delivery');
  };
  const saveAddress = (a: AddressFields) => {
    setServerErrors({});
    const address = {
      name: a.name,
      line1: a.line1,
      city: a.city,
      postalCode: a.postalCode.toUpperCase(),
      country: a.country,
      ...(a.line2.trim() ? { line2: a.line2 } : {}),
      ...(a.phone.trim() ? { phone: a.phone } : {}),
    };
    void run(() => setShipping({ address, methodId: cart.shippingMethodId }), 'delivery');
  };
  const chooseMethod = (methodId: string) => {
    const address = cart.shippingAddress;
    if (address) void run(() => setShipping({ address, methodId }));
  };
  const pay = (cardNumber: string) => {
    setOutcome(null);
    void act(async () => {
      const result = await payForCart(cart, cardNumber);
      if (result.kind === 'paid') navigate(`/order/${result.orderNumber}`);
      else setOutcome(result);
    });
  };

  return (
    <div className="checkout">
      <h1>Checkout</h1>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <section className={`step ${current === 'contact' ? 'open' : ''}`} aria-labelledby="step-contact">
        <h2 id="step-contact">1. Contact</h2>
        {current === 'contact' && editable ? (
          <form onSubmit={submitContact}>
            <div className="field">
              <label htmlFor="email">E-mail for your receipt</label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="email"
                required
                defaultValue={cart.email ?? ''}
              />
            </div>
            <button type="submit" className="primary wide" disabled={busy}>
              Continue
            </button>
          </form>
        ) : (
          <StepSummary text={cart.email} onEdit={editable ? () => setStep('contact') : undefined} />
        )}
      </section>
      <section className={`step ${current === 'delivery' ? 'open' : ''}`} aria-labelledby="step-delivery">
        <h2 id="step-delivery">2. Delivery</h2>
        {current === 'delivery' && editable && (
          <>
            <AddressForm
              initial={addressOf(cart)}
              serverErrors={serverErrors}
              busy={busy}
              onSubmit={saveAddress}
            />
            {cart.shippingAddress && (
              <>
                <ShippingMethods
                  quotes={cart.totals.availableShipping}
                  selected={cart.totals.shipping?.methodId ?? null}
                  busy={busy}
                  onSelect={chooseMethod}
                />
                <button
                  type="button"
                  className="primary wide"
                  disabled={busy || !cart.totals.shipping}
                  onClick={() => setStep('payment')}
                >
                  Continue to payment
                </button>
              </>
            )}
          </>
        )}
        {current === 'payment' && cart.shippingAddress && (
          <StepSummary
            text={`${cart.shippingAddress.name}, ${cart.shippingAddress.line1}, ${cart.shippingAddress.postalCode} ${cart.shippingAddress.city} · ${cart.totals.shipping?.name ?? ''}`}
            onEdit={editable ? () => setStep('delivery') : undefined}
          />
        )}
      </section>
      <section className={`step ${current === 'payment' ? 'open' : ''}`} aria-labelledby="step-payment">
        <h2 id="step-payment">3. Payment</h2>
        {current === 'payment' && (
          <>
            <CartLines cart={cart} editable={false} />
            {editable && <CouponForm applied={cart.couponCode} />}
            <CartTotals totals={cart.totals} />
            {outcome && (
              <div className="pay-problem" role="alert">
                <p>{outcome.message}</p>
                {outcome.kind === 'sold_out' && <Link href="/cart">Go to your bag</Link>}
              </div>
            )}
            {pending && (
              <p className="muted">Order {pending.orderNumber} is reserved for you while you pay.</p>
            )}
            {outcome?.kind !== 'sold_out' && (
              <DemoPayment
                totalLabel={money(cart.totals.totalMinor, cart.currency)}
                busy={busy}
                onPay={pay}
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}

function StepSummary({ text, onEdit }: { text: string | null; onEdit?: (() => void) | undefined }) {
  if (!text) return null;
  return (
    <p className="step-summary">
      {text}{' '}
      {onEdit && (
        <button type="button" className="link" onClick={onEdit}>
          Change
        </button>
      )}
    </p>
  );
}

function EmptyBag() {
  return (
    <div className="narrow">
      <h1>Your bag is empty</h1>
      <p>
        <Link href="/">Find a pair</Link> first, then check out here.
      </p>
    </div>
  );
}

/**
 * The demo card form (no Stripe keys configured): says in words that no money moves and lists the
 * demo test cards. The card number goes to the API in a request body, never a URL.
 */
import { type FormEvent, useState } from 'react';

export const demoCards = [
  { number: '4242 4242 4242 4242', outcome: 'payment succeeds' },
  { number: '4000 0000 0000 0002', outcome: 'card is declined' },
  { number: '4000 0000 0000 9995', outcome: 'insufficient funds' },
] as const;

interface Props {
  totalLabel: string;
  busy: boolean;
  onPay: (cardNumber: string) => void;
}

export function DemoPayment({ totalLabel, busy, onPay }: Props) {
  const [card, setCard] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = card.replace(/\s+/g, '');
    if (!/^\d{12,19}$/.test(digits)) return setError('Enter a card number of 12 to 19 digits.');
    setError(null);
    onPay(digits);
  };
  return (
    <form className="demo-pay" onSubmit={submit} noValidate>
      <p className="demo-banner">
        <strong>Demo payment.</strong> This shop runs in demo mode: no card is charged and no money moves. Use
        a test card:
      </p>
      <ul className="test-cards">
        {demoCards.map((c) => (
          <li key={c.number}>
            <button type="button" className="link" onClick={() => setCard(c.number)}>
              {c.number}
            </button>{' '}
            {c.outcome}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="card-number">Card number (demo)</label>
        <input
          id="card-number"
          name="cardNumber"
          inputMode="numeric"
          autoComplete="off"
          value={card}
          onChange={(e) => setCard(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'card-error' : undefined}
        />
        {error && (
          <p id="card-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? 'Paying…' : `Pay ${totalLabel} (demo)`}
      </button>
    </form>
  );
}

import { type FormEvent, useId } from 'react';
import { useAction } from '../app/use-action.ts';
import { applyCoupon, removeCoupon } from './cart-store.ts';

/** Enter or remove a coupon code; the totals above update from the API's answer. */
export function CouponForm({ applied, disabled }: { applied: string | null; disabled?: boolean }) {
  const id = useId();
  const { busy, error, setError, run } = useAction();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    if (!code) return setError('Enter a code.');
    void run(() => applyCoupon(code));
  };
  if (applied)
    return (
      <p className="coupon-applied">
        Code <strong>{applied}</strong>{' '}
        <button type="button" className="link" disabled={busy || disabled} onClick={() => run(removeCoupon)}>
          Remove
        </button>
      </p>
    );
  return (
    <form className="coupon" onSubmit={submit} noValidate>
      <label htmlFor={id}>Discount code</label>
      <div className="inline">
        <input
          id={id}
          name="code"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          disabled={disabled}
        />
        <button type="submit" disabled={busy || disabled}>
          Apply
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

import type { StoreVariant } from '@shoebox/shared/store';
import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../app/api.ts';
import { accountApi, authed, useSignedIn } from '../account/session.ts';

/**
 * "Notify me" for sold-out sizes: a signed-in shopper is mailed at their account address, a guest
 * types one. The shop mails once, when the size is back.
 */
export function NotifyMe({ soldOut }: { soldOut: StoreVariant[] }) {
  const signedIn = useSignedIn();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const sku = String(data.get('sku'));
    const email = String(data.get('email') ?? '').trim();
    const size = soldOut.find((v) => v.sku === sku)?.sizeLabels.eu ?? '';
    setBusy(true);
    setError(null);
    try {
      const answer = signedIn
        ? await authed(() => accountApi.backInStock.signUp({ sku }))
        : await api.store.backInStock.signUp({ sku, email });
      setDone(`We will e-mail ${answer.email} once when EU ${size} is back.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <p className="notify-me ok" role="status">
        {done}
      </p>
    );
  return (
    <form className="notify-me" onSubmit={submit}>
      <p className="notify-title">Size sold out? We can e-mail you when it is back.</p>
      <div className="notify-row">
        <label>
          Size{' '}
          <select name="sku" defaultValue={soldOut[0]?.sku}>
            {soldOut.map((v) => (
              <option key={v.sku} value={v.sku}>
                EU {v.sizeLabels.eu}
              </option>
            ))}
          </select>
        </label>
        {!signedIn && (
          <label>
            E-mail <input type="email" name="email" autoComplete="email" required maxLength={254} />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Notify me'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

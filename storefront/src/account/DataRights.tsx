/**
 * Export my data (a JSON file) and delete my account. Deleting asks for the password and names
 * what happens, because it cannot be undone.
 */
import { type FormEvent, useState } from 'react';
import { navigate } from '../app/router.tsx';
import { useAction } from '../app/use-action.ts';
import { loadCart } from '../cart/cart-store.ts';
import { accountApi, authed, endSession } from './session.ts';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataRights({ email }: { email: string }) {
  const exporting = useAction();
  const erasing = useAction();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');

  const exportData = () =>
    exporting.run(async () => {
      const data = await authed(() => accountApi.account.exportData());
      download('shoebox-account.json', JSON.stringify(data, null, 2));
    });
  const erase = (e: FormEvent) => {
    e.preventDefault();
    erasing.run(async () => {
      await accountApi.account.erase({ password });
      endSession();
      await loadCart(true).catch(() => undefined);
      navigate('/account?deleted=1');
    });
  };

  return (
    <section aria-labelledby="data-title" className="account-section">
      <h2 id="data-title">Your data</h2>
      <p className="muted">Download everything we hold about you: account, addresses, wishlist and orders.</p>
      <button type="button" onClick={exportData} disabled={exporting.busy}>
        {exporting.busy ? 'Preparing…' : 'Export my data'}
      </button>
      {exporting.error && <p className="field-error">{exporting.error}</p>}
      {!confirming ? (
        <p>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete my account
          </button>
        </p>
      ) : (
        <form className="danger-zone" onSubmit={erase}>
          <h3>Delete the account {email}?</h3>
          <p>
            You will be signed out everywhere and cannot sign in again. Your addresses, wishlist and saved
            size are deleted; your orders are kept for our accounts without your name, e-mail or address.
          </p>
          <div className="field">
            <label htmlFor="erase-password">Type your password to confirm</label>
            <input
              id="erase-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {erasing.error && (
            <p className="field-error" role="alert">
              {erasing.error}
            </p>
          )}
          <div className="row-actions">
            <button type="submit" className="danger" disabled={erasing.busy || password === ''}>
              {erasing.busy ? 'Deleting…' : 'Delete my account for good'}
            </button>
            <button type="button" className="link" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

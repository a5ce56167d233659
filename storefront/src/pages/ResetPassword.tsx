/**
 * `/account/reset-password`: without `?token=` the shopper asks for a reset link by e-mail; with
 * it (the link in that mail) they choose a new password and sign in with it.
 */
import { type FormEvent, useState } from 'react';
import { accountApi } from '../account/session.ts';
import { useMeta } from '../app/meta.ts';
import { Link, useLocation } from '../app/router.tsx';
import { useAction } from '../app/use-action.ts';

export default function ResetPassword() {
  useMeta({ title: 'Reset your password', canonicalPath: '/account/reset-password', noindex: true });
  const token = useLocation().search.get('token');
  return <div className="narrow account-auth">{token ? <SetPassword token={token} /> : <RequestLink />}</div>;
}

function RequestLink() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => setSent((await accountApi.auth.requestPasswordReset({ email })).message));
  };
  if (sent)
    return (
      <>
        <h1>Check your e-mail</h1>
        <p role="status">{sent}</p>
        <Link href="/account">Back to sign in</Link>
      </>
    );
  return (
    <form onSubmit={submit}>
      <h1>Reset your password</h1>
      <p className="muted">We e-mail you a link to choose a new one.</p>
      <div className="field">
        <label htmlFor="reset-email">E-mail</label>
        <input
          id="reset-email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? 'Sending…' : 'Send the link'}
      </button>
    </form>
  );
}

function SetPassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => accountApi.auth.confirmPasswordReset({ token, password }))) setDone(true);
  };
  if (done)
    return (
      <>
        <h1>Your password is changed</h1>
        <p role="status">Sign in with your new password.</p>
        <Link href="/account" className="button primary wide">
          Sign in
        </Link>
      </>
    );
  return (
    <form onSubmit={submit}>
      <h1>Choose a new password</h1>
      <div className="field">
        <label htmlFor="reset-password">New password</label>
        <input
          id="reset-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          aria-describedby="reset-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="reset-password-hint" className="muted small">
          At least 10 characters, not a common password.
        </p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error} If the link has expired, <Link href="/account/reset-password">ask for a new one</Link>.
        </p>
      )}
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? 'Saving…' : 'Save the new password'}
      </button>
    </form>
  );
}

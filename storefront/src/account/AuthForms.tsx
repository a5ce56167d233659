/** Sign in or create an account: one form, two modes; errors next to their field or under the form. */
import { type FormEvent, useState } from 'react';
import { isShoeboxApiError } from '../app/api.ts';
import { Link } from '../app/router.tsx';
import { useAction } from '../app/use-action.ts';
import { loadCart } from '../cart/cart-store.ts';
import { accountApi, adoptCart, session } from './session.ts';

type Mode = 'sign-in' | 'register';

export function AuthForms() {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [fields, setFields] = useState({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const register = mode === 'register';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFieldErrors({});
    await run(
      async () => {
        const { email, password, name } = fields;
        const answer = register
          ? await accountApi.auth.register({ email, password, name })
          : await accountApi.auth.signIn({ email, password });
        session.set(answer);
        await adoptCart();
        await loadCart(true);
      },
      (err) => {
        if (isShoeboxApiError(err) && err.errors)
          setFieldErrors(
            Object.fromEntries(
              err.errors.map((f) => [f.path, `${f.path === 'password' ? 'Password' : 'This'} ${f.message}`]),
            ),
          );
      },
    );
  };
  const field = (key: keyof typeof fields, label: string, type: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`auth-${key}`}>{label}</label>
      <input
        id={`auth-${key}`}
        name={key}
        type={type}
        autoComplete={autoComplete}
        required
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
        aria-invalid={fieldErrors[key] ? true : undefined}
        aria-describedby={fieldErrors[key] ? `auth-${key}-error` : undefined}
      />
      {fieldErrors[key] && (
        <p id={`auth-${key}-error`} className="field-error">
          {fieldErrors[key]}
        </p>
      )}
    </div>
  );

  return (
    <div className="narrow account-auth">
      <h1>{register ? 'Create your account' : 'Sign in'}</h1>
      <p className="muted">
        {register
          ? 'Save your size, your addresses and a wishlist; see every order in one place.'
          : 'Welcome back. Your bag stays as it is.'}
      </p>
      <form onSubmit={submit} noValidate>
        {register && field('name', 'Your name', 'text', 'name')}
        {field('email', 'E-mail', 'email', 'email')}
        {field('password', 'Password', 'password', register ? 'new-password' : 'current-password')}
        {register && <p className="muted small">At least 10 characters, not a common password.</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? 'One moment…' : register ? 'Create account' : 'Sign in'}
        </button>
      </form>
      <p>
        {register ? 'Have an account already? ' : 'New here? '}
        <button type="button" className="link" onClick={() => setMode(register ? 'sign-in' : 'register')}>
          {register ? 'Sign in' : 'Create an account'}
        </button>
      </p>
      {!register && (
        <p>
          <Link href="/account/reset-password">Forgot your password?</Link>
        </p>
      )}
    </div>
  );
}

import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend, fakeTwoFactorCode } from '../../test/fake-backend.ts';
import { renderApp } from '../../test/render.tsx';

afterEach(cleanup);

describe('sign-in with two-factor', () => {
  async function passwordStep() {
    const fake = createFakeBackend();
    const { user } = renderApp(fake);
    await user.type(await screen.findByLabelText(/email/i), 'secure@shoebox.test');
    await user.type(screen.getByLabelText(/password/i), 'secure-pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByTestId('two-factor-step');
    return { fake, user };
  }

  it('asks for the code after a right password, without showing it as an error', async () => {
    await passwordStep();
    expect(screen.getByTestId('two-factor-step').textContent).toMatch(/6-digit code.*secure@shoebox\.test/);
    expect(screen.getByLabelText(/code/i)).toBeTruthy();
    expect(screen.queryByLabelText(/password/i)).toBeNull();
    expect(screen.queryByTestId('error-code')).toBeNull();
  });

  it('refuses a wrong code in words, then signs in with the right one', async () => {
    const { fake, user } = await passwordStep();
    await user.type(screen.getByLabelText(/code/i), '111111');
    await user.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect(await screen.findByText(/That code is not right/)).toBeTruthy();
    expect(screen.getByTestId('error-code').textContent).toBe('Code: MFA_CODE_INVALID');
    await user.clear(screen.getByLabelText(/code/i));
    await user.type(screen.getByLabelText(/code/i), fakeTwoFactorCode);
    await user.click(screen.getByRole('button', { name: 'Confirm code' }));
    expect((await screen.findByTestId('shop-name')).textContent).toContain('Test Shoes');
    expect(fake.calls.filter((c) => c === 'session.signIn')).toHaveLength(3);
  });

  it('"Use another account" goes back to email and password', async () => {
    const { user } = await passwordStep();
    await user.click(screen.getByRole('button', { name: 'Use another account' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect((screen.getByLabelText(/password/i) as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('two-factor-step')).toBeNull();
  });
});

import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataRights } from './DataRights.tsx';
import { session } from './session.ts';

const wrongPassword = {
  type: 'about:blank',
  title: 'Unauthorized',
  status: 401,
  code: 'INVALID_CREDENTIALS',
  detail: 'The password is wrong; your account was not deleted.',
  instance: '/store/account/erase',
  requestId: 'req-1',
};

describe('DataRights: delete my account', () => {
  beforeEach(() => {
    session.set({ accessToken: 'access-token', refreshToken: 'refresh-token-0123456789' });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    session.clear();
  });

  it('names the account and deletes nothing until the password is typed', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<DataRights email="nora@example.com" />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(screen.getByRole('heading', { name: 'Delete the account nora@example.com?' })).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Delete my account for good' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the shopper signed in and says why when the password is wrong', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(wrongPassword), {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    render(<DataRights email="nora@example.com" />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    fireEvent.change(screen.getByLabelText('Type your password to confirm'), { target: { value: 'not-it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    expect((await screen.findByRole('alert')).textContent).toBe(wrongPassword.detail);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/store\/account\/erase$/);
    expect(JSON.parse(String(init.body))).toEqual({ password: 'not-it' });
    expect(session.get()?.accessToken).toBe('access-token');
  });
});

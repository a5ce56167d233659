/**
 * The shopper's sign-in: the token pair from register or sign-in, kept in localStorage so a
 * returning shopper stays signed in. Only the account pages (and the product page's wishlist and
 * saved size) send it; bag and checkout calls stay guest calls.
 */
import { createStoreClient, isShoeboxApiError, type TokenPair } from '@shoebox/shared/store';
import { useSyncExternalStore } from 'react';
import { cartToken } from '../app/api.ts';

const KEY = 'shoebox.session';
type Session = Pick<TokenPair, 'accessToken' | 'refreshToken'>;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}
let current = read();

function write(next: Session | null) {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l();
}

export const session = {
  get: () => current,
  set: (tokens: Session) => write({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }),
  clear: () => write(null),
};

/** Whether a shopper is signed in on this device, re-rendering on sign-in and sign-out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current !== null,
  );
}

/** The client for the shopper's own calls: same origin, with the access token. */
export const accountApi = createStoreClient({
  baseUrl: location.origin,
  getToken: () => current?.accessToken,
  cartToken: () => cartToken.get(),
}).store;

/**
 * After sign-in or registration: the bag becomes the shopper's own cart (the guest bag folded
 * into it), so the order they place is theirs: in their history, exported and erased with them.
 */
export async function adoptCart(): Promise<void> {
  const own = cartToken.get()
    ? await accountApi.cart.merge().catch(() => accountApi.cart.mine())
    : await accountApi.cart.mine();
  cartToken.set(own.token);
}

/** Signing out leaves the shopper's cart with the account; this device starts a new guest bag. */
export function endSession(): string | undefined {
  const refreshToken = current?.refreshToken;
  write(null);
  cartToken.clear();
  return refreshToken;
}

/**
 * Runs an account call; when the access token has expired, trades the refresh token for a new
 * pair once and tries again. A sign-in that no longer holds (signed out elsewhere, erased) ends
 * the session here too, and the error goes to the caller.
 */
export async function authed<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!isShoeboxApiError(e) || e.status !== 401) throw e;
    const refreshToken = current?.refreshToken;
    if (e.code === 'TOKEN_EXPIRED' && refreshToken) {
      try {
        session.set(await accountApi.auth.refresh({ refreshToken }));
      } catch {
        session.clear();
        throw e;
      }
      return call();
    }
    session.clear();
    throw e;
  }
}

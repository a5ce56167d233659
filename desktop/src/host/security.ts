/**
 * What the host sends with every answer, and who it answers at all.
 *
 * The CSP allows scripts from this origin only (no inline script, no eval); styles from this
 * origin plus the `<style>` tags MUI/emotion creates, which carry a per-page nonce; no frames,
 * plugins, forms or base-URI tricks. The RPC bridge answers only same-origin JSON requests to a
 * loopback (or configured) host name, so a web page the user happens to visit cannot drive it
 * (no CORS headers are ever sent, and DNS rebinding meets a Host check).
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ipcError } from '../ipc/index.ts';

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const newNonce = (): string => randomBytes(16).toString('base64');

/** Headers for every answer; the page itself adds its CSP (it needs the nonce it was rendered with). */
export function baseHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(newNonce()));
  next();
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Refuses requests whose Host or Origin is not this host: the bridge is for our own page only. */
export function sameOriginOnly(extraHosts: readonly string[]) {
  const allowed = new Set([...LOOPBACK, ...extraHosts]);
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.headers.host ?? '';
    const hostname = host.replace(/:\d+$/, '');
    const origin = req.headers.origin;
    if (!allowed.has(hostname) || (origin !== undefined && origin !== `${req.protocol}://${host}`)) {
      next(
        ipcError('IPC_PERMISSION_DENIED', 'This bridge answers the Shoebox page it serves, nothing else.'),
      );
      return;
    }
    next();
  };
}

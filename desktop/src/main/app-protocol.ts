/**
 * The renderer is served from `app://shoebox/`, not `file://`: a real origin (so the CSP's 'self'
 * means our files only), no access to the rest of the disk, and the page gets its CSP header and
 * a fresh nonce the same way browser mode serves it.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy, newNonce } from '../host/security.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://shoebox`;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Before `app.ready`: the scheme behaves like https (standard, secure, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'shoebox') return new Response('not found', { status: 404 });
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    const file = join(rendererDir, relative);
    const isAsset = relative !== '' && extname(relative) !== '';
    if (isAsset && !file.startsWith(rendererDir + sep)) return new Response('not found', { status: 404 });
    if (!isAsset) return page(rendererDir);
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

async function page(rendererDir: string): Promise<Response> {
  const nonce = newNonce();
  const html = (await readFile(join(rendererDir, 'index.html'), 'utf8')).replaceAll('__CSP_NONCE__', nonce);
  return new Response(html, {
    headers: {
      'content-type': types['.html']!,
      'content-security-policy': contentSecurityPolicy(nonce),
      'x-content-type-options': 'nosniff',
    },
  });
}

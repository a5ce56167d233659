import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, demoStaff, startApi, startTestHost, type TestHost } from '../test-support/index.ts';

/** A stand-in page: these tests are about the host, not about the renderer build. */
function fixtureRenderer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-renderer-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><div id="root"></div>',
  );
  return dir;
}

let api: ApiProcess;
let host: TestHost;

async function rpc(name: string, args?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name, args }),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
}

async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const syncState = async () => (await rpc('sync.status')).body.value.state as string;

beforeAll(async () => {
  api = await startApi();
  host = await startTestHost({ apiUrl: api.url, rendererDir: fixtureRenderer() });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await api?.dispose();
});

describe('the /rpc bridge refuses what the contract does not allow', () => {
  it('refuses arguments that do not match the handler schema, naming the field, as problem+json', async () => {
    const answer = await rpc('session.signIn', { email: 'not-an-email', password: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ kind: 'validation', code: 'IPC_ARGS_INVALID', status: 400 });
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['email']);
  });

  it('refuses unknown handlers and names declared ones this backend does not provide yet', async () => {
    expect((await rpc('orders.drop')).body).toMatchObject({ code: 'IPC_UNKNOWN_HANDLER', status: 404 });
    expect((await rpc('printing.pdf', { pdfBase64: 'JVBERi0=' })).body).toMatchObject({
      code: 'IPC_HANDLER_UNAVAILABLE',
      status: 404,
    });
  });

  it('refuses a call that is not JSON, broken JSON, or comes from another origin', async () => {
    const text = await fetch(`${host.url}/rpc`, { method: 'POST', body: 'name=session.current' });
    expect(text.status).toBe(400);
    expect(((await text.json()) as any).code).toBe('IPC_ARGS_INVALID');
    const broken = await fetch(`${host.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(broken.status).toBe(400);
    const foreign = await rpc('session.current', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('IPC_PERMISSION_DENIED');
  });

  it('asks for a sign-in before a signed-in handler runs', async () => {
    expect((await rpc('devices.current')).body).toMatchObject({ code: 'IPC_SIGN_IN_REQUIRED', status: 401 });
  });
});

describe('sessions against a real store-api', () => {
  it('reports the API online, then signs a warehouse user in with their role and permissions', async () => {
    await until(async () => (await syncState()) === 'online', 'online');
    const answer = await rpc('session.signIn', demoStaff.warehouse);
    expect(answer.body.code).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.value).toMatchObject({
      user: { email: 'warehouse@shoebox.test', role: 'warehouse' },
      shopName: 'Shoebox Test Shop',
      offline: false,
    });
    expect(answer.body.value.permissions).toContain('inventory:count');
    expect(answer.body.value.permissions).not.toContain('orders:refund');
    expect(JSON.stringify(answer.body)).not.toMatch(/token/i);
    expect((await rpc('session.current')).body.value.user.role).toBe('warehouse');
    expect((await rpc('devices.current')).body.value).toMatchObject({ mode: 'browser', apiUrl: api.url });
  });

  it("shows the API's own code and words for a wrong password", async () => {
    const answer = await rpc('session.signIn', { ...demoStaff.manager, password: 'wrong-password' });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'Email or password is wrong.' });
  });

  it('goes offline when the API stops, signs in offline with the saved session, and online again', async () => {
    await rpc('session.signIn', demoStaff.warehouse);
    await api.stop();
    await until(async () => (await syncState()) === 'offline', 'offline');

    const offline = await rpc('session.signIn', demoStaff.warehouse);
    expect(offline.body.value).toMatchObject({ user: { role: 'warehouse' }, offline: true });
    const wrong = await rpc('session.signIn', { ...demoStaff.warehouse, password: 'not-it' });
    expect(wrong.body).toMatchObject({ code: 'OFFLINE_PASSWORD_MISMATCH', status: 401 });
    const stranger = await rpc('session.signIn', demoStaff.owner);
    expect(stranger.body).toMatchObject({ code: 'OFFLINE_NO_SAVED_SESSION', status: 401 });

    await api.start();
    await until(async () => (await syncState()) === 'online', 'online again');
  });

  it('sign-out wipes the saved session, so the next offline sign-in is refused', async () => {
    await rpc('session.signIn', demoStaff.warehouse);
    expect((await rpc('session.signOut')).body.value).toBeNull();
    expect((await rpc('session.current')).body.value).toBeNull();
    await api.stop();
    await until(async () => (await syncState()) === 'offline', 'offline');
    expect((await rpc('session.signIn', demoStaff.warehouse)).body.code).toBe('OFFLINE_NO_SAVED_SESSION');
    await api.start();
    await until(async () => (await syncState()) === 'online', 'online again');
  });
});

describe('what the host serves', () => {
  it('serves every screen path as the page, with a fresh CSP nonce it also wrote into the page', async () => {
    const first = await fetch(`${host.url}/settings/about`);
    const second = await fetch(`${host.url}/`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.text()).toContain('<div id="root">');
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await first.text()).toContain(`content="${nonce}"`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a missing asset with 404, not with the page', async () => {
    expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
  });

  it('streams the current session and sync state as soon as the event stream opens', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: sync.status'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('event: session.changed\ndata: null');
    expect(text).toMatch(/event: sync.status\ndata: \{"state":"online"/);
  });
});

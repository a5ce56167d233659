/**
 * sync's ServerHost over HTTP, for the desktop's end-to-end tests of its HTTP transport, device
 * registration and change events. It lives here, not in sync/src/testing, because sync is built
 * without Node's types (it runs in any JS runtime) and this needs node:http.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDomainError, type Role, statusOfKind } from '@shoebox/shared';
import { parsePullQuery } from '@shoebox/sync/protocol';
import { type ServerHost, Unreachable } from '@shoebox/sync/testing';

/** A device the HTTP host registered, with the credential it handed out. */
export interface HostedDevice {
  id: string;
  name: string;
  mode: string;
  appVersion: string;
  credential: string;
  revoked: boolean;
}

export interface SyncHttpHostOptions {
  /** The role of a staff bearer token, or null when the token is not accepted. */
  staffRole(token: string): Role | null;
  /** Routes beyond sync and devices (a test's sign-in, health); answers true when it handled one. */
  otherRoutes?(req: IncomingMessage, res: ServerResponse, body: unknown): boolean | Promise<boolean>;
}

/**
 * The ServerHost over HTTP, speaking the device contract store-api implements:
 * `POST /admin/devices` (staff token; `{ id, name, mode, appVersion }` -> `{ device, credential }`),
 * then `GET /sync/pull`, `POST /sync/push` and `GET /sync/events` (server-sent `changes` with
 * `{ headSeq }`), each with `Authorization: Bearer` and `X-Device-Credential`. A revoked device
 * gets `403 DEVICE_REVOKED`, an unknown credential `401 DEVICE_CREDENTIAL_INVALID`; refusals are
 * problem+json. While the host is down, connections are reset (the client sees no answer).
 */
export class SyncHttpHost {
  readonly devices = new Map<string, HostedDevice>();
  private readonly streams = new Set<ServerResponse>();
  private server: Server | null = null;
  url = '';

  constructor(
    readonly host: ServerHost,
    private readonly options: SyncHttpHostOptions,
  ) {}

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.route(req, res).catch((e: unknown) => {
        if (!res.headersSent) problem(res, 500, 'INTERNAL_ERROR', String(e));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    return this.url;
  }

  /** Tells every connected device there is something to pull. */
  async announce(): Promise<void> {
    const headSeq = await this.host.server.headSeq();
    for (const res of this.streams) res.write(`event: changes\ndata: ${JSON.stringify({ headSeq })}\n\n`);
  }

  revoke(deviceId: string): void {
    const device = this.devices.get(deviceId);
    if (device) device.revoked = true;
  }

  /** Forgets every credential handed out (a server restored from a backup, say). */
  rotateCredentials(): void {
    for (const device of this.devices.values()) device.credential = `lost-${randomUUID()}`;
  }

  /** Ends the event streams (a proxy dropping them, or the server going away). */
  dropStreams(): void {
    for (const res of this.streams) res.destroy();
    this.streams.clear();
  }

  async close(): Promise<void> {
    this.dropStreams();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.host.up) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://host');
    const body = await readBody(req);
    if (await this.options.otherRoutes?.(req, res, body)) return;
    const role = this.options.staffRole(bearer(req) ?? '');
    if (!role) return problem(res, 401, 'SIGN_IN_REQUIRED', 'Sign in first.');

    if (req.method === 'POST' && url.pathname === '/admin/devices') {
      const d = body as Partial<HostedDevice>;
      if (typeof d.id !== 'string' || typeof d.name !== 'string')
        return problem(res, 400, 'VALIDATION_FAILED', 'id and name are required');
      const known = this.devices.get(d.id);
      if (known?.revoked) return problem(res, 403, 'DEVICE_REVOKED', 'This device was revoked by an owner.');
      const device: HostedDevice = {
        id: d.id,
        name: d.name,
        mode: String(d.mode),
        appVersion: String(d.appVersion),
        credential: randomUUID(),
        revoked: false,
      };
      this.devices.set(device.id, device);
      const { credential, ...shown } = device;
      return json(res, 201, { device: shown, credential });
    }

    const credential = req.headers['x-device-credential'];
    const device = [...this.devices.values()].find((d) => d.credential === credential);
    if (!device) return problem(res, 401, 'DEVICE_CREDENTIAL_INVALID', 'This device must register again.');
    if (device.revoked) return problem(res, 403, 'DEVICE_REVOKED', 'This device was revoked by an owner.');
    const endpoint = this.host.endpoint({ deviceId: device.id, role });
    try {
      if (req.method === 'GET' && url.pathname === '/sync/pull') {
        return json(res, 200, await endpoint.pull(parsePullQuery(Object.fromEntries(url.searchParams))));
      }
      if (req.method === 'POST' && url.pathname === '/sync/push') {
        const answer = await endpoint.push(body);
        json(res, 200, answer);
        await this.announce();
        return;
      }
    } catch (e) {
      if (e instanceof Unreachable) {
        req.socket.destroy();
        return;
      }
      if (isDomainError(e)) return problem(res, statusOfKind[e.kind], e.code, e.message);
      throw e;
    }
    if (req.method === 'GET' && url.pathname === '/sync/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      this.streams.add(res);
      res.on('close', () => this.streams.delete(res));
      return;
    }
    problem(res, 404, 'ROUTE_NOT_FOUND', `${req.method} ${url.pathname} is not a route`);
  }
}

const bearer = (req: IncomingMessage): string | null => {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

export function problem(res: ServerResponse, status: number, code: string, detail: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title: code, status, code, detail }));
}

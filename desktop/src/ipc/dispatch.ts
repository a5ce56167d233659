/**
 * One call, the same in every transport: find the handler, check who may call it, parse the
 * arguments with its schema, run it, and map whatever it throws to a plain error once.
 */
import { roleHas } from '@shoebox/shared';
import type { Session } from './contracts.ts';
import { argsInvalid, ipcError, type IpcError, toIpcError } from './errors.ts';
import type { EventListener } from './events.ts';
import { type Handlers, handlerSpecs, isHandlerName } from './handlers.ts';
import type { Access } from './spec.ts';

/** What a backend gives the transports: the handlers it has, who is signed in, its events. */
export interface Backend {
  handlers: Partial<Handlers>;
  currentSession(): Session | null;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export type Envelope = { ok: true; value: unknown } | { ok: false; error: IpcError };

type AnyHandler = (args: unknown) => Promise<unknown>;

export async function dispatch(
  backend: Backend,
  name: string,
  rawArgs: unknown,
  log: (e: unknown) => void = () => {},
): Promise<Envelope> {
  try {
    if (!isHandlerName(name)) throw ipcError('IPC_UNKNOWN_HANDLER', `There is no action called "${name}".`);
    const spec = handlerSpecs[name];
    const handler = backend.handlers[name] as AnyHandler | undefined;
    if (!handler)
      throw ipcError('IPC_HANDLER_UNAVAILABLE', `"${name}" is not available in this version of the app.`);
    authorize(spec.access, backend.currentSession());
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) throw argsInvalid(name, parsed.error);
    return { ok: true, value: (await handler(parsed.data)) ?? null };
  } catch (e) {
    return { ok: false, error: toIpcError(e, log) };
  }
}

function authorize(access: Access, session: Session | null): void {
  if (access === 'public') return;
  if (!session) throw ipcError('IPC_SIGN_IN_REQUIRED', 'Sign in first.');
  if (access === 'signed-in') return;
  if (!roleHas(session.user.role, access))
    throw ipcError('IPC_PERMISSION_DENIED', `Your role (${session.user.role}) may not do this.`, {
      details: { permission: access },
    });
}

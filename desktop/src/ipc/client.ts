/**
 * The renderer's side: a typed `invoke` and `on` over whatever raw bridge the process has
 * (Electron's preload, or browser mode's HTTP bridge). Errors come back as DomainError, so the
 * screens branch on `code` exactly like the API's clients do.
 */
import type { DomainError } from '@shoebox/shared';
import type { Envelope } from './dispatch.ts';
import { fromIpcError } from './errors.ts';
import type { EventName, EventOf } from './events.ts';
import type { ArgsIn, HandlerName, ResultOf } from './handlers.ts';

/** What the preload exposes on `window.shoebox` (and nothing else). */
export interface RawBridge {
  invoke(name: string, args: unknown): Promise<Envelope>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export interface IpcClient {
  invoke<N extends HandlerName>(name: N, ...args: ArgsParam<N>): Promise<ResultOf<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

/** Handlers whose arguments are all optional may be called without them. */
type ArgsParam<N extends HandlerName> =
  Record<never, never> extends ArgsIn<N> ? [args?: ArgsIn<N>] : [args: ArgsIn<N>];

export function createIpcClient(raw: RawBridge): IpcClient {
  return {
    async invoke(name, ...args) {
      const envelope = await raw.invoke(name, args[0] ?? {});
      if (!envelope.ok) throw fromIpcError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return raw.on(event, (payload) => listener(payload as never));
    },
  };
}

export type IpcCallError = DomainError;

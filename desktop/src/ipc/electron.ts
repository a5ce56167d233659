/** The names Electron's processes talk on (main <-> preload, main <-> backend utility process). */
import type { Envelope } from './dispatch.ts';
import type { EventName } from './events.ts';

export const INVOKE_CHANNEL = 'shoebox:invoke';
export const EVENT_CHANNEL = 'shoebox:event';

/** main -> backend utility process */
export type ToBackend = { type: 'invoke'; id: number; name: string; args: unknown } | { type: 'stop' };

/** backend utility process -> main */
export type FromBackend =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'fatal'; message: string };

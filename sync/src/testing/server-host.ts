import { handlePull, handlePush } from '../server/apply.ts';
import type { SyncScope, SyncServerPort } from '../server/port.ts';
import { type Endpoint, Unreachable } from './faulty-transport.ts';
import type { MemoryServer } from './memory-server.ts';

/**
 * The server process around a MemoryServer (its database): it can crash, even in the middle of a
 * push, and restart. A crash loses the answer and the transaction in flight; committed mutations
 * stay, as they would in a real database.
 */
export class ServerHost {
  up = true;
  private crashAfter: number | null = null;

  constructor(readonly server: MemoryServer) {}

  /** The next push commits `transactions` mutations, then the process dies. */
  crashDuringNextPush(transactions: number): void {
    this.crashAfter = transactions;
  }

  crash(): void {
    this.up = false;
    this.crashAfter = null;
  }

  restart(): void {
    this.up = true;
  }

  endpoint(scope: SyncScope): Endpoint {
    return {
      pull: async (body) => {
        this.ensureUp();
        return handlePull(this.server, scope, body);
      },
      push: async (body) => {
        this.ensureUp();
        const answer = await handlePush(this.crashingPort(), scope, body);
        this.ensureUp(); // died before answering
        return answer;
      },
    };
  }

  private ensureUp(): void {
    if (!this.up) throw new Unreachable('server down');
  }

  private crashingPort(): SyncServerPort {
    const server = this.server;
    const host = this;
    return {
      serverId: server.serverId,
      now: () => server.now(),
      headSeq: () => server.headSeq(),
      readChanges: (after, also, limit) => server.readChanges(after, also, limit),
      loadRows: (keys) => server.loadRows(keys),
      transact(fn) {
        if (host.crashAfter !== null && host.crashAfter-- <= 0) {
          host.crash();
          throw new Unreachable('server crashed mid-push');
        }
        return server.transact(fn);
      },
    };
  }
}

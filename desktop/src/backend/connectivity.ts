/**
 * Online or offline, decided by probing the API's health route: on a timer, and at once when
 * asked (`probeNow`). Until the sync engine exists nothing is ever pending, so the status counts
 * are 0 and the state is never "syncing"; the engine will own those numbers.
 */
import type { SyncStatus } from '../ipc/index.ts';
import type { BackendConfig } from './config.ts';

export function createConnectivity(config: BackendConfig, onChange: (status: SyncStatus) => void) {
  let status: SyncStatus = {
    state: 'offline',
    pending: 0,
    needsAttention: 0,
    lastContactAt: null,
    apiUrl: config.apiUrl,
  };
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<SyncStatus> | undefined;

  async function probe(): Promise<boolean> {
    try {
      const res = await fetch(`${config.apiUrl}/healthz`, {
        signal: AbortSignal.timeout(config.requestTimeoutMs),
      });
      await res.body?.cancel();
      return res.ok;
    } catch {
      return false;
    }
  }

  async function probeNow(): Promise<SyncStatus> {
    inFlight ??= probe()
      .then((up) => {
        const next: SyncStatus = {
          ...status,
          state: up ? 'online' : 'offline',
          lastContactAt: up ? new Date().toISOString() : status.lastContactAt,
        };
        const changed = next.state !== status.state;
        status = next;
        if (changed) {
          config.log('info', `API ${next.state}`, { apiUrl: config.apiUrl });
          onChange(status);
        }
        return status;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    status: (): SyncStatus => status,
    probeNow,
    start(): Promise<SyncStatus> {
      timer ??= setInterval(() => void probeNow(), config.probeIntervalMs);
      timer.unref();
      return probeNow();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

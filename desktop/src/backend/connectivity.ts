/**
 * Is the API there? Probes its health route on a timer, and at once when asked (`probeNow`).
 * The sync engine owns the status; this tells it what the probe saw, so the top bar knows the
 * API's state even while nobody is signed in (and sync is not running).
 */
import type { BackendConfig } from './config.ts';

export function createConnectivity(config: BackendConfig, onProbe: (up: boolean) => void) {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<boolean> | undefined;
  let last: boolean | null = null;

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

  function probeNow(): Promise<boolean> {
    inFlight ??= probe()
      .then((up) => {
        if (up !== last) config.log('info', `API ${up ? 'online' : 'offline'}`, { apiUrl: config.apiUrl });
        last = up;
        onProbe(up);
        return up;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    probeNow,
    start(): Promise<boolean> {
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

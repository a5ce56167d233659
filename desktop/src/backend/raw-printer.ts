/**
 * Raw bytes (ZPL, ESC/POS) to a network thermal printer: the "JetDirect" port, 9100, takes the
 * bytes as they are and prints them. Plain Node, so it runs (and is tested) in every mode.
 */
import { connect } from 'node:net';
import { ipcError } from '../ipc/index.ts';

export async function sendRawToPrinter(job: {
  host: string;
  port: number;
  bytes: Uint8Array;
  timeoutMs: number;
}): Promise<{ bytesSent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: job.host, port: job.port });
    const fail = (why: string) => {
      socket.destroy();
      reject(
        ipcError(
          'PRINTER_UNREACHABLE',
          `The printer at ${job.host}:${job.port} ${why}. Check that it is on and on the network.`,
          {
            details: { host: job.host, port: job.port },
          },
        ),
      );
    };
    socket.setTimeout(job.timeoutMs, () => fail('did not answer in time'));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'ECONNREFUSED' ? 'refused the connection' : 'cannot be reached'),
    );
    socket.once('connect', () => {
      socket.end(job.bytes, () => resolve({ bytesSent: job.bytes.byteLength }));
    });
  });
}

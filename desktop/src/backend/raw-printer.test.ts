import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../test-support/api-process.ts';
import { sendRawToPrinter } from './raw-printer.ts';

let printer: Server | undefined;
afterEach(() => printer?.close());

/** A stand-in thermal printer: a TCP server that keeps what it receives, like port 9100 does. */
async function fakePrinter(): Promise<{ port: number; received: Promise<Buffer> }> {
  const port = await freePort();
  let done: (b: Buffer) => void = () => {};
  const received = new Promise<Buffer>((r) => {
    done = r;
  });
  printer = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => done(Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => printer!.listen(port, '127.0.0.1', r));
  return { port, received };
}

describe('raw printing', () => {
  it('delivers the bytes exactly as given', async () => {
    const { port, received } = await fakePrinter();
    const zpl = Buffer.from('^XA^FO50,50^BCN,100^FD4006381333931^FS^XZ');
    const answer = await sendRawToPrinter({ host: '127.0.0.1', port, bytes: zpl, timeoutMs: 2000 });
    expect(answer).toEqual({ bytesSent: zpl.length });
    expect((await received).equals(zpl)).toBe(true);
  });

  it('says in words that the printer refused, with the printer address', async () => {
    const port = await freePort();
    await expect(
      sendRawToPrinter({ host: '127.0.0.1', port, bytes: Buffer.from('x'), timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: 'PRINTER_UNREACHABLE',
      kind: 'external',
      message: expect.stringContaining(`127.0.0.1:${port} refused the connection`),
    });
  });
});

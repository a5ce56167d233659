import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { type MailTransport, type OutgoingMail, toNodemailerMessage } from './mail-transport.ts';

/**
 * Without an SMTP server, each mail becomes an RFC 822 `.eml` file under `<dir>` (open it with any
 * mail client), named after its Message-ID so a retried message overwrites its own file instead of
 * adding a second one.
 */
export function createEmlFileTransport(dir: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let dirReady: Promise<unknown> | null = null;
  return {
    kind: 'file',
    async send(mail: OutgoingMail) {
      dirReady ??= mkdir(dir, { recursive: true });
      await dirReady;
      const info = await builder.sendMail(toNodemailerMessage(mail));
      const file = join(dir, `${fileNameOf(mail.messageId)}.eml`);
      // Write then rename: a reader never sees half a file, a crash leaves only a stray .tmp.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, info.message as Buffer);
      await rename(tmp, file);
      return { transport: 'file', messageId: mail.messageId, filePath: file };
    },
    async close() {},
  };
}

/** `<0190...@shoebox>` -> `0190...@shoebox`, with anything unsafe in a file name replaced. */
const fileNameOf = (messageId: string): string =>
  messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9@._-]/g, '_')
    .slice(0, 200);

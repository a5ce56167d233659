import { newId } from '@shoebox/shared';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over the 16 kB
 * limit, malformed request lines) still get a problem+json answer, not an empty one.
 */
export function answerParserErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const code = tooLarge ? 'REQUEST_HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST';
    const body = JSON.stringify({
      type: `urn:shoebox:problem:${code}`,
      title: code,
      status,
      code,
      detail: tooLarge ? 'The URL or headers are too long.' : 'The request could not be parsed.',
      instance: '',
      requestId: newId(),
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from '@clawexchange/ssg/common';

/** Node's parser codes that have a more precise status than 400. */
const STATUS_OF: Readonly<Record<string, readonly [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT'],
};

/**
 * Answers requests Node's HTTP parser refuses before Express sees them
 * (a malformed request line, an invalid header, headers over the size
 * limit, a request that timed out) with the family's JSON error body,
 * instead of Node's bare status line: every answer of the app is the one
 * error body. Messages are constant; nothing from the request is echoed.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset or a half-written answer: nothing can be sent any more.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code] = STATUS_OF[err.code ?? ''] ?? [400, 'Bad Request', 'BAD_REQUEST'];
    const body = JSON.stringify(errorBody(code, 'the request could not be parsed'));
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

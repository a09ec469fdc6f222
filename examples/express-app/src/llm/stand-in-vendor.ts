import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The demo's local stand-in for an LLM vendor. */
export type StandInVendor = {
  /** `http://127.0.0.1:<port>/v1/chat/completions` */
  readonly url: string;
  /** Requests answered so far. */
  readonly calls: () => number;
  close(): Promise<void>;
};

/**
 * Phrases the stand-in calls a scam. It is a placeholder for a model, not a
 * classifier: it lets the demo show the judge's path (minimised, redacted
 * request out, JSON verdict back, plugin result in the gate) without a key.
 */
const SCAM_HINTS = [
  /gift cards?/i,
  /seed phrase/i,
  /processing fee/i,
  /double your (crypto|coins)/i,
];

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function userText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { messages?: { content?: unknown }[] };
    return (parsed.messages ?? [])
      .map((m) => (typeof m.content === 'string' ? m.content : ''))
      .join('\n');
  } catch {
    return ''; // not JSON: judged as nothing found, like an empty request
  }
}

/**
 * Starts an OpenAI-Chat-Completions-shaped server on 127.0.0.1 (port 0)
 * that answers the judge's schema `{ injection, scam, confidence }`.
 */
export async function startStandInVendor(): Promise<StandInVendor> {
  let calls = 0;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      calls += 1;
      const scam = SCAM_HINTS.some((hint) => hint.test(userText(body)));
      const verdict = { injection: false, scam, confidence: scam ? 0.75 : 0.05 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-standin-${calls}`,
          object: 'chat.completion',
          model: 'stand-in',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify(verdict) },
              finish_reason: 'stop',
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    calls: () => calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

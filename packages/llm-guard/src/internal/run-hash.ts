import { createHmac } from 'node:crypto';

/**
 * The keyed hash of a run id: HMAC-SHA-256 under the guard's key, hex.
 * What the vendor sees and what is kept; the raw id never leaves the process.
 *
 * @param key - the guard's run-id key
 * @param runId - the host's run id
 * @returns 64 hex characters
 */
export function runHash(key: Uint8Array, runId: string): string {
  return createHmac('sha256', key).update(`llm-guard/run-id\0${runId}`).digest('hex');
}

/**
 * A keyed hash of arbitrary text (cache keys, audit), same construction, other domain.
 *
 * @param key - the guard's key
 * @param domain - what is hashed (`'judge-cache'`, …)
 * @param text - the text
 * @returns 64 hex characters
 */
export function keyedHash(key: Uint8Array, domain: string, text: string): string {
  return createHmac('sha256', key).update(`llm-guard/${domain}\0${text}`).digest('hex');
}

/**
 * Runs the host's `extract` option and checks what it returns.
 */
import { checkOptions } from '../common/options.js';
import { SSGError, SSGErrorCode } from '../errors.js';
import { FACT_KEYS } from '../internal/options.js';
import type { RequestFacts } from './options.js';

const STRING_KEYS = ['contentType', 'category', 'agentId', 'sourceId', 'ipAddress'] as const;
const ACTOR_TYPES = new Set(['agent', 'bot', 'human', 'system']);

function failed(field: string, cause?: unknown): SSGError {
  return new SSGError(
    SSGErrorCode.EXTRACT_FAILED,
    'the extract option failed or returned a wrong shape',
    {
      field,
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

function checkFacts(value: unknown): RequestFacts {
  if (typeof value !== 'object' || value === null) throw failed('extract');
  const facts = checkOptions(value, {
    name: 'the object returned by extract',
    keys: FACT_KEYS,
    path: 'extract',
    error: (field) => failed(field),
  });
  for (const key of STRING_KEYS) {
    const v = facts[key];
    if (v !== undefined && (typeof v !== 'string' || v === '')) throw failed(`extract.${key}`);
  }
  if (facts.actorType !== undefined && !ACTOR_TYPES.has(facts.actorType as string)) {
    throw failed('extract.actorType');
  }
  return facts as RequestFacts;
}

/**
 * Merges default facts with what the host's `extract` returns (the host wins).
 *
 * @param extract - the host's function, if any
 * @param request - the framework's request
 * @param defaults - facts the adapter derives itself (e.g. client IP)
 * @returns the facts
 * @throws {SSGError} SSG_EXTRACT_FAILED when `extract` throws or returns a wrong shape
 */
export async function extractFacts<Req>(
  extract: ((request: Req) => RequestFacts | Promise<RequestFacts>) | undefined,
  request: Req,
  defaults: RequestFacts,
): Promise<RequestFacts> {
  if (extract === undefined) return defaults;
  let value: unknown;
  try {
    value = await extract(request);
  } catch (cause) {
    throw failed('extract', cause);
  }
  return { ...defaults, ...checkFacts(value) };
}

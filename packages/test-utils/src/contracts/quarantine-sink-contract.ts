/**
 * The contract suite of the ssg `QuarantineSink` port, run against every
 * implementation (the memory double and `@clawexchange/quarantine`). The
 * rules come from the port's JSDoc and ARCHITECTURE.md: `store` resolves with
 * the record id only once the content is durably held, rejects (never
 * resolves) when it cannot store, and raw content never reaches an id, an
 * error or a log line.
 *
 * The port's types are declared here structurally: test-utils must not
 * depend on ssg, which depends on test-utils for its own tests.
 */
import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';

/** A redacted match, as the gate passes it (`label` and `redacted` only). */
export type ContractMatch = {
  readonly label: string;
  readonly redacted: string;
};

/** The metadata `store` receives (ssg `QuarantineStoreMetadata`). */
export type ContractStoreMetadata = {
  readonly tier: string;
  readonly labels: readonly string[];
  readonly pluginResults: readonly unknown[];
  readonly matches?: readonly ContractMatch[];
  readonly sourceId?: string;
  readonly agentId?: string;
  readonly contentType?: string;
};

/** The port under test (ssg `QuarantineSink`). */
export type QuarantineSinkUnderTest = {
  store(content: string, metadata: ContractStoreMetadata): Promise<string>;
};

/** What an implementation holds under one id; an absent optional fact may be null. */
export type HeldQuarantineEntry = {
  readonly content: string;
  readonly metadata: {
    readonly tier: string;
    readonly labels: readonly string[];
    readonly matches?: readonly ContractMatch[];
    readonly pluginResults?: readonly unknown[];
    readonly sourceId?: string | null;
    readonly agentId?: string | null;
    readonly contentType?: string | null;
  };
};

/** One implementation, fresh for each test, and the hooks the suite observes it through. */
export type QuarantineSinkHarness = {
  /** The implementation under test. */
  readonly sink: QuarantineSinkUnderTest;
  /**
   * What is held under `id`, read from the implementation's storage (not from
   * a cache of `sink`), or null when nothing is.
   */
  readBack(id: string): Promise<HeldQuarantineEntry | null>;
  /** The same implementation over storage that cannot take a write, logging to the same place. */
  failingSink(): QuarantineSinkUnderTest;
  /** Every line the implementation logged so far, serialised; empty for one without a logger. */
  logged(): readonly string[];
};

/** A unique marker that must never leave the store; it sits inside a realistic secret. */
const CANARY = 'CANARY-q7Zr2vX9mK4pL8sT';
const CONTENT = `deploy with AKIAIOSFODNN7EXAMPLE and ${CANARY}\nzweite Zeile: ünïcødé 🔐 ✓`;

const FULL_METADATA: ContractStoreMetadata = {
  tier: 'HIGH',
  labels: ['SECRET_AWS_ACCESS_KEY'],
  matches: [{ label: 'SECRET_AWS_ACCESS_KEY', redacted: 'AKIA************MPLE' }],
  pluginResults: [
    {
      pluginId: 'secrets',
      status: 'ok',
      score: 90,
      labels: ['SECRET_AWS_ACCESS_KEY'],
      durationMs: 3,
    },
  ],
  sourceId: 'post-contract-1',
  agentId: 'agent-contract-1',
  contentType: 'POST',
};

const MINIMAL_METADATA: ContractStoreMetadata = { tier: 'MODERATE', labels: [], pluginResults: [] };

async function heldOrFail(h: QuarantineSinkHarness, id: string): Promise<HeldQuarantineEntry> {
  const held = await h.readBack(id);
  if (held === null) throw new Error(`nothing is held under the id store resolved with: ${id}`);
  return held;
}

async function resolvesWithId(h: QuarantineSinkHarness): Promise<void> {
  const id = await h.sink.store(CONTENT, FULL_METADATA);
  expect(typeof id).toBe('string');
  expect(id.trim()).not.toBe('');
}

async function holdsContent(h: QuarantineSinkHarness): Promise<void> {
  const id = await h.sink.store(CONTENT, FULL_METADATA);
  expect((await heldOrFail(h, id)).content).toBe(CONTENT);
}

async function keepsMetadata(h: QuarantineSinkHarness): Promise<void> {
  const id = await h.sink.store(CONTENT, FULL_METADATA);
  const { metadata } = await heldOrFail(h, id);
  expect(metadata.tier).toBe(FULL_METADATA.tier);
  expect(metadata.labels).toEqual(FULL_METADATA.labels);
  expect(metadata.matches?.map(({ label, redacted }) => ({ label, redacted }))).toEqual(
    FULL_METADATA.matches,
  );
  expect(metadata.pluginResults).toEqual(FULL_METADATA.pluginResults);
  expect(metadata.sourceId).toBe(FULL_METADATA.sourceId);
  expect(metadata.agentId).toBe(FULL_METADATA.agentId);
  expect(metadata.contentType).toBe(FULL_METADATA.contentType);
}

async function acceptsMinimalMetadata(h: QuarantineSinkHarness): Promise<void> {
  const id = await h.sink.store(CONTENT, MINIMAL_METADATA);
  const held = await heldOrFail(h, id);
  expect(held.content).toBe(CONTENT);
  expect(held.metadata.tier).toBe(MINIMAL_METADATA.tier);
  expect(held.metadata.labels).toEqual([]);
  expect(held.metadata.sourceId ?? null).toBeNull();
  expect(held.metadata.agentId ?? null).toBeNull();
}

async function distinctIdsPerStore(h: QuarantineSinkHarness): Promise<void> {
  const contents = Array.from({ length: 8 }, (_, i) => `${CONTENT} #${i}`);
  const first = await h.sink.store(CONTENT, FULL_METADATA);
  const second = await h.sink.store(CONTENT, FULL_METADATA);
  const parallel = await Promise.all(contents.map((c) => h.sink.store(c, FULL_METADATA)));
  const ids = [first, second, ...parallel];
  expect(new Set(ids).size).toBe(ids.length);
  for (const [i, id] of parallel.entries()) {
    expect((await heldOrFail(h, id)).content).toBe(contents[i]);
  }
}

/** Hex and base64 digests an id must not be: content is named by id or keyed HMAC only. */
function bareDigests(content: string): string[] {
  return ['md5', 'sha1', 'sha256', 'sha512'].flatMap((algorithm) => {
    const digest = createHash(algorithm).update(content, 'utf8').digest();
    return [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')];
  });
}

async function idCarriesNoContent(h: QuarantineSinkHarness): Promise<void> {
  const id = await h.sink.store(CONTENT, FULL_METADATA);
  expect(id).not.toContain(CANARY);
  const lowered = id.toLowerCase();
  for (const digest of bareDigests(CONTENT)) {
    expect(lowered).not.toContain(digest.slice(0, 16).toLowerCase());
  }
}

async function rejectsWhenItCannotStore(h: QuarantineSinkHarness): Promise<void> {
  const outcome = await h
    .failingSink()
    .store(CONTENT, FULL_METADATA)
    .then(
      (id: unknown) => ({ resolved: true as const, id }),
      (error: unknown) => ({ resolved: false as const, error }),
    );
  expect(outcome).toMatchObject({ resolved: false });
  if (outcome.resolved) return;
  expect(outcome.error).toBeInstanceOf(Error);
  const error = outcome.error as Error;
  for (const text of [error.message, String(error), inspect(error, { depth: 10 })]) {
    expect(text).not.toContain(CANARY);
  }
}

async function logsNoContent(h: QuarantineSinkHarness): Promise<void> {
  await h.sink.store(CONTENT, FULL_METADATA);
  await h
    .failingSink()
    .store(CONTENT, FULL_METADATA)
    .catch(() => undefined);
  for (const line of h.logged()) expect(line).not.toContain(CANARY);
}

const CASES: readonly (readonly [string, (h: QuarantineSinkHarness) => Promise<void>])[] = [
  ['store resolves with a non-empty string id', resolvesWithId],
  ['once store resolves, the exact content is held under that id', holdsContent],
  [
    'keeps the metadata: tier, labels, redacted matches, plugin results, source, agent, type',
    keepsMetadata,
  ],
  ['accepts metadata with only the required fields', acceptsMinimalMetadata],
  [
    'gives every store its own id (same content, sequential or concurrent) holding its own content',
    distinctIdsPerStore,
  ],
  ['the id carries neither the content nor a bare hash of it', idCarriesNoContent],
  [
    'rejects with an Error, never resolves, when it cannot store; the error holds no content',
    rejectsWhenItCannotStore,
  ],
  ['logs no content, whether the store succeeds or fails', logsNoContent],
];

/**
 * Declares the `QuarantineSink` contract suite for one implementation.
 *
 * @param name - the implementation's name, shown in the suite title
 * @param setup - called before each test; returns a fresh harness (the caller
 *   owns databases and buckets, e.g. in its own `beforeAll`/`afterAll`)
 * @example
 * describeQuarantineSinkContract('memory', () => {
 *   const sink = memoryQuarantine();
 *   return { sink, readBack: async (id) => sink.records.get(id) ?? null,
 *     failingSink: () => memoryQuarantine({ fail: true }), logged: () => [] };
 * });
 */
export function describeQuarantineSinkContract(
  name: string,
  setup: () => QuarantineSinkHarness | Promise<QuarantineSinkHarness>,
): void {
  describe(`QuarantineSink contract: ${name}`, () => {
    let harness: QuarantineSinkHarness;
    beforeEach(async () => {
      harness = await setup();
    });
    for (const [title, run] of CASES) it(title, () => run(harness));
  });
}

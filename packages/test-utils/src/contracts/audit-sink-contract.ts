/**
 * The contract suite of the ssg `AuditSink` port, run against every
 * implementation (the memory double and `@clawexchange/audit`). The rules
 * come from the port's JSDoc and ARCHITECTURE.md: `log` resolves only once the
 * event is committed (an acknowledged write is stored), rejects when it is
 * not, and the client IP it is handed unmasked is masked before it is stored.
 *
 * The port's types are declared here structurally: test-utils must not
 * depend on ssg, which depends on test-utils for its own tests.
 */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';

/** An audit event as the gate hands it over (ssg `AuditEventInput`). */
export type ContractAuditEvent = {
  readonly eventType: string;
  readonly actorId: string;
  readonly actorType: 'agent' | 'bot' | 'human' | 'system';
  readonly targetId?: string;
  readonly targetType?: string;
  /** Unmasked, as received from the client. */
  readonly ipAddress?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
};

/** The port under test (ssg `AuditSink`). */
export type AuditSinkUnderTest = {
  log(event: ContractAuditEvent): Promise<unknown>;
};

/** One event as an implementation stored it; an absent optional field may be null. */
export type StoredAuditEvent = {
  readonly eventType: string;
  readonly actorId: string;
  readonly actorType: string;
  readonly targetId?: string | null;
  readonly targetType?: string | null;
  readonly ipAddress?: string | null;
  readonly metadata?: Readonly<Record<string, unknown>> | null;
};

/** One implementation, fresh for each test, and the hooks the suite observes it through. */
export type AuditSinkHarness = {
  /** The implementation under test. */
  readonly sink: AuditSinkUnderTest;
  /**
   * Every event committed so far, read from the implementation's storage (not
   * from a cache of `sink`). It may hold other tests' events: the suite tells
   * its own apart by a unique `actorId`.
   */
  readBack(): Promise<readonly StoredAuditEvent[]>;
  /** The same implementation over storage that cannot commit. */
  failingSink(): AuditSinkUnderTest;
};

/** A full event of a gate decision, for one test's own actor. */
function fullEvent(actorId: string): ContractAuditEvent {
  return {
    eventType: 'SSG_QUARANTINE',
    actorId,
    actorType: 'agent',
    targetId: randomUUID(),
    targetType: 'quarantine_record',
    metadata: { tier: 'HIGH', labels: ['SECRET_AWS_ACCESS_KEY'], plugins: 2, degraded: false },
  };
}

async function storedBy(h: AuditSinkHarness, actorId: string): Promise<StoredAuditEvent[]> {
  return (await h.readBack()).filter((e) => e.actorId === actorId);
}

async function committedOnResolve(h: AuditSinkHarness): Promise<void> {
  const event = fullEvent(`contract-${randomUUID()}`);
  await h.sink.log(event);
  const stored = await storedBy(h, event.actorId);
  expect(stored).toHaveLength(1);
  const [row] = stored;
  expect(row?.eventType).toBe(event.eventType);
  expect(row?.actorType).toBe(event.actorType);
  expect(row?.targetId).toBe(event.targetId);
  expect(row?.targetType).toBe(event.targetType);
  expect(row?.metadata).toEqual(event.metadata);
}

async function acceptsRequiredFieldsOnly(h: AuditSinkHarness): Promise<void> {
  const actorId = `contract-${randomUUID()}`;
  await h.sink.log({ eventType: 'SSG_PASS', actorId, actorType: 'bot' });
  const stored = await storedBy(h, actorId);
  expect(stored.map((e) => [e.eventType, e.actorType])).toEqual([['SSG_PASS', 'bot']]);
  expect(stored[0]?.targetId ?? null).toBeNull();
  expect(stored[0]?.ipAddress ?? null).toBeNull();
}

async function storesEachEventOnce(h: AuditSinkHarness): Promise<void> {
  const actorId = `contract-${randomUUID()}`;
  const sequential = fullEvent(actorId);
  await h.sink.log(sequential);
  const concurrent = Array.from({ length: 11 }, () => fullEvent(actorId));
  await Promise.all(concurrent.map((event) => h.sink.log(event)));
  const targets = [sequential, ...concurrent].map((e) => e.targetId);
  const stored = (await storedBy(h, actorId)).map((e) => e.targetId);
  expect([...stored].sort()).toEqual(targets.sort());
}

async function masksClientIp(h: AuditSinkHarness): Promise<void> {
  const actorId = `contract-${randomUUID()}`;
  const addresses = ['203.0.113.77', '2001:db8:abcd:1234:5678:9abc:def0:1234'];
  for (const ipAddress of addresses) await h.sink.log({ ...fullEvent(actorId), ipAddress });
  const stored = await storedBy(h, actorId);
  expect(stored).toHaveLength(addresses.length);
  for (const e of stored) {
    for (const ipAddress of addresses) expect(e.ipAddress ?? '').not.toContain(ipAddress);
  }
}

async function rejectsWhenItCannotCommit(h: AuditSinkHarness): Promise<void> {
  const outcome = await h
    .failingSink()
    .log(fullEvent(`contract-${randomUUID()}`))
    .then(
      (value: unknown) => ({ resolved: true as const, value }),
      (error: unknown) => ({ resolved: false as const, error }),
    );
  expect(outcome).toMatchObject({ resolved: false });
  if (!outcome.resolved) expect(outcome.error).toBeInstanceOf(Error);
}

const CASES: readonly (readonly [string, (h: AuditSinkHarness) => Promise<void>])[] = [
  ['once log resolves, the event is stored with its fields and metadata', committedOnResolve],
  ['accepts an event with only the required fields', acceptsRequiredFieldsOnly],
  [
    'stores every acknowledged event exactly once, also when logged concurrently',
    storesEachEventOnce,
  ],
  ['masks the client IP address before storing it', masksClientIp],
  ['rejects with an Error, never resolves, when it cannot commit', rejectsWhenItCannotCommit],
];

/**
 * Declares the `AuditSink` contract suite for one implementation.
 *
 * @param name - the implementation's name, shown in the suite title
 * @param setup - called before each test; returns a fresh harness (the caller
 *   owns databases, e.g. in its own `beforeAll`/`afterAll`)
 * @example
 * describeAuditSinkContract('memory', () => {
 *   const sink = memoryAudit();
 *   return { sink, readBack: async () => sink.stored,
 *     failingSink: () => memoryAudit({ fail: true }) };
 * });
 */
export function describeAuditSinkContract(
  name: string,
  setup: () => AuditSinkHarness | Promise<AuditSinkHarness>,
): void {
  describe(`AuditSink contract: ${name}`, () => {
    let harness: AuditSinkHarness;
    beforeEach(async () => {
      harness = await setup();
    });
    for (const [title, run] of CASES) it(title, () => run(harness));
  });
}

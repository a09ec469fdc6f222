/**
 * One test file's world: a fresh PostgreSQL database with the quarantine
 * and audit migrations (run the way the deployment guide runs them), a
 * bucket, the real quarantine service and audit logger, and an Express app
 * with a fake session layer (cookie `sid`) mounting the moderation router.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuditLogger,
  type AuditRecord,
  auditMigrations,
  createAuditLogger,
} from '@clawexchange/audit';
import {
  createQuarantineService,
  type Quarantine,
  quarantineMigrations,
} from '@clawexchange/quarantine';
import { errorBody, type Logger } from '@clawexchange/ssg/common';
import {
  createTestBucket,
  createTestDatabase,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import express from 'express';
import express4 from 'express4';
import {
  createBotTokenAuth,
  createHumanAdminAuth,
  createModerationRouter,
  generateBotToken,
  type ModerationRouterConfig,
  type OnRelease,
  type ReleaseMetadata,
} from '../../src/index.js';

/** A movable clock shared by quarantine and moderation. */
export type FakeClock = { now: () => Date; advance: (ms: number) => void };

/** A clock starting now (records must not be born expired) that tests move by hand. */
export function fakeClock(): FakeClock {
  let t = Date.now();
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

/** A recording logger. */
export type RecordingLogger = Logger & { readonly lines: string[] };

/** A logger that keeps every line as JSON text (for canary checks). */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const rec = (level: string) => (fields: Readonly<Record<string, unknown>>, msg: string) => {
    lines.push(JSON.stringify({ level, msg, ...fields }));
  };
  return { lines, debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
}

/** Users of the fake session layer: session id → user. */
export const USERS = {
  alice: { id: 'alice', roles: ['admin'] },
  bob: { id: 'bob', roles: ['admin'] },
  mallory: { id: 'mallory', roles: ['member'] },
} as const;

/** The running world. */
export type World = {
  readonly db: TestDatabase;
  readonly bucket: TestBucket;
  readonly quarantine: Quarantine;
  readonly audit: AuditLogger;
  readonly clock: FakeClock;
  readonly logger: RecordingLogger;
  readonly published: { content: string; metadata: ReleaseMetadata }[];
  /** Makes the next `onRelease` calls throw while true. */
  failPublish: boolean;
  /** Runs first in every `onRelease` (e.g. to take S3 away mid-release). */
  publishHook: (() => Promise<void>) | null;
  /** A bot with both scopes, one that may only read, and their tokens. */
  readonly tokens: { readonly actor: string; readonly reader: string };
  /** Base URL of the app, e.g. `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Where the router is mounted. */
  readonly mount: string;
  close(): Promise<void>;
};

/** Options of {@link startWorld}. */
export type WorldOptions = {
  readonly expressVersion?: 4 | 5;
  readonly router?: Partial<ModerationRouterConfig>;
  /** Mount `express.json()` before the router (the host parses bodies itself). */
  readonly hostJsonParser?: boolean;
};

/** The session id: the whole `sid` cookie, `<user>` or `<user>.<n>` (one user, several sessions). */
function sessionIdOf(cookie: string | undefined): string | null {
  return /(?:^|;\s*)sid=([a-z]+(?:\.[a-z0-9]+)?)/.exec(cookie ?? '')?.[1] ?? null;
}

function sessionOf(cookie: string | undefined): (typeof USERS)[keyof typeof USERS] | null {
  const m = /(?:^|;\s*)sid=([a-z]+)/.exec(cookie ?? '');
  const user =
    m?.[1] === undefined
      ? undefined
      : (USERS as Record<string, (typeof USERS)[keyof typeof USERS]>)[m[1]];
  return user ?? null;
}

/** Starts DB, bucket, services and the app on 127.0.0.1. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const [db, bucket] = await Promise.all([createTestDatabase(), createTestBucket()]);
  const qi = db.sequelize.getQueryInterface();
  for (const m of quarantineMigrations) await m.up(qi, db.sequelize);
  for (const m of auditMigrations) await m.up(qi, db.sequelize);
  const clock = fakeClock();
  const logger = recordingLogger();
  const quarantine = createQuarantineService({
    storage: {
      endpoint: bucket.endpoint,
      bucket: bucket.bucket,
      accessKey: bucket.accessKey,
      secretKey: bucket.secretKey,
      region: bucket.region,
      forcePathStyle: true,
    },
    encryption: { masterKey: randomBytes(32).toString('base64') },
    database: db.sequelize,
    expiryHours: 72,
    now: clock.now,
    logger,
  });
  const audit = createAuditLogger({ database: db.sequelize, logger });
  const actor = generateBotToken();
  const reader = generateBotToken();
  const published: World['published'] = [];
  const world = { failPublish: false, publishHook: null } as Pick<
    World,
    'failPublish' | 'publishHook'
  >;
  const onRelease: OnRelease = async (content, metadata) => {
    await world.publishHook?.();
    if (world.failPublish) throw new Error('publisher is down');
    published.push({ content, metadata });
  };
  const router = createModerationRouter({
    quarantine,
    audit,
    onRelease,
    now: clock.now,
    logger,
    botAuth: createBotTokenAuth({
      bots: [
        {
          id: 'triage-bot',
          tokenHash: actor.tokenHash,
          scopes: ['moderation:queue:read', 'moderation:act'],
        },
        { id: 'reader-bot', tokenHash: reader.tokenHash, scopes: ['moderation:queue:read'] },
      ],
    }),
    humanAuth: createHumanAdminAuth({
      getUser: (req) => sessionOf(req.headers.cookie),
      getSessionId: (req) => sessionIdOf(req.headers.cookie),
    }),
    ...options.router,
  });
  const mount = '/moderation';
  const app = options.expressVersion === 4 ? express4() : express();
  app.get('/login/:who', (req, res) => {
    res.setHeader(
      'Set-Cookie',
      `sid=${encodeURIComponent(String(req.params.who))}; Path=/; HttpOnly; SameSite=Strict`,
    );
    res.redirect(`${mount}/human/console`);
  });
  if (options.hostJsonParser === true) {
    app.use(options.expressVersion === 4 ? express4.json() : express.json());
  }
  app.use(mount, router);
  // The host's own JSON 404 (the router hands paths it does not know to next()).
  app.use((_req: unknown, res: { status(n: number): { json(b: unknown): void } }) => {
    res.status(404).json(errorBody('NOT_FOUND', 'no such route'));
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(world, {
    db,
    bucket,
    quarantine,
    audit,
    clock,
    logger,
    published,
    tokens: { actor: actor.token, reader: reader.token },
    url: `http://127.0.0.1:${port}`,
    mount,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await audit.close();
      await Promise.allSettled([db.drop(), bucket.cleanup()]);
    },
  });
}

/** A unique canary string that must never leave the quarantine except through content views and onRelease. */
export function canary(): string {
  return `CANARY-${randomBytes(12).toString('hex')}-sk_live_${randomBytes(8).toString('hex')}`;
}

/** Holds `content` like the gate does. */
export async function hold(
  world: World,
  content: string,
  meta: { tier?: string; sourceId?: string; labels?: string[] } = {},
): Promise<string> {
  return world.quarantine.store(content, {
    tier: meta.tier ?? 'LOW',
    labels: meta.labels ?? ['SECRET_STRIPE_KEY'],
    pluginResults: [],
    matches: [{ label: 'SECRET_STRIPE_KEY', redacted: 'sk_live_****' }],
    contentType: 'POST',
    ...(meta.sourceId === undefined ? {} : { sourceId: meta.sourceId }),
    agentId: 'agent-7',
  });
}

/** Audit rows for a record, oldest first. */
export async function auditRows(world: World, targetId: string): Promise<AuditRecord[]> {
  await world.audit.flush();
  const page = await world.audit.query({ targetId, limit: 100 });
  return [...page.records].reverse();
}

import { describeAuditSinkContract, type TestDatabase } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll } from 'vitest';
import { type AuditRecord, createAuditLogger } from '../../src/index.js';
import { migratedDatabase } from './helpers.js';

/**
 * The audit logger keeps the ssg `AuditSink` contract, checked by the same
 * suite the memory double in ssg runs. Read-backs go through a second logger
 * that exports the stored chain, so what they see is what PostgreSQL holds.
 */
let db: TestDatabase;
// Nothing listens on port 1: every write fails to connect.
const unreachable = new Sequelize('postgres://nobody:none@127.0.0.1:1/none', {
  dialect: 'postgres',
  logging: false,
});
beforeAll(async () => {
  db = await migratedDatabase();
});
afterAll(async () => {
  await Promise.all([db.drop(), unreachable.close()]);
});

describeAuditSinkContract('createAuditLogger (PostgreSQL)', () => ({
  sink: createAuditLogger({ database: db.sequelize }),
  async readBack() {
    const stored: AuditRecord[] = [];
    for await (const record of createAuditLogger({ database: db.sequelize }).exportRecords()) {
      stored.push(record);
    }
    return stored;
  },
  failingSink: () => createAuditLogger({ database: unreachable }),
}));

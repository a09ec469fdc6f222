/**
 * Contract suites of the ssg ports, one per port, each run against every
 * implementation. A subpath of its own so that unit tests can load them
 * without the service harness (pg, Sequelize, ioredis, the AWS SDK).
 */
export {
  type AuditSinkHarness,
  type AuditSinkUnderTest,
  type ContractAuditEvent,
  describeAuditSinkContract,
  type StoredAuditEvent,
} from './audit-sink-contract.js';
export {
  type ContractMatch,
  type ContractStoreMetadata,
  describeQuarantineSinkContract,
  type HeldQuarantineEntry,
  type QuarantineSinkHarness,
  type QuarantineSinkUnderTest,
} from './quarantine-sink-contract.js';

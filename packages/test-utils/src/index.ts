/**
 * @packageDocumentation
 * Internal test harness: real PostgreSQL (also a primary with a streaming
 * replica), Redis and S3-compatible servers for the integration tests,
 * per-file isolation on top of them, the umzug harness of the migration
 * tests, and the contract suites of the ssg ports (also at `@clawexchange/test-utils/contracts`).
 */
export {
  type AuditSinkHarness,
  type AuditSinkUnderTest,
  type ContractAuditEvent,
  type ContractMatch,
  type ContractStoreMetadata,
  describeAuditSinkContract,
  describeQuarantineSinkContract,
  type HeldQuarantineEntry,
  type QuarantineSinkHarness,
  type QuarantineSinkUnderTest,
  type StoredAuditEvent,
} from './contracts/index.js';
export {
  type FakeLLMVendor,
  type FakeVendorReply,
  type RecordedVendorRequest,
  startFakeLLMVendor,
  streamEvents,
  useFakeLLMVendor,
} from './fake-llm-vendor.js';
export {
  type FaultMode,
  type FaultProxy,
  type FaultProxyOptions,
  startFaultProxy,
} from './fault-proxy.js';
export { findFreePort } from './free-port.js';
export {
  adminDatabaseUrl,
  createTestBucket,
  createTestDatabase,
  createTestRedis,
  type TestBucket,
  type TestDatabase,
  type TestRedis,
} from './isolation.js';
export {
  documentedRenameSql,
  expectEachColumnRequired,
  publicColumns,
  recordedMigrations,
  runAsSequelizeCli,
  type SchemaStep,
  umzugRunner,
  umzugUpCause,
} from './migrations.js';
export {
  queryOnce,
  type RunningPostgres,
  type StartPostgresOptions,
  startPostgres,
  usePostgres,
} from './postgres.js';
export {
  type RunningPostgresReplica,
  type StartPostgresReplicaOptions,
  startPostgresReplica,
} from './postgres-replica.js';
export { type RunningRedis, startRedis, useRedis } from './redis.js';
export {
  type ClusterNode,
  type RunningRedisCluster,
  startRedisCluster,
} from './redis-cluster.js';
export {
  type RestartablePostgres,
  type RestartableRedis,
  type RestartableS3,
  type RestartableService,
  startRestartablePostgres,
  startRestartableRedis,
  startRestartableS3,
} from './restartable.js';
export { runNodeScript, type ScriptRun } from './run-script.js';
export { createS3Client, type RunningS3, type S3Endpoint, startS3, useS3 } from './s3.js';
export { SERVICE_ENV } from './service-env.js';
export { ServiceUnavailableError } from './service-error.js';
export {
  startTcpFaultProxy,
  type TcpFaultMode,
  type TcpFaultProxy,
} from './tcp-fault-proxy.js';
export { waitUntil } from './wait-until.js';

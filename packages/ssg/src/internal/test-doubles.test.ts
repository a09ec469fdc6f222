import {
  describeAuditSinkContract,
  describeQuarantineSinkContract,
} from '@clawexchange/test-utils/contracts';
import { memoryAudit, memoryQuarantine } from './test-doubles.js';

/**
 * The memory sinks stand in for the real ones in every gate test, so they
 * keep the same port contracts as `@clawexchange/quarantine` and
 * `@clawexchange/audit` (whose integration tests run these suites too).
 */
describeQuarantineSinkContract('memoryQuarantine', () => {
  const sink = memoryQuarantine();
  return {
    sink,
    readBack: async (id) => sink.records.get(id) ?? null,
    failingSink: () => memoryQuarantine({ fail: true }),
    logged: () => [],
  };
});

describeAuditSinkContract('memoryAudit', () => {
  const sink = memoryAudit();
  return {
    sink,
    readBack: async () => sink.stored,
    failingSink: () => memoryAudit({ fail: true }),
  };
});

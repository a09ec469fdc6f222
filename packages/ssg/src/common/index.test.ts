import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@clawexchange/ssg/common public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AUDIT_LOG_DISABLED',
      'ClawExchangeError',
      'IDENTITY_ONLY_HEADERS',
      'LOG_LEVELS',
      'METRIC_NAME_PATTERN',
      'MetricUnit',
      'SSGAuditEventType',
      'TABLE_COLUMNS_SQL',
      'assertOptionsObject',
      'checkOptions',
      'defineErrorGuard',
      'errorBody',
      'firstMissingColumn',
      'isAuditLogDisabled',
      'isErrorBody',
      'isIdentityCoding',
      'isLogger',
      'isPlainObject',
      'metricName',
      'migrationConnection',
      'msToSeconds',
      'noopLogger',
      'optionKeys',
      'readTableColumns',
      'rejectUnknownKeys',
    ]);
  });
});

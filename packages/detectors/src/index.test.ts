import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_SEVERITY_SCORES',
      'DetectorError',
      'DetectorErrorCode',
      'createDetector',
      'defaultPlugins',
      'injectionPlugin',
      'isDetectorError',
      'piiPlugin',
      'redact',
      'restore',
      'scan',
      'scanInjection',
      'scanPii',
      'scanReport',
      'scanSecrets',
      'scoreFindings',
      'secretsPlugin',
    ]);
  });
});

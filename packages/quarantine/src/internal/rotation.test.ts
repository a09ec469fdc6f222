import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createQuarantineService } from '../create-quarantine.js';
import type { RotateKeysOptions } from '../types.js';
import { recordingDatabase } from './recording-database.js';

describe('rotateKeys options', () => {
  const { db, queries } = recordingDatabase();
  const q = createQuarantineService({
    storage: { endpoint: 'http://127.0.0.1:1', bucket: 'b', accessKey: 'a', secretKey: 's' },
    encryption: { masterKey: randomBytes(32).toString('base64') },
    database: db,
  });

  it.each([
    ['options', null],
    ['options', 'all'],
    ['options.batchSize', { batchSize: 0 }],
    ['options.maxBatches', { maxBatches: 1.5 }],
  ])('refuses a bad %s with INVALID_INPUT before touching the database', async (field, options) => {
    await expect(q.rotateKeys(options as RotateKeysOptions)).rejects.toMatchObject({
      code: 'QUARANTINE_INVALID_INPUT',
      field,
    });
    expect(queries).toEqual([]);
  });
});

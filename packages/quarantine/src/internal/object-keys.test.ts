import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  idInKeySpace,
  installationPrefix,
  keyShape,
  objectKey,
  objectMetadata,
  storedAt,
} from './object-keys.js';

const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
const prefix = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `${s.join('/')}/`);
const date = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const uuid = fc.uuid().map((u) => u.toLowerCase());

describe('object keys', () => {
  it('a key names its record inside its own installation key space, and no other', () => {
    fc.assert(
      fc.property(prefix, uuid, uuid, date, uuid, (p, mine, other, createdAt, id) => {
        fc.pre(mine !== other);
        const key = objectKey({ prefix: p, installationId: mine, createdAt, id });
        expect(key.startsWith(installationPrefix(p, mine))).toBe(true);
        expect(idInKeySpace(installationPrefix(p, mine), key)).toBe(id);
        // Another installation under the same prefix never lists or claims it.
        expect(key.startsWith(installationPrefix(p, other))).toBe(false);
        expect(idInKeySpace(installationPrefix(p, other), key)).toBeNull();
        expect(keyShape(p, key)).toEqual({ kind: 'installation', installationId: mine });
      }),
    );
  });

  it('reads the record date in UTC', () => {
    const key = objectKey({
      prefix: 'quarantine/',
      installationId: '00000000-0000-4000-8000-000000000001',
      createdAt: new Date('2026-11-23T23:30:00-05:00'),
      id: '00000000-0000-4000-8000-000000000002',
    });
    expect(key).toBe(
      'quarantine/00000000-0000-4000-8000-000000000001/2026/11/24/00000000-0000-4000-8000-000000000002',
    );
  });

  it('legacy keys (no installation id) are legacy under any prefix, also one ending in a UUID-like segment', () => {
    fc.assert(
      fc.property(prefix, uuid, uuid, (p, tenant, id) => {
        expect(keyShape(p, `${p}2026/01/02/${id}`)).toEqual({ kind: 'legacy' });
        const uuidPrefix = `${p}${tenant}/`;
        expect(keyShape(uuidPrefix, `${uuidPrefix}2026/01/02/${id}`)).toEqual({ kind: 'legacy' });
      }),
    );
  });

  it('keys the package never writes are unknown', () => {
    for (const key of [
      'quarantine/README',
      'quarantine/2026/01/02/not-a-uuid',
      'quarantine/00000000-0000-4000-8000-000000000001/notes.txt',
      'quarantine/2026/1/2/00000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000002',
    ]) {
      expect(keyShape('quarantine/', key)).toEqual({ kind: 'unknown' });
    }
    expect(idInKeySpace('quarantine/i/', 'quarantine/i/2026/01/02/x')).toBeNull();
  });

  it("an object's age is the service's own time from its metadata, else Last-Modified, else unknown", () => {
    const at = new Date('2026-11-23T12:00:00Z');
    const server = new Date('2030-01-01T00:00:00Z');
    const metadata = objectMetadata('00000000-0000-4000-8000-000000000001', at);
    expect(metadata['clawexchange-installation']).toBe('00000000-0000-4000-8000-000000000001');
    expect(storedAt({ metadata, lastModified: server })).toEqual(at);
    expect(storedAt({ metadata: {}, lastModified: server })).toEqual(server);
    expect(
      storedAt({ metadata: { 'clawexchange-created-at': 'garbage' }, lastModified: undefined }),
    ).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isModerationError } from './errors.js';
import {
  MAX_NOTES_LENGTH,
  parseBotAction,
  parseHumanAction,
  parseListQuery,
  parseRecordId,
} from './validate.js';

const ID = '3f2b8c1e-8d4a-4c51-9a0e-2b7d5f9c1a22';
const good = { quarantineId: ID, action: 'release', confidence: 0.95, reason: 'FALSE_POSITIVE' };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isModerationError(e) && e.code === 'MODERATION_INVALID_INPUT') return e.field;
    throw e;
  }
  throw new Error('expected MODERATION_INVALID_INPUT');
}

describe('parseBotAction', () => {
  it('accepts a well-formed body', () => {
    expect(parseBotAction(good)).toEqual(good);
  });

  it.each([
    [{ ...good, action: 'approve' }, 'action'],
    [{ ...good, reason: 'SPAM' }, 'reason'],
    [{ ...good, confidence: 1.01 }, 'confidence'],
    [{ ...good, confidence: -0.1 }, 'confidence'],
    [{ ...good, confidence: '0.9' }, 'confidence'],
    [{ ...good, confidence: Number.NaN }, 'confidence'],
    [{ ...good, quarantineId: 'not-a-uuid' }, 'quarantineId'],
    [{ ...good, notes: 'x'.repeat(MAX_NOTES_LENGTH + 1) }, 'notes'],
    [{ ...good, expectedVersion: 1.5 }, 'expectedVersion'],
    [{ ...good, extra: 1 }, 'extra'],
    [[good], 'options'],
    [null, 'options'],
  ])('refuses %j naming %s', (body, field) => {
    expect(fieldOf(() => parseBotAction(body))).toBe(field);
  });

  it('accepts exactly the confidences in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double(), (confidence) => {
        const ok = Number.isFinite(confidence) && confidence >= 0 && confidence <= 1;
        if (ok) expect(parseBotAction({ ...good, confidence }).confidence).toBe(confidence);
        else expect(fieldOf(() => parseBotAction({ ...good, confidence }))).toBe('confidence');
      }),
    );
  });
});

describe('parseHumanAction', () => {
  it('requires notes', () => {
    expect(fieldOf(() => parseHumanAction({ quarantineId: ID, action: 'release' }))).toBe('notes');
    expect(
      fieldOf(() => parseHumanAction({ quarantineId: ID, action: 'escalate', notes: 'x' })),
    ).toBe('action');
  });

  /** regression: issue 16 — NUL or a lone surrogate in notes came back as a refused `cursor` */
  it('refuses notes PostgreSQL text cannot hold (U+0000, lone surrogates), naming `notes`', () => {
    for (const notes of ['a\u0000b', 'x\ud800', '\udfffy', 'a\udc00\ud800b']) {
      expect(fieldOf(() => parseHumanAction({ quarantineId: ID, action: 'delete', notes }))).toBe(
        'notes',
      );
      expect(fieldOf(() => parseBotAction({ ...good, notes }))).toBe('notes');
    }
    const pair = parseHumanAction({ quarantineId: ID, action: 'delete', notes: 'ok \ud83d\ude00' });
    expect(pair.notes).toBe('ok \ud83d\ude00');
  });
});

describe('parseListQuery', () => {
  it('bots may not filter by status or source', () => {
    expect(fieldOf(() => parseListQuery({ status: 'RELEASED' }, 'bot'))).toBe('status');
    expect(parseListQuery({ status: 'RELEASED' }, 'human').status).toBe('RELEASED');
  });

  it('refuses repeated keys, bad limits and odd tiers', () => {
    expect(fieldOf(() => parseListQuery({ tier: ['LOW', 'HIGH'] }, 'bot'))).toBe('tier');
    expect(fieldOf(() => parseListQuery({ limit: '0' }, 'bot'))).toBe('limit');
    expect(fieldOf(() => parseListQuery({ limit: '101' }, 'bot'))).toBe('limit');
    expect(fieldOf(() => parseListQuery({ tier: 'low; drop' }, 'bot'))).toBe('tier');
    expect(parseListQuery(undefined, 'bot')).toEqual({ limit: 50 });
  });
});

describe('parseRecordId', () => {
  it('lower-cases a UUID and refuses anything else', () => {
    expect(parseRecordId(ID.toUpperCase())).toBe(ID);
    expect(fieldOf(() => parseRecordId(`${ID} `))).toBe('quarantineId');
  });
});

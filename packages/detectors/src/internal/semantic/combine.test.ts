import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../rule.js';
import type { ResolvedSemantic } from './combine.js';
import { combineWith } from './combine.js';

const S: ResolvedSemantic = { threshold: 0.8, holdThreshold: 0.9, doubtThreshold: 0.05 };
const rule = (over: Partial<RawFinding> = {}): RawFinding => ({
  category: 'injection',
  type: 'instruction-override',
  start: 3,
  end: 10,
  confidence: 0.7,
  severity: 'high',
  ...over,
});
const verdict = (probability: number, end = 20) => ({
  probability,
  span: () => [0, end] as const,
});

describe('combineWith', () => {
  it('adds a semantic finding when the model fires without a rule: high from the hold threshold', () => {
    const raw: RawFinding[] = [];
    combineWith(verdict(0.95), raw, 0, S);
    expect(raw).toEqual([
      {
        category: 'injection',
        type: 'semantic',
        start: 0,
        end: 20,
        confidence: 0.95,
        severity: 'high',
      },
    ]);
    const warned: RawFinding[] = [];
    combineWith(verdict(0.85), warned, 0, S);
    expect(warned[0]?.severity).toBe('medium');
  });
  it('adds nothing below the threshold or for an empty span', () => {
    const raw: RawFinding[] = [];
    combineWith(verdict(0.79), raw, 0, S);
    combineWith(verdict(0.99, 0), raw, 0, S);
    expect(raw).toEqual([]);
  });
  it('raises the confidence of rule findings it agrees with (noisy-or), and their severity when sure', () => {
    const raw = [rule({ severity: 'medium', confidence: 0.5 })];
    combineWith(verdict(0.92), raw, 0, S);
    expect(raw).toHaveLength(1);
    expect(raw[0]?.confidence).toBe(0.96);
    expect(raw[0]?.severity).toBe('high');
  });
  it('lowers wording findings it disagrees with, never form findings, critical or near-certain ones', () => {
    const raw = [
      rule(),
      rule({ type: 'invisible-smuggling' }),
      rule({ severity: 'critical' }),
      rule({ confidence: 0.96 }),
    ];
    combineWith(verdict(0.01), raw, 0, S);
    expect(raw.map((f) => [f.confidence, f.severity])).toEqual([
      [0.42, 'medium'],
      [0.7, 'high'],
      [0.7, 'critical'],
      [0.96, 'high'],
    ]);
  });
  it('leaves rule findings alone between the doubt and the operating point, and other categories always', () => {
    const secret: RawFinding = { ...rule(), category: 'secret', type: 'aws-access-key' };
    const raw = [secret, rule()];
    combineWith(verdict(0.5), raw, 0, S);
    expect(raw).toEqual([secret, rule()]);
    combineWith(verdict(0.01), raw, 1, S);
    expect(raw[0]).toEqual(secret);
  });
});

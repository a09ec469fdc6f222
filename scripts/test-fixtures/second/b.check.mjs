import { expect, it } from 'vitest';

it('compares', () => expect(2 > 1).toBe(true));

import { it } from 'vitest';

it.skip('is skipped', () => undefined);
it.todo('is not written yet');

import { METRIC_NAME_PATTERN } from '@clawexchange/ssg/common';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../create-rate-limiter.js';

describe('metric names', () => {
  /** regression: issue 11 */
  it('follow clawexchange.rate_limiter.<name> with OpenTelemetry units', async () => {
    const units = new Map<string, string | undefined>();
    const adds: string[] = [];
    const meter = {
      createCounter: (name: string, options?: { unit?: string }) => {
        units.set(name, options?.unit);
        return { add: () => adds.push(name) };
      },
    };
    const limiter = createRateLimiter({ meter });
    await limiter.check('m1', 'POSTS');
    expect(Object.fromEntries(units)).toEqual({
      'clawexchange.rate_limiter.decisions': '{request}',
      'clawexchange.rate_limiter.rejections': '{request}',
      'clawexchange.rate_limiter.redis_state_changes': '{change}',
      'clawexchange.rate_limiter.redis_failures': '{failure}',
      'clawexchange.rate_limiter.config_reload_failures': '{failure}',
    });
    for (const name of units.keys()) expect(name).toMatch(METRIC_NAME_PATTERN);
    expect(adds).toEqual(['clawexchange.rate_limiter.decisions']);
  });
});

/**
 * Plugins written the way upstream `security-pipeline` 0.1.x's plugin
 * development guide shows them (an object literal with `id`, `priority`,
 * `enabled` and an async `analyze(content)` returning `score`, `labels`,
 * `matches[]` with `patternId`/`start`/`end`/`redacted`, and an object
 * `summary`), run through the gate unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { memoryAudit, memoryQuarantine, recordingLogger } from './internal/test-doubles.js';
import type {
  ContentEnvelope,
  UpstreamDetectionMatch as DetectionMatch,
  UpstreamDetectionPlugin as DetectionPlugin,
  UpstreamDetectionResult as DetectionResult,
} from './types.js';

const GIFT_CODE = 'GIFT-7Q2M-XK4P';
const WALLET = `0x${'ab12'.repeat(10)}`;

// Regex-based, scored once per pattern, summary with a count.
const CODE_PATTERNS = [
  {
    id: 'gift-card-code',
    regex: /\bGIFT-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g,
    score: 65,
    label: 'GIFT_CARD',
  },
];

const giftCardPlugin: DetectionPlugin = {
  id: 'gift-card-v1',
  priority: 10,
  enabled: true,

  async analyze(content: ContentEnvelope): Promise<DetectionResult> {
    const matches: DetectionMatch[] = [];
    const labels = new Set<string>();
    let score = 0;
    for (const pattern of CODE_PATTERNS) {
      pattern.regex.lastIndex = 0;
      for (const match of content.text.matchAll(pattern.regex)) {
        const start = match.index ?? 0;
        matches.push({
          patternId: pattern.id,
          start,
          end: start + match[0].length,
          redacted: `${match[0].slice(0, 5)}****-****`,
        });
        if (!labels.has(pattern.label)) score += pattern.score;
        labels.add(pattern.label);
      }
    }
    return { score, labels: [...labels], matches, summary: { matchCount: matches.length } };
  },
};

// Context-aware: stricter on SUPPLY posts, softer on comments; a careless
// summary that quotes what it found.
const walletPlugin: DetectionPlugin = {
  id: 'wallet-v1',
  priority: 5,
  enabled: true,

  async analyze(content: ContentEnvelope): Promise<DetectionResult> {
    const found = /\b0x[0-9a-f]{40}\b/.exec(content.text);
    if (found === null) return { score: 0, labels: [], matches: [], summary: {} };
    let score = 40;
    if (content.contentType === 'POST' && content.category === 'SUPPLY') score += 20;
    if (content.contentType === 'COMMENT') score = Math.floor(score * 0.7);
    return {
      score,
      labels: ['CRYPTO_WALLET'],
      matches: [
        {
          patternId: 'eth-address',
          start: found.index,
          end: found.index + found[0].length,
          redacted: '0x****',
        },
      ],
      summary: { firstHit: found[0], strict: content.category === 'SUPPLY', engine: 'regex' },
    };
  },
};

const post = (text: string, category?: string): ContentEnvelope => ({
  text,
  contentType: 'POST',
  ...(category === undefined ? {} : { category }),
});

describe('plugins written for upstream security-pipeline 0.1.x', () => {
  it('clean content passes', async () => {
    const ssg = createSSG({ plugins: [giftCardPlugin, walletPlugin] });
    const result = await ssg.inspect(post('Offering GPU hours, DM me.'));
    expect(result).toMatchObject({ verdict: 'PASS', tier: 'CLEAR', degraded: [], labels: [] });
  });

  /** regression: issue 11 (any match made the whole result a PLUGIN_ERROR, escalated to HIGH) */
  it('a detection is scored as its plugin scored it, patternId labelling the match', async () => {
    const quarantine = memoryQuarantine();
    const ssg = createSSG({ plugins: [giftCardPlugin, walletPlugin], quarantine });
    const result = await ssg.inspect(post(`Selling ${GIFT_CODE} cheap`));
    expect(result).toMatchObject({
      verdict: 'QUARANTINE',
      tier: 'HIGH',
      labels: ['GIFT_CARD'],
      matches: [{ label: 'gift-card-code', redacted: 'GIFT-****-****' }],
      degraded: [],
    });
    const stored = [...quarantine.records.values()][0]?.metadata;
    expect(stored?.pluginResults).toEqual([
      expect.objectContaining({ pluginId: 'gift-card-v1', score: 65, summary: 'matchCount=1' }),
      expect.objectContaining({ pluginId: 'wallet-v1', score: 0, summary: 'no details' }),
    ]);
  });

  /** regression: issue 11 */
  it("with onPluginError 'ignore' a detection is no longer a silent PASS", async () => {
    const ssg = createSSG({
      plugins: [giftCardPlugin],
      onPluginError: 'ignore',
      quarantine: memoryQuarantine(),
    });
    const result = await ssg.inspect(post(`Selling ${GIFT_CODE}`));
    expect(result.verdict).toBe('QUARANTINE');
    expect(result.degraded).toEqual([]);
  });

  it('an object summary reaches quarantine and audit without its string values', async () => {
    const quarantine = memoryQuarantine();
    const audit = memoryAudit();
    const ssg = createSSG({ plugins: [walletPlugin, giftCardPlugin], quarantine, audit });
    const result = await ssg.inspect(post(`wallet ${WALLET} gift ${GIFT_CODE}`, 'SUPPLY'));
    expect(result.verdict).toBe('QUARANTINE');
    const stored = [...quarantine.records.values()][0]?.metadata;
    const wallet = stored?.pluginResults.find(
      (r) => (r as { pluginId: string }).pluginId === 'wallet-v1',
    );
    expect(wallet).toMatchObject({
      score: 60,
      summary: 'firstHit=(text), strict=true, engine=(text)',
    });
    expect(JSON.stringify(stored)).not.toContain(WALLET);
    expect(JSON.stringify(stored)).not.toContain('7Q2M');
    expect(JSON.stringify(audit.events)).not.toContain(WALLET);
    expect(JSON.stringify(result)).not.toContain(WALLET);
  });

  /** regression: issue 11 */
  it("scores combine by maximum by default, and add up with combine: 'sum'", async () => {
    const text = `wallet ${WALLET} and ${GIFT_CODE}`;
    const max = createSSG({
      plugins: [giftCardPlugin, walletPlugin],
      quarantine: memoryQuarantine(),
    });
    const sum = createSSG({ plugins: [giftCardPlugin, walletPlugin], combine: 'sum' });
    // 65 and 40: the highest is HIGH; the sum, 105 → 100, is CRITICAL.
    expect(await max.inspect(post(text))).toMatchObject({ tier: 'HIGH', verdict: 'QUARANTINE' });
    expect(await sum.inspect(post(text))).toMatchObject({ tier: 'CRITICAL', verdict: 'BLOCK' });
    // A comment with only a wallet: 28 alone, LOW either way.
    const comment = { text: `pay ${WALLET}`, contentType: 'COMMENT' };
    expect((await sum.inspect(comment)).tier).toBe('LOW');
  });

  /** regression: issue 11 */
  it('a truly invalid result is still rejected, and the log names the field, not its value', async () => {
    const logger = recordingLogger();
    const broken: DetectionPlugin = {
      ...giftCardPlugin,
      id: 'broken-v1',
      async analyze(content) {
        const result = await giftCardPlugin.analyze(content);
        // No redacted rendering: the raw text would be all a reader had.
        return {
          ...result,
          matches: result.matches.map(({ patternId, start, end }) => ({ patternId, start, end })),
        } as unknown as DetectionResult;
      },
    };
    const ssg = createSSG({ plugins: [broken], logger, quarantine: memoryQuarantine() });
    const result = await ssg.inspect(post(`Selling ${GIFT_CODE}`));
    expect(result).toMatchObject({
      verdict: 'QUARANTINE',
      labels: ['PLUGIN_ERROR:broken-v1'],
      degraded: [{ pluginId: 'broken-v1', code: 'PLUGIN_ERROR' }],
    });
    expect(logger.lines).toContainEqual({
      level: 'warn',
      fields: {
        pluginId: 'broken-v1',
        code: 'PLUGIN_ERROR',
        reason: 'invalid_result',
        field: 'matches[0].redacted',
      },
      msg: 'plugin failed',
    });
    expect(JSON.stringify(logger.lines)).not.toContain('7Q2M');
  });
});

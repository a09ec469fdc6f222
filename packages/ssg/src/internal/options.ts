/**
 * Nothing silently ignored: `createSSG`'s config, `inspect`'s envelope and
 * options, the HTTP adapters' options, `keywordPlugin` and custom tier rows
 * go through the family's one check (`./common/options.ts`), raising
 * `SSG_INVALID_CONFIG` naming the unknown key, with a hint for upstream names.
 */
import {
  type CheckOptionsMode,
  checkOptions,
  type OptionsSpec,
  optionKeys,
} from '../common/options.js';
import type { SSGConfig } from '../config.js';
import { SSGError, SSGErrorCode } from '../errors.js';
import type { HttpGateOptions, RequestFacts } from '../http/options.js';
import type { KeywordPluginOptions, KeywordRule } from '../keyword-plugin.js';
import type { InspectOptions } from '../result.js';
import type { TierThreshold } from '../tiers.js';
import type { ContentEnvelope } from '../types.js';

function configError(field: string, message: string): SSGError {
  return new SSGError(SSGErrorCode.INVALID_CONFIG, message, { field });
}

/** What one options argument may hold; its error is always `SSG_INVALID_CONFIG`. */
export type SSGOptionsSpec = OptionsSpec;

/**
 * Checks one options argument against its spec.
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys and hints
 * @param mode - `optional: true` when the argument may be omitted
 * @returns the options as a record
 * @throws {SSGError} SSG_INVALID_CONFIG naming the unknown key or argument
 */
export function checkSSGOptions(
  value: unknown,
  spec: SSGOptionsSpec,
  mode: CheckOptionsMode = {},
): Readonly<Record<string, unknown>> {
  return checkOptions(value, spec, mode);
}

/** Every field of {@link SSGConfig}; a field added to the type must be added here (it will not compile otherwise). */
export const CONFIG_SPEC: SSGOptionsSpec = {
  name: 'createSSG config',
  error: configError,
  keys: optionKeys<SSGConfig>({
    plugins: true,
    quarantine: true,
    audit: true,
    mode: true,
    pluginTimeoutMs: true,
    pluginTimeouts: true,
    onPluginError: true,
    combine: true,
    onInspection: true,
    onInspectionTimeoutMs: true,
    onQuarantineFailure: true,
    onAuditFailure: true,
    quarantineTimeoutMs: true,
    auditTimeoutMs: true,
    tiers: true,
    logger: true,
    meter: true,
    now: true,
  }),
  hints: {
    tierThresholds:
      "upstream's `tierThresholds` is `tiers` here (rows `{ tier, min, max }`, CLEAR..CRITICAL)",
    timeout: 'the per-plugin timeout is `pluginTimeoutMs` (milliseconds)',
    timeoutMs: 'the per-plugin timeout is `pluginTimeoutMs` (milliseconds)',
    pluginTimeout: 'the per-plugin timeout is `pluginTimeoutMs` (milliseconds)',
    dryRun: "use `mode: 'DRY_RUN'`",
    quarantineService: 'the quarantine sink is `quarantine`',
    auditLogger: 'the audit sink is `audit`',
    scoreCombination: "use `combine: 'max' | 'sum'`",
  },
};

/** A custom tier row. */
export const TIER_ROW_KEYS: readonly string[] = optionKeys<TierThreshold>({
  tier: true,
  min: true,
  max: true,
});

/**
 * The spec of one custom tier row, `tiers[i]`.
 *
 * @param index - the row's index
 * @returns the spec
 */
export function tierRowSpec(index: number): SSGOptionsSpec {
  return {
    name: 'createSSG config',
    error: configError,
    keys: TIER_ROW_KEYS,
    path: `tiers[${index}]`,
    hints: { minScore: 'the lower bound is `min`', maxScore: 'the upper bound is `max`' },
  };
}

/** `inspect(envelope)`: the envelope's own fields (its `metadata` is free-form). */
export const ENVELOPE_SPEC: SSGOptionsSpec = {
  name: 'inspect() envelope',
  error: configError,
  keys: optionKeys<ContentEnvelope>({
    text: true,
    contentType: true,
    category: true,
    metadata: true,
  }),
  hints: {
    content: 'the text to inspect is `text`',
    body: 'the text to inspect is `text`',
    type: 'the content type is `contentType` (e.g. POST, COMMENT, MESSAGE)',
    agentId: 'the agent goes in `metadata.agentId`',
    sourceId: 'the source id goes in `metadata.sourceId`',
  },
};

/** `inspect(envelope, options)`. */
export const INSPECT_SPEC: SSGOptionsSpec = {
  name: 'inspect() options',
  error: configError,
  keys: optionKeys<InspectOptions>({ actorId: true, actorType: true }),
  hints: { agentId: 'the agent goes in the envelope, `metadata.agentId`; or use `actorId`' },
};

/** `middleware(options)`, `inspectRequest(request, options)`, `fetchHandler(handler, options)`. */
export const HTTP_SPEC: SSGOptionsSpec = {
  name: 'HTTP gate options',
  error: configError,
  keys: optionKeys<HttpGateOptions<unknown>>({
    fields: true,
    maxBodyBytes: true,
    contentType: true,
    methods: true,
    onQuarantine: true,
    statusCodes: true,
    extract: true,
  }),
  hints: {
    field: 'the inspected body fields are `fields` (an array of dotted paths)',
    limit: 'the body size limit is `maxBodyBytes`',
  },
};

/** `statusCodes` of the HTTP gate options. */
export const STATUS_CODES_SPEC: SSGOptionsSpec = {
  name: 'HTTP gate options',
  error: configError,
  path: 'statusCodes',
  keys: ['block', 'quarantine', 'unavailable'],
};

/** What the host's `extract` may return. */
export const FACT_KEYS: readonly string[] = optionKeys<RequestFacts>({
  contentType: true,
  category: true,
  agentId: true,
  sourceId: true,
  ipAddress: true,
  actorType: true,
});

/** `keywordPlugin(options)`. */
export const KEYWORD_SPEC: SSGOptionsSpec = {
  name: 'keywordPlugin options',
  error: configError,
  keys: optionKeys<KeywordPluginOptions>({ id: true, priority: true, enabled: true, rules: true }),
  hints: { keywords: 'the rules are `rules` (`{ term, label, score }`)' },
};

/**
 * The spec of one keyword rule, `rules[i]`.
 *
 * @param index - the rule's index
 * @returns the spec
 */
export function keywordRuleSpec(index: number): SSGOptionsSpec {
  return {
    name: 'keywordPlugin options',
    error: configError,
    keys: optionKeys<KeywordRule>({ term: true, label: true, score: true }),
    path: `rules[${index}]`,
    hints: { keyword: 'the matched word is `term`', patternId: 'the label is `label`' },
  };
}

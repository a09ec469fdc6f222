import {
  createLLMGuard,
  type LLMGuard,
  llmGuardConfigFromEnv,
  llmJudgePlugin,
} from '@clawexchange/llm-guard';
import type { DetectionPlugin } from '@clawexchange/ssg';
import { startStandInVendor } from './stand-in-vendor.js';

/** The judge plugin and what it runs on. */
export type LLMJudge = {
  readonly plugin: DetectionPlugin;
  readonly guard: LLMGuard;
  /** `LLM_API_URL`, or the local stand-in's URL. */
  readonly vendorUrl: string;
  /** `from LLM_API_URL` or `local stand-in`. */
  readonly origin: string;
  close(): Promise<void>;
};

/**
 * Wires `llmJudgePlugin` through an LLM guard: to the vendor of the
 * `LLM_*` variables when `LLM_API_URL` is set (`llmGuardConfigFromEnv`:
 * `LLM_PROVIDER`, `LLM_MODEL`, `LLM_API_KEY`, `LLM_DATA_USAGE` — which must
 * be `none`, or the guard refuses to exist), else to a local stand-in
 * server. Fails open: an unreachable judge scores 0 with the label
 * `LLM_JUDGE_FAILED_OPEN`, and the deterministic detectors still decide.
 */
export async function createLLMJudge(
  audit: NonNullable<Parameters<typeof createLLMGuard>[0]['audit']> | undefined,
  env: NodeJS.ProcessEnv,
): Promise<LLMJudge> {
  const auditing = audit === undefined ? {} : { audit };
  if (env.LLM_API_URL) {
    const guard = createLLMGuard({ ...llmGuardConfigFromEnv(env), ...auditing });
    return judge(guard, env.LLM_API_URL, 'from LLM_API_URL', async () => undefined);
  }
  const vendor = await startStandInVendor();
  const guard = createLLMGuard({
    provider: { kind: 'openai-compatible', url: vendor.url, model: 'stand-in', maxRetries: 0 },
    // The stand-in keeps nothing; a real vendor needs a signed no-training, no-retention contract.
    dataUsage: 'none',
    ...auditing,
  });
  return judge(guard, vendor.url, 'local stand-in', vendor.close);
}

function judge(
  guard: LLMGuard,
  vendorUrl: string,
  origin: string,
  close: () => Promise<void>,
): LLMJudge {
  const plugin = llmJudgePlugin({ guard, onFailure: 'open', timeoutMs: 3000 });
  return { plugin, guard, vendorUrl, origin, close };
}

import { isDetectorError } from './errors.js';
import type { Detector } from './types.js';

/** Cases written per `write` call: output is batched, not one syscall per case. */
const BATCH = 256;

/** The code a case gets when its line is not a JSON object with a string `text`. */
export const CASE_ERROR = 'INVALID_CASE';

/** One output line's findings: the fields scorers read, never the matched text. */
function findingsLine(id: unknown, detector: Detector, text: string): string {
  const findings = detector.scan(text).map((f) => ({
    category: f.category,
    type: f.type,
    start: f.start,
    end: f.end,
    confidence: f.confidence,
    severity: f.severity,
  }));
  return JSON.stringify({ id, findings });
}

function errorLine(id: unknown, code: string): string {
  return JSON.stringify({ id, findings: [], error: code });
}

/** The answer for one input line: its findings, or an error code (never text). */
export function answerCase(line: string, detector: Detector): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return errorLine(null, 'PARSE_ERROR');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return errorLine(null, CASE_ERROR);
  }
  const { id = null, text } = parsed as { id?: unknown; text?: unknown };
  // A case without text is refused, not scanned as '' (which would read as "nothing found").
  if (typeof text !== 'string') return errorLine(id, CASE_ERROR);
  try {
    return findingsLine(id, detector, text);
  } catch (error) {
    if (isDetectorError(error)) return errorLine(id, error.code);
    throw error;
  }
}

/**
 * Scans JSONL cases: one output line per non-blank input line, in order.
 * @param lines - the input, line by line
 * @param detector - the detector to scan with
 * @param write - receives output text (whole lines, each ending in `\n`)
 */
export async function runCases(
  lines: AsyncIterable<string>,
  detector: Detector,
  write: (text: string) => void,
): Promise<void> {
  const out: string[] = [];
  const flush = (): void => {
    if (out.length > 0) write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    out.push(answerCase(line, detector));
    if (out.length >= BATCH) flush();
  }
  flush();
}

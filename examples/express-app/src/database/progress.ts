import type { OnStep } from './migrations.js';

/** Prints one progress line per step: `  [ 3/9] up   @clawexchange/audit/0001-create-audit-logs`. */
export function stepPrinter(write: (line: string) => void): OnStep {
  return ({ direction, name, index, total }) => {
    const position = `${String(index + 1).padStart(String(total).length)}/${total}`;
    write(`  [${position}] ${direction.padEnd(4)} ${name}`);
  };
}

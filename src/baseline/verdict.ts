import type { BaselineVerdict } from './types.js';
import { formatPValue, formatRate } from './format.js';

export interface VerdictRule {
  verdict: Exclude<BaselineVerdict, 'no-baseline'>;
  /** The comparison of both figures with their limits, such as "p = 0.0020 < 0.05 and drop 0.20 > max_drop 0.05". */
  explanation: string;
}

/**
 * Decides the verdict on a pass-rate change `delta` (head − base) with exact McNemar p-value `pValue`:
 * - `regression`: the drop exceeds `maxDrop` and p < alpha; this fails the gate.
 * - `warning`: the drop exceeds `maxDrop` but p ≥ alpha, so the drop may be noise from too few
 *   cases; or p < alpha but the drop is within `maxDrop`. A real drop within the tolerance still
 *   gets a warning because several of them in a row add up to more than `maxDrop`.
 * - `improvement`: the pass rate rose and p < alpha.
 * - `pass`: anything else.
 * A drop equal to `maxDrop` does not exceed it.
 */
export function decideVerdict(delta: number, pValue: number, maxDrop: number, alpha: number): VerdictRule {
  const drop = -delta;
  const significant = pValue < alpha;
  const pText = `p = ${formatPValue(pValue)} ${significant ? '<' : '≥'} ${alpha}`;
  const dropText = `drop ${formatRate(drop)} ${drop > maxDrop ? '>' : '≤'} max_drop ${maxDrop}`;

  if (drop > maxDrop && significant) {
    return { verdict: 'regression', explanation: `${pText} and ${dropText}` };
  }
  if (drop > maxDrop) {
    return { verdict: 'warning', explanation: `${dropText} but ${pText}, not significant` };
  }
  if (drop > 0 && significant) {
    return { verdict: 'warning', explanation: `${pText} but ${dropText}` };
  }
  if (delta > 0 && significant) {
    return { verdict: 'improvement', explanation: `${pText} and rise ${formatRate(delta)}` };
  }
  if (drop > 0) {
    return { verdict: 'pass', explanation: `${dropText} and ${pText}` };
  }
  return { verdict: 'pass', explanation: pText };
}

import type { Case, CaseType, ScoreResult } from '../types.js';
import { scoreCode } from './code.js';
import { scoreMath } from './math.js';
import { scoreQa } from './qa.js';
import { scoreSummary } from './summary.js';

/** Scores one answer of a case; a scorer may be async (the code scorer runs a child process). */
export type Scorer<C extends Case> = (output: string, kase: C) => ScoreResult | Promise<ScoreResult>;

/** The case of each type, so `ScorerRegistry['math']` takes a `MathCase`. */
export type CaseOfType<T extends CaseType> = Extract<Case, { type: T }>;

/** Scorer for each case type. A type without an entry cannot be scored yet. */
export type ScorerRegistry = { [T in CaseType]?: Scorer<CaseOfType<T>> };

/** The registered scorers. A new scorer is one file in this folder and one line here. */
export const scorers: ScorerRegistry = {
  math: scoreMath,
  qa: scoreQa,
  summary: scoreSummary,
  code: scoreCode,
};

/** Scores an answer with the scorer registered for `kase.type`; throws when that type has none. */
export async function scoreAnswer(output: string, kase: Case): Promise<ScoreResult> {
  const scorer = scorers[kase.type] as Scorer<Case> | undefined;
  if (scorer === undefined) {
    throw new Error(`${kase.type} scoring is not registered: no scorer for case "${kase.id}" in src/scorers/index.ts`);
  }

  return scorer(output, kase);
}

export { scoreMath, scoreQa, scoreSummary };

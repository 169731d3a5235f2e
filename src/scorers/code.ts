// Code cases: the code taken from the answer runs against the case's tests in the sandbox, and
// passes when the tests finish with exit code 0.

import { extractCode } from '../sandbox/extract-code.js';
import { describeFailure, errorTail } from '../sandbox/failure-reason.js';
import type { IsolationReport } from '../sandbox/isolation.js';
import { inSandboxPool } from '../sandbox/pool.js';
import { buildProgram, type ProgramShape } from '../sandbox/programs.js';
import { runProgram } from '../sandbox/run-program.js';
import type { CodeCase, ScoreResult } from '../types.js';

/** Details of one scored answer of a code case; every field is set for a pass too. */
export interface CodeRunDetails {
  /** Which part of the answer was run, e.g. "fenced python block 2 of 3 (defines quick_sort)". */
  extraction: string;
  /** Shape of the program that combined the code with the tests; null when the answer contained no code. */
  shape: ProgramShape | null;
  /** Last lines of standard error (at most 300 characters), or null when it was empty. */
  error: string | null;
  timedOut: boolean;
  outputLimitExceeded: 'stdout' | 'stderr' | null;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** Protections in force; null when nothing ran. */
  isolation: IsolationReport | null;
}

export type CodeScoreResult = ScoreResult & { details: CodeRunDetails };

/**
 * Scores one answer of a code case: extracts the code, builds the program (HumanEval's prompt +
 * completion + test + `check(entry_point)`, or a `solution` module imported by the tests), runs it
 * in the shared sandbox pool and reads the outcome.
 */
export async function scoreCode(output: string, kase: CodeCase): Promise<CodeScoreResult> {
  const extracted = extractCode(output, kase.language, kase.entryPoint);
  if (extracted.code.trim() === '') {
    return {
      pass: false,
      score: 0,
      reason: `no code in the answer (${extracted.how})`,
      details: { extraction: extracted.how, shape: null, error: null, timedOut: false, outputLimitExceeded: null, exitCode: null, signal: null, durationMs: 0, isolation: null },
    };
  }

  const program = buildProgram(extracted.code, kase);
  const outcome = await inSandboxPool(() => runProgram(program, { timeoutS: kase.timeoutS }));

  const failure = describeFailure(outcome, program);
  const details: CodeRunDetails = {
    extraction: extracted.how,
    shape: program.shape,
    error: outcome.stderr.trim() === '' ? null : errorTail(outcome.stderr),
    timedOut: outcome.timedOut,
    outputLimitExceeded: outcome.outputLimitExceeded,
    exitCode: outcome.exitCode,
    signal: outcome.signal,
    durationMs: Math.round(outcome.durationMs),
    isolation: outcome.isolation,
  };

  if (failure !== null) return { pass: false, score: 0, reason: failure, details };
  return { pass: true, score: 1, reason: `passed (${extracted.how}; ${(outcome.durationMs / 1000).toFixed(2)} s)`, details };
}

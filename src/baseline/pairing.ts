import { InputError } from '../errors.js';
import type { CaseResult, RunResults } from '../types.js';

/** Rows of one model keyed by case id and sample, in the order of the results file. */
export type RowsByCase = Map<string, CaseResult>;

/** The same (case id, sample) on both sides. */
export interface RowPair {
  label: string;
  base: CaseResult;
  head: CaseResult;
}

export interface PairedRows {
  /** Pairs without an error on either side, in head-run order. */
  pairs: RowPair[];
  /** Pairs with an error on at least one side. */
  errored: RowPair[];
  /** Labels of head rows that the baseline run lacks, in head-run order. */
  added: string[];
  /** Labels of baseline rows that the head run lacks, in baseline-run order. */
  removed: string[];
}

/**
 * Returns the label a case row has in reports: the case id, with `#<sample>` appended when the
 * sample number is above 0, so single-sample runs show plain ids.
 */
export function caseLabel(row: CaseResult): string {
  return row.sample > 0 ? `${row.id}#${row.sample}` : row.id;
}

/**
 * Groups a run's rows by model name, then by (case id, sample). Throws an InputError when a model
 * has two rows for the same case id and sample, which a well-formed results file never has.
 */
export function groupRowsByModel(results: RunResults, side: 'baseline' | 'head'): Map<string, RowsByCase> {
  const byModel = new Map<string, RowsByCase>();

  results.cases.forEach((row, index) => {
    let rows = byModel.get(row.model);
    if (rows === undefined) {
      rows = new Map();
      byModel.set(row.model, rows);
    }

    const key = rowKey(row);
    if (rows.has(key)) {
      throw new InputError({
        field: `${side} run: cases[${index}]`,
        problem: `second row for model ${JSON.stringify(row.model)}, case ${JSON.stringify(row.id)}, sample ${row.sample}`,
        fix: 'keep one row per model, case id and sample number; rerun the benchmark to regenerate the results file',
      });
    }
    rows.set(key, row);
  });

  return byModel;
}

/**
 * Pairs one model's rows by (case id, sample). Rows present on one side only become `added` or
 * `removed`. Pairs with an error on either side are kept apart in `errored`.
 */
export function pairModelRows(baseRows: RowsByCase, headRows: RowsByCase): PairedRows {
  const paired: PairedRows = { pairs: [], errored: [], added: [], removed: [] };

  for (const [key, head] of headRows) {
    const base = baseRows.get(key);
    if (base === undefined) {
      paired.added.push(caseLabel(head));
      continue;
    }

    const pair = { label: caseLabel(head), base, head };
    if (hasError(base) || hasError(head)) {
      paired.errored.push(pair);
    } else {
      paired.pairs.push(pair);
    }
  }

  for (const [key, base] of baseRows) {
    if (!headRows.has(key)) {
      paired.removed.push(caseLabel(base));
    }
  }

  return paired;
}

/** Tells whether a row records a failed call; a results file read from JSON may omit `error`. */
function hasError(row: CaseResult): boolean {
  return row.error !== null && row.error !== undefined;
}

/** Map key of a row; the NUL separator keeps ids that contain `#` from colliding. */
function rowKey(row: CaseResult): string {
  return `${row.id}\u0000${row.sample}`;
}

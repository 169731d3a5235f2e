// Compares a perfect baseline with the GSM8K authors' published 6B fine-tuned outputs on the first
// 60 test problems, and checks compareRuns against counts and a p-value computed independently here.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { compareRuns } from '../../src/baseline/compare.js';
import type { CaseResult } from '../../src/types.js';
import { makeRow, makeRun } from './make-runs.js';

const DATA_DIR = path.resolve(process.cwd(), '../shared/data/gsm8k');
const CASE_COUNT = 60;
const MODEL = 'gsm8k-6b';

interface TestLine {
  question: string;
  answer: string;
}

interface OutputLine {
  index: number;
  output: string;
}

function readFirstLines<T>(file: string, count: number): T[] {
  const lines = readFileSync(path.join(DATA_DIR, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, count).map((line) => JSON.parse(line) as T);
}

/** Reads the expected number of a test line: the text after `#### `, commas dropped. */
function referenceAnswer(line: TestLine): number {
  const marker = line.answer.lastIndexOf('#### ');
  return Number(line.answer.slice(marker + '#### '.length).trim().replace(/,/g, ''));
}

/** Extracts the number on the last `A:` line of a text, or else its last number, or NaN when it has none. */
function outputAnswer(output: string): number {
  const answerLines = output.split('\n').filter((line) => line.trimStart().startsWith('A:'));
  const text = answerLines.length > 0 ? answerLines[answerLines.length - 1] : output;
  const numbers = text.replace(/,/g, '').match(/-?\d+(?:\.\d+)?/g);
  return numbers === null ? Number.NaN : Number(numbers[numbers.length - 1]);
}

/** 2 × Σ_{i ≤ min(b, c)} C(b + c, i) / 2^(b + c), capped at 1, with BigInt sums. */
function directMcnemar(b: number, c: number): number {
  const n = b + c;
  let coefficient = 1n;
  let sum = 1n;
  for (let i = 1; i <= Math.min(b, c); i += 1) {
    coefficient = (coefficient * BigInt(n - i + 1)) / BigInt(i);
    sum += coefficient;
  }
  return Math.min(1, (2 * Number(sum)) / 2 ** n);
}

describe('compareRuns on GSM8K', () => {
  const tests = readFirstLines<TestLine>('test.jsonl', CASE_COUNT);
  const outputs = readFirstLines<OutputLine>('outputs_6b_finetuning.jsonl', CASE_COUNT);

  // The baseline outputs are the reference solutions, scored like any output.
  const baseRows: CaseResult[] = tests.map((line, index) =>
    makeRow({ id: `gsm8k-${index}`, model: MODEL, pass: outputAnswer(line.answer) === referenceAnswer(line) }),
  );
  const headRows: CaseResult[] = outputs.map((line) =>
    makeRow({ id: `gsm8k-${line.index}`, model: MODEL, pass: outputAnswer(line.output) === referenceAnswer(tests[line.index]) }),
  );

  test('counts and p-value match a direct computation', () => {
    let newlyFailing = 0;
    let newlyPassing = 0;
    for (let index = 0; index < CASE_COUNT; index += 1) {
      const basePass = outputAnswer(tests[index].answer) === referenceAnswer(tests[index]);
      const headPass = outputAnswer(outputs[index].output) === referenceAnswer(tests[index]);
      if (basePass && !headPass) {
        newlyFailing += 1;
      } else if (!basePass && headPass) {
        newlyPassing += 1;
      }
    }
    const comparison = compareRuns(makeRun(baseRows), makeRun(headRows), { maxDrop: 0.05, alpha: 0.05 });
    const model = comparison.models[MODEL];

    expect(outputs.map((line) => line.index)).toEqual(Array.from({ length: CASE_COUNT }, (_, index) => index));
    // 11 of the first 60 outputs are right (286 of all 1,319 with the same extraction).
    expect(newlyFailing).toBe(49);
    expect(newlyPassing).toBe(0);
    expect(model.pairs).toBe(CASE_COUNT);
    expect(model.newly_failing).toHaveLength(newlyFailing);
    expect(model.newly_passing).toHaveLength(newlyPassing);
    expect(model.p_value).toBe(directMcnemar(newlyFailing, newlyPassing));
    expect(model.p_value).toBe(2 * 0.5 ** 49);
    expect(model.head_pass_rate).toBeCloseTo(11 / 60, 12);
    expect(model.verdict).toBe('regression');
    expect(comparison.passed).toBe(false);
  });
});

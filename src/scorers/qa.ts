import type { QaCase, ScoreResult } from '../types.js';
import { compileRegex, containsOnWordBoundaries, normalizeText, quoteForReason, toOneLine, truncateChars } from './normalize.js';

/**
 * Label that `exact` matching drops from the start of a normalised answer. Only these labels are
 * dropped, each followed by a colon (full-width `：` is `:` after NFKC). Prose such as "The answer
 * is" or "答案是" is kept, because where the answer starts in prose is a guess.
 */
const ANSWER_LABEL = /^(?:final answer|answer|最终答案|答案)\s*:/u;

/**
 * Scores a short answer against `kase.expected`; any one accepted answer passes (score 1, else 0).
 *
 * `exact`: the normalised answer equals a normalised expected. Normalised means NFKC (full-width
 * forms become ASCII), case-folded, whitespace trimmed and collapsed, surrounding quotes, brackets,
 * Markdown emphasis and sentence punctuation (ASCII and CJK) stripped, and trailing periods removed
 * (see `normalizeText`). The answer also loses one leading `Answer:`, `Final answer:`, `答案：` or
 * `最终答案：` label. Signs and symbols that can be part of an answer (`-3`, `C#`, `50%`) are kept.
 *
 * `contains`: a normalised expected appears in the normalised answer. A Latin (or other spaced
 * script) letter or digit at either end must not run on into another one, so `Paris` is not
 * found in `Parisian` and `42` is not found in `420`. Chinese, Japanese, Korean and Thai match as
 * plain substrings, because those scripts do not separate words with spaces.
 *
 * `regex`: each expected is a JavaScript regex (`/pattern/flags`, or a bare pattern with no flags)
 * tested against the raw answer. An invalid regex fails the answer with its error in the reason.
 */
export function scoreQa(output: string, kase: QaCase): ScoreResult {
  if (kase.expected.length === 0) return fail('the case lists no expected answers; add at least one');

  switch (kase.match) {
    case 'exact':
      return scoreByNormalizedText(normalizeAnswer(output), kase.expected, 'exact', (answer, expected) => answer === expected);
    case 'contains':
      return scoreByNormalizedText(normalizeText(output), kase.expected, 'contains', containsOnWordBoundaries);
    case 'regex':
      return scoreByRegex(output, kase.expected);
  }
}

/** Normalises an answer for `exact` matching: `normalizeText`, then one leading answer label dropped. */
export function normalizeAnswer(output: string): string {
  const normalized = normalizeText(output);
  const label = ANSWER_LABEL.exec(normalized);

  return label === null ? normalized : normalizeText(normalized.slice(label[0].length));
}

function scoreByNormalizedText(
  answer: string,
  expected: string[],
  mode: 'exact' | 'contains',
  matches: (answer: string, expected: string) => boolean,
): ScoreResult {
  // An expected that normalises to nothing (only punctuation) would be found in every answer.
  const matched = expected.find((candidate) => {
    const normalized = normalizeText(candidate);
    return normalized !== '' && matches(answer, normalized);
  });
  if (matched !== undefined) return pass(`matched expected ${quoteForReason(matched)} (${mode})`);

  const verb = mode === 'exact' ? 'equals none' : 'contains none';
  return fail(`normalised answer ${quoteForReason(answer)} ${verb} of ${describeExpected(expected)}`);
}

function scoreByRegex(output: string, expected: string[]): ScoreResult {
  const errors: string[] = [];

  for (const pattern of expected) {
    let regex: RegExp;
    try {
      regex = compileRegex(pattern);
    } catch (error) {
      errors.push(`invalid regex ${quoteForReason(pattern)}: ${(error as Error).message}`);
      continue;
    }

    if (regex.test(output)) return pass(`matched expected regex ${quoteForReason(pattern)}`);
  }

  const summary = `answer ${quoteForReason(output)} matches none of ${describeExpected(expected)}`;
  return fail(errors.length === 0 ? summary : `${summary}; ${errors.join('; ')}`);
}

function describeExpected(expected: string[]): string {
  const listed = expected.map((candidate) => quoteForReason(candidate, 40)).join(', ');
  return `${expected.length} expected: ${truncateChars(listed, 120)}`;
}

function pass(reason: string): ScoreResult {
  return { pass: true, score: 1, reason: toOneLine(reason) };
}

function fail(reason: string): ScoreResult {
  return { pass: false, score: 0, reason: toOneLine(reason) };
}

import type { ScoreResult, SummaryCase } from '../types.js';
import {
  collapseWhitespace,
  countChars,
  foldCase,
  removeUnspacedScriptWhitespace,
  toNfkc,
  toOneLine,
  truncateChars,
} from './normalize.js';

/**
 * Scores a summary by its required keywords and its length. Each keyword is one check and the
 * length is one more when `maxChars` or `minChars` is set. The score is the fraction of checks
 * passed, and the answer passes only when all of them do (a case with no checks passes).
 *
 * Keywords match as plain substrings after NFKC, case folding and whitespace collapsing, with the
 * whitespace between two Chinese, Japanese, Korean or Thai characters removed, so `人工 智能`
 * contains `人工智能`. There are no word boundaries, so `refund` also matches `refunds`, because a
 * keyword cannot list its inflected forms. The length is counted in Unicode code points of the
 * trimmed answer, so each Chinese character or emoji counts 1.
 */
export function scoreSummary(output: string, kase: SummaryCase): ScoreResult {
  const summary = normalizeForKeywords(output);
  const missing = kase.mustInclude.filter((keyword) => !summary.includes(normalizeForKeywords(keyword)));

  const length = countChars(output.trim());
  const lengthCheck = checkLength(length, kase.minChars, kase.maxChars);

  const checks = kase.mustInclude.length + (lengthCheck === null ? 0 : 1);
  if (checks === 0) return { pass: true, score: 1, reason: 'no checks configured: no mustInclude, maxChars or minChars' };

  const passed = kase.mustInclude.length - missing.length + (lengthCheck?.pass ? 1 : 0);
  const parts = [describeKeywords(kase.mustInclude.length, missing), lengthCheck?.reason].filter((part) => part !== undefined);
  return { pass: passed === checks, score: passed / checks, reason: toOneLine(parts.join('; ')) };
}

/** Normalises text for keyword search: NFKC, case folding, collapsed whitespace, none between CJK characters. */
export function normalizeForKeywords(text: string): string {
  return removeUnspacedScriptWhitespace(collapseWhitespace(foldCase(toNfkc(text))));
}

function describeKeywords(total: number, missing: string[]): string | undefined {
  if (total === 0) return undefined;
  if (missing.length === 0) return `all ${total} keywords present`;

  return `missing ${missing.length} of ${total} keywords: ${truncateChars(missing.join(', '))}`;
}

function checkLength(length: number, minChars?: number, maxChars?: number): { pass: boolean; reason: string } | null {
  const tooShort = minChars !== undefined && length < minChars;
  const tooLong = maxChars !== undefined && length > maxChars;
  let verdict = '';
  if (tooShort) verdict = ' (too short)';
  if (tooLong) verdict = ' (too long)';

  if (minChars !== undefined && maxChars !== undefined) {
    return { pass: !tooShort && !tooLong, reason: `${length} characters, min ${minChars}, max ${maxChars}${verdict}` };
  }
  if (maxChars !== undefined) return { pass: !tooLong, reason: `${length} of max ${maxChars} characters${verdict}` };
  if (minChars !== undefined) return { pass: !tooShort, reason: `${length} of min ${minChars} characters${verdict}` };

  return null;
}

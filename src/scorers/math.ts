import type { MathCase, MathExtract, ScoreResult } from '../types.js';
import { compileRegex, quoteForReason, toNfkc, toOneLine } from './normalize.js';

/** Relative slack of a numeric comparison, so float rounding (`0.1 + 0.2`) never fails an answer. */
export const FLOAT_EPSILON = 1e-9;

/**
 * Superscript and subscript characters, dropped because NFKC would turn the `²` of `25 m²` into a
 * separate number 2.
 * NOTE: a written power such as `10⁵` therefore reads as 10.
 */
const SUPERSCRIPTS_AND_SUBSCRIPTS = /[\u00B2\u00B3\u00B9\u2070-\u209F]/gu;

/** `\frac{3}{4}` (also `\dfrac`, `\tfrac`) with integer parts, rewritten as `3/4`. */
const LATEX_FRACTION = /\\[dt]?frac\s*\{\s*(-?\d+)\s*\}\s*\{\s*(\d+)\s*\}/gu;

/** A minus sign only when it does not follow a word, a closing bracket or a decimal point (`16-3` is two numbers). */
const SIGN = String.raw`(?:(?<![\w)\]}.])-)?`;

/**
 * One number in prepared answer text. The first alternative is a fraction `a/b` of integers with a
 * nonzero denominator that is not part of a chain such as the date `3/4/2020`. It may start with a
 * currency sign so that the `$` of LaTeX `$3/4$` does not split it. The second is a decimal: an
 * optional currency sign, an integer part with commas only between groups of three digits
 * (`1,234,567`), an optional decimal part (`.5` alone is allowed) and an optional exponent
 * (`1.5e3`). A trailing `%` is never part of the number.
 */
const NUMBER_TOKEN = new RegExp(
  [
    String.raw`(?<![\d/.,])(?<fraction>${SIGN}\p{Sc}?\d+/0*[1-9]\d*)(?![\d/]|[.,]\d)`,
    String.raw`(?<!\d)(?<decimal>${SIGN}\p{Sc}?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+|(?=\.\d))(?:\.\d+)?(?:[eE][-+]?\d+)?)`,
  ].join('|'),
  'gu',
);

/** A number read from an answer or from a case's expected value. */
export interface ParsedNumber {
  /** The number as written, less currency signs and thousands separators (`-1234.50`, `3/4`). */
  text: string;
  value: number;
}

/** The outcome of taking the final number out of an answer: the number, or why there is none. */
export type Extraction = { number: ParsedNumber; label: string } | { failure: string };

/**
 * Prepares answer text for number reading. Superscript and subscript digits are dropped, then NFKC
 * turns full-width `１２` into `12`, `，` into `,` and `￥` into `¥`. The Unicode minus `−` becomes
 * `-` and the fraction slash of `½` becomes `/`. LaTeX `\frac{a}{b}` becomes `a/b`, and `1{,}000`
 * and `1\,000` become `1,000`.
 */
export function prepareMathText(text: string): string {
  const plain = toNfkc(text.replace(SUPERSCRIPTS_AND_SUBSCRIPTS, ''));

  return plain
    .replace(/\u2212/gu, '-')
    .replace(/\u2044/gu, '/')
    .replace(LATEX_FRACTION, '$1/$2')
    .replace(/(?<=\d)(?:\{,\}|\\,)(?=\d{3})/gu, ',');
}

/** Reads every number of prepared text, in order (see `NUMBER_TOKEN` for what counts as one). */
export function findNumbers(preparedText: string): ParsedNumber[] {
  const numbers: ParsedNumber[] = [];

  for (const match of preparedText.matchAll(NUMBER_TOKEN)) {
    const fraction = match.groups?.fraction;
    numbers.push(fraction === undefined ? parseDecimal(match[0]) : parseFraction(fraction));
  }

  return numbers;
}

function parseFraction(token: string): ParsedNumber {
  const text = token.replace(/\p{Sc}/gu, '');
  const [numerator, denominator] = text.split('/');
  return { text, value: Number(numerator) / Number(denominator) };
}

function parseDecimal(token: string): ParsedNumber {
  const text = token.replace(/[\p{Sc},]/gu, '');
  return { text, value: Number(text) };
}

/**
 * Parses text that must contain exactly one number, such as a case's expected value (`"40,000"`,
 * `"-3"`, `"0.5"`, `"3/4"`). Returns null for no number or several, so a loader can reject the case.
 */
export function parseNumber(text: string): ParsedNumber | null {
  const numbers = findNumbers(prepareMathText(text));
  return numbers.length === 1 ? numbers[0]! : null;
}

/**
 * Scores a math answer by its final number: 1 when it equals `kase.expected`, else 0.
 *
 * Extraction (`kase.extract`): `last` (default) or `first` takes that number of the answer.
 * `boxed` takes the content of the last `\boxed{...}`, nested braces included. `regex` takes the
 * last match in the raw answer, and from it the first capture group, or the whole match when the
 * pattern has no group. Boxed content and a regex capture must contain exactly one number, because
 * picking one of several would be a guess, so the answer fails instead.
 *
 * Normalised: full-width forms (NFKC), Unicode minus, currency signs, commas between groups of three
 * digits, a trailing `%`, `a/b` and `\frac{a}{b}` read as fractions. Refused: percentages are not
 * converted (`60%` is 60, never 0.6), words are not numbers (`five`), decimal commas (`3,5`) and
 * space-separated thousands (`1 234`) read as two numbers, and en dashes are not minus signs.
 *
 * Comparison (`kase.compare`): `numeric` passes when |extracted − expected| ≤ tolerance +
 * 1e-9 × max(1, |extracted|, |expected|), so tolerance 0 means equal up to float rounding. `string`
 * compares the numbers' text after the same stripping, so `18.00` does not equal `18` (the rule of
 * the GSM8K authors: the text after `#### ` with commas dropped, compared as strings).
 */
export function scoreMath(output: string, kase: MathCase): ScoreResult {
  const expected = parseNumber(kase.expected);
  if (expected === null) {
    return fail(`expected value ${quoteForReason(kase.expected)} is not a single number; fix the case's expected`);
  }

  const extraction = extractNumber(output, kase.extract ?? { kind: 'last' });
  if ('failure' in extraction) return fail(extraction.failure);

  const { number, label } = extraction;
  const compare = kase.compare ?? 'numeric';
  const tolerance = kase.tolerance ?? 0;
  const pass = compare === 'string' ? number.text === expected.text : numbersMatch(number.value, expected.value, tolerance);

  const expectedPart = compare === 'string' ? `${expected.text}, compared as strings` : withTolerance(expected.text, tolerance);
  return { pass, score: pass ? 1 : 0, reason: toOneLine(`extracted ${number.text} (${label}), expected ${expectedPart}`) };
}

function numbersMatch(actual: number, expected: number, tolerance: number): boolean {
  const slack = FLOAT_EPSILON * Math.max(1, Math.abs(actual), Math.abs(expected));
  return Math.abs(actual - expected) <= tolerance + slack;
}

function withTolerance(expectedText: string, tolerance: number): string {
  return tolerance > 0 ? `${expectedText} ± ${tolerance}` : expectedText;
}

function fail(reason: string): ScoreResult {
  return { pass: false, score: 0, reason: toOneLine(reason) };
}

/** Takes the final number out of the answer as `extract` says. */
export function extractNumber(output: string, extract: MathExtract): Extraction {
  switch (extract.kind) {
    case 'first':
    case 'last':
      return extractFirstOrLast(output, extract.kind);
    case 'boxed':
      return extractBoxed(output);
    case 'regex':
      return extractByRegex(output, extract.pattern);
  }
}

function extractFirstOrLast(output: string, kind: 'first' | 'last'): Extraction {
  const numbers = findNumbers(prepareMathText(output));
  const number = kind === 'first' ? numbers[0] : numbers[numbers.length - 1];

  if (number === undefined) return { failure: 'no number found in the answer' };
  return { number, label: `${kind} number` };
}

function extractBoxed(output: string): Extraction {
  const content = findLastBoxedContent(prepareMathText(output));
  if (content === null) return { failure: 'no complete \\boxed{...} found in the answer' };

  return takeSingleNumber(content, '\\boxed{} content');
}

/**
 * Returns the content of the last-opened `\boxed{...}` whose braces close, or null when there is
 * none. One pass with a stack of open braces, so unclosed boxes cost linear time.
 */
export function findLastBoxedContent(text: string): string | null {
  const opener = '\\boxed{';
  const openGroups: { contentStart: number; boxed: boolean }[] = [];
  let last: { contentStart: number; contentEnd: number } | null = null;

  for (let index = 0; index < text.length; index++) {
    if (text.startsWith(opener, index)) {
      index += opener.length - 1;
      openGroups.push({ contentStart: index + 1, boxed: true });
    } else if (text[index] === '{') {
      openGroups.push({ contentStart: index + 1, boxed: false });
    } else if (text[index] === '}') {
      const group = openGroups.pop();
      if (group?.boxed && (last === null || group.contentStart > last.contentStart)) {
        last = { contentStart: group.contentStart, contentEnd: index };
      }
    }
  }

  return last === null ? null : text.slice(last.contentStart, last.contentEnd);
}

function extractByRegex(output: string, pattern: string): Extraction {
  let regex: RegExp;
  try {
    regex = compileRegex(pattern, 'g');
  } catch (error) {
    return { failure: `invalid extract regex ${quoteForReason(pattern)}: ${(error as Error).message}` };
  }

  const matches = [...output.matchAll(regex)];
  const last = matches[matches.length - 1];
  const shownPattern = quoteForReason(pattern);
  if (last === undefined) return { failure: `extract regex ${shownPattern} did not match the answer` };

  const captured = last.length > 1 ? (last[1] ?? '') : last[0];
  return takeSingleNumber(prepareMathText(captured), `regex ${shownPattern} match`);
}

function takeSingleNumber(preparedText: string, label: string): Extraction {
  const numbers = findNumbers(preparedText);

  if (numbers.length === 1) return { number: numbers[0]!, label };
  if (numbers.length === 0) return { failure: `no number in ${label} ${quoteForReason(preparedText)}` };

  const count = numbers.length;
  return { failure: `${label} ${quoteForReason(preparedText)} contains ${count} numbers; expected exactly one` };
}

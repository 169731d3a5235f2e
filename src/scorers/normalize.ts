// Text helpers shared by the scorers: Unicode normalisation, code-point counting, boundary-aware
// substring search, regex literals and one-line reasons.

/** Maximum length of answer text quoted in a reason, in code points. */
export const REASON_QUOTE_MAX_CHARS = 80;

/**
 * Punctuation stripped from both ends of a normalised answer: quotes, brackets, Markdown emphasis,
 * sentence punctuation, and the CJK forms that NFKC leaves unchanged (。、「」『』【】《》〈〉 and curly
 * quotes). Full-width ！？，：；（） are already ASCII after NFKC. A leading period is kept (`.NET`),
 * and so are `-` `+` `#` `%` `$` `/`, which can be part of an answer (`-3`, `C#`, `C++`, `50%`).
 */
const EDGE_PUNCTUATION = `"'\`()[]{}<>*_,;:!?…—–·。、「」『』【】〔〕〖〗《》〈〉“”‘’«»`;
const TRAILING_ONLY_PUNCTUATION = '.';

/** Scripts written without spaces between words: substring search ignores word boundaries for them. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Regex literal in `/pattern/flags` form; any other string is a pattern without flags. Any letters
 * after the last slash count as flags, so a typo such as `/abc/I` fails to compile instead of
 * silently becoming the pattern `/abc/I`.
 */
const REGEX_LITERAL = /^\/(.+)\/([A-Za-z]*)$/s;

/** Returns the string in Unicode NFKC form, so full-width letters, digits and punctuation become ASCII. */
export function toNfkc(text: string): string {
  return text.normalize('NFKC');
}

/**
 * Case-folds with upper-then-lower casing, which approximates Unicode full case folding
 * (`ß` and `SS` both become `ss`, Greek final sigma matches σ). Locale-independent.
 */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase();
}

/** Trims the text and collapses every run of whitespace, line breaks included, to one space. */
export function collapseWhitespace(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/**
 * Removes whitespace that sits between two characters of unspaced scripts (Chinese, Japanese,
 * Korean Hangul, Thai), so `人工 智能` and `人工智能` compare equal. Other whitespace is kept.
 */
export function removeUnspacedScriptWhitespace(text: string): string {
  return text.replace(
    /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])/gu,
    '',
  );
}

/** Strips `EDGE_PUNCTUATION` and whitespace from both ends, and trailing periods, until none is left. */
export function stripEdgePunctuation(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;

  while (start < end && isEdgeCharacter(chars[start]!, false)) start++;
  while (end > start && isEdgeCharacter(chars[end - 1]!, true)) end--;

  return chars.slice(start, end).join('');
}

function isEdgeCharacter(char: string, trailing: boolean): boolean {
  if (/\s/u.test(char)) return true;
  if (EDGE_PUNCTUATION.includes(char)) return true;
  return trailing && TRAILING_ONLY_PUNCTUATION.includes(char);
}

/**
 * Normalises free text for comparison: NFKC (full-width forms become ASCII), case folding,
 * whitespace trimmed and collapsed to single spaces, then surrounding punctuation stripped
 * (see `stripEdgePunctuation`). Punctuation inside the text, accents and word order are kept.
 */
export function normalizeText(text: string): string {
  const folded = foldCase(toNfkc(text));
  return stripEdgePunctuation(collapseWhitespace(folded));
}

/** Counts Unicode code points, so `人工智能` is 4 and `😀` is 1 (UTF-16 `.length` would say 2). */
export function countChars(text: string): number {
  return [...text].length;
}

/**
 * Finds `needle` in `haystack` where it does not cut a word in half. An end of the needle that is a
 * letter or digit of a spaced script (Latin, Cyrillic, Greek, ...) must not touch another such
 * character, so `paris` is not found in `parisian` and `42` is not found in `420`. Chinese, Japanese,
 * Korean and Thai have no word spaces, so an end in those scripts matches as a plain substring.
 * Both strings are compared as given: normalise them first.
 */
export function containsOnWordBoundaries(haystack: string, needle: string): boolean {
  if (needle === '') return true;

  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) {
    const before = lastCodePoint(haystack.slice(0, index));
    const after = firstCodePoint(haystack.slice(index + needle.length));
    const startsCleanly = !joinsSpacedWord(before, firstCodePoint(needle));
    const endsCleanly = !joinsSpacedWord(lastCodePoint(needle), after);

    if (startsCleanly && endsCleanly) return true;
  }

  return false;
}

function joinsSpacedWord(left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  return isSpacedWordCharacter(left) && isSpacedWordCharacter(right);
}

function isSpacedWordCharacter(char: string): boolean {
  return WORD_CHARACTER.test(char) && !UNSPACED_SCRIPT.test(char);
}

function firstCodePoint(text: string): string | undefined {
  const codePoint = text.codePointAt(0);
  return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
}

function lastCodePoint(text: string): string | undefined {
  const chars = [...text.slice(-2)];
  return chars[chars.length - 1];
}

/**
 * Compiles a user-written regex: `/pattern/flags` uses those flags, any other string is the
 * pattern itself with no flags. `extraFlags` are added when missing (`g` for matchAll). Throws the `SyntaxError` of `new RegExp` for an invalid pattern
 * or flag, so a loader can call this to reject a case early.
 */
export function compileRegex(source: string, extraFlags = ''): RegExp {
  const literal = REGEX_LITERAL.exec(source);
  const pattern = literal ? literal[1]! : source;
  const flags = literal ? literal[2]! : '';
  const missingFlags = [...extraFlags].filter((flag) => !flags.includes(flag)).join('');

  return new RegExp(pattern, flags + missingFlags);
}

/** Collapses text to one line and cuts it to `maxChars` code points, marking a cut with `…`. */
export function truncateChars(text: string, maxChars = REASON_QUOTE_MAX_CHARS): string {
  const line = collapseWhitespace(text);
  const chars = [...line];
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : line;
}

/** Quotes text for a reason as a JSON string of one line, cut by `truncateChars`. */
export function quoteForReason(text: string, maxChars = REASON_QUOTE_MAX_CHARS): string {
  return JSON.stringify(truncateChars(text, maxChars));
}

/** Makes a reason safe to store as one line: every run of whitespace, line breaks included, becomes one space. */
export function toOneLine(reason: string): string {
  return collapseWhitespace(reason);
}

// Escaping of untrusted text (model outputs, reasons, ids) for GitHub Markdown and HTML.
//
// GitHub links `@name` to a user (and notifies them) and `#123` / `GH-123` to an issue. It does so
// on the text of the rendered HTML, after entities are decoded, so `&#64;` alone does not prevent
// a mention. Putting a zero-width space (`&#8203;`) between the sign and the name does, because the
// name no longer follows the sign directly.

/** Options of the escape functions. */
export interface EscapeOptions {
  /** Maximum length in code points, including the `…` that marks a cut. */
  maxChars?: number;
}

export const ELLIPSIS = '…';

const ZERO_WIDTH_SPACE = '&#8203;';

/**
 * C0 and C1 control characters except tab, line feed and carriage return, and the Unicode
 * bidirectional embeddings, overrides and isolates, which can make rendered text read in a
 * different order than it is stored.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const LINE_BREAKS_AND_TABS = /[ \t]*[\r\n\u2028\u2029\t][\s]*/g;

/**
 * Markdown characters escaped with a backslash, `&<>` replaced by entities, and the signs of
 * mentions and issue references followed by a zero-width space. One pass over the input, so an
 * entity inserted here is never escaped again.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]~|&<>]|#(?=\d)|@(?=[A-Za-z0-9])|(?<=\bGH)-(?=\d)/gi;

const HTML_SPECIAL = /[&<>"']|#(?=\d)|@(?=[A-Za-z0-9])|(?<=\bGH)-(?=\d)/gi;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Removes control characters and replaces unpaired UTF-16 surrogates with U+FFFD. */
export function sanitizeText(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Replaces every line break and tab, with the spaces around it, by one space. */
export function collapseLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS_AND_TABS, ' ');
}

/**
 * Cuts `text` to at most `maxChars` code points, the last of them `…`. The cut falls between
 * grapheme clusters, so it never splits a surrogate pair, a flag or an emoji sequence. The result
 * can therefore be a few code points shorter than `maxChars`.
 */
export function truncateCodePoints(text: string, maxChars: number): string {
  if (countCodePoints(text) <= maxChars) {
    return text;
  }
  if (maxChars < 1) {
    return '';
  }

  const budget = maxChars - 1;
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  let prefix = '';
  let prefixLength = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = countCodePoints(segment);
    if (prefixLength + size > budget) {
      break;
    }
    prefix += segment;
    prefixLength += size;
  }

  return prefix.trimEnd() + ELLIPSIS;
}

export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) {
    count++;
  }
  return count;
}

/**
 * Escapes untrusted text for one line of GitHub Markdown: a table cell, a list item or a heading.
 * Line breaks and tabs become spaces, control characters are removed, and the text is cut to
 * `maxChars` code points. Then every Markdown character that changes formatting (including every
 * `|`) gets a backslash, and `&<>` become entities so no HTML gets through. A zero-width space
 * breaks `@mentions` and `#123` references so they neither notify nor link.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const line = prepareLine(text, options);

  const escaped = line.replace(MARKDOWN_SPECIAL, (match) => {
    if (match === '#' || match === '@' || match === '-') {
      return match + ZERO_WIDTH_SPACE;
    }
    return ENTITIES[match] ?? `\\${match}`;
  });

  return escapeBlockStart(escaped);
}

/**
 * Escapes untrusted text for HTML content or a quoted attribute on GitHub, such as `<summary>`,
 * where Markdown backslash escapes would show literally. Same line handling, cut and mention
 * breaking as `escapeMarkdown`.
 */
export function escapeHtmlText(text: string, options: EscapeOptions = {}): string {
  const line = prepareLine(text, options);

  return line.replace(HTML_SPECIAL, (match) => {
    if (match === '#' || match === '@' || match === '-') {
      return match + ZERO_WIDTH_SPACE;
    }
    return ENTITIES[match] ?? match;
  });
}

function prepareLine(text: string, options: EscapeOptions): string {
  const line = collapseLineBreaks(sanitizeText(text)).trim();
  if (options.maxChars === undefined) {
    return line;
  }
  return truncateCodePoints(line, options.maxChars);
}

/**
 * Escapes a marker that would start a heading, list, thematic break or numbered list when the
 * text is the first thing on a line of a list item or paragraph. Table cells ignore these, but
 * the same text can go elsewhere.
 */
function escapeBlockStart(escaped: string): string {
  if (/^(?:#{1,6}(?=\s|$)|[-+](?=[\s-]|$))/.test(escaped)) {
    return `\\${escaped}`;
  }
  return escaped.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

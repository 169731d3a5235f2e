// Code-point helpers, so that Chinese and emoji text is counted, cut and streamed the same way as English.

/** Code points per token of the test server's deterministic token estimate. */
export const CHARS_PER_TOKEN = 4;

/** Estimates tokens as ceil(code points / 4), a fixed rule rather than any real tokenizer. */
export function estimateTokens(codePoints: number): number {
  return Math.ceil(codePoints / CHARS_PER_TOKEN);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Counts code points without allocating. A surrogate pair counts once. */
export function codePointLength(text: string): number {
  let count = 0;

  for (let index = 0; index < text.length; index += 1) {
    if (!(isLowSurrogate(text.charCodeAt(index)) && index > 0 && isHighSurrogate(text.charCodeAt(index - 1)))) {
      count += 1;
    }
  }

  return count;
}

/** UTF-16 index just after the first `codePoints` code points starting at `start`. */
function advance(text: string, start: number, codePoints: number): number {
  let index = start;

  for (let taken = 0; taken < codePoints && index < text.length; taken += 1) {
    const isPair = isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
    index += isPair ? 2 : 1;
  }

  return index;
}

/** Returns the first `codePoints` code points of `text`. */
export function sliceCodePoints(text: string, codePoints: number): string {
  return text.slice(0, advance(text, 0, codePoints));
}

/** Splits `text` into pieces of `size` code points, the last possibly shorter. '' gives no pieces. */
export function splitCodePoints(text: string, size: number): string[] {
  const pieces: string[] = [];

  for (let start = 0; start < text.length; ) {
    const end = advance(text, start, size);
    pieces.push(text.slice(start, end));
    start = end;
  }

  return pieces;
}

// Number formats of the one-line reasons that explain a verdict.

const MINUS_SIGN = '\u2212';

/** Formats a rate or a difference with 3 decimals, dropping one trailing zero: 0.5 → "0.50", 0.625 → "0.625". */
export function formatRate(value: number): string {
  const fixed = Math.abs(value).toFixed(3);
  const trimmed = fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
  return value < 0 && Number(trimmed) !== 0 ? `${MINUS_SIGN}${trimmed}` : trimmed;
}

/** Formats a difference with its sign: "+0.10", "−0.14", and "0.00" for no change. */
export function formatSigned(value: number): string {
  const text = formatRate(value);
  return value > 0 && Number(text) !== 0 ? `+${text}` : text;
}

/** Formats a p-value with 4 decimals, or in exponent form below 0.0001: "0.0020", "2.0e-6". */
export function formatPValue(p: number): string {
  return p >= 0.0001 ? p.toFixed(4) : p.toExponential(1);
}

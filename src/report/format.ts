// Number formats shared by the reports. Fixed to English digits and separators so that a report
// renders the same on every runner, whatever its locale.

export const NO_VALUE = '—';

/**
 * Formats a rate in [0, 1] as a percentage with at most one decimal (`83.3%`, `90%`). A rate
 * below 1 never shows as `100%` and a rate above 0 never shows as `0%`, so a single failure or a
 * single pass stays visible.
 */
export function formatPercent(rate: number): string {
  let percent = Math.round(rate * 1000) / 10;
  if (rate < 1 && percent >= 100) {
    percent = 99.9;
  }
  if (rate > 0 && percent <= 0) {
    percent = 0.1;
  }
  return `${percent}%`;
}

/** Formats a difference of two rates in percentage points, with its sign (`+5 pp`, `−2.5 pp`). */
export function formatPointDelta(delta: number): string {
  const points = Math.round(delta * 1000) / 10;
  if (points === 0) {
    return '±0 pp';
  }
  const sign = points > 0 ? '+' : '−';
  return `${sign}${Math.abs(points)} pp`;
}

/** Formats a change of a rate in percentage points with an arrow for its direction (`▲ +5 pp`, `▼ −2.5 pp`, `±0 pp`). */
export function formatChange(delta: number): string {
  if (delta > 0) {
    return `▲ ${formatPointDelta(delta)}`;
  }
  if (delta < 0) {
    return `▼ ${formatPointDelta(delta)}`;
  }
  return formatPointDelta(delta);
}

/** Formats a latency in milliseconds: `850 ms` below one second, `1.23 s` above. */
export function formatLatency(ms: number | null): string {
  if (ms === null) {
    return NO_VALUE;
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Formats a token count rounded to a whole number, with thousands separators (`12,345`). Written
 * out rather than with Intl.NumberFormat, whose first use costs about 10 ms of start-up.
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  return Math.round(count).toString().replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Formats a cost in US dollars: two decimals from $1, four below, `<$0.0001` for a positive cost
 * that would round to zero, and `—` when the model has no pricing.
 */
export function formatCost(usd: number | null): string {
  if (usd === null) {
    return NO_VALUE;
  }
  if (usd > 0 && usd < 0.0001) {
    return '<$0.0001';
  }
  return `$${usd.toFixed(usd >= 1 ? 2 : 4)}`;
}

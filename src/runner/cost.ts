import type { Pricing, Usage } from '../types.js';
import { estimateCost } from './estimate.js';

/** Cost in USD of one call from its token usage and the model's prices per million tokens. */
export function costOf(usage: Usage | null, pricing: Pricing | undefined): number | null {
  if (!usage || !pricing) return null;
  return roundUsd(estimateCost(usage.prompt_tokens, usage.completion_tokens, pricing));
}

/**
 * Rounds a dollar amount to 12 significant digits, which removes binary floating-point noise
 * (0.000010199999999999999 becomes 0.0000102) and keeps every digit a price can have.
 */
export function roundUsd(usd: number): number {
  return usd === 0 ? 0 : Number(usd.toPrecision(12));
}

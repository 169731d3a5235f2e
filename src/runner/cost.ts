import type { Pricing, Usage } from '../types.js';
import { estimateCost } from './estimate.js';

/** Cost in USD of one call from its token usage and the model's prices per million tokens. */
export function costOf(usage: Usage | null, pricing: Pricing | undefined): number | null {
  if (!usage || !pricing) return null;
  return estimateCost(usage.prompt_tokens, usage.completion_tokens, pricing);
}

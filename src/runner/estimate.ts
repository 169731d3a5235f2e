import type { ChatMessage, ModelConfig, Pricing } from '../types.js';

/** Output tokens assumed for budget and tpm estimates when `max_tokens` is unset and nothing is observed yet. */
const DEFAULT_OUTPUT_TOKENS = 1024;

/**
 * Estimates a prompt's tokens without a tokenizer: one token per CJK character and one per four other
 * characters, plus four per message for the chat format. An estimate for budgets and rate limits only;
 * usage reported by the API replaces it.
 */
export function estimatePromptTokens(messages: ChatMessage[]): number {
  let tokens = 0;
  for (const message of messages) {
    const cjk = message.content.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g)?.length ?? 0;
    tokens += 4 + cjk + Math.ceil((message.content.length - cjk) / 4);
  }
  return tokens;
}

/** The most output tokens a request may use: `max_tokens` / `max_completion_tokens` when set. */
export function outputTokenCap(model: ModelConfig): number | undefined {
  const cap = model.params['max_completion_tokens'] ?? model.params['max_tokens'];
  return typeof cap === 'number' && cap > 0 ? cap : undefined;
}

/** Running estimate of a model's output tokens per call: its cap, else twice the mean seen so far. */
export class OutputTokenEstimate {
  private total = 0;
  private count = 0;

  constructor(private readonly cap: number | undefined) {}

  observe(completionTokens: number): void {
    this.total += completionTokens;
    this.count += 1;
  }

  get value(): number {
    if (this.cap !== undefined) return this.cap;
    return this.count === 0 ? DEFAULT_OUTPUT_TOKENS : Math.ceil((2 * this.total) / this.count);
  }
}

export function estimateCost(promptTokens: number, outputTokens: number, pricing: Pricing): number {
  return (promptTokens * pricing.inputPerMtok + outputTokens * pricing.outputPerMtok) / 1_000_000;
}

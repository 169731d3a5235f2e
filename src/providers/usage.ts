// Token usage: read from an OpenAI-compatible response, or counted locally when the API sends none.

import type { ChatMessage, Usage } from '../types.js';

/**
 * Chat-format overhead added to the text tokens: per message, and once for the primed assistant
 * reply. These are the numbers of OpenAI's "How to count tokens with tiktoken" cookbook for its
 * current chat models; other models' templates differ a little, which is why the result is an estimate.
 */
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING_TOKENS = 3;

type Encoding = typeof import('gpt-tokenizer/encoding/o200k_base');

let encoding: Promise<Encoding> | undefined;

/** Loads the o200k_base encoding (GPT-4o and later) on first use, so start-up does not pay for it. */
function loadEncoding(): Promise<Encoding> {
  encoding ??= import('gpt-tokenizer/encoding/o200k_base');
  return encoding;
}

/**
 * Reads an OpenAI-style `usage` object: `prompt_tokens`, `completion_tokens`, `total_tokens` and,
 * when present, `completion_tokens_details.reasoning_tokens`. Reasoning tokens are part of
 * `completion_tokens`, so they are reported beside it and never added to it. Returns null when the
 * value is not an object.
 */
export function readOpenAiUsage(usage: unknown): Usage | null {
  if (usage === null || typeof usage !== 'object') return null;
  const fields = usage as Record<string, unknown>;
  const prompt = count(fields['prompt_tokens']);
  const completion = count(fields['completion_tokens']);
  const total = count(fields['total_tokens']) || prompt + completion;
  const reasoning = count((fields['completion_tokens_details'] as Record<string, unknown> | null | undefined)?.['reasoning_tokens']);

  const result: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
  if (reasoning > 0) result.reasoning_tokens = reasoning;
  return result;
}

/**
 * Counts the tokens of a call whose API sent no usage, with the o200k_base tokenizer: the messages
 * plus chat-format overhead as prompt tokens, the answer and the thinking text as completion tokens.
 * Text that looks like a special token (`<|endoftext|>`) is counted as plain text. The counts are
 * exact only for models that use o200k_base, so the result is marked `estimated`.
 */
export async function estimateUsage(messages: readonly ChatMessage[], answer: string, reasoning: string | null): Promise<Usage> {
  const { countTokens } = await loadEncoding();
  const countText = (text: string): number => (text === '' ? 0 : countTokens(text, { disallowedSpecial: new Set() }));

  const prompt = messages.reduce((sum, message) => sum + TOKENS_PER_MESSAGE + countText(message.content), REPLY_PRIMING_TOKENS);
  const reasoningTokens = reasoning === null ? 0 : countText(reasoning);
  const completion = countText(answer) + reasoningTokens;

  const usage: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, estimated: true };
  if (reasoningTokens > 0) usage.reasoning_tokens = reasoningTokens;
  return usage;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

// Wire format of the Anthropic Messages API (non-streaming): requests, message bodies and errors.

import type { RequestProblem } from './chat-request.js';
import { contentText, isRecord, positiveInteger, summariseMessages } from './chat-request.js';
import type { CompletionMeta, BodyVariant } from './openai.js';
import type { ChatRequest, ScriptedReply } from './runtime.js';
import { codePointLength } from './text.js';

/**
 * Reads a Messages API request. Returns a problem for what the API rejects with 400 (no model, no
 * positive `max_tokens`, no messages) and for `stream: true`, which the test server does not implement.
 */
export function readAnthropicMessages(body: unknown): ChatRequest | RequestProblem {
  if (!isRecord(body)) {
    return { message: 'The request body must be a JSON object.', param: null };
  }

  if (typeof body.model !== 'string' || body.model === '') {
    return { message: 'model: Field required', param: 'model' };
  }

  const maxTokens = positiveInteger(body.max_tokens);
  if (maxTokens === undefined) {
    return { message: 'max_tokens: Field required (a positive integer)', param: 'max_tokens' };
  }

  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return { message: 'messages: Field required (a non-empty array)', param: 'messages' };
  }

  if (body.stream === true) {
    return { message: 'stream: the llm-bench test server does not stream the Messages API; send stream: false', param: 'stream' };
  }

  const summary = summariseMessages(body.messages);

  return {
    modelId: body.model,
    lastUserText: summary.lastUserText,
    promptCodePoints: summary.codePoints + codePointLength(contentText(body.system)),
    maxTokens,
  };
}

/** Maps an OpenAI-style finish reason to Anthropic's `stop_reason`. Other values pass through. */
function stopReason(finishReason: string): string {
  if (finishReason === 'stop') {
    return 'end_turn';
  }

  return finishReason === 'length' ? 'max_tokens' : finishReason;
}

/** Builds a `message` object. Reasoning content becomes a `thinking` block before the text. */
export function messageBody(meta: CompletionMeta, reply: ScriptedReply, variant: BodyVariant): Record<string, unknown> {
  const content: Record<string, unknown>[] = [];

  if (variant === 'normal' && reply.reasoningContent !== null) {
    // The signature is a fixed placeholder because the test server signs nothing.
    content.push({ type: 'thinking', thinking: reply.reasoningContent, signature: 'llm-bench-test-server' });
  }

  if (variant !== 'empty_choices') {
    content.push({ type: 'text', text: variant === 'empty_content' ? '' : reply.content });
  }

  const body: Record<string, unknown> = {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: meta.model,
    content,
    stop_reason: stopReason(reply.finishReason),
    stop_sequence: null,
  };

  if (reply.usage !== null) {
    body.usage = { input_tokens: reply.usage.prompt_tokens, output_tokens: reply.usage.completion_tokens };
  }

  return body;
}

/** Anthropic's error `type` by HTTP status. */
function anthropicErrorType(status: number): string {
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

/** Builds Anthropic's error body `{type:'error', error:{type,message}}`. */
export function anthropicErrorBody(status: number, message: string): Record<string, unknown> {
  return { type: 'error', error: { type: anthropicErrorType(status), message } };
}

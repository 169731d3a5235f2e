// Anthropic's Messages API, called with one JSON POST per request.

import type { ChatMessage, Completion, ModelConfig } from '../types.js';
import { CallFailure, isTransientStatus, retryAfterMs, type HeaderReader } from '../runner/retry.js';
import { cleanMessage, describeBody, parseJsonBody } from './call-errors.js';
import type { ProviderOptions } from './openai.js';
import { bodyHead, postJson } from './post-json.js';
import { joinReasoning } from './reasoning.js';
import type { CompletionRequest, Provider } from './types.js';
import { unsupportedParameterFailure } from './unsupported-parameter.js';

/** `anthropic-version` header sent unless the model sets `anthropic_version`; the Messages API's current version. */
export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

/** `max_tokens` sent when `params` sets none: the Messages API requires the field. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 1024;

/** Anthropic `stop_reason` → the OpenAI finish reason that rows and reports use. Others pass through. */
const FINISH_REASONS: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  refusal: 'content_filter',
  tool_use: 'tool_calls',
};

/**
 * Calls `POST {base_url}/v1/messages` with `x-api-key` and `anthropic-version`. System turns become
 * the top-level `system` field, `params` are passed through as request fields, and `max_tokens`
 * defaults to 1024. Text blocks are the answer and `thinking` blocks its reasoning, which is kept
 * apart and not scored. Usage `input_tokens` / `output_tokens` become prompt / completion tokens
 * (thinking is billed as output, so it is in `output_tokens`). A failed call throws a CallFailure:
 * HTTP 408, 409, 429 and 5xx (529 is "overloaded") are transient.
 */
export function createAnthropicProvider(model: ModelConfig, options: ProviderOptions): Provider {
  const url = new URL(messagesUrl(model.baseUrl!));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': model.anthropicVersion ?? DEFAULT_ANTHROPIC_VERSION,
  };
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  // A system prompt in the conversation replaces `system` in params.
  const fields = { max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS, ...model.params, model: model.model! };
  const head = bodyHead(fields, ['messages']);
  const headWithoutSystem = bodyHead(fields, ['messages', 'system']);

  return {
    async complete(request: CompletionRequest): Promise<Completion> {
      const body = requestBody(request.messages, head, headWithoutSystem);
      const started = performance.now();
      const { status, headers: responseHeaders, text } = await postJson(url, { headers, body, cancel: request.signal, timeoutS: options.timeoutS, apiKey: options.apiKey });
      const latencyMs = performance.now() - started;

      if (status < 200 || status > 299) throw errorFailure(status, responseHeaders, text, options.apiKey);
      return readMessage(parseJsonBody(text, options.apiKey), latencyMs);
    },
  };
}

/** Appends `/v1/messages` to the base URL; a base URL that already ends in `/v1` gets only `/messages`. */
export function messagesUrl(baseUrl: string): string {
  const root = baseUrl.replace(/\/+$/, '');
  return root.endsWith('/v1') ? `${root}/messages` : `${root}/v1/messages`;
}

/** Builds the request: system turns joined into `system`, `max_tokens` defaulted, then the params. */
/**
 * Builds the Messages API body: system messages go to `system` and the other turns to `messages`,
 * after the model's fields (see `bodyHead`).
 */
function requestBody(messages: readonly ChatMessage[], head: string, headWithoutSystem: string): string {
  const system = messages.filter((message) => message.role === 'system').map((message) => message.content);
  const turns = messages.flatMap((message) => (message.role === 'system' ? [] : [{ role: message.role, content: message.content }]));
  if (system.length === 0) return `${head}"messages":${JSON.stringify(turns)}}`;
  return `${headWithoutSystem}"messages":${JSON.stringify(turns)},"system":${JSON.stringify(system.join('\n\n'))}}`;
}

/** Content block types of a Messages API response that this provider reads; others are skipped. */
interface ContentBlock {
  type?: unknown;
  text?: unknown;
  thinking?: unknown;
}

/**
 * Reads a `message` body. A body that is not a message (no `content` list) is a transient failure,
 * as for the OpenAI provider. An empty `content` list is an empty answer, which the API does send.
 */
function readMessage(body: unknown, latencyMs: number): Completion {
  if (body === null || typeof body !== 'object' || !Array.isArray((body as { content?: unknown }).content)) {
    throw new CallFailure(`malformed response: expected a Messages API message with a content list, got ${describeBody(JSON.stringify(body))}`, { transient: true });
  }
  const message = body as { content: ContentBlock[]; stop_reason?: unknown; usage?: { input_tokens?: unknown; output_tokens?: unknown } };

  const texts = message.content.filter((block) => block?.type === 'text' && typeof block.text === 'string').map((block) => block.text as string);
  const thinking = message.content.filter((block) => block?.type === 'thinking' && typeof block.thinking === 'string').map((block) => block.thinking as string);
  const stopReason = typeof message.stop_reason === 'string' ? message.stop_reason : null;

  return {
    output: texts.join(''),
    reasoning: joinReasoning(...thinking),
    usage: readUsage(message.usage),
    finishReason: stopReason === null ? null : (FINISH_REASONS[stopReason] ?? stopReason),
    latencyMs,
    error: null,
  };
}

function readUsage(usage: { input_tokens?: unknown; output_tokens?: unknown } | undefined): Completion['usage'] {
  if (!usage || typeof usage !== 'object') return null;
  const prompt = typeof usage.input_tokens === 'number' ? usage.input_tokens : 0;
  const completion = typeof usage.output_tokens === 'number' ? usage.output_tokens : 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * Turns an error response into a CallFailure. Anthropic's errors are `{type: 'error', error: {type,
 * message}}`; a body of another shape is quoted. A 400 that rejects a field of `params` stops the model.
 */
function errorFailure(status: number, headers: HeaderReader, text: string, apiKey: string | undefined): CallFailure {
  const detail = errorDetail(text);
  const message = cleanMessage(detail.message, apiKey);

  const configError = unsupportedParameterFailure({ status, message });
  if (configError) return configError;
  const kind = detail.type === undefined ? '' : `${detail.type}: `;
  return new CallFailure(`HTTP ${status}: ${kind}${message}`, { transient: isTransientStatus(status), status, retryAfterMs: retryAfterMs(headers) });
}

function errorDetail(text: string): { type?: string; message: string } {
  try {
    const error = (JSON.parse(text) as { error?: { type?: unknown; message?: unknown } }).error;
    if (error && typeof error.message === 'string') {
      return { type: typeof error.type === 'string' ? error.type : undefined, message: error.message };
    }
  } catch {
    // Not JSON: an HTML page of a proxy, for example; quoted below.
  }
  return { message: text.trim() === '' ? '(empty body)' : describeBody(text) };
}

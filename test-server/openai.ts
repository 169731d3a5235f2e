// Wire format of OpenAI chat completions, also used by Azure OpenAI deployments: requests, bodies, chunks, errors.

import { STATUS_CODES } from 'node:http';

import type { RequestProblem } from './chat-request.js';
import { isRecord, positiveInteger, summariseMessages } from './chat-request.js';
import type { ChatRequest, ScriptedReply, StreamSettings } from './runtime.js';
import { splitCodePoints } from './text.js';

export interface OpenAiChat {
  request: ChatRequest;
  stream: boolean;
  /** `stream_options.include_usage` of the request. */
  includeUsage: boolean;
}

/** Identity shared by a completion and all chunks of its stream. */
export interface CompletionMeta {
  id: string;
  /** Unix time in seconds. */
  created: number;
  model: string;
}

/** Normal reply, or the broken shapes of the `empty_choices` and `empty_content` faults. */
export type BodyVariant = 'normal' | 'empty_choices' | 'empty_content';

/**
 * Reads a chat completion request. `deployment` (Azure) replaces the body's `model` as the model id.
 * Returns a problem for what the API rejects with 400: no model, or `messages` that is not a non-empty array.
 */
export function readOpenAiChat(body: unknown, deployment?: string): OpenAiChat | RequestProblem {
  if (!isRecord(body)) {
    return { message: 'The request body must be a JSON object.', param: null };
  }

  const modelId = deployment ?? body.model;
  if (typeof modelId !== 'string' || modelId === '') {
    return { message: 'you must provide a model parameter', param: 'model' };
  }

  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return { message: "Missing required parameter: 'messages' (a non-empty array).", param: 'messages' };
  }

  const summary = summariseMessages(body.messages);
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};

  return {
    request: {
      modelId,
      lastUserText: summary.lastUserText,
      promptCodePoints: summary.codePoints,
      maxTokens: positiveInteger(body.max_completion_tokens) ?? positiveInteger(body.max_tokens),
    },
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
  };
}

/** Builds a `chat.completion` object. */
export function completionBody(meta: CompletionMeta, reply: ScriptedReply, variant: BodyVariant): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: variant === 'empty_content' ? '' : reply.content,
    refusal: null,
  };

  if (reply.reasoningContent !== null && variant === 'normal') {
    message.reasoning_content = reply.reasoningContent;
  }

  const choices = variant === 'empty_choices' ? [] : [{ index: 0, message, logprobs: null, finish_reason: reply.finishReason }];
  const body: Record<string, unknown> = { id: meta.id, object: 'chat.completion', created: meta.created, model: meta.model, choices };

  if (reply.usage !== null) {
    body.usage = reply.usage;
  }

  return body;
}

function sseEvent(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

/** The stream terminator that OpenAI sends after the last chunk. */
export const SSE_DONE = 'data: [DONE]\n\n';

/**
 * Builds the Server-Sent Events of a streamed completion, `[DONE]` included: a role chunk, reasoning
 * chunks, content chunks, a finish chunk, then a usage chunk when `includeUsage` is set and usage is
 * known. With `includeUsage` every other chunk carries `usage: null`, as OpenAI sends it.
 */
export function completionChunks(
  meta: CompletionMeta,
  reply: ScriptedReply,
  settings: StreamSettings,
  includeUsage: boolean,
  variant: BodyVariant,
): string[] {
  const chunk = (choices: unknown[]): Record<string, unknown> => {
    const body: Record<string, unknown> = { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices };
    if (includeUsage) {
      body.usage = null;
    }
    return body;
  };
  const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => [{ index: 0, delta, logprobs: null, finish_reason: finishReason }];

  if (variant === 'empty_choices') {
    return [sseEvent(chunk([])), SSE_DONE];
  }

  const events = [sseEvent(chunk(choice({ role: 'assistant', content: '' })))];

  if (variant === 'normal') {
    for (const piece of splitCodePoints(reply.reasoningContent ?? '', settings.chunkChars)) {
      events.push(sseEvent(chunk(choice({ reasoning_content: piece }))));
    }
    for (const piece of splitCodePoints(reply.content, settings.chunkChars)) {
      events.push(sseEvent(chunk(choice({ content: piece }))));
    }
  }

  events.push(sseEvent(chunk(choice({}, reply.finishReason))));

  if (includeUsage && settings.usage && reply.usage !== null) {
    events.push(sseEvent({ ...chunk([]), usage: reply.usage }));
  }

  events.push(SSE_DONE);
  return events;
}

/** OpenAI's error `type` and `code` by HTTP status. */
function openAiErrorKind(status: number): { type: string; code: string | null } {
  switch (status) {
    case 401:
      return { type: 'invalid_request_error', code: 'invalid_api_key' };
    case 404:
      return { type: 'invalid_request_error', code: 'model_not_found' };
    case 429:
      return { type: 'requests', code: 'rate_limit_exceeded' };
    default:
      return { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null };
  }
}

/** Builds OpenAI's error body `{error:{message,type,param,code}}`, with `code` chosen by status unless given. */
export function openAiErrorBody(status: number, message: string, param: string | null = null, code?: string | null): Record<string, unknown> {
  const kind = openAiErrorKind(status);
  return { error: { message, type: kind.type, param, code: code === undefined ? kind.code : code } };
}

/** Reason phrases of statuses that Node's `STATUS_CODES` lacks, such as Anthropic's 529. */
const EXTRA_REASON_PHRASES: Record<number, string> = { 529: 'Overloaded' };

/** Message of an injected HTTP error, e.g. "Too Many Requests (injected by the llm-bench test server)". */
export function injectedErrorMessage(status: number): string {
  const phrase = STATUS_CODES[status] ?? EXTRA_REASON_PHRASES[status] ?? `HTTP ${status}`;
  return `${phrase} (injected by the llm-bench test server)`;
}

/** Builds the error body Azure OpenAI sends for gateway errors: `{error:{code,message}}`. */
export function azureErrorBody(code: string, message: string): Record<string, unknown> {
  return { error: { code, message } };
}

export const AZURE_UNAUTHORIZED_MESSAGE =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

export const AZURE_DEPLOYMENT_NOT_FOUND_MESSAGE =
  'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.';

export const AZURE_MISSING_API_VERSION_MESSAGE = 'The api-version query parameter (?api-version=) is required for all requests.';

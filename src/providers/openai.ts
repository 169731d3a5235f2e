import type OpenAI from 'openai';
import { bodyHead, postJson } from './post-json.js';
import type { Completion, ModelConfig } from '../types.js';
import { CallFailure, isTransientStatus, retryAfterMs, type HeaderReader } from '../runner/retry.js';
import { cleanMessage, describeBody, parseJsonBody } from './call-errors.js';
import { reasoningField, separateReasoning } from './reasoning.js';
import type { CompletionRequest, Provider } from './types.js';
import { unsupportedParameterFailure } from './unsupported-parameter.js';
import { VERSION } from '../version.js';
import { readOpenAiUsage } from './usage.js';

export interface ProviderOptions {
  apiKey: string | undefined;
  /** Time limit of one call in seconds, the body or the whole stream included. */
  timeoutS: number;
}

/**
 * Calls an OpenAI-compatible chat-completions API without streaming: `POST {base_url}/chat/completions`
 * with the key as a bearer token and `params` as request fields. Requests are sent with `postJson`,
 * which uses less CPU per request than the `openai` package; streamed models go through the package
 * (openai-client.ts). There are no client retries, because the runner retries with its own policy,
 * counts every retry and honours the server's requested waits. A failed call throws a CallFailure
 * that marks whether a retry may help; the message never contains the API key.
 */
export function createOpenAiProvider(model: ModelConfig, options: ProviderOptions): Provider {
  const url = new URL(`${model.baseUrl!.replace(/\/+$/, '')}/chat/completions`);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': `llm-bench/${VERSION}` };
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
  const head = bodyHead({ ...model.params, model: model.model! }, ['messages', 'stream']);

  return {
    async complete(request: CompletionRequest): Promise<Completion> {
      const body = `${head}"messages":${JSON.stringify(request.messages)},"stream":false}`;
      const started = performance.now();
      const response = await postJson(url, { headers, body, cancel: request.signal, timeoutS: options.timeoutS, apiKey: options.apiKey });
      const latencyMs = performance.now() - started;

      if (response.status < 200 || response.status > 299) throw errorResponseFailure(response.status, response.headers, response.text, options.apiKey);
      return readChoice(parseJsonBody(response.text, options.apiKey), latencyMs);
    },
  };
}

/** Message fields of reasoning models that the `openai` types do not declare. */
interface ReasoningMessage {
  content?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
}

/**
 * Reads the first choice. A body that is not a chat completion (an HTML error page, no `choices`)
 * is a transient failure, as proxies send those under load; an empty or filtered answer is not: it
 * is scored like any other answer, and its finish reason is kept on the row. The thinking text
 * (`message.reasoning_content`, `message.reasoning`, or a leading `<think>` block) is kept apart.
 */
export function readChoice(response: unknown, latencyMs: number): Completion {
  if (response === null || typeof response !== 'object') {
    throw new CallFailure(`malformed response: expected a JSON chat completion, got ${describeBody(response)}`, { transient: true });
  }
  const body = response as OpenAI.ChatCompletion;
  const choice = body.choices?.[0];
  if (!choice) throw new CallFailure('malformed response: no choices', { transient: true });

  const message = (choice.message ?? {}) as ReasoningMessage;
  const content = typeof message.content === 'string' ? message.content : '';
  const { answer, reasoning } = separateReasoning(content, reasoningField(message));
  return { output: answer, reasoning, usage: readOpenAiUsage(body.usage), finishReason: choice.finish_reason ?? null, latencyMs, error: null };
}

/**
 * Turns an error response of the JSON path into a CallFailure, reading it as the `openai` package
 * does: the message of OpenAI's `{error: {message, param, code}}`, else the body itself. A 400 that
 * rejects a field of `params` stops the model.
 */
function errorResponseFailure(status: number, headers: HeaderReader, text: string, apiKey: string | undefined): CallFailure {
  const error = errorObject(text);
  const detail = typeof error?.message === 'string' ? error.message : error !== undefined ? JSON.stringify(error) : text.trim() === '' ? '(empty body)' : text;
  const message = cleanMessage(detail, apiKey);

  const param = typeof error?.param === 'string' ? error.param : undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const configError = unsupportedParameterFailure({ status, message, param, code });
  if (configError) return configError;
  return new CallFailure(`HTTP ${status}: ${message}`, { transient: isTransientStatus(status), status, retryAfterMs: retryAfterMs(headers) });
}

/** Returns the `error` object of an OpenAI-style error body, or undefined when the body has none. */
function errorObject(text: string): { message?: unknown; param?: unknown; code?: unknown } | undefined {
  try {
    const error = (JSON.parse(text) as { error?: unknown } | null)?.error;
    return error !== null && typeof error === 'object' ? error : undefined;
  } catch {
    return undefined;
  }
}

import OpenAI from 'openai';
import { httpFetch } from './http-fetch.js';
import type { Completion, ModelConfig } from '../types.js';
import { CallFailure, isTransientStatus, retryAfterMs } from '../runner/retry.js';
import { abortFailure, callSignals, cleanMessage, connectionDetail, describeBody, transportFailure, type CallSignals } from './call-errors.js';
import { readStream } from './openai-stream.js';
import { reasoningField, separateReasoning } from './reasoning.js';
import type { CompletionRequest, Provider } from './types.js';
import { unsupportedParameterFailure } from './unsupported-parameter.js';
import { readOpenAiUsage } from './usage.js';

export interface ProviderOptions {
  apiKey: string | undefined;
  /** Time limit of one call in seconds, the body or the whole stream included. */
  timeoutS: number;
}

/**
 * Calls an OpenAI-compatible chat-completions API through the `openai` package. `params` are passed
 * through as request fields. The package's own retries are off: the runner retries with its policy,
 * counts every retry and honours the server's requested waits. A failed call throws a CallFailure
 * that says whether it is worth retrying; the message never contains the API key.
 */
export function createOpenAiProvider(model: ModelConfig, options: ProviderOptions): Provider {
  const client = new OpenAI({
    baseURL: model.baseUrl,
    // Local servers often need no key; the package insists on one, so send a placeholder.
    apiKey: options.apiKey ?? 'no-key',
    timeout: options.timeoutS * 1000,
    maxRetries: 0,
    // Every error is classified and reported by the runner; the package's own console log would repeat it.
    logLevel: 'off',
    fetch: httpFetch,
  });
  return createChatCompletionsProvider(client, model, options);
}

/**
 * Sends each request through a configured client of the chat-completions API (OpenAI-compatible or
 * Azure OpenAI): streamed with `stream_options.include_usage` when the model sets `stream`, else as
 * one response.
 */
export function createChatCompletionsProvider(client: OpenAI, model: ModelConfig, options: ProviderOptions): Provider {
  return {
    async complete(request: CompletionRequest): Promise<Completion> {
      const signals = callSignals(request.signal, options.timeoutS);
      const params = model.params as Record<string, unknown>;
      const body = { ...params, model: model.model!, messages: request.messages };
      const started = performance.now();

      try {
        if (model.stream) {
          const streamOptions = { ...(params['stream_options'] as object | undefined), include_usage: true };
          const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: streamOptions }, { signal: signals.combined });
          return await readStream(stream, { started, messages: request.messages, signals, apiKey: options.apiKey });
        }
        const response = await client.chat.completions.create({ ...body, stream: false }, { signal: signals.combined });
        return readChoice(response, performance.now() - started);
      } catch (error) {
        throw toCallFailure(error, signals, options.apiKey);
      } finally {
        signals.dispose();
      }
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
function readChoice(response: unknown, latencyMs: number): Completion {
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
 * Classifies an error of the `openai` package: cancelled or timed out, HTTP status (a 400 that
 * rejects a field of `params` stops the model), connection, or unreadable body.
 */
export function toCallFailure(error: unknown, signals: CallSignals, apiKey: string | undefined): CallFailure {
  if (error instanceof CallFailure) return error;
  const aborted = abortFailure(signals);
  if (aborted) return aborted;

  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new CallFailure(`request timed out after ${signals.timeoutS} s`, { transient: true });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause instanceof Error ? connectionDetail(error.cause) : error.message;
    return new CallFailure(cleanMessage(`connection failed: ${cause}`, apiKey), { transient: true, connection: true });
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return statusFailure(error, apiKey);
  }
  return transportFailure(error, apiKey);
}

function statusFailure(error: InstanceType<typeof OpenAI.APIError>, apiKey: string | undefined): CallFailure {
  const status = error.status!;
  // The package's message starts with the status ("400 Unsupported parameter ..."); it is shown once.
  const text = error.message.startsWith(`${status} `) ? error.message.slice(`${status} `.length) : error.message;
  const message = cleanMessage(text, apiKey);

  const configError = unsupportedParameterFailure({ status, message, param: error.param, code: error.code });
  if (configError) return configError;
  return new CallFailure(`HTTP ${status}: ${message}`, { transient: isTransientStatus(status), status, retryAfterMs: retryAfterMs(error.headers) });
}

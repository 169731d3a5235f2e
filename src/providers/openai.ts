import OpenAI from 'openai';
import type { Completion, ModelConfig } from '../types.js';
import { redact } from '../secrets.js';
import { CallFailure, isTransientStatus, retryAfterMs } from '../runner/retry.js';
import type { CompletionRequest, Provider } from './types.js';

/**
 * Calls an OpenAI-compatible chat-completions API through the `openai` package. `params` are passed
 * through as request fields. The package's own retries are off: the runner retries with its policy,
 * counts every retry and honours the server's requested waits. A failed call throws a CallFailure
 * that says whether it is worth retrying; the message never contains the API key.
 */
export function createOpenAiProvider(model: ModelConfig, options: { apiKey: string | undefined; timeoutS: number }): Provider {
  const client = new OpenAI({
    baseURL: model.baseUrl,
    // Local servers often need no key; the package insists on one, so send a placeholder.
    apiKey: options.apiKey ?? 'no-key',
    timeout: options.timeoutS * 1000,
    maxRetries: 0,
  });

  return {
    async complete(request: CompletionRequest): Promise<Completion> {
      const started = performance.now();
      let response: unknown;
      try {
        response = await client.chat.completions.create({
          ...(model.params as object),
          model: model.model!,
          messages: request.messages,
          stream: false,
        }, { signal: request.signal });
      } catch (error) {
        throw toCallFailure(error, options.timeoutS, options.apiKey);
      }
      return readChoice(response, performance.now() - started);
    },
  };
}

/**
 * Reads the first choice. A body that is not a chat completion (an HTML error page, no `choices`)
 * is a transient failure, as proxies send those under load; an empty or filtered answer is not: it
 * is scored like any other answer, and its finish reason is kept on the row.
 */
function readChoice(response: unknown, latencyMs: number): Completion {
  if (response === null || typeof response !== 'object') {
    throw new CallFailure(`malformed response: expected a JSON chat completion, got ${describeBody(response)}`, { transient: true });
  }
  const body = response as OpenAI.ChatCompletion;
  const choice = body.choices?.[0];
  if (!choice) throw new CallFailure('malformed response: no choices', { transient: true });

  const usage = body.usage
    ? { prompt_tokens: body.usage.prompt_tokens ?? 0, completion_tokens: body.usage.completion_tokens ?? 0, total_tokens: body.usage.total_tokens ?? 0 }
    : null;
  const content = choice.message?.content;
  return { output: typeof content === 'string' ? content : '', usage, finishReason: choice.finish_reason ?? null, latencyMs, error: null };
}

function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : String(body);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** Classifies an error of the openai package: HTTP status, timeout, connection or unreadable body. */
function toCallFailure(error: unknown, timeoutS: number, apiKey: string | undefined): CallFailure {
  const clean = (text: string): string => redact(firstLine(text), [apiKey]);

  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new CallFailure(`request timed out after ${timeoutS} s`, { transient: true });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause instanceof Error ? error.cause.message : error.message;
    return new CallFailure(clean(`connection failed: ${cause}`), { transient: true });
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return new CallFailure(clean(`HTTP ${error.status}: ${error.message}`), {
      transient: isTransientStatus(error.status),
      status: error.status,
      retryAfterMs: retryAfterMs(error.headers),
    });
  }
  // Checked by name, not instanceof: JSON.parse's SyntaxError may come from another realm (jest's VM).
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (name === 'SyntaxError') {
    return new CallFailure(clean(`malformed response: the body is not valid JSON (${String(message)})`), { transient: true });
  }
  return new CallFailure(clean(typeof message === 'string' ? message : String(error)), { transient: false });
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

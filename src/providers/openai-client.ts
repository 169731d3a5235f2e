// The providers that go through the `openai` package: streamed OpenAI-compatible models and Azure
// OpenAI. This module is loaded only when a config has such a model, so that other runs do not pay
// for loading the package at start-up.

import OpenAI, { AzureOpenAI } from 'openai';
import type { Completion, ModelConfig } from '../types.js';
import { CallFailure, isTransientStatus, retryAfterMs } from '../runner/retry.js';
import { abortFailure, callSignals, cleanMessage, connectionDetail, transportFailure, type CallSignals } from './call-errors.js';
import { httpFetch } from './http-fetch.js';
import { readChoice, type ProviderOptions } from './openai.js';
import { readStream } from './openai-stream.js';
import type { CompletionRequest, Provider } from './types.js';
import { unsupportedParameterFailure } from './unsupported-parameter.js';

/** Creates the provider of a streamed OpenAI-compatible model, whose event stream the package reads. */
export function createStreamingOpenAiProvider(model: ModelConfig, options: ProviderOptions): Provider {
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
 * Calls an Azure OpenAI deployment: `POST {endpoint}/openai/deployments/{deployment}/chat/completions
 * ?api-version={api_version}` with the key in the `api-key` header, through the package's
 * AzureOpenAI client. Requests, streaming, responses and errors are those of the OpenAI provider.
 */
export function createAzureProvider(model: ModelConfig, options: ProviderOptions): Provider {
  const client = new AzureOpenAI({
    // baseURL is given rather than `endpoint`, so that an OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT
    // in the environment never changes where requests go.
    baseURL: `${model.endpoint!.replace(/\/+$/, '')}/openai`,
    deployment: model.deployment!,
    apiVersion: model.apiVersion!,
    // The config check requires api_key_env for Azure; the placeholder only keeps the client from
    // reading AZURE_OPENAI_API_KEY when the variable is empty.
    apiKey: options.apiKey || 'no-key',
    timeout: options.timeoutS * 1000,
    maxRetries: 0,
    logLevel: 'off',
    fetch: httpFetch,
  });
  return createChatCompletionsProvider(client, model, options);
}

/**
 * Sends each request through a configured client of the chat-completions API (a streamed
 * OpenAI-compatible model, or Azure OpenAI): streamed with `stream_options.include_usage` when the
 * model sets `stream`, else as one response.
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

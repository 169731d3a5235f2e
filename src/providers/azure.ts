import { AzureOpenAI } from 'openai';
import type { ModelConfig } from '../types.js';
import { createChatCompletionsProvider, type ProviderOptions } from './openai.js';
import type { Provider } from './types.js';

/**
 * Calls an Azure OpenAI deployment: `POST {endpoint}/openai/deployments/{deployment}/chat/completions
 * ?api-version={api_version}` with the key in the `api-key` header, through the `openai` package's
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
  });
  return createChatCompletionsProvider(client, model, options);
}

import type { Config, ModelConfig } from '../types.js';
import { createAnthropicProvider } from './anthropic.js';
import { createOpenAiProvider } from './openai.js';
import { createReplayProvider } from './replay.js';
import type { Provider } from './types.js';

/**
 * Creates the provider for one configured model: a replay of recorded answers when `outputs` is set,
 * else the API client for its `provider` kind. The API key is read here, once, from `api_key_env`.
 * Streamed and Azure models load the `openai` package here, on first use.
 */
export async function createProvider(model: ModelConfig, config: Config, env: NodeJS.ProcessEnv): Promise<Provider> {
  if (model.outputs !== undefined) return createReplayProvider(model);
  const options = { apiKey: model.apiKeyEnv === undefined ? undefined : env[model.apiKeyEnv], timeoutS: config.timeoutS };

  switch (model.provider) {
    case 'anthropic':
      return createAnthropicProvider(model, options);
    case 'azure':
      return (await import('./openai-client.js')).createAzureProvider(model, options);
    case 'openai':
      return model.stream ? (await import('./openai-client.js')).createStreamingOpenAiProvider(model, options) : createOpenAiProvider(model, options);
  }
}

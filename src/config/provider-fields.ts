// Fields each `provider` of an API model needs, and the fields that belong to another provider.

import { showValue } from '../errors.js';
import type { RawModel } from './schema.js';

/** A problem with one field of a model; `load.ts` adds the file, line and field path. */
export interface FieldProblem {
  field: string;
  problem: string;
  fix: string;
}

const AZURE_ONLY = ['endpoint', 'deployment', 'api_version'] as const;

/**
 * Checks the fields of a model that calls an API (one without `outputs`). The `openai` and `anthropic`
 * providers need `base_url` and `model`. The `azure` provider needs `endpoint`, `deployment`,
 * `api_version` and `api_key_env`, and takes no `base_url`. Fields of another provider are rejected,
 * so that a typo in `provider` cannot send requests elsewhere. `stream` works with `openai` and `azure` only.
 */
export function checkProviderFields(model: RawModel): FieldProblem[] {
  return model.provider === 'azure' ? checkAzure(model) : checkBaseUrlProvider(model);
}

function checkBaseUrlProvider(model: RawModel): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const provider = model.provider;
  const example = provider === 'anthropic' ? 'https://api.anthropic.com' : 'https://api.openai.com/v1';

  if (model.base_url === undefined) {
    problems.push({ field: 'base_url', problem: 'missing: a model that calls an API needs base_url', fix: `set base_url (e.g. ${example}), or set outputs: FILE to score recorded answers` });
  }
  if (model.model === undefined) {
    const id = provider === 'anthropic' ? 'claude-sonnet-4-5' : 'gpt-5-chat';
    problems.push({ field: 'model', problem: 'missing: a model that calls an API needs the model id', fix: `set model (the id the API expects, e.g. ${id})` });
  }
  for (const field of AZURE_ONLY) {
    if (model[field] !== undefined) {
      problems.push({ field, problem: `${field} is only used by provider: azure, and this model has provider: ${provider}`, fix: `set provider: azure for an Azure OpenAI deployment, or remove ${field}` });
    }
  }
  if (provider !== 'anthropic' && model.anthropic_version !== undefined) {
    problems.push({ field: 'anthropic_version', problem: `anthropic_version is only used by provider: anthropic, and this model has provider: ${provider}`, fix: 'set provider: anthropic, or remove anthropic_version' });
  }
  if (provider === 'anthropic' && model.stream === true) {
    problems.push({ field: 'stream', problem: 'stream: true is not supported with provider: anthropic; its answers are read as one response', fix: 'remove stream, or use provider: openai or azure to measure the time to first token' });
  }
  return problems;
}

function checkAzure(model: RawModel): FieldProblem[] {
  const problems: FieldProblem[] = [];

  if (model.base_url !== undefined) {
    problems.push({ field: 'base_url', problem: `provider: azure takes endpoint, not base_url (${showValue(model.base_url)})`, fix: 'move the resource URL to endpoint (e.g. https://myres.openai.azure.com); the /openai/deployments/... path is built from deployment' });
  }
  if (model.endpoint === undefined) {
    problems.push({ field: 'endpoint', problem: 'missing: an Azure OpenAI model needs endpoint', fix: 'set endpoint to the resource URL, e.g. https://myres.openai.azure.com' });
  }
  if (model.deployment === undefined) {
    problems.push({ field: 'deployment', problem: 'missing: an Azure OpenAI model needs deployment', fix: 'set deployment to the deployment name shown in the Azure AI Foundry portal' });
  }
  if (model.api_version === undefined) {
    problems.push({ field: 'api_version', problem: 'missing: an Azure OpenAI model needs api_version', fix: 'set api_version to an Azure OpenAI API version, e.g. 2024-10-21' });
  }
  if (model.api_key_env === undefined) {
    problems.push({ field: 'api_key_env', problem: 'missing: an Azure OpenAI model needs an API key', fix: 'set api_key_env to the environment variable that holds the key, e.g. AZURE_OPENAI_API_KEY' });
  }
  if (model.anthropic_version !== undefined) {
    problems.push({ field: 'anthropic_version', problem: 'anthropic_version is only used by provider: anthropic, and this model has provider: azure', fix: 'remove anthropic_version' });
  }
  return problems;
}

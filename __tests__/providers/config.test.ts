// Config fields of the providers: what each provider needs, what belongs to another, and defaults.

import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { InputErrors } from '../../src/errors.js';
import type { Config } from '../../src/types.js';
import { makeTempDir } from '../helpers/files.js';

async function load(models: string, env: NodeJS.ProcessEnv = { KEY: 'k' }): Promise<Config> {
  const temp = await makeTempDir({ 'llm-bench.yml': `suite: prompts/\nmodels:\n${models}` });
  try {
    return await loadConfig(path.join(temp.dir, 'llm-bench.yml'), { env });
  } finally {
    await temp.remove();
  }
}

async function errorsFor(models: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  try {
    await load(models, env);
  } catch (error) {
    // Messages start with the absolute path of the temporary config; the folder is dropped.
    if (error instanceof InputErrors) return error.errors.map((item) => item.message.slice(item.message.indexOf('llm-bench.yml')));
    throw error;
  }
  return [];
}

const AZURE = `  - name: az
    provider: azure
    endpoint: https://myres.openai.azure.com
    deployment: gpt-4o-prod
    api_version: 2024-10-21
    api_key_env: KEY
`;

describe('provider config', () => {
  test('openai is the default, not streamed', async () => {
    const config = await load('  - { name: m, base_url: "http://127.0.0.1:1/v1", model: m }\n');

    expect(config.models[0]!.provider).toBe('openai');
    expect(config.models[0]!.stream).toBe(false);
  });

  test('azure fields become settings', async () => {
    const config = await load(AZURE);

    expect(config.models[0]).toMatchObject({
      provider: 'azure',
      endpoint: 'https://myres.openai.azure.com',
      deployment: 'gpt-4o-prod',
      apiVersion: '2024-10-21',
      model: 'gpt-4o-prod',
      baseUrl: undefined,
    });
  });

  test('azure endpoint expands variables', async () => {
    const config = await load(AZURE.replace('https://myres.openai.azure.com', '"https://${RESOURCE}.openai.azure.com"'), { KEY: 'k', RESOURCE: 'res2' });

    expect(config.models[0]!.endpoint).toBe('https://res2.openai.azure.com');
  });

  test('azure endpoint variable unset', async () => {
    const messages = await errorsFor(AZURE.replace('https://myres.openai.azure.com', '"https://${RESOURCE}.openai.azure.com"'));

    expect(messages).toEqual([expect.stringMatching(/llm-bench\.yml:5: models\[0\]\.endpoint: environment variable RESOURCE .* is not set or empty\. Fix: set RESOURCE/)]);
  });

  test('azure without deployment names line, field and fix', async () => {
    const messages = await errorsFor(AZURE.replace('    deployment: gpt-4o-prod\n', ''));

    expect(messages).toEqual(['llm-bench.yml:3: models[0].deployment: missing: an Azure OpenAI model needs deployment. Fix: set deployment to the deployment name shown in the Azure AI Foundry portal']);
  });

  test('azure missing endpoint, api_version and key', async () => {
    const messages = await errorsFor('  - { name: az, provider: azure, deployment: d }\n');

    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/models\[0\]\.endpoint: missing: .*Fix: set endpoint to the resource URL/);
    expect(messages[1]).toMatch(/models\[0\]\.api_version: missing: .*Fix: set api_version to an Azure OpenAI API version, e\.g\. 2024-10-21/);
    expect(messages[2]).toMatch(/models\[0\]\.api_key_env: missing: .*Fix: set api_key_env/);
  });

  test('azure rejects base_url', async () => {
    const messages = await errorsFor(`${AZURE}    base_url: https://myres.openai.azure.com/openai\n`);

    expect(messages).toEqual([expect.stringMatching(/^llm-bench\.yml:9: models\[0\]\.base_url: provider: azure takes endpoint, not base_url .*Fix: move the resource URL to endpoint/)]);
  });

  test('openai rejects azure fields', async () => {
    const messages = await errorsFor('  - { name: m, base_url: "http://127.0.0.1:1/v1", model: m, deployment: d }\n');

    expect(messages).toEqual(['llm-bench.yml:3: models[0].deployment: deployment is only used by provider: azure, and this model has provider: openai. Fix: set provider: azure for an Azure OpenAI deployment, or remove deployment']);
  });

  test('anthropic needs base_url and model', async () => {
    const messages = await errorsFor('  - { name: c, provider: anthropic }\n');

    expect(messages).toEqual([
      'llm-bench.yml:3: models[0].base_url: missing: a model that calls an API needs base_url. Fix: set base_url (e.g. https://api.anthropic.com), or set outputs: FILE to score recorded answers',
      'llm-bench.yml:3: models[0].model: missing: a model that calls an API needs the model id. Fix: set model (the id the API expects, e.g. claude-sonnet-4-5)',
    ]);
  });

  test('anthropic rejects stream', async () => {
    const messages = await errorsFor('  - { name: c, provider: anthropic, base_url: "http://127.0.0.1:1", model: c, stream: true }\n');

    expect(messages).toEqual([expect.stringMatching(/models\[0\]\.stream: stream: true is not supported with provider: anthropic.*Fix: remove stream/)]);
  });

  test('anthropic_version only for anthropic', async () => {
    const messages = await errorsFor('  - { name: m, base_url: "http://127.0.0.1:1/v1", model: m, anthropic_version: "2023-06-01" }\n');

    expect(messages).toEqual([expect.stringMatching(/models\[0\]\.anthropic_version: anthropic_version is only used by provider: anthropic/)]);
  });

  test('unknown provider lists the choices', async () => {
    const messages = await errorsFor('  - { name: m, provider: gemini, base_url: "http://127.0.0.1:1/v1", model: m }\n');

    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/models\[0\]\.provider/);
    expect(messages[0]).toMatch(/openai.*anthropic.*azure/);
  });
});

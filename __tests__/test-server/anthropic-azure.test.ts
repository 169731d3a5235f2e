import { AzureOpenAI } from 'openai';

import { startTestServer } from '../../test-server/server.js';
import type { TestServer } from '../../test-server/server.js';
import type { TestScript } from '../../test-server/script.js';

const SCRIPT: TestScript = {
  require_api_key: 'secret-test-key',
  models: {
    'claude-test': {
      rules: [
        { match: 'capital of france', flags: 'i', reply: 'Paris.' },
        { contains: 'think', reply: 'x = 4', reasoning_content: 'Subtract 3, then halve.' },
        { contains: 'overload', faults: [{ status: 529 }] },
        { contains: 'rate', faults: [{ status: 429, retry_after: '3' }] },
        { contains: 'empty', faults: [{ kind: 'empty_choices' }] },
      ],
      default: 'I am a scripted Claude.',
    },
    'gpt-4o-deployment': {
      rules: [{ contains: 'capital', reply: 'Paris.' }],
      faults: [],
      default: 'Azure default.',
    },
    'azure-flaky': { faults: [{ status: 429, retry_after: '1' }], default: 'never' },
  },
};

const ANTHROPIC_HEADERS = { 'x-api-key': 'secret-test-key', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

let server: TestServer;

function postMessages(body: Record<string, unknown>, headers: Record<string, string> = ANTHROPIC_HEADERS): Promise<Response> {
  return fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function postAzure(deployment: string, query: string, headers: Record<string, string> = { 'api-key': 'secret-test-key' }): Promise<Response> {
  return fetch(`${server.url}/openai/deployments/${deployment}/chat/completions${query}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
  });
}

beforeAll(async () => {
  server = await startTestServer({ script: SCRIPT });
});

afterAll(async () => {
  await server.close();
});

describe('Anthropic Messages API', () => {
  test('answers with a text block', async () => {
    const response = await postMessages({
      model: 'claude-test',
      max_tokens: 100,
      system: 'Answer briefly.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is the CAPITAL of France?' }] }],
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: expect.stringMatching(/^msg_/) as unknown,
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [{ type: 'text', text: 'Paris.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      // 15 system + 30 message code points → 12 tokens, and "Paris." → 2 tokens.
      usage: { input_tokens: 12, output_tokens: 2 },
    });
  });

  test('thinking block comes before the text', async () => {
    const response = await postMessages({ model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: 'think hard' }] });
    const body = (await response.json()) as { content: { type: string; thinking?: string; text?: string }[] };

    expect(body.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(body.content[0].thinking).toBe('Subtract 3, then halve.');
    expect(body.content[1].text).toBe('x = 4');
  });

  test('max_tokens cut reports stop_reason max_tokens', async () => {
    const response = await postMessages({ model: 'claude-test', max_tokens: 2, messages: [{ role: 'user', content: 'who are you' }] });
    const body = (await response.json()) as { content: { text: string }[]; stop_reason: string };

    expect(body.content[0].text).toBe('I am a s');
    expect(body.stop_reason).toBe('max_tokens');
  });

  test('529 overloaded in Anthropic error shape', async () => {
    const response = await postMessages({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'overload' }] });

    expect(response.status).toBe(529);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded (injected by the llm-bench test server)' },
    });
  });

  test('429 sends rate_limit_error and Retry-After', async () => {
    const response = await postMessages({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'rate me' }] });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
  });

  test('empty_choices sends no content blocks', async () => {
    const response = await postMessages({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'empty' }] });

    expect(((await response.json()) as { content: unknown[] }).content).toEqual([]);
  });

  test('wrong x-api-key gets authentication_error', async () => {
    const response = await postMessages(
      { model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
      { ...ANTHROPIC_HEADERS, 'x-api-key': 'wrong' },
    );

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
  });

  test('Bearer key alone is not accepted', async () => {
    const { 'x-api-key': _unused, ...headers } = ANTHROPIC_HEADERS;
    const response = await postMessages(
      { model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
      { ...headers, authorization: 'Bearer secret-test-key' },
    );

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('x-api-key header is required');
  });

  test('missing anthropic-version gets 400', async () => {
    const { 'anthropic-version': _unused, ...headers } = ANTHROPIC_HEADERS;
    const response = await postMessages({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }, headers);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  test('missing max_tokens and streaming get 400', async () => {
    const noMax = await postMessages({ model: 'claude-test', messages: [{ role: 'user', content: 'hi' }] });
    const stream = await postMessages({ model: 'claude-test', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hi' }] });

    expect(noMax.status).toBe(400);
    expect(((await noMax.json()) as { error: { message: string } }).error.message).toContain('max_tokens');
    expect(stream.status).toBe(400);
  });

  test('unknown model gets not_found_error', async () => {
    const response = await postMessages({ model: 'claude-missing', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'not_found_error', message: 'model: claude-missing' } });
  });
});

describe('Azure OpenAI deployments', () => {
  test('AzureOpenAI client gets the deployment rules', async () => {
    const client = new AzureOpenAI({
      endpoint: server.url,
      apiKey: 'secret-test-key',
      apiVersion: '2024-10-21',
      deployment: 'gpt-4o-deployment',
      maxRetries: 0,
    });
    const completion = await client.chat.completions.create({ model: 'ignored-by-azure', messages: [{ role: 'user', content: 'capital?' }] });
    const request = server.requests.at(-1);

    expect(completion.choices[0].message.content).toBe('Paris.');
    expect(completion.model).toBe('gpt-4o-deployment');
    expect(request?.path).toBe('/openai/deployments/gpt-4o-deployment/chat/completions?api-version=2024-10-21');
    expect(request?.headers['api-key']).toBe('secret-test-key');
  });

  test('missing api-version gets 400', async () => {
    const response = await postAzure('gpt-4o-deployment', '');

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MissingApiVersionParameter');
  });

  test('wrong api-key gets 401', async () => {
    const response = await postAzure('gpt-4o-deployment', '?api-version=2024-10-21', { 'api-key': 'wrong' });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('401');
  });

  test('unknown deployment gets DeploymentNotFound', async () => {
    const response = await postAzure('no-such-deployment', '?api-version=2024-10-21');

    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('DeploymentNotFound');
  });

  test('injected 429 uses the status as code', async () => {
    const response = await postAzure('azure-flaky', '?api-version=2024-10-21');

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('429');
  });
});

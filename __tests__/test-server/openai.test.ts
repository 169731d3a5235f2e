import OpenAI, { APIError } from 'openai';

import { startTestServer } from '../../test-server/server.js';
import type { TestServer } from '../../test-server/server.js';
import type { TestScript } from '../../test-server/script.js';

const SCRIPT: TestScript = {
  seed: 1,
  require_api_key: 'test-key',
  models: {
    'good-model': {
      rules: [
        { match: '2x \\+ 3 = 11', reply: '2x = 8, so x = 4.' },
        { contains: 'capital of France', reply: 'Paris.' },
        { contains: 'usage please', reply: 'ok', usage: { prompt_tokens: 100, completion_tokens: 7 }, finish_reason: 'content_filter' },
        { contains: 'no usage', reply: 'ok', usage: false },
        { contains: 'long answer', reply: 'The quick brown fox jumps over the lazy dog, again and again.' },
        { contains: 'echo me', echo: true },
      ],
      default: "I don't know.",
    },
    'thinking-model': {
      reasoning_content: 'First, subtract 3. Then divide by 2.',
      stream_chunk_chars: 5,
      default: 'x = 4',
    },
    'stream-model': { stream_chunk_chars: 4, chunk_delay_ms: 2, default: '北京是中国的首都。Beijing is the capital.' },
    'quiet-model': { stream_usage: false, default: 'ok' },
    'no-default-model': { rules: [{ contains: 'hello', reply: 'hi' }] },
  },
};

let server: TestServer;
let client: OpenAI;

function user(content: string): OpenAI.Chat.ChatCompletionMessageParam[] {
  return [{ role: 'user', content }];
}

beforeAll(async () => {
  server = await startTestServer({ script: SCRIPT });
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

describe('OpenAI chat completions', () => {
  test('first matching rule answers', async () => {
    const completion = await client.chat.completions.create({
      model: 'good-model',
      messages: [
        { role: 'system', content: 'Solve it.' },
        { role: 'user', content: 'What is the capital of France?' },
        { role: 'assistant', content: 'Paris.' },
        { role: 'user', content: 'Solve 2x + 3 = 11.' },
      ],
    });

    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe('good-model');
    expect(typeof completion.created).toBe('number');
    expect(completion.choices[0].message.role).toBe('assistant');
    expect(completion.choices[0].message.content).toBe('2x = 8, so x = 4.');
    expect(completion.choices[0].finish_reason).toBe('stop');
  });

  test('usage estimates ceil(code points / 4)', async () => {
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'abc' },
      { role: 'user', content: 'capital of France' },
    ];
    const completion = await client.chat.completions.create({ model: 'good-model', messages });

    // 3 + 17 = 20 prompt code points → 5 tokens, and "Paris." is 6 code points → 2 tokens.
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 });
  });

  test('usage counts Chinese by code point', async () => {
    const completion = await client.chat.completions.create({ model: 'good-model', messages: user('echo me 你好世界😀') });

    expect(completion.choices[0].message.content).toBe('echo me 你好世界😀');
    // 13 code points (the emoji is one) → 4 tokens each way.
    expect(completion.usage).toEqual({ prompt_tokens: 4, completion_tokens: 4, total_tokens: 8 });
  });

  test('default answers unmatched prompts', async () => {
    const completion = await client.chat.completions.create({ model: 'good-model', messages: user('Who wrote Hamlet?') });

    expect(completion.choices[0].message.content).toBe("I don't know.");
  });

  test('rule overrides usage and finish reason', async () => {
    const completion = await client.chat.completions.create({ model: 'good-model', messages: user('usage please') });

    expect(completion.usage).toEqual({ prompt_tokens: 100, completion_tokens: 7, total_tokens: 107 });
    expect(completion.choices[0].finish_reason).toBe('content_filter');
  });

  test('usage false leaves usage out', async () => {
    const completion = await client.chat.completions.create({ model: 'good-model', messages: user('no usage') });

    expect(completion.usage).toBeUndefined();
  });

  test('max_tokens cuts the reply', async () => {
    const completion = await client.chat.completions.create({ model: 'good-model', messages: user('long answer'), max_tokens: 3 });

    expect(completion.choices[0].message.content).toBe('The quick br');
    expect(completion.choices[0].finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(3);
  });

  test('reasoning_content sent beside content', async () => {
    const completion = await client.chat.completions.create({ model: 'thinking-model', messages: user('2x + 3 = 11') });
    const message = completion.choices[0].message as unknown as Record<string, unknown>;

    expect(message.content).toBe('x = 4');
    expect(message.reasoning_content).toBe('First, subtract 3. Then divide by 2.');
    // 5 content + 36 reasoning code points → 11 completion tokens.
    expect(completion.usage?.completion_tokens).toBe(11);
  });

  test('base URL without /v1 works', async () => {
    const plain = new OpenAI({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
    const completion = await plain.chat.completions.create({ model: 'good-model', messages: user('capital of France') });

    expect(completion.choices[0].message.content).toBe('Paris.');
  });

  test('models endpoint lists scripted models', async () => {
    const ids = [];
    for await (const model of client.models.list()) {
      ids.push(model.id);
    }

    expect(ids).toEqual(['good-model', 'thinking-model', 'stream-model', 'quiet-model', 'no-default-model']);
  });

  test('unknown model gets 404', async () => {
    const error = await client.chat.completions.create({ model: 'missing-model', messages: user('hi') }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'missing-model', messages: user('hi') }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        message: 'The model `missing-model` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
  });

  test('wrong API key gets 401', async () => {
    const wrong = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'other-key', maxRetries: 0 });
    const error = await wrong.chat.completions.create({ model: 'good-model', messages: user('hi') }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as APIError).code).toBe('invalid_api_key');
  });

  test('missing API key gets 401', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'good-model', messages: user('hi') }),
    });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("You didn't provide an API key");
  });

  test('no matching rule and no default gets 500', async () => {
    const error = await client.chat.completions.create({ model: 'no-default-model', messages: user('bye') }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as APIError).message).toContain('No rule of model no-default-model matches');
  });

  test('invalid requests get 400', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer test-key' }, body });

    const notJson = await post('{"model": ');
    const noModel = await post(JSON.stringify({ messages: user('hi') }));
    const noMessages = await post(JSON.stringify({ model: 'good-model' }));

    expect(notJson.status).toBe(400);
    expect(noModel.status).toBe(400);
    expect(((await noModel.json()) as { error: { param: string } }).error.param).toBe('model');
    expect(noMessages.status).toBe(400);
    expect(((await noMessages.json()) as { error: { param: string } }).error.param).toBe('messages');
  });

  test('unknown path gets 404 invalid URL', async () => {
    const response = await fetch(`${server.url}/v1/completions`, { method: 'POST', headers: { authorization: 'Bearer test-key' }, body: '{}' });

    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Invalid URL (POST /v1/completions)');
  });

  test('requests recorded with API key and body', async () => {
    await client.chat.completions.create({ model: 'good-model', messages: user('record me'), temperature: 0 });
    const last = server.requests.at(-1);

    expect(last?.method).toBe('POST');
    expect(last?.path).toBe('/v1/chat/completions');
    expect(last?.headers.authorization).toBe('Bearer test-key');
    expect(last?.body).toEqual({ model: 'good-model', messages: user('record me'), temperature: 0 });
    expect(last?.status).toBe(200);
  });
});

describe('OpenAI streaming', () => {
  test('streams content chunks without usage', async () => {
    const stream = await client.chat.completions.create({ model: 'stream-model', messages: user('capital?'), stream: true });
    const pieces: string[] = [];
    const finishReasons: (string | null)[] = [];
    let usageChunks = 0;

    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      if (chunk.usage) {
        usageChunks += 1;
      }
      for (const choice of chunk.choices) {
        pieces.push(choice.delta.content ?? '');
        finishReasons.push(choice.finish_reason);
      }
    }

    expect(pieces.join('')).toBe('北京是中国的首都。Beijing is the capital.');
    // 32 code points in chunks of 4.
    expect(pieces.filter((piece) => piece !== '').length).toBe(8);
    expect(finishReasons.at(-1)).toBe('stop');
    expect(usageChunks).toBe(0);
  });

  test('include_usage adds a final usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'stream-model',
      messages: user('capital?'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
    }

    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    // 8 prompt code points → 2 tokens, and 32 reply code points → 8 tokens.
    expect(last?.usage).toEqual({ prompt_tokens: 2, completion_tokens: 8, total_tokens: 10 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  test('stream_usage false drops the usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'quiet-model',
      messages: user('hi'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const usages = [];
    for await (const chunk of stream) {
      usages.push(chunk.usage);
    }

    expect(usages.every((usage) => usage === null)).toBe(true);
  });

  test('reasoning streams before content', async () => {
    const stream = await client.chat.completions.create({ model: 'thinking-model', messages: user('solve'), stream: true });
    const order: string[] = [];
    let reasoning = '';
    let content = '';

    for await (const chunk of stream) {
      const delta = (chunk.choices[0]?.delta ?? {}) as Record<string, unknown>;
      if (typeof delta.reasoning_content === 'string') {
        reasoning += delta.reasoning_content;
        order.push('reasoning');
      }
      if (typeof delta.content === 'string' && delta.content !== '') {
        content += delta.content;
        order.push('content');
      }
    }

    expect(reasoning).toBe('First, subtract 3. Then divide by 2.');
    expect(content).toBe('x = 4');
    expect(order.indexOf('content')).toBe(order.lastIndexOf('reasoning') + 1);
  });

  test('raw stream ends with [DONE]', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key' },
      body: JSON.stringify({ model: 'quiet-model', messages: user('hi'), stream: true }),
    });
    const text = await response.text();

    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(text.split('\n\n').filter((event) => event.startsWith('data: ')).length).toBe(4);
  });
});

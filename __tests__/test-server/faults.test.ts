import OpenAI from 'openai';

import { startTestServer } from '../../test-server/server.js';
import type { TestServer } from '../../test-server/server.js';
import type { TestScript } from '../../test-server/script.js';

const SCRIPT: TestScript = {
  seed: 7,
  models: {
    'rate-limited': {
      faults: [{ status: 429, retry_after: '2', headers: { 'X-RateLimit-Remaining-Requests': '0' } }],
      default: 'ok',
    },
    'unavailable-until': { faults: [{ status: 503, retry_after: 'Wed, 21 Oct 2015 07:28:00 GMT' }], default: 'ok' },
    'bad-gateway': { faults: [{ status: 502, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } }], default: 'ok' },
    malformed: { faults: [{ kind: 'malformed' }], default: 'ok' },
    'empty-choices': { faults: [{ kind: 'empty_choices' }], default: 'ok' },
    'empty-content': { faults: [{ kind: 'empty_content' }], default: 'ok' },
    reset: { faults: [{ kind: 'reset' }], default: 'ok' },
    hang: { faults: [{ kind: 'hang' }], default: 'ok' },
    truncated: { faults: [{ kind: 'truncated' }], default: 'A reply long enough to be cut in the middle of its JSON body.' },
    'fail-first': { fail_first: { count: 2, status: 503, headers: { 'retry-after-ms': '1' } }, default: 'recovered' },
    'fail-first-number': { fail_first: 1, default: 'ok' },
    flaky: { faults: [{ status: 429, rate: 0.2 }, { status: 500, rate: 0.1 }], default: 'ok' },
    slow: { latency_ms: 150, default: 'ok' },
    'rule-fault': { rules: [{ contains: 'boom', faults: [{ status: 500 }] }], default: 'ok' },
  },
};

let server: TestServer;

function post(base: string, model: string, content = 'hi', extra: Record<string, unknown> = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }], ...extra }),
    ...init,
  });
}

/** Statuses of `count` sequential requests to `model`. */
async function statusSequence(base: string, model: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await post(base, model);
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

beforeAll(async () => {
  server = await startTestServer({ script: SCRIPT });
});

afterAll(async () => {
  await server.close();
});

describe('status faults', () => {
  test('429 sends Retry-After and OpenAI error body', async () => {
    const response = await post(server.url, 'rate-limited');

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(await response.json()).toEqual({
      error: {
        message: 'Too Many Requests (injected by the llm-bench test server)',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  test('Retry-After may be an HTTP date', async () => {
    const response = await post(server.url, 'unavailable-until');

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('server_error');
  });

  test('custom body and content type', async () => {
    const response = await post(server.url, 'bad-gateway');

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html>bad gateway</html>');
  });

  test('rule-level fault hits only its prompt', async () => {
    const boom = await post(server.url, 'rule-fault', 'boom now');
    const calm = await post(server.url, 'rule-fault', 'calm');

    expect(boom.status).toBe(500);
    expect(calm.status).toBe(200);
  });
});

describe('broken responses', () => {
  test('malformed sends a non-JSON 200 body', async () => {
    const response = await post(server.url, 'malformed');
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('malformed stream sends a non-JSON event', async () => {
    const response = await post(server.url, 'malformed', 'hi', { stream: true });
    const text = await response.text();
    const firstData = text.split('\n\n')[0].slice('data: '.length);

    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(() => JSON.parse(firstData)).toThrow(SyntaxError);
  });

  test('empty_choices sends no choices', async () => {
    const response = await post(server.url, 'empty-choices');
    const body = (await response.json()) as { choices: unknown[]; object: string };

    expect(response.status).toBe(200);
    expect(body.object).toBe('chat.completion');
    expect(body.choices).toEqual([]);
  });

  test('empty_content sends an empty message', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'empty-content', messages: [{ role: 'user', content: 'hi' }] });

    expect(completion.choices[0].message.content).toBe('');
  });

  test('empty_content stream sends no content', async () => {
    const response = await post(server.url, 'empty-content', 'hi', { stream: true });
    const text = await response.text();

    expect(text).not.toContain('"content":"ok"');
    expect(text).toContain('"finish_reason":"stop"');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  test('reset destroys the connection', async () => {
    const before = server.stats().byFault.reset ?? 0;

    await expect(post(server.url, 'reset')).rejects.toThrow('fetch failed');
    expect(server.stats().byFault.reset).toBe(before + 1);
    expect(server.requests.at(-1)?.status).toBeUndefined();
  });

  test('truncated sends half of the JSON body', async () => {
    const response = await post(server.url, 'truncated');
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text.startsWith('{"id":"chatcmpl-')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('truncated stream ends without [DONE]', async () => {
    const response = await post(server.url, 'truncated', 'hi', { stream: true });
    const text = await response.text();

    expect(text.startsWith('data: {')).toBe(true);
    expect(text).not.toContain('[DONE]');
    expect(text).not.toContain('"finish_reason":"stop"');
  });

  test('hang answers nothing until the client gives up', async () => {
    const started = Date.now();

    await expect(post(server.url, 'hang', 'hi', {}, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  test('close ends a hung request', async () => {
    const own = await startTestServer({ script: { models: { hang: { faults: [{ kind: 'hang' }], default: 'ok' } } } });
    const pending = post(own.url, 'hang');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();

    await own.close();

    await expect(pending).rejects.toThrow('fetch failed');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('fail_first', () => {
  test('first requests fail, then the client retry succeeds', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 2 });
    const completion = await client.chat.completions.create({ model: 'fail-first', messages: [{ role: 'user', content: 'hi' }] });
    const statuses = server.requests.filter((request) => (request.body as { model?: string }).model === 'fail-first').map((request) => request.status);

    expect(completion.choices[0].message.content).toBe('recovered');
    expect(statuses).toEqual([503, 503, 200]);
  });

  test('a number means HTTP 500', async () => {
    expect(await statusSequence(server.url, 'fail-first-number', 3)).toEqual([500, 200, 200]);
  });

  test('setScript restarts the request counts', async () => {
    const own = await startTestServer({ script: { models: { m: { fail_first: 1, default: 'one' } } } });

    try {
      expect(await statusSequence(own.url, 'm', 2)).toEqual([500, 200]);
      own.setScript({ models: { m: { fail_first: 1, default: 'two' } } });
      expect(await statusSequence(own.url, 'm', 2)).toEqual([500, 200]);
      expect(((await (await post(own.url, 'm')).json()) as { choices: { message: { content: string } }[] }).choices[0].message.content).toBe('two');
    } finally {
      await own.close();
    }
  });
});

describe('seeded faults', () => {
  test('same seed gives the same sequence', async () => {
    const script: TestScript = { seed: 42, models: { flaky: { faults: [{ status: 429, rate: 0.3 }, { kind: 'empty_choices', rate: 0.2 }], default: 'ok' } } };
    const first = await startTestServer({ script });
    const second = await startTestServer({ script });
    const other = await startTestServer({ script: { ...script, seed: 43 } });

    try {
      const sequence = await statusSequence(first.url, 'flaky', 40);

      expect(await statusSequence(second.url, 'flaky', 40)).toEqual(sequence);
      expect(sequence).toContain(429);
      expect(sequence).toContain(200);
      expect(await statusSequence(other.url, 'flaky', 40)).not.toEqual(sequence);
    } finally {
      await Promise.all([first.close(), second.close(), other.close()]);
    }
  });

  test('rates hold over 500 requests', async () => {
    const counts: Record<number, number> = {};

    for (let batch = 0; batch < 20; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 25 }, () => post(server.url, 'flaky')));
      for (const response of responses) {
        await response.arrayBuffer();
        counts[response.status] = (counts[response.status] ?? 0) + 1;
      }
    }

    // Expected 100 and 50. Each bound is about 4 standard deviations from its expected count.
    expect(counts[429]).toBeGreaterThanOrEqual(65);
    expect(counts[429]).toBeLessThanOrEqual(135);
    expect(counts[500]).toBeGreaterThanOrEqual(24);
    expect(counts[500]).toBeLessThanOrEqual(76);
    expect(counts[200] + counts[429] + counts[500]).toBe(500);
  });

  test('script-level faults apply to every model', async () => {
    const own = await startTestServer({ script: { faults: [{ status: 529 }], models: { a: { default: 'x' }, '*': { echo: true } } } });

    try {
      expect((await post(own.url, 'a')).status).toBe(529);
      expect((await post(own.url, 'anything')).status).toBe(529);
    } finally {
      await own.close();
    }
  });
});

describe('latency, stats and request log', () => {
  test('latency_ms delays the response', async () => {
    const started = Date.now();
    const response = await post(server.url, 'slow');
    await response.arrayBuffer();
    const elapsed = Date.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(elapsed).toBeLessThan(1000);
  });

  test('latencyMs option sets the default latency', async () => {
    const own = await startTestServer({ latencyMs: 120, script: { models: { a: { default: 'x' }, fast: { latency_ms: 0, default: 'x' } } } });

    try {
      const timed = async (model: string) => {
        const started = Date.now();
        await (await post(own.url, model)).arrayBuffer();
        return Date.now() - started;
      };

      expect(await timed('a')).toBeGreaterThanOrEqual(115);
      expect(await timed('fast')).toBeLessThan(100);
    } finally {
      await own.close();
    }
  });

  test('stats count statuses and faults', async () => {
    const own = await startTestServer({ script: { models: { m: { fail_first: { count: 2, status: 429 }, default: 'x' } } } });

    try {
      await statusSequence(own.url, 'm', 5);
      await (await post(own.url, 'unknown-model-id-is-fine')).arrayBuffer();

      expect(own.stats()).toEqual({ total: 6, byStatus: { '200': 3, '404': 1, '429': 2 }, byFault: { '429': 2 } });
    } finally {
      await own.close();
    }
  });

  test('request log keeps only the last requests', async () => {
    const own = await startTestServer({ maxRecordedRequests: 3 });

    try {
      for (const content of ['one', 'two', 'three', 'four', 'five']) {
        await (await post(own.url, 'any', content)).arrayBuffer();
      }
      const contents = own.requests.map((request) => (request.body as { messages: { content: string }[] }).messages[0].content);

      expect(contents).toEqual(['three', 'four', 'five']);
    } finally {
      await own.close();
    }
  });

  test('request log can be turned off', async () => {
    const own = await startTestServer({ maxRecordedRequests: 0 });

    try {
      await (await post(own.url, 'any')).arrayBuffer();

      expect(own.requests).toEqual([]);
      expect(own.stats().total).toBe(1);
    } finally {
      await own.close();
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyHead, postJson } from '../../src/providers/post-json.js';
import { CallFailure } from '../../src/runner/retry.js';

const KEY = 'sk-test-post-json-key';

describe('postJson', () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/echo') {
          response.writeHead(200, { 'content-type': 'application/json', 'x-length': request.headers['content-length'] });
          response.end(JSON.stringify({ body, key: request.headers['authorization'] }));
        } else if (request.url === '/split') {
          // '{"answer":"' is 11 bytes and each Chinese character 3, so the first chunk ends inside "案".
          const bytes = Buffer.from('{"answer":"答案"}', 'utf8');
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write(bytes.subarray(0, 15));
          setTimeout(() => response.end(bytes.subarray(15)), 20);
        } else if (request.url === '/limited') {
          response.writeHead(429, { 'retry-after': '3', 'set-cookie': ['a=1', 'b=2'] });
          response.end('{"error":{"message":"slow down"}}');
        } else if (request.url === '/cut') {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          response.write('{"partial":');
          setTimeout(() => response.destroy(), 20);
        }
        // Any other path gets no response, so the client times out or is cancelled.
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, options: { timeoutS?: number; cancel?: AbortSignal; body?: string } = {}) =>
    postJson(new URL(`${url}${path}`), { headers: { authorization: `Bearer ${KEY}` }, body: options.body ?? '{}', timeoutS: options.timeoutS ?? 5, cancel: options.cancel, apiKey: KEY });

  test('sends body and headers', async () => {
    const response = await post('/echo', { body: '{"q":"你好"}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ body: '{"q":"你好"}', key: `Bearer ${KEY}` });
    expect(response.headers.get('X-Length')).toBe(String(Buffer.byteLength('{"q":"你好"}')));
  });

  test('character split across chunks', async () => {
    const response = await post('/split');
    expect(JSON.parse(response.text)).toEqual({ answer: '答案' });
  });

  test('error status keeps body and headers', async () => {
    const response = await post('/limited');
    expect(response.status).toBe(429);
    expect(response.text).toBe('{"error":{"message":"slow down"}}');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.get('x-missing')).toBeNull();
  });

  test('timeout is a transient failure', async () => {
    const failure = await post('/hang', { timeoutS: 0.1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CallFailure);
    expect((failure as CallFailure).message).toBe('request timed out after 0.1 s');
    expect((failure as CallFailure).transient).toBe(true);
  });

  test('cancel stops the call', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const failure = await post('/hang', { cancel: controller.signal }).catch((error: unknown) => error);
    expect((failure as CallFailure).message).toBe('cancelled');
    expect((failure as CallFailure).transient).toBe(false);
  });

  test('cancelled signal sends nothing', async () => {
    const failure = await post('/echo', { cancel: AbortSignal.abort() }).catch((error: unknown) => error);
    expect((failure as CallFailure).message).toBe('cancelled');
  });

  test('connection cut mid-body', async () => {
    const failure = await post('/cut').catch((error: unknown) => error);
    expect((failure as CallFailure).message).toMatch(/^connection failed: /);
    expect((failure as CallFailure).transient).toBe(true);
    expect((failure as CallFailure).connection).toBe(true);
  });

  test('refused connection names the address', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const failure = await postJson(new URL(`http://127.0.0.1:${port}/`), { headers: {}, body: '{}', timeoutS: 5 }).catch((error: unknown) => error);
    expect((failure as CallFailure).message).toBe(`connection failed: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect((failure as CallFailure).connection).toBe(true);
  });
});

describe('bodyHead', () => {
  test('later fields replace the dropped keys', () => {
    const head = bodyHead({ temperature: 0, stream: true, model: 'm', note: 'ünïcode "quoted"' }, ['messages', 'stream']);
    const body = JSON.parse(`${head}"messages":[{"role":"user","content":"hi"}],"stream":false}`);
    expect(body).toEqual({ temperature: 0, model: 'm', note: 'ünïcode "quoted"', messages: [{ role: 'user', content: 'hi' }], stream: false });
  });

  test('no fields left gives an open brace', () => {
    expect(bodyHead({ messages: [] }, ['messages'])).toBe('{');
    expect(JSON.parse(`${bodyHead({}, [])}"stream":false}`)).toEqual({ stream: false });
  });
});

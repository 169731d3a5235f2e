import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpFetch } from '../../src/providers/http-fetch.js';

describe('httpFetch', () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/json') {
          response.writeHead(200, { 'content-type': 'application/json', 'x-echo': request.headers['x-test'] ?? '' });
          response.end(JSON.stringify({ method: request.method, body }));
        } else if (request.url === '/stream') {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.write('data: 1\n\n');
          setTimeout(() => response.end('data: 2\n\n'), 50);
        } else if (request.url === '/hang') {
          // Never answers; the client aborts.
        } else {
          response.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
          response.end('{"error":{"message":"slow down"}}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('sends method, headers and body', async () => {
    const response = await httpFetch(`${url}/json`, { method: 'POST', headers: { 'x-test': 'yes' }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(await response.json()).toEqual({ method: 'POST', body: '{"a":1}' });
  });

  test('error status keeps headers', async () => {
    const response = await httpFetch(`${url}/other`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
  });

  test('event stream arrives in chunks', async () => {
    const response = await httpFetch(`${url}/stream`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: 1\n\n');
    const rest = await new Response(new ReadableStream({ start: async (controller) => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) controller.enqueue(chunk.value);
      controller.close();
    } })).text();
    expect(rest).toBe('data: 2\n\n');
  });

  test('abort rejects with AbortError', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(httpFetch(`${url}/hang`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('refused connection is a fetch TypeError', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await httpFetch(`http://127.0.0.1:${port}/`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});

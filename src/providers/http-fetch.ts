import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/**
 * Sockets kept open per host. Requests above this wait for a free socket; the runner's concurrency
 * bounds how many are in flight anyway.
 */
const MAX_SOCKETS_PER_HOST = 256;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
};

/** The shared keep-alive agent for the URL's protocol, or undefined for a protocol other than http and https. */
export function agentFor(url: URL): http.Agent | undefined {
  return agents[url.protocol as keyof typeof agents];
}

/**
 * A `fetch` for the openai package built on node:http with keep-alive sockets. Node's built-in fetch
 * spends about 1 ms of CPU per request on Web streams and its own connection pool (measured in
 * bench/: about half of a 1,000-request run's CPU), which caps a 2-core runner near 1,000 requests a
 * second. An event-stream body is passed through as a stream, so streamed answers still arrive chunk
 * by chunk; any other body is read whole before the Response is returned. Errors keep fetch's shapes: a TypeError "fetch failed" whose `cause` is the socket error,
 * and an AbortError when the signal aborts.
 */
export function httpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const agent = agentFor(url);
  if (!agent) return Promise.reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));

  return new Promise<Response>((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }

    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init.method ?? 'GET', headers: toHeaderObject(init.headers), agent });
    const onAbort = (): void => {
      request.destroy(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = (): void => signal?.removeEventListener('abort', onAbort);

    request.on('error', (error) => {
      cleanUp();
      reject(error.name === 'AbortError' ? error : Object.assign(new TypeError('fetch failed'), { cause: error }));
    });
    request.on('response', (response) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.set(name, value);
      }
      response.on('close', cleanUp);
      const init = { status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers };
      if (response.statusCode === 204 || response.statusCode === 304) {
        resolve(new Response(null, init));
      } else if (/^text\/event-stream/i.test(response.headers['content-type'] ?? '')) {
        resolve(new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, init));
      } else {
        // A whole JSON body is read into one buffer: cheaper than a Web stream of its chunks.
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(new Response(Buffer.concat(chunks), init)));
        response.on('error', (error) => reject(Object.assign(new TypeError('fetch failed'), { cause: error })));
      }
    });

    if (typeof init.body === 'string' || init.body instanceof Uint8Array) request.end(init.body);
    else request.end();
  });
}

function toHeaderObject(headers: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  if (headers === undefined) return {};
  return Object.fromEntries(new Headers(headers).entries());
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return Object.assign(new Error('This operation was aborted'), { name: 'AbortError', cause: reason });
}

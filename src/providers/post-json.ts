// One JSON request over node:http with keep-alive sockets, for the providers' non-streaming calls.

import http from 'node:http';
import https from 'node:https';
import { CallFailure, type HeaderReader } from '../runner/retry.js';
import { cleanMessage, connectionDetail, trackCall, type CancellableCall } from './call-errors.js';
import { agentFor } from './http-fetch.js';

export interface JsonPostResponse {
  status: number;
  headers: HeaderReader;
  /** The whole body, decoded as UTF-8. */
  text: string;
}

export interface JsonPostOptions {
  headers: Record<string, string>;
  /** The request body, already serialised. */
  body: string;
  /** The run's signal; aborting it cancels the call. */
  cancel?: AbortSignal;
  /** Time limit of the whole call in seconds, the body included. */
  timeoutS: number;
  /** Removed from error messages. */
  apiKey?: string;
}

/**
 * POSTs `body` and reads the whole response, whatever its status. A call that is cancelled, times
 * out, cannot connect, or loses its connection before the body ends throws a CallFailure: all but
 * cancellation are transient.
 *
 * The OpenAI-compatible provider's non-streaming calls and the Anthropic provider use it instead of
 * the `openai` package with `fetch`, whose Web streams, AbortControllers and header objects cost
 * CPU on every request. Measured with `npm run bench` (1,000 requests), the whole process used
 * 0.77 s of CPU with this and about 1.4 s with the package (docs/benchmarks.md).
 */
export function postJson(url: URL, options: JsonPostOptions): Promise<JsonPostResponse> {
  return new Promise<JsonPostResponse>((resolve, reject) => {
    if (options.cancel?.aborted) {
      reject(cancelled());
      return;
    }

    const body = Buffer.from(options.body, 'utf8');
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers: options.headers, agent: agentFor(url) });
    // Set on the request, not spread into a copy of the headers: see bodyHead.
    request.setHeader('content-length', body.length);

    const call = new PendingRequest(request);
    const timer = setTimeout(() => call.stop(new CallFailure(`request timed out after ${options.timeoutS} s`, { transient: true })), options.timeoutS * 1000);
    const tracked = options.cancel ? trackCall(options.cancel, call) : undefined;

    const fail = (error: unknown): void => {
      settle();
      reject(call.stopped ?? connectionFailure(error, options.apiKey));
    };
    const settle = (): void => {
      clearTimeout(timer);
      tracked?.untrack();
    };

    request.on('error', fail);
    request.on('response', (response) => {
      response.setEncoding('utf8');
      let text = '';
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', fail);
      response.on('end', () => {
        settle();
        resolve({ status: response.statusCode ?? 0, headers: headerReader(response.headers), text });
      });
      response.on('close', () => {
        if (!response.complete) fail(new Error('the connection closed before the response ended'));
      });
    });
    request.end(body);
  });
}

/** A request in flight, which the timer or the run's cancellation may stop. */
class PendingRequest implements CancellableCall {
  /** Set when the call is stopped on purpose, so that the socket error that follows reads as the cause. */
  stopped: CallFailure | undefined;

  constructor(private readonly request: http.ClientRequest) {}

  stop(failure: CallFailure): void {
    this.stopped ??= failure;
    this.request.destroy();
  }

  cancel(): void {
    this.stop(cancelled());
  }
}

function cancelled(): CallFailure {
  return new CallFailure('cancelled', { transient: false });
}

function connectionFailure(error: unknown, apiKey: string | undefined): CallFailure {
  return new CallFailure(cleanMessage(`connection failed: ${connectionDetail(error)}`, apiKey), { transient: true, connection: true });
}

function headerReader(headers: http.IncomingHttpHeaders): HeaderReader {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * Serialises `fields` without the keys in `setLater` as the start of a request body, ending in `{`
 * or `,`. It is made once per model, and a request's body is this text, its own fields and `}`.
 *
 * This replaces an object spread from `params` for each request. Objects made with spread syntax on
 * every request reached V8's old generation, with what they pointed to, and stayed there until a
 * full collection. In a 6,000-case bench run, 1.5 MB/s reached it with the spread body and 1.0 MB/s
 * without (docs/benchmarks.md, "Where the memory goes").
 */
export function bodyHead(fields: Record<string, unknown>, setLater: readonly string[]): string {
  const sentFirst = Object.fromEntries(Object.entries(fields).filter(([key]) => !setLater.includes(key)));
  const text = JSON.stringify(sentFirst);
  return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}

// Scripted model test server: serves OpenAI, Azure OpenAI and Anthropic chat requests from a script,
// with injected faults and latency, on 127.0.0.1 only. Importing this module starts nothing.

import { createServer } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { setMaxListeners } from 'node:events';

import { anthropicErrorBody, messageBody, readAnthropicMessages } from './anthropic.js';
import type { RequestProblem } from './chat-request.js';
import {
  AZURE_DEPLOYMENT_NOT_FOUND_MESSAGE,
  AZURE_MISSING_API_VERSION_MESSAGE,
  AZURE_UNAUTHORIZED_MESSAGE,
  SSE_DONE,
  azureErrorBody,
  completionBody,
  completionChunks,
  injectedErrorMessage,
  openAiErrorBody,
  readOpenAiChat,
} from './openai.js';
import type { BodyVariant, CompletionMeta } from './openai.js';
import { RequestLog, parseJsonBody, readBody } from './request-log.js';
import type { RecordedRequest } from './request-log.js';
import { ScriptRuntime } from './runtime.js';
import type { ChatRequest, Decision, ScriptedReply } from './runtime.js';
import { ANY_MODEL, validateScript } from './script.js';
import type { Fault, TestScript } from './script.js';

export type { RecordedRequest } from './request-log.js';

export interface TestServerOptions {
  /** Script to follow, validated on start. Default: every model id echoes the last user message. */
  script?: TestScript;
  /** Port on 127.0.0.1, where the default 0 picks a free port. */
  port?: number;
  /** Replaces the script's top-level `latency_ms`, in milliseconds. Model and rule values still win. */
  latencyMs?: number;
  /** Requests kept in `requests`, default 1,000. 0 keeps none. */
  maxRecordedRequests?: number;
  /** Receives unexpected errors of the request handler, after a 500 was sent when still possible. */
  onError?: (error: unknown) => void;
}

export interface TestServerStats {
  /** Requests received. */
  total: number;
  /** Responses started, by HTTP status, e.g. `{ "200": 90, "429": 10 }`. */
  byStatus: Record<string, number>;
  /** Injected faults, `fail_first` included, keyed by status (e.g. `"429"`) or kind (e.g. `"reset"`). */
  byFault: Record<string, number>;
}

export interface TestServer {
  /** Base URL without a path, e.g. `http://127.0.0.1:43817`. OpenAI clients take `url + '/v1'`. */
  url: string;
  port: number;
  /** Last requests received, oldest first (a new array on each read). */
  readonly requests: RecordedRequest[];
  /** Validates and swaps the script, restarting request counts and PRNGs. Throws `ScriptError`. */
  setScript(script: TestScript): void;
  stats(): TestServerStats;
  /** Stops listening and destroys open connections, hung and keep-alive ones included. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Largest request body read; larger bodies get HTTP 413. A limit of this server, not of any real API. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const DEFAULT_MAX_RECORDED_REQUESTS = 1000;

const DEFAULT_SCRIPT: TestScript = { models: { [ANY_MODEL]: { echo: true } } };

/** Non-JSON body of the `malformed` fault unless the fault sets `body`. */
const MALFORMED_BODY = '<html><body>malformed response injected by the llm-bench test server</body></html>';

const JSON_HEADERS = { 'content-type': 'application/json' };

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

type ApiName = 'openai' | 'azure' | 'anthropic';

type Route =
  | { api: 'openai'; kind: 'chat' }
  | { api: 'openai'; kind: 'models' }
  | { api: 'azure'; kind: 'chat'; deployment: string }
  | { api: 'anthropic'; kind: 'chat' };

const AZURE_CHAT_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;

/** Maps a request to its API. The OpenAI and Anthropic paths work with or without the `/v1` prefix. */
function findRoute(method: string, pathname: string): Route | null {
  if (method === 'GET' && (pathname === '/v1/models' || pathname === '/models')) {
    return { api: 'openai', kind: 'models' };
  }

  if (method !== 'POST') {
    return null;
  }

  if (pathname === '/v1/chat/completions' || pathname === '/chat/completions') {
    return { api: 'openai', kind: 'chat' };
  }

  if (pathname === '/v1/messages' || pathname === '/messages') {
    return { api: 'anthropic', kind: 'chat' };
  }

  const azure = AZURE_CHAT_PATH.exec(pathname);
  return azure === null ? null : { api: 'azure', kind: 'chat', deployment: decodeURIComponent(azure[1]) };
}

function isProblem(value: object): value is RequestProblem {
  return 'message' in value && 'param' in value;
}

/** Lower-cases header names so that script headers replace the defaults instead of duplicating them. */
function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    result[name.toLowerCase()] = value;
  }
  return result;
}

/** One request and its response, with the record that notes the status sent. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  api: ApiName;
  /** performance.now() when the request arrived, from which the latency is counted. */
  arrivedAt: number;
}

class ScriptedServer implements TestServer {
  url = '';
  port = 0;
  private runtime: ScriptRuntime;
  private readonly log: RequestLog;
  private readonly counts: TestServerStats = { total: 0, byStatus: {}, byFault: {} };
  private readonly closing = new AbortController();
  private readonly server: Server;
  private nextId = 1;
  private closed: Promise<void> | null = null;

  constructor(private readonly options: TestServerOptions) {
    this.runtime = new ScriptRuntime(validateScript(options.script ?? DEFAULT_SCRIPT, 'options.script'), { latencyMs: options.latencyMs });
    this.log = new RequestLog(options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED_REQUESTS);
    // Every pending delay listens on this signal, so the default limit of 10 listeners would warn.
    setMaxListeners(0, this.closing.signal);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.handleError(req, res, error));
    });
  }

  get requests(): RecordedRequest[] {
    return this.log.list();
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, HOST, () => {
        this.server.off('error', reject);
        resolve();
      });
    });

    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://${HOST}:${this.port}`;
  }

  setScript(script: TestScript): void {
    this.runtime = new ScriptRuntime(validateScript(script, 'setScript'), { latencyMs: this.options.latencyMs });
  }

  stats(): TestServerStats {
    return { total: this.counts.total, byStatus: { ...this.counts.byStatus }, byFault: { ...this.counts.byFault } };
  }

  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.closing.abort();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    this.counts.total += 1;
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const route = findRoute(req.method ?? '', url.pathname);

    const text = await readBody(req, MAX_BODY_BYTES);
    const parsed = parseJsonBody(text ?? '');
    const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body: parsed.body };
    this.log.add(record);

    const exchange: Exchange = { req, res, record, api: route?.api ?? 'openai', arrivedAt };
    // The runtime is read once, so a `setScript` during the latency wait does not mix two scripts.
    const runtime = this.runtime;

    if (route === null) {
      this.sendError(exchange, 404, `Invalid URL (${req.method} ${url.pathname})`);
    } else if (text === null) {
      this.sendError(exchange, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes, the test server's limit.`);
    } else if (!this.isAuthorized(exchange, runtime)) {
      this.sendUnauthorized(exchange);
    } else if (route.kind === 'models') {
      this.sendModelList(exchange, runtime);
    } else if (!parsed.valid) {
      this.sendError(exchange, 400, 'We could not parse the JSON body of your request.');
    } else if (route.api === 'openai') {
      await this.serveOpenAi(exchange, runtime, parsed.body);
    } else if (route.api === 'azure') {
      await this.serveAzure(exchange, runtime, parsed.body, route.deployment, url);
    } else {
      await this.serveAnthropic(exchange, runtime, parsed.body);
    }
  }

  private async serveOpenAi(exchange: Exchange, runtime: ScriptRuntime, body: unknown): Promise<void> {
    const chat = readOpenAiChat(body);

    if (isProblem(chat)) {
      this.sendError(exchange, 400, chat.message, chat.param);
      return;
    }

    await this.serveChat(exchange, runtime, chat.request, chat.stream, chat.includeUsage);
  }

  private async serveAzure(exchange: Exchange, runtime: ScriptRuntime, body: unknown, deployment: string, url: URL): Promise<void> {
    if (!url.searchParams.get('api-version')) {
      this.sendJson(exchange, 400, azureErrorBody('MissingApiVersionParameter', AZURE_MISSING_API_VERSION_MESSAGE));
      return;
    }

    const chat = readOpenAiChat(body, deployment);
    if (isProblem(chat)) {
      this.sendError(exchange, 400, chat.message, chat.param);
      return;
    }

    await this.serveChat(exchange, runtime, chat.request, chat.stream, chat.includeUsage);
  }

  private async serveAnthropic(exchange: Exchange, runtime: ScriptRuntime, body: unknown): Promise<void> {
    if (exchange.req.headers['anthropic-version'] === undefined) {
      this.sendError(exchange, 400, 'anthropic-version: header is required');
      return;
    }

    const request = readAnthropicMessages(body);
    if (isProblem(request)) {
      this.sendError(exchange, 400, request.message, request.param);
      return;
    }

    await this.serveChat(exchange, runtime, request, false, false);
  }

  /** Looks up the model, waits for the latency, then sends the fault or the reply that the script decides. */
  private async serveChat(exchange: Exchange, runtime: ScriptRuntime, request: ChatRequest, stream: boolean, includeUsage: boolean): Promise<void> {
    const model = runtime.findModel(request.modelId);

    if (model === undefined) {
      this.sendUnknownModel(exchange, request.modelId);
      return;
    }

    const decision = runtime.decide(model, request);

    // Counted from the request's arrival, so that reading and parsing it is part of the latency, as
    // it is for a real API; the bench compares run times against N × latency / concurrency.
    const wait = decision.latencyMs - (performance.now() - exchange.arrivedAt);
    if (decision.latencyMs > 0 && !(await this.sleep(Math.max(0, wait)))) {
      return;
    }

    const meta = this.newMeta(exchange.api, request.modelId);

    if (decision.fault !== null) {
      await this.sendFault(exchange, decision.fault, decision, meta, stream, includeUsage);
    } else if (decision.reply === null) {
      this.sendError(exchange, 500, `No rule of model ${model.id} matches the last user message and the model has no \`default\` or \`echo\`; add one to the script.`);
    } else if (stream) {
      await this.sendEvents(exchange, completionChunks(meta, decision.reply, decision.stream, includeUsage, 'normal'), decision.stream.chunkDelayMs);
    } else {
      this.sendJson(exchange, 200, this.successBody(exchange.api, meta, decision.reply, 'normal'));
    }
  }

  private async sendFault(exchange: Exchange, fault: Fault, decision: Decision, meta: CompletionMeta, stream: boolean, includeUsage: boolean): Promise<void> {
    const name = fault.status === undefined ? (fault.kind ?? 'unknown') : String(fault.status);
    this.counts.byFault[name] = (this.counts.byFault[name] ?? 0) + 1;

    const reply = decision.reply ?? { content: '', reasoningContent: null, finishReason: 'stop', usage: null };
    const headers = lowerCaseHeaders(fault.headers);
    const streamed = stream && exchange.api !== 'anthropic';

    switch (fault.kind) {
      case undefined:
        this.sendStatusFault(exchange, fault, headers);
        return;
      case 'reset':
        exchange.req.socket.resetAndDestroy();
        return;
      case 'hang':
        await this.waitForDisconnect(exchange.res);
        return;
      case 'malformed':
        this.sendRaw(exchange, 200, fault.body ?? (streamed ? `data: ${MALFORMED_BODY}\n\n${SSE_DONE}` : MALFORMED_BODY), {
          ...(streamed ? SSE_HEADERS : JSON_HEADERS),
          ...headers,
        });
        return;
      case 'truncated':
        this.sendTruncated(exchange, meta, reply, decision, streamed, includeUsage, headers);
        return;
      case 'empty_choices':
      case 'empty_content':
        if (streamed) {
          await this.sendEvents(exchange, completionChunks(meta, reply, decision.stream, includeUsage, fault.kind), decision.stream.chunkDelayMs, headers);
        } else {
          this.sendJson(exchange, 200, this.successBody(exchange.api, meta, reply, fault.kind), headers);
        }
    }
  }

  private sendStatusFault(exchange: Exchange, fault: Fault, headers: Record<string, string>): void {
    const status = fault.status ?? 500;
    const retryAfter = fault.retry_after === undefined ? {} : { 'retry-after': String(fault.retry_after) };
    const body = fault.body ?? JSON.stringify(this.errorBody(exchange.api, status, injectedErrorMessage(status)));

    this.sendRaw(exchange, status, body, { ...JSON_HEADERS, ...retryAfter, ...headers });
  }

  /** Sends the first half of the JSON body, or of a stream's events without `[DONE]`, then ends the response. */
  private sendTruncated(
    exchange: Exchange,
    meta: CompletionMeta,
    reply: ScriptedReply,
    decision: Decision,
    streamed: boolean,
    includeUsage: boolean,
    headers: Record<string, string>,
  ): void {
    if (streamed) {
      const events = completionChunks(meta, reply, decision.stream, includeUsage, 'normal').filter((event) => event !== SSE_DONE);
      if (this.startResponse(exchange, 200, { ...SSE_HEADERS, ...headers })) {
        exchange.res.end(events.slice(0, Math.ceil(events.length / 2)).join(''));
      }
      return;
    }

    const body = JSON.stringify(this.successBody(exchange.api, meta, reply, 'normal'));
    if (this.startResponse(exchange, 200, { ...JSON_HEADERS, ...headers })) {
      exchange.res.end(body.slice(0, Math.floor(body.length / 2)));
    }
  }

  /** Writes Server-Sent Events, pausing `delayMs` between events. Stops early when the client or the server closes. */
  private async sendEvents(exchange: Exchange, events: string[], delayMs: number, headers: Record<string, string> = {}): Promise<void> {
    if (!this.startResponse(exchange, 200, { ...SSE_HEADERS, ...headers })) {
      return;
    }

    if (delayMs === 0) {
      exchange.res.end(events.join(''));
      return;
    }

    for (const [index, event] of events.entries()) {
      if (exchange.res.destroyed) {
        return;
      }
      exchange.res.write(event);
      if (index < events.length - 1 && !(await this.sleep(delayMs))) {
        return;
      }
    }
    exchange.res.end();
  }

  private successBody(api: ApiName, meta: CompletionMeta, reply: ScriptedReply, variant: BodyVariant): Record<string, unknown> {
    return api === 'anthropic' ? messageBody(meta, reply, variant) : completionBody(meta, reply, variant);
  }

  private newMeta(api: ApiName, model: string): CompletionMeta {
    const serial = this.nextId;
    this.nextId += 1;

    const id = api === 'anthropic' ? `msg_test_${serial}` : `chatcmpl-test-${serial}`;
    return { id, created: Math.floor(Date.now() / 1000), model };
  }

  private isAuthorized(exchange: Exchange, runtime: ScriptRuntime): boolean {
    const key = runtime.requireApiKey;
    const headers = exchange.req.headers;

    if (key === undefined) {
      return true;
    }

    switch (exchange.api) {
      case 'openai':
        return headers.authorization === `Bearer ${key}`;
      case 'azure':
        return headers['api-key'] === key;
      case 'anthropic':
        return headers['x-api-key'] === key;
    }
  }

  private sendUnauthorized(exchange: Exchange): void {
    const headers = exchange.req.headers;

    switch (exchange.api) {
      case 'openai': {
        const message =
          headers.authorization === undefined
            ? "You didn't provide an API key. Send it in the header `Authorization: Bearer <key>`."
            : 'Incorrect API key provided. Send the key that the test server script sets in `require_api_key`.';
        this.sendError(exchange, 401, message);
        return;
      }
      case 'azure':
        this.sendJson(exchange, 401, azureErrorBody('401', AZURE_UNAUTHORIZED_MESSAGE));
        return;
      case 'anthropic':
        this.sendError(exchange, 401, headers['x-api-key'] === undefined ? 'x-api-key header is required' : 'invalid x-api-key');
    }
  }

  private sendUnknownModel(exchange: Exchange, modelId: string): void {
    switch (exchange.api) {
      case 'openai':
        this.sendError(exchange, 404, `The model \`${modelId}\` does not exist or you do not have access to it.`);
        return;
      case 'azure':
        this.sendJson(exchange, 404, azureErrorBody('DeploymentNotFound', AZURE_DEPLOYMENT_NOT_FOUND_MESSAGE));
        return;
      case 'anthropic':
        this.sendError(exchange, 404, `model: ${modelId}`);
    }
  }

  private sendModelList(exchange: Exchange, runtime: ScriptRuntime): void {
    const data = runtime.modelIds().map((id) => ({ id, object: 'model', created: 0, owned_by: 'llm-bench-test-server' }));
    this.sendJson(exchange, 200, { object: 'list', data });
  }

  private errorBody(api: ApiName, status: number, message: string, param: string | null = null): Record<string, unknown> {
    if (api === 'anthropic') {
      return anthropicErrorBody(status, message);
    }

    const body = openAiErrorBody(status, message, param);
    // Azure OpenAI sends the status as a string `code`, e.g. "429".
    return api === 'azure' ? { error: { ...(body.error as object), code: String(status) } } : body;
  }

  private sendError(exchange: Exchange, status: number, message: string, param: string | null = null): void {
    this.sendJson(exchange, status, this.errorBody(exchange.api, status, message, param));
  }

  private sendJson(exchange: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.sendRaw(exchange, status, JSON.stringify(body), { ...JSON_HEADERS, ...headers });
  }

  private sendRaw(exchange: Exchange, status: number, body: string, headers: OutgoingHttpHeaders): void {
    if (this.startResponse(exchange, status, { ...headers, 'content-length': Buffer.byteLength(body) })) {
      exchange.res.end(body);
    }
  }

  /** Writes the status line and headers, and counts the status. Returns false when the response can no longer be sent. */
  private startResponse(exchange: Exchange, status: number, headers: OutgoingHttpHeaders): boolean {
    if (exchange.res.headersSent || exchange.res.destroyed) {
      return false;
    }

    exchange.record.status = status;
    this.counts.byStatus[status] = (this.counts.byStatus[status] ?? 0) + 1;
    exchange.res.writeHead(status, headers);
    return true;
  }

  /** Waits `ms` milliseconds. Returns false when the server closes first. */
  private async sleep(ms: number): Promise<boolean> {
    try {
      await delay(ms, undefined, { signal: this.closing.signal });
      return true;
    } catch (error) {
      if ((error as Error).name === 'AbortError') {
        return false;
      }
      throw error;
    }
  }

  /** Resolves when the client closes the connection or the server closes. */
  private waitForDisconnect(res: ServerResponse): Promise<void> {
    const signal = this.closing.signal;

    return new Promise((resolve) => {
      const finish = () => {
        signal.removeEventListener('abort', finish);
        res.off('close', finish);
        resolve();
      };

      if (signal.aborted || res.destroyed) {
        resolve();
        return;
      }
      signal.addEventListener('abort', finish);
      res.on('close', finish);
    });
  }

  /** Sends 500 for a bug in the handler. Errors after the client closed the connection are dropped. */
  private handleError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    if (req.socket.destroyed) {
      return;
    }

    if (!res.headersSent && !res.destroyed) {
      const body = JSON.stringify(openAiErrorBody(500, `The llm-bench test server failed: ${(error as Error).message ?? String(error)}`));
      res.writeHead(500, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } else {
      res.destroy();
    }

    this.options.onError?.(error);
  }
}

/** Starts a test server on 127.0.0.1 and resolves once it listens. Throws `ScriptError` for an invalid script. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const server = new ScriptedServer(options);
  await server.listen(options.port ?? 0);
  return server;
}

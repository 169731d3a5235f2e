// Error classification shared by the providers: timeouts, cancellation, connection errors and
// unreadable bodies become CallFailures that mark whether a retry may help. No message carries the key.

import { redact } from '../secrets.js';
import { CallFailure } from '../runner/retry.js';

/** Maximum length of an error message in characters, because API error bodies can be whole HTML pages. */
const MAX_MESSAGE_CHARS = 300;

/** Signals of one call: the run's cancellation and the request's time limit. */
export interface CallSignals {
  /** The run's signal; aborting it cancels the call. */
  cancel?: AbortSignal;
  timeout: AbortSignal;
  /** Both of the above, for the HTTP client. */
  combined: AbortSignal;
  timeoutS: number;
  /** Clears the timer once the call is over. */
  dispose(): void;
}

/**
 * Creates the signals of one call: `timeoutS` bounds the whole call, the body (or stream) included.
 * The timer is cleared by `dispose` rather than left to `AbortSignal.timeout`, which keeps every
 * finished call's timer until it fires.
 */
export function callSignals(cancel: AbortSignal | undefined, timeoutS: number): CallSignals {
  const timeoutController = new AbortController();
  const combinedController = new AbortController();
  const timer = setTimeout(() => {
    timeoutController.abort();
    combinedController.abort();
  }, timeoutS * 1000);

  // Not AbortSignal.any: the openai package adds an abort listener to the signal it is given and never
  // removes it, and Node.js keeps a composite signal that has listeners alive until it aborts, so
  // every finished call would stay in memory.
  const onCancel = cancel ? new AbortOnCancel(combinedController, cancel) : undefined;
  if (cancel?.aborted) onCancel!.cancel();
  else if (cancel) trackCall(cancel, onCancel!);

  const dispose = (): void => {
    clearTimeout(timer);
    if (cancel) untrackCall(cancel, onCancel!);
  };
  return { cancel, timeout: timeoutController.signal, combined: combinedController.signal, timeoutS, dispose };
}

/** A call in flight that stops when the run is cancelled. */
export interface CancellableCall {
  cancel(): void;
}

/** The calls in flight, per run signal; see `trackCall`. */
const callsInFlight = new WeakMap<AbortSignal, Set<CancellableCall>>();

/**
 * Cancels `call` when `signal` aborts, until `untrackCall`. All calls of a signal share one abort
 * listener, and each call is an object, not a closure. In a scratch client that sent 20,000
 * requests, a listener per call raised the peak RSS from 71 MB to about 93 MB, and so did a closure
 * per call in this set. The closures and what they captured stayed in memory until a full garbage
 * collection. An object per call did not.
 */
export function trackCall(signal: AbortSignal, call: CancellableCall): void {
  let calls = callsInFlight.get(signal);
  if (!calls) {
    const created = new Set<CancellableCall>();
    calls = created;
    callsInFlight.set(signal, created);
    signal.addEventListener('abort', () => cancelAll(created), { once: true });
  }
  calls.add(call);
}

/** Stops tracking `call`, once it is over. */
export function untrackCall(signal: AbortSignal, call: CancellableCall): void {
  callsInFlight.get(signal)?.delete(call);
}

function cancelAll(calls: Set<CancellableCall>): void {
  for (const call of calls) call.cancel();
  calls.clear();
}

/** Aborts a call's controller with the run's reason when the run is cancelled. */
class AbortOnCancel implements CancellableCall {
  constructor(
    private readonly controller: AbortController,
    private readonly signal: AbortSignal,
  ) {}

  cancel(): void {
    this.controller.abort(this.signal.reason);
  }
}

/** Returns the failure for an aborted call (cancelled or timed out), or undefined when it was not aborted. */
export function abortFailure(signals: CallSignals): CallFailure | undefined {
  if (signals.cancel?.aborted) return new CallFailure('cancelled', { transient: false });
  if (signals.timeout.aborted) return new CallFailure(`request timed out after ${signals.timeoutS} s`, { transient: true });
  return undefined;
}

/**
 * Classifies an error thrown by `fetch` or while reading a body: a connection that failed or broke
 * off, or a body that is not valid JSON, are transient; anything else is not.
 */
export function transportFailure(error: unknown, apiKey: string | undefined): CallFailure {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: unknown };
  // Checked by name, not instanceof: JSON.parse's SyntaxError may come from another realm (jest's VM).
  if (name === 'SyntaxError') {
    return new CallFailure(cleanMessage(`malformed response: the body is not valid JSON (${String(message)})`, apiKey), { transient: true });
  }
  // Node's fetch throws TypeError "fetch failed" with the socket error as `cause`, and "terminated"
  // when the connection breaks while the body is read.
  if (name === 'TypeError') {
    const detail = cause instanceof Error ? `${String(message)}: ${connectionDetail(cause)}` : String(message);
    return new CallFailure(cleanMessage(`connection failed: ${detail}`, apiKey), { transient: true, connection: true });
  }
  return new CallFailure(cleanMessage(typeof message === 'string' ? message : String(error), apiKey), { transient: false });
}

/** Parses a response body as JSON; a body that is not JSON is a transient CallFailure. */
export function parseJsonBody(text: string, apiKey: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw transportFailure(error, apiKey);
  }
}

/**
 * Describes why a connection failed from the innermost cause that names it, e.g. `fetch failed
 * (ECONNREFUSED 127.0.0.1:9)`, so that a wrong port or host reads as such rather than "fetch failed".
 */
export function connectionDetail(error: unknown): string {
  // Read by shape, not instanceof: errors of node:http come from another realm under jest's VM.
  const message = (error as { message?: unknown } | null)?.message;
  const top = typeof message === 'string' ? message : String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { code, address, port } = current as { code?: unknown; address?: unknown; port?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      // Node's socket errors already name the code: "connect ECONNREFUSED 127.0.0.1:9".
      if (top.includes(code)) return top;
      const target = typeof address === 'string' ? ` ${address}${typeof port === 'number' ? `:${port}` : ''}` : '';
      return `${top} (${code}${target})`;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return top;
}

/** Cuts a message to its first line and `MAX_MESSAGE_CHARS`, and removes the API key from it. */
export function cleanMessage(text: string, apiKey: string | undefined): string {
  // Redacted before the cut, so that a key across the cut cannot leave a fragment behind.
  const line = redact(text, [apiKey]).split('\n')[0] ?? '';
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 3)}...` : line;
}

/** Quotes the start of an unexpected body for an error message. */
export function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : String(body);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

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
  const tracked = cancel && !cancel.aborted ? trackCall(cancel, onCancel!) : undefined;

  const dispose = (): void => {
    clearTimeout(timer);
    tracked?.untrack();
  };
  return { cancel, timeout: timeoutController.signal, combined: combinedController.signal, timeoutS, dispose };
}

/** A call in flight that stops when the run is cancelled. */
export interface CancellableCall {
  cancel(): void;
}

/** Returned by `trackCall`; `untrack` once the call is over. */
export interface TrackedCall {
  untrack(): void;
}

/** The calls in flight, per run signal; see `trackCall`. */
const callsInFlight = new WeakMap<AbortSignal, CallList>();

/**
 * Cancels `call` when `signal` aborts, until it is untracked. All calls of a signal share one abort
 * listener and one list, and each call is an object, not a closure.
 *
 * Earlier designs kept finished calls, with their requests and responses, in memory until a full
 * garbage collection. A dead object in V8's old generation still keeps the young objects it points
 * to alive through minor collections. Both designs linked old objects to new ones. Node.js links an
 * EventTarget's listeners in a list, and V8 links a Set's replaced hash table to its successor as
 * calls come and go. With the Set, a 20,000-case run moved 1.7 MB to the old generation per minor
 * collection instead of 0.5 MB, and its peak RSS was 20 to 30 MB higher (docs/benchmarks.md, "Where
 * the memory goes"). The list below clears an entry's links when it leaves.
 */
export function trackCall(signal: AbortSignal, call: CancellableCall): TrackedCall {
  let calls = callsInFlight.get(signal);
  if (!calls) {
    const created = new CallList();
    calls = created;
    callsInFlight.set(signal, created);
    signal.addEventListener('abort', () => created.cancelAll(), { once: true });
  }
  return calls.add(call);
}

/** A doubly linked list of calls whose entries forget their neighbours when they leave it. */
class CallList {
  first: CallEntry | undefined;

  add(call: CancellableCall): CallEntry {
    const entry = new CallEntry(call, this);
    entry.next = this.first;
    if (this.first) this.first.previous = entry;
    this.first = entry;
    return entry;
  }

  remove(entry: CallEntry): void {
    if (entry.previous) entry.previous.next = entry.next;
    else if (this.first === entry) this.first = entry.next;
    else return; // already removed
    if (entry.next) entry.next.previous = entry.previous;
    entry.previous = undefined;
    entry.next = undefined;
  }

  cancelAll(): void {
    const calls: CancellableCall[] = [];
    for (let entry = this.first; entry; entry = entry.next) calls.push(entry.call);
    for (const call of calls) call.cancel();
  }
}

class CallEntry implements TrackedCall {
  previous: CallEntry | undefined;
  next: CallEntry | undefined;

  constructor(
    readonly call: CancellableCall,
    private readonly list: CallList,
  ) {}

  untrack(): void {
    this.list.remove(this);
  }
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

import { setTimeout } from 'node:timers/promises';

/** Retry settings of one model; `callWithRetries` applies them. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Longest wait the API may ask for (Retry-After and rate-limit reset headers) before the model is stopped. */
  maxRetryWaitMs: number;
  /** First backoff ceiling; it doubles with each retry up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 5, maxRetryWaitMs: 60_000, baseBackoffMs: 500, maxBackoffMs: 30_000 };

/** HTTP statuses worth retrying: timeout, conflict, rate limit, server errors (529 is Anthropic's "overloaded"). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** A failed call, classified by the provider so that the runner can decide whether to retry it. */
export class CallFailure extends Error {
  readonly transient: boolean;
  readonly status?: number;
  /** Wait the API asked for before the next attempt, in ms. */
  readonly retryAfterMs?: number;
  /** Every other call of the model would fail the same way (a config error), so the model is stopped. */
  readonly stopsModel: boolean;
  /** No connection could be made or kept (refused, reset, DNS); no HTTP response arrived. */
  readonly connection: boolean;

  constructor(message: string, options: { transient: boolean; status?: number; retryAfterMs?: number; stopsModel?: boolean; connection?: boolean }) {
    super(message);
    this.name = 'CallFailure';
    this.transient = options.transient;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.stopsModel = options.stopsModel === true;
    this.connection = options.connection === true;
  }
}

/** The API asked for a wait longer than the policy allows, such as a daily quota; the model is stopped. */
export class QuotaWaitTooLong extends Error {
  constructor(
    readonly waitMs: number,
    readonly maxWaitMs: number,
    cause: CallFailure,
  ) {
    super(
      `the API asked to wait ${formatSeconds(waitMs)} before retrying (${cause.message}), more than max_retry_wait_s ` +
        `(${formatSeconds(maxWaitMs)}); a quota is probably used up, so this model's remaining cases were not run`,
    );
    this.name = 'QuotaWaitTooLong';
  }
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Response headers read by name, as fetch's `Headers` reads them. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Reads how long the server wants the client to wait, in ms: `retry-after-ms`, `Retry-After` (seconds or
 * an HTTP date, RFC 9110 section 10.2.3), else the longer of OpenAI's `x-ratelimit-reset-requests` and
 * `x-ratelimit-reset-tokens` (durations such as `1s`, `6m0s`, `20ms`). Returns undefined when none is set.
 */
export function retryAfterMs(headers: HeaderReader | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;

  const milliseconds = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;

  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }

  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']
    .map((name) => parseDuration(headers.get(name)))
    .filter((value): value is number => value !== undefined);
  return resets.length > 0 ? Math.max(...resets) : undefined;
}

/** Parses Go-style durations as OpenAI writes them (`1h2m3.5s`, `250ms`); a bare number is seconds. */
export function parseDuration(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;

  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let rest = trimmed;
  while (rest.length > 0) {
    const match = /^(\d+(?:\.\d+)?)(ms|h|m|s)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * units[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

/** Exponential backoff with full jitter: a uniform wait in [0, min(max, base × 2^attempt)). */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export interface RetryHooks {
  /** Called before each wait; `failure` is the attempt that failed. */
  onRetry?(failure: CallFailure, waitMs: number, attempt: number): void;
  sleep?(ms: number): Promise<void>;
  random?: () => number;
  /** The run's signal: aborting it ends a wait at once, so that the next attempt reports the cancellation. */
  signal?: AbortSignal;
}

/**
 * Runs `call` until it succeeds, fails with a non-transient CallFailure, or the retries are used up.
 * A wait asked by the server is honoured (never less than the jittered backoff); one above
 * `maxRetryWaitMs` throws QuotaWaitTooLong at once instead of hanging. Returns the value and the
 * number of retries made; a final failure is rethrown with that count in `retries`.
 */
export async function callWithRetries<T>(call: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<{ value: T; retries: number }> {
  const sleep = hooks.sleep ?? ((ms: number) => wait(ms, hooks.signal));

  for (let attempt = 0; ; attempt++) {
    try {
      return { value: await call(), retries: attempt };
    } catch (error) {
      if (!(error instanceof CallFailure) || !error.transient || attempt >= policy.retries) {
        throw Object.assign(error as object, { retries: attempt });
      }
      if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryWaitMs) {
        throw Object.assign(new QuotaWaitTooLong(error.retryAfterMs, policy.maxRetryWaitMs, error), { retries: attempt });
      }

      const waitMs = Math.max(error.retryAfterMs ?? 0, backoffMs(attempt, policy, hooks.random));
      hooks.onRetry?.(error, waitMs, attempt + 1);
      await sleep(waitMs);
    }
  }
}

/** Waits `ms` milliseconds, or less when `signal` aborts first. */
async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await setTimeout(ms, undefined, { signal });
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
}

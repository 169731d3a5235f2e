// Runs sandboxed programs in parallel, a fixed number at a time. Each program is a child process,
// so the event loop stays free for API requests while programs run.

import os from 'node:os';

import pLimit, { type LimitFunction } from 'p-limit';

import { SANDBOX_UIDS_PER_PROCESS } from './limits.js';

let pool: LimitFunction | null = null;

/**
 * Default number of programs that run at the same time: one per core that Node.js may use, at most
 * SANDBOX_UIDS_PER_PROCESS (each running program needs a uid of its own).
 */
export function defaultSandboxSlots(): number {
  return Math.min(os.availableParallelism(), SANDBOX_UIDS_PER_PROCESS);
}

/** Returns the shared pool, created with `defaultSandboxSlots()` slots on first use. */
export function sandboxPool(): LimitFunction {
  pool ??= pLimit(defaultSandboxSlots());
  return pool;
}

/** Sets how many programs run at the same time; programs already running are not interrupted. */
export function setSandboxSlots(slots: number): void {
  if (!Number.isInteger(slots) || slots < 1 || slots > SANDBOX_UIDS_PER_PROCESS) {
    throw new RangeError(`invalid sandbox slot count ${slots}: expected a whole number from 1 to ${SANDBOX_UIDS_PER_PROCESS}`);
  }
  sandboxPool().concurrency = slots;
}

/** Runs `task` when a slot is free. */
export function inSandboxPool<T>(task: () => Promise<T>): Promise<T> {
  return sandboxPool()(task);
}

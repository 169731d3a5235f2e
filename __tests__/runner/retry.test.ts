import { callWithRetries, CallFailure, DEFAULT_RETRY_POLICY } from '../../src/runner/retry.js';

describe('callWithRetries', () => {
  test('cancel ends a long retry wait', async () => {
    const controller = new AbortController();
    const policy = { ...DEFAULT_RETRY_POLICY, retries: 3, maxRetryWaitMs: 60_000 };
    let attempts = 0;
    const call = async (): Promise<string> => {
      attempts++;
      if (controller.signal.aborted) throw new CallFailure('cancelled', { transient: false });
      throw new CallFailure('HTTP 429: slow down', { transient: true, status: 429, retryAfterMs: 30_000 });
    };
    setTimeout(() => controller.abort(), 50);

    const started = performance.now();
    const failure = await callWithRetries(call, policy, { signal: controller.signal }).catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((failure as CallFailure).message).toBe('cancelled');
    expect(attempts).toBe(2);
  });
});

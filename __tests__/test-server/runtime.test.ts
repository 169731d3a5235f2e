import { ScriptRuntime } from '../../test-server/runtime.js';
import type { ChatRequest } from '../../test-server/runtime.js';
import type { TestScript } from '../../test-server/script.js';
import { codePointLength, sliceCodePoints, splitCodePoints } from '../../test-server/text.js';

function request(modelId: string, lastUserText = 'hi'): ChatRequest {
  return { modelId, lastUserText, promptCodePoints: codePointLength(lastUserText) };
}

/** Latencies of `count` decisions for `modelId`. */
function latencies(runtime: ScriptRuntime, modelId: string, count: number): number[] {
  const model = runtime.findModel(modelId);
  if (model === undefined) {
    throw new Error(`no model ${modelId}`);
  }
  return Array.from({ length: count }, () => runtime.decide(model, request(modelId)).latencyMs);
}

const JITTER_SCRIPT: TestScript = { seed: 5, models: { a: { latency_ms: 20, latency_jitter_ms: 40, default: 'x' }, b: { default: 'y' } } };

describe('ScriptRuntime', () => {
  test('jitter is seeded and within range', () => {
    const first = latencies(new ScriptRuntime(JITTER_SCRIPT), 'a', 50);
    const second = latencies(new ScriptRuntime(JITTER_SCRIPT), 'a', 50);

    expect(second).toEqual(first);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...first)).toBeLessThanOrEqual(60);
    expect(new Set(first).size).toBeGreaterThan(10);
  });

  test('other models do not shift a model sequence', () => {
    const alone = latencies(new ScriptRuntime(JITTER_SCRIPT), 'a', 20);
    const runtime = new ScriptRuntime(JITTER_SCRIPT);
    const interleaved: number[] = [];

    for (let index = 0; index < 20; index += 1) {
      latencies(runtime, 'b', 3);
      interleaved.push(...latencies(runtime, 'a', 1));
    }

    expect(interleaved).toEqual(alone);
  });

  test('wildcard models keep separate sequences', () => {
    const script: TestScript = { seed: 9, models: { '*': { faults: [{ status: 500, rate: 0.5 }], echo: true } } };
    const statuses = (runtime: ScriptRuntime, modelId: string) =>
      Array.from({ length: 30 }, () => runtime.decide(runtime.findModel(modelId)!, request(modelId)).fault?.status ?? 200);

    const together = new ScriptRuntime(script);
    const xFirst = statuses(together, 'x');
    statuses(together, 'y');

    expect(statuses(new ScriptRuntime(script), 'x')).toEqual(xFirst);
    expect(together.findModel('never-listed')?.id).toBe('*');
  });

  test('rule without reply takes the model default', () => {
    const runtime = new ScriptRuntime({ models: { m: { rules: [{ contains: 'slow', latency_ms: 300 }], default: 'fallback' } } });
    const decision = runtime.decide(runtime.findModel('m')!, request('m', 'be slow'));

    expect(decision.latencyMs).toBe(300);
    expect(decision.reply?.content).toBe('fallback');
  });

  test('modelIds leaves out the wildcard', () => {
    expect(new ScriptRuntime({ models: { a: { echo: true }, '*': { echo: true } } }).modelIds()).toEqual(['a']);
  });
});

describe('code point helpers', () => {
  test('count surrogate pairs once', () => {
    expect(codePointLength('a😀中')).toBe(3);
    expect(codePointLength('')).toBe(0);
  });

  test('slice never splits a pair', () => {
    expect(sliceCodePoints('😀😀😀', 2)).toBe('😀😀');
    expect(sliceCodePoints('ab', 5)).toBe('ab');
  });

  test('split into fixed pieces', () => {
    expect(splitCodePoints('你好😀世界!', 2)).toEqual(['你好', '😀世', '界!']);
    expect(splitCodePoints('', 4)).toEqual([]);
  });
});

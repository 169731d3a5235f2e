import { InputError } from '../../src/errors.js';
import { compareRuns } from '../../src/baseline/compare.js';
import { MAX_BOOTSTRAP_DRAWS, MIN_BOOTSTRAP_ITERATIONS } from '../../src/baseline/paired-comparison.js';
import type { CaseResult } from '../../src/types.js';
import { DEFAULT_MODEL, makeRow, makeRows, makeRun, outcomes, summarize } from './make-runs.js';

const GATE = { maxDrop: 0.05, alpha: 0.05 };

/** Base and head rows of 50 cases where `newlyFailing` and `newlyPassing` cases change, the rest keep passing. */
function changedRuns(total: number, newlyFailing: number, newlyPassing: number): { base: CaseResult[]; head: CaseResult[] } {
  const base = makeRows([...outcomes(total - newlyPassing, 0), ...outcomes(0, newlyPassing)]);
  const head = makeRows([...outcomes(total - newlyPassing - newlyFailing, newlyFailing), ...outcomes(newlyPassing, 0)]);
  return { base, head };
}

describe('compareRuns verdicts', () => {
  test('10 newly failing of 50 is a regression', () => {
    const { base, head } = changedRuns(50, 10, 0);
    const comparison = compareRuns(makeRun(base), makeRun(head), GATE);
    const model = comparison.models[DEFAULT_MODEL];

    expect(model.p_value).toBe(2 * 0.5 ** 10);
    expect(model.pass_rate).toBe(1);
    expect(model.head_pass_rate).toBe(0.8);
    expect(model.delta).toBeCloseTo(-0.2, 12);
    // Newcombe: head Wilson interval [0.6696, 0.8876], base [0.9287, 1], ψ = 0 because no base row fails.
    expect(model.delta_ci?.low).toBeCloseTo(-0.33037, 4);
    expect(model.delta_ci?.high).toBeCloseTo(-0.08708, 4);
    expect(model.newly_failing).toEqual(['case-40', 'case-41', 'case-42', 'case-43', 'case-44', 'case-45', 'case-46', 'case-47', 'case-48', 'case-49']);
    expect(model.newly_passing).toEqual([]);
    expect(model.verdict).toBe('regression');
    expect(model.reason).toBe(
      'pass rate 1.00 → 0.80 (−0.20, 95% CI −0.33…−0.087); 10 newly failing, 0 newly passing; ' +
        'p = 0.0020 < 0.05 and drop 0.20 > max_drop 0.05: regression',
    );
    expect(comparison.passed).toBe(false);
    expect(comparison.failures).toEqual([{ model: DEFAULT_MODEL, scope: 'all', verdict: 'regression', reason: model.reason }]);
  });

  test('7 against 3 is not significant and warns', () => {
    const { base, head } = changedRuns(50, 7, 3);
    const comparison = compareRuns(makeRun(base), makeRun(head), GATE);
    const model = comparison.models[DEFAULT_MODEL];

    expect(model.p_value).toBe(0.34375);
    expect(model.delta).toBeCloseTo(-0.08, 12);
    expect(model.verdict).toBe('warning');
    expect(model.reason).toMatch(/drop 0\.08 > max_drop 0\.05 but p = 0\.3438 ≥ 0\.05, not significant: warning$/);
    expect(comparison.passed).toBe(true);
    expect(comparison.failures).toEqual([]);
    expect(comparison.warnings.map((issue) => issue.verdict)).toEqual(['warning']);
  });

  test('significant drop within max_drop warns', () => {
    const { base, head } = changedRuns(1_000, 20, 2);
    const comparison = compareRuns(makeRun(base), makeRun(head), GATE);
    const model = comparison.models[DEFAULT_MODEL];

    expect(model.p_value).toBeLessThan(0.001);
    expect(model.verdict).toBe('warning');
    expect(model.reason).toMatch(/< 0\.05 but drop 0\.018 ≤ max_drop 0\.05: warning$/);
    expect(comparison.passed).toBe(true);
  });

  test('significant rise is an improvement', () => {
    const { base, head } = changedRuns(50, 0, 10);
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.verdict).toBe('improvement');
    expect(model.newly_passing).toHaveLength(10);
    expect(model.reason).toMatch(/\(\+0\.20, .*and rise 0\.20: improvement$/);
  });

  test('small balanced change passes', () => {
    const { base, head } = changedRuns(50, 2, 1);
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.verdict).toBe('pass');
    expect(model.reason).toMatch(/drop 0\.02 ≤ max_drop 0\.05 and p = 1\.0000 ≥ 0\.05: pass$/);
  });

  test('drop equal to max_drop does not exceed it', () => {
    const { base, head } = changedRuns(200, 10, 0);
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.delta).toBe(-0.05);
    expect(model.verdict).toBe('warning');
  });
});

describe('compareRuns pairing', () => {
  test('model absent from baseline gets no-baseline', () => {
    const base = makeRows(outcomes(5, 0), { model: 'old-model' });
    const head = makeRows(outcomes(5, 0), { model: 'new-model' });
    const comparison = compareRuns(makeRun(base), makeRun(head), GATE);

    expect(comparison.models['new-model'].verdict).toBe('no-baseline');
    expect(comparison.models['new-model'].reason).toBe('model "new-model" is not in the baseline run');
    expect(comparison.models['new-model'].added).toHaveLength(5);
    expect(comparison.removed_models).toEqual(['old-model']);
    expect(comparison.passed).toBe(true);
  });

  test('cases on one side are added or removed', () => {
    const base = [makeRow({ id: 'a', pass: true }), makeRow({ id: 'b', pass: true }), makeRow({ id: 'c', pass: false })];
    const head = [makeRow({ id: 'b', pass: false }), makeRow({ id: 'c', pass: false }), makeRow({ id: 'd', pass: true })];
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.added).toEqual(['d']);
    expect(model.removed).toEqual(['a']);
    expect(model.pairs).toBe(2);
    expect(model.newly_failing).toEqual(['b']);
  });

  test('errored rows are left out of the test', () => {
    const base = makeRows(outcomes(10, 0));
    const head = makeRows(outcomes(10, 0));
    head[0] = makeRow({ id: 'case-0', pass: false, error: 'HTTP 503' });
    base[1] = makeRow({ id: 'case-1', pass: false, error: 'timed out' });
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.errored_pairs).toBe(2);
    expect(model.pairs).toBe(8);
    expect(model.newly_failing).toEqual([]);
    expect(model.verdict).toBe('pass');
    expect(model.reason).toContain('2 pairs with errors left out');
  });

  test('all rows errored gives no-baseline', () => {
    const base = makeRows(outcomes(3, 0));
    const head = makeRows(outcomes(0, 3), { error: 'HTTP 500' });
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.verdict).toBe('no-baseline');
    expect(model.pass_rate).toBeNull();
    expect(model.reason).toContain('3 pairs with errors');
  });

  test('samples pair by number and label with #', () => {
    const base = [0, 1, 2].map((sample) => makeRow({ id: 'q', sample, pass: true }));
    const head = [0, 1, 2].map((sample) => makeRow({ id: 'q', sample, pass: sample === 0 }));
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.pairs).toBe(3);
    expect(model.newly_failing).toEqual(['q#1', 'q#2']);
  });

  test('duplicate row is rejected', () => {
    const rows = [makeRow({ id: 'x', pass: true }), makeRow({ id: 'x', pass: false })];

    expect(() => compareRuns(makeRun(rows), makeRun(rows), GATE)).toThrow(InputError);
    expect(() => compareRuns(makeRun(rows), makeRun(rows), GATE)).toThrow(/baseline run: cases\[1\]: second row for model "model-a", case "x", sample 0/);
  });

  test('options out of range are rejected', () => {
    const run = makeRun(makeRows(outcomes(1, 0)));

    expect(() => compareRuns(run, run, { maxDrop: 5, alpha: 0.05 })).toThrow(/maxDrop must be a fraction between 0 and 1, got 5/);
    expect(() => compareRuns(run, run, { maxDrop: 0.05, alpha: 0 })).toThrow(/alpha must be strictly between 0 and 1/);
    expect(() => compareRuns(run, run, { ...GATE, bootstrapIterations: 0 })).toThrow(/bootstrapIterations/);
  });
});

describe('compareRuns by type', () => {
  test('each type gets its own comparison', () => {
    const base = [...makeRows(outcomes(40, 0), { type: 'math', prefix: 'm' }), ...makeRows(outcomes(40, 0), { type: 'qa', prefix: 'q' })];
    const head = [...makeRows(outcomes(28, 12), { type: 'math', prefix: 'm' }), ...makeRows(outcomes(40, 0), { type: 'qa', prefix: 'q' })];
    const comparison = compareRuns(makeRun(base), makeRun(head), { maxDrop: 0.2, alpha: 0.05 });
    const model = comparison.models[DEFAULT_MODEL];

    expect(Object.keys(model.by_type)).toEqual(['math', 'qa']);
    expect(model.by_type.math.delta).toBeCloseTo(-0.3, 12);
    expect(model.by_type.math.verdict).toBe('regression');
    expect(model.by_type.qa.verdict).toBe('pass');
    expect(model.delta).toBeCloseTo(-0.15, 12);
    expect(model.verdict).toBe('warning');
    expect(comparison.passed).toBe(true);
    expect(comparison.warnings.map((issue) => issue.scope)).toEqual(['all', 'type:math']);
  });

  test('single type adds no type-level issue', () => {
    const { base, head } = changedRuns(50, 10, 0);
    const comparison = compareRuns(makeRun(base), makeRun(head), GATE);

    expect(comparison.models[DEFAULT_MODEL].by_type.math.verdict).toBe('regression');
    expect(comparison.failures).toHaveLength(1);
    expect(comparison.warnings).toHaveLength(0);
  });
});

describe('compareRuns scores, latency and cost', () => {
  test('binary scores give no score_delta', () => {
    const { base, head } = changedRuns(20, 2, 0);

    expect(compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL].score_delta).toBeNull();
  });

  test('continuous scores are bootstrapped the same way every time', () => {
    const base = Array.from({ length: 40 }, (_, index) => makeRow({ id: `s${index}`, pass: true, score: 0.9 }));
    const head = Array.from({ length: 40 }, (_, index) => makeRow({ id: `s${index}`, pass: true, score: index % 2 === 0 ? 0.6 : 0.8 }));
    const first = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL].score_delta;
    const second = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL].score_delta;

    expect(first).toEqual(second);
    expect(first?.base_mean).toBeCloseTo(0.9, 12);
    expect(first?.head_mean).toBeCloseTo(0.7, 12);
    expect(first?.delta).toBeCloseTo(-0.2, 12);
    expect(first?.high).toBeLessThan(0);
    expect(first?.p_value).toBe(1 / 10_001);
    expect(first?.iterations).toBe(10_000);
    expect(first?.seed).toBe(42);
  });

  test('large suites get fewer bootstrap iterations', () => {
    const count = 20_000;
    const base = Array.from({ length: count }, (_, index) => makeRow({ id: `s${index}`, pass: true, score: 0.5 }));
    const head = Array.from({ length: count }, (_, index) => makeRow({ id: `s${index}`, pass: true, score: (index % 10) / 10 }));
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.score_delta?.iterations).toBe(Math.max(MIN_BOOTSTRAP_ITERATIONS, MAX_BOOTSTRAP_DRAWS / count));
  });

  test('latency and cost come from the summaries', () => {
    const base = makeRows(outcomes(4, 0), { latencyMs: 100, costUsd: 0.01 });
    const head = makeRows(outcomes(4, 0), { latencyMs: 250, costUsd: 0.02 });
    const model = compareRuns(makeRun(base), makeRun(head), GATE).models[DEFAULT_MODEL];

    expect(model.latency_p95_ms).toEqual({ base: 100, head: 250, delta: 150 });
    expect(model.cost_usd.base).toBeCloseTo(0.04, 12);
    expect(model.cost_usd.head).toBeCloseTo(0.08, 12);
    expect(model.cost_usd.delta).toBeCloseTo(0.04, 12);
    expect(model.by_type.math.latency_p95_ms).toEqual({ base: 100, head: 250, delta: 150 });
  });

  test('missing summaries fall back to rows', () => {
    const base = makeRows(outcomes(4, 0), { latencyMs: 100, costUsd: null });
    const head = makeRows(outcomes(4, 0), { latencyMs: 300, costUsd: 0.5 });
    const headSummary = { ...summarize(DEFAULT_MODEL, head), latency_ms: { mean: 1, p50: 1, p95: 1 } };
    const model = compareRuns(makeRun(base, []), makeRun(head, [headSummary]), GATE).models[DEFAULT_MODEL];

    expect(model.latency_p95_ms).toEqual({ base: 100, head: 1, delta: -99 });
    expect(model.cost_usd).toEqual({ base: null, head: 2, delta: null });
  });
});

describe('compareRuns performance', () => {
  test('20,000 rows a side take well under a second', () => {
    const count = 20_000;
    const types = ['math', 'qa', 'summary', 'code'] as const;
    const base = Array.from({ length: count }, (_, index) => makeRow({ id: `c${index}`, type: types[index % 4], pass: index % 3 !== 0 }));
    const head = Array.from({ length: count }, (_, index) => makeRow({ id: `c${index}`, type: types[index % 4], pass: index % 5 !== 0 }));
    const baseRun = makeRun(base);
    const headRun = makeRun(head);

    const started = performance.now();
    const comparison = compareRuns(baseRun, headRun, GATE);
    const elapsed = performance.now() - started;

    expect(comparison.models[DEFAULT_MODEL].pairs).toBe(count);
    expect(elapsed).toBeLessThan(500);
  });
});

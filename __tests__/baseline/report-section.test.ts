// The baseline part of the report, rendered from real comparisons: intervals, changes, linked newly
// failing cases, the no-baseline line, and long lists within GitHub's comment limit.
import { compareRuns } from '../../src/baseline/compare.js';
import { linkCaseLabels, renderBaselineSection } from '../../src/report/baseline.js';
import { buildReport, DEFAULT_REPORT_MAX_CHARS } from '../../src/report/markdown.js';
import type { RunResults } from '../../src/types.js';
import { makeRow, makeRows, makeRun, outcomes } from './make-runs.js';

const SOURCE_URL = (file: string, line: number): string => `https://github.example/o/r/blob/abc/${file}#L${line}`;
const DETAILS_URL = 'https://github.example/o/r/actions/runs/9';

/** `head` compared with `base`, merged the way the engine does. */
function compared(base: RunResults, head: RunResults, source = 'file:baseline/results.json'): RunResults {
  const comparison = compareRuns(base, head, { maxDrop: 0.05, alpha: 0.05 });
  return {
    ...head,
    models: head.models.map((model) => ({ ...model, baseline: comparison.models[model.name] })),
    baseline: { source, passed: comparison.passed, max_drop: 0.05, alpha: 0.05, removed_models: comparison.removed_models, failures: comparison.failures, warnings: comparison.warnings },
  };
}

describe('renderBaselineSection', () => {
  test('regression with intervals and links', () => {
    const base = makeRun(makeRows(outcomes(20, 0), { latencyMs: 200, costUsd: 0.01 }));
    const head = makeRun(makeRows(outcomes(10, 10), { latencyMs: 300, costUsd: 0.02 }));

    const markdown = renderBaselineSection(compared(base, head), { sourceUrl: SOURCE_URL, detailsUrl: DETAILS_URL });

    expect(markdown).toContain('Baseline: `file:baseline/results.json`. A regression, which fails the gate, is a drop of more than 5 pp that is significant at p < 0.05');
    expect(markdown).toContain('| model-a | 100% | 50% | ▼ −50 pp | ❌ **regression** · pass rate 1.00 → 0.50 (−0.50, 95% CI −0.701…−0.243); 10 newly failing');
    expect(markdown).toContain('| case-10, case-11, case-12, case-13, case-14 and 5 more |');
    expect(markdown).toContain(
      '- **model-a**: 50% (95% CI 29.9%–70.1%) now, 100% (95% CI 83.9%–100%) before on 20 paired cases; change ▼ −50 pp (95% CI −70.1 pp to −24.3 pp); ' +
        '10 newly failing, 0 newly passing; p95 latency 200 ms → 300 ms (▲ +100 ms); cost $0.2000 → $0.4000 (▲ +$0.2000).',
    );
    expect(markdown).toContain('Newly failing: [case-10](https://github.example/o/r/blob/abc/cases.yaml#L1), [case-11]');
  });

  test('improvement and an added model', () => {
    const base = makeRun(makeRows(outcomes(5, 15)));
    const head = makeRun([...makeRows(outcomes(20, 0)), makeRow({ id: 'n1', model: 'new-model', pass: true })]);

    const markdown = renderBaselineSection(compared(base, head));

    expect(markdown).toContain('| model-a | 25% | 100% | ▲ +75 pp | ✅ **improvement**');
    expect(markdown).toContain('0 newly failing, 15 newly passing');
    expect(markdown).toContain('| new-model | — | 100% | — | **no-baseline** · model "new-model" is not in the baseline run | — |');
    expect(markdown).toContain('- **new-model**: model "new-model" is not in the baseline run; 0 newly failing, 0 newly passing; cases 1 only in this run; p95 latency — → 100 ms.');
  });

  test('type warnings and removed models are listed', () => {
    const base = makeRun([...makeRows(outcomes(20, 0), { type: 'math' }), ...makeRows(outcomes(20, 0), { type: 'qa', prefix: 'qa-' }), makeRow({ id: 'g', model: 'gone', pass: true })]);
    const head = makeRun([...makeRows(outcomes(10, 10), { type: 'math' }), ...makeRows(outcomes(20, 0), { type: 'qa', prefix: 'qa-' })]);

    const markdown = renderBaselineSection(compared(base, head));

    expect(markdown).toContain('- ⚠️ model-a math: pass rate 1.00 → 0.50');
    expect(markdown).toContain('- Only in the baseline run, not compared: gone.');
  });

  test('no baseline gives its reason', () => {
    const results = makeRun(makeRows(outcomes(1, 1)));
    results.baseline = { source: 'none:llm-bench-results/results.json does not exist yet', passed: true, max_drop: 0.05, alpha: 0.05, removed_models: [], failures: [], warnings: [] };

    expect(renderBaselineSection(results)).toBe('### Compared with baseline\n\nNo baseline to compare with: llm-bench-results/results.json does not exist yet.');
    expect(renderBaselineSection(makeRun(makeRows(outcomes(1, 1))))).toBe('');
  });

  test('samples link to their case line', () => {
    const cases = [makeRow({ id: 'q', pass: false, sample: 0 }), makeRow({ id: 'q', pass: false, sample: 2 }), makeRow({ id: 'q', model: 'other', pass: false })];
    cases[1].source = { file: 'p.yml', line: 7 };

    expect(linkCaseLabels('model-a', ['q#2', 'missing', 'a|b'], cases, SOURCE_URL)).toEqual(['[q#&#8203;2](https://github.example/o/r/blob/abc/p.yml#L7)', 'missing', 'a\\|b']);
    expect(linkCaseLabels('model-a', ['q'], cases)).toEqual(['q']);
  });
});

describe('baseline section size', () => {
  const count = 4000;
  const prefix = `${'long-case-id-'.repeat(4)}`;
  const base = makeRun([...makeRows(outcomes(count, 0), { prefix }), ...makeRows(outcomes(count, 0), { prefix, model: 'model-b' })]);
  const head = makeRun([...makeRows(outcomes(0, count), { prefix }), ...makeRows(outcomes(0, count), { prefix, model: 'model-b' })]);
  const results = compared(base, head);

  test('long lists fold and fit a PR comment', () => {
    const report = buildReport(results, { sourceUrl: SOURCE_URL, detailsUrl: DETAILS_URL });
    const section = report.markdown.slice(report.markdown.indexOf('### Compared with baseline'), report.markdown.indexOf('### Failing cases'));

    expect(report.markdown.length).toBeLessThanOrEqual(DEFAULT_REPORT_MAX_CHARS);
    expect(report.cut).toBe(false);
    expect(section).toContain('<details>\n<summary>4,000 newly failing cases of <b>model-a</b></summary>');
    expect(section).toContain('<summary>4,000 newly failing cases of <b>model-b</b></summary>');
    expect(section.split('<details>')).toHaveLength(3);
    expect(section.split('</details>')).toHaveLength(3);
    expect(section).toMatch(new RegExp(`_[\\d,]+ more cases not listed to stay within GitHub's size limit; all are in the \\[job summary\\]\\(${DETAILS_URL}\\) and results\\.json\\._`));
    expect(section.length).toBeLessThan(DEFAULT_REPORT_MAX_CHARS * 0.3);
    expect(report.markdown).toContain('### Failing cases');
  });

  test('job summary lists more', () => {
    const comment = buildReport(results, { sourceUrl: SOURCE_URL });
    const summary = buildReport(results, { sourceUrl: SOURCE_URL, maxChars: Number.POSITIVE_INFINITY, maxBytes: 1024 * 1024 });
    const links = (markdown: string): number => markdown.slice(0, markdown.indexOf('### Failing cases')).split('](https://github.example').length - 1;

    expect(links(summary.markdown)).toBeGreaterThan(links(comment.markdown) * 5);
    expect(Buffer.byteLength(summary.markdown, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
  });
});

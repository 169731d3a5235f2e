// Renders the report from fixtures. The example test compares with the committed
// docs/example-report.md; after an intended change of the report, regenerate that file with
//   UPDATE_SNAPSHOTS=1 node --experimental-vm-modules node_modules/jest/bin/jest.js __tests__/report/markdown
// and review its diff.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { buildReport, DEFAULT_REPORT_MAX_CHARS, renderReport, type ReportOptions } from '../../src/report/markdown.js';
import { PR_COMMENT_MAX_CHARS } from '../../src/report/limits.js';
import { failingRow, loadExampleResults, makeFailingResults } from './make-results.js';

const EXAMPLE_REPORT_PATH = path.resolve('docs/example-report.md');

const DETAILS_URL = 'https://github.com/octo-org/octo-repo/actions/runs/123456';

const EXAMPLE_OPTIONS: ReportOptions = {
  detailsUrl: DETAILS_URL,
  sourceUrl: (file, line) => `https://github.com/octo-org/octo-repo/blob/0123abc/${file}#L${line}`,
};

/** Returns the body rows of the first table after `heading`. */
function tableRowsAfter(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  const table = markdown
    .slice(start)
    .split('\n\n')
    .find((block) => block.startsWith('|'));
  return table === undefined ? [] : table.split('\n').slice(2);
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('renderReport example', () => {
  test('matches docs/example-report.md', () => {
    const markdown = renderReport(loadExampleResults(), EXAMPLE_OPTIONS);
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      writeFileSync(EXAMPLE_REPORT_PATH, markdown, 'utf8');
    }

    expect(markdown).toBe(readFileSync(EXAMPLE_REPORT_PATH, 'utf8'));
  });
});

describe('renderReport sections', () => {
  const markdown = renderReport(loadExampleResults(), EXAMPLE_OPTIONS);

  test('headline gives gate, models, cases and run', () => {
    const headline = markdown.split('\n\n')[1];

    expect(headline).toBe('❌ **Gate failed** (3 thresholds not met) · 2 models · 6 cases · run 20250301T120000Z-7f3a');
  });

  test('overview has one row per model', () => {
    const rows = tableRowsAfter(markdown, '## llm-bench results');

    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('| gpt-4o-mini | 83.3% (5/6) | 0 | math 100% · qa 100% · summary 0% · code 100% |');
    expect(rows[1]).toContain('| 1 (16.7%) |');
    expect(rows[1]).toContain('| — | ❌ overall pass rate < 80% · math pass rate < 75% · overall error rate > 10% |');
  });

  test('lists gate failures', () => {
    const rows = tableRowsAfter(markdown, '### Gate failures');

    expect(rows).toEqual([
      '| qwen2.5-7b | overall | pass rate | 50% | ≥ 80% |',
      '| qwen2.5-7b | math | pass rate | 50% | ≥ 75% |',
      '| qwen2.5-7b | overall | error rate | 16.7% | ≤ 10% |',
    ]);
  });

  test('shows the baseline change', () => {
    const rows = tableRowsAfter(markdown, '### Compared with baseline');

    expect(rows[0]).toContain('| 100% | 83.3% | ▼ −16.7 pp | ⚠️ **warning** · pass rate 1.00 → 0.83');
    expect(rows[0]).toContain('| summary-zh |');
  });

  test('links failing cases to their source line', () => {
    expect(markdown).toContain('[math-add](https://github.com/octo-org/octo-repo/blob/0123abc/prompts/math.yaml#L3)');
  });

  test('escapes the untrusted answer', () => {
    const row = tableRowsAfter(markdown, '#### qwen2.5-7b')[0];

    expect(row).toContain('Let me think \\| step by step: \\`17 + 25\\` &lt;script&gt;alert(1)&lt;/script&gt; @&#8203;someone see #&#8203;12 Answer: 41');
    expect(markdown).not.toContain('<script>');
  });

  test('lists errors apart from failures', () => {
    expect(markdown).toContain('### Errors');
    expect(markdown).toMatch(/\| qwen2\.5-7b \| 1 \| request timed out after 30 s \| [^|]+ \|/);
    expect(markdown).not.toContain('| code | error: request timed out after 30 s | — |');
  });
});

describe('renderReport baseline', () => {
  function withBaseline(baseline: unknown): string {
    const results = loadExampleResults();
    (results.models[1] as { baseline?: unknown }).baseline = baseline;
    return renderReport(results);
  }

  test('shows a rise with the p-value when there is no reason', () => {
    const markdown = withBaseline({ pass_rate: 0.25, delta: 0.25, p_value: 0.0000021, verdict: 'improvement' });
    const rows = tableRowsAfter(markdown, '### Compared with baseline');

    expect(rows[1]).toBe('| qwen2.5-7b | 25% | 50% | ▲ +25 pp | ✅ **improvement** · p = 2.1e-6 | — |');
  });

  test('counts newly failing ids past five', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const markdown = withBaseline({ newly_failing: ids, verdict: 'regression' });

    expect(markdown).toContain('| ❌ **regression** | a, b, c, d, e and 2 more |');
  });

  test('ignores fields of the wrong type', () => {
    const markdown = withBaseline({ pass_rate: 'high', delta: null, newly_failing: 'x', verdict: 3 });
    const rows = tableRowsAfter(markdown, '### Compared with baseline');

    expect(rows[1]).toBe('| qwen2.5-7b | — | 50% | — | — | — |');
  });

  test('no baseline field gives no section', () => {
    const results = loadExampleResults();
    delete (results.models[0] as { baseline?: unknown }).baseline;

    expect(renderReport(results)).not.toContain('Compared with baseline');
  });
});

describe('renderReport run notes', () => {
  test('notes the budget', () => {
    expect(renderReport(loadExampleResults())).toContain('- Spent $0.0001 of the $5.00 budget.');
  });

  test('flags a partial run and a stopped model', () => {
    const results = loadExampleResults();
    results.run = { ...results.run, partial: true, partial_reason: 'budget of $5.00 reached' };
    results.models[1] = { ...results.models[1], stopped: 'rate limited for 10 minutes' };
    const markdown = renderReport(results);

    expect(markdown.split('\n\n')[1]).toContain(' · ⚠️ partial run');
    expect(markdown).toContain('- ⚠️ The run ended before every case was done: budget of $5.00 reached.');
    expect(markdown).toContain('- ⚠️ qwen2.5-7b stopped early: rate limited for 10 minutes.');
  });

  test('model without rows reads not run', () => {
    const results = loadExampleResults();
    results.run = { ...results.run, partial: true, partial_reason: 'cancelled; 12 rows were not run' };
    results.models[1] = { ...results.models[1]!, total: 0, passed: 0, failed: 0, errors: 0, pass_rate: 0, error_rate: 0 };
    const row = tableRowsAfter(renderReport(results), '## llm-bench results').find((line) => line.startsWith('| qwen2.5-7b'));

    expect(row).toMatch(/\| — not run \|$/);
  });

  test('old results without a metric gate the pass rate', () => {
    const results = loadExampleResults();
    results.gate.failures = [{ model: 'qwen2.5-7b', scope: 'tag:zh', value: 0.5, threshold: 0.9 } as never];

    expect(renderReport(results)).toContain('| qwen2.5-7b | tag zh | pass rate | 50% | ≥ 90% |');
  });
});

describe('renderReport edge cases', () => {
  test('passing run has no failing section', () => {
    const results = loadExampleResults();
    results.cases = results.cases.map((row) => ({ ...row, pass: true, error: null }));
    results.gate = { passed: true, failures: [] };
    const markdown = renderReport(results);

    expect(markdown).toContain('✅ **Gate passed**');
    expect(markdown).not.toContain('Failing cases');
    expect(markdown).not.toContain('Gate failures');
  });

  test('empty run renders', () => {
    const results = loadExampleResults();
    results.models = [];
    results.cases = [];
    results.gate = { passed: true, failures: [] };

    expect(renderReport(results)).toContain('No model ran.');
  });

  test('names the sample of a sampled case', () => {
    const results = loadExampleResults();
    results.cases = [failingRow('m', 1, 'a', { sample: 0 }), failingRow('m', 1, 'b', { sample: 1 })];

    expect(renderReport(results)).toContain('| case-00001 · sample 1 | qa |');
  });

  test('encodes link characters of a source URL', () => {
    const results = loadExampleResults();
    const markdown = renderReport(results, { sourceUrl: (file) => `https://example.invalid/a (b)|c/${file}` });

    expect(markdown).toContain('](https://example.invalid/a%20%28b%29%7Cc/prompts/math.yaml)');
  });

  test('leaves a case unlinked without a source URL', () => {
    const markdown = renderReport(loadExampleResults(), { sourceUrl: () => undefined });

    expect(markdown).toContain('| math-add | math |');
  });
});

describe('renderReport size limit', () => {
  const output = (index: number): string => `answer ${index} | with <b>markup</b> and @user #${index} ` + 'x'.repeat(200);
  const results = makeFailingResults(5000, ['model-a', 'model-b'], output);

  test('default limit leaves room for the comment marker', () => {
    expect(DEFAULT_REPORT_MAX_CHARS).toBeLessThan(PR_COMMENT_MAX_CHARS);
  });

  test('5,000 failing cases fit a PR comment', () => {
    const report = buildReport(results, { detailsUrl: DETAILS_URL });

    expect(report.markdown.length).toBeLessThanOrEqual(DEFAULT_REPORT_MAX_CHARS);
    expect(report.markdown.length).toBeGreaterThan(DEFAULT_REPORT_MAX_CHARS * 0.95);
    expect(report.cut).toBe(false);
  });

  test('trimmed report keeps overview and gate', () => {
    const markdown = renderReport(results, { detailsUrl: DETAILS_URL });

    expect(markdown).toContain('| model-a | 0% (0/2,500) |');
    expect(markdown).toContain('### Gate failures');
    expect(markdown.endsWith('</sub>\n')).toBe(true);
  });

  test('trimmed rows are counted and linked', () => {
    const report = buildReport(results, { detailsUrl: DETAILS_URL });
    const listedRows = count(report.markdown, '| qa | answer does not contain');

    expect(report.omittedRows + listedRows).toBe(5000);
    expect(report.markdown).toContain(`not shown to stay within GitHub's size limit; all are in the [job summary](${DETAILS_URL})`);
  });

  test('both models get rows', () => {
    const markdown = renderReport(results);
    const perModel = ['model-a', 'model-b'].map((model) => {
      const block = markdown.slice(markdown.indexOf(`<b>${model}</b>`));
      return count(block.slice(0, block.indexOf('</details>')), '| qa |');
    });

    expect(Math.abs(perModel[0] - perModel[1])).toBeLessThanOrEqual(1);
    expect(perModel[0]).toBeGreaterThan(50);
  });

  test('long lists are folded and closed', () => {
    const markdown = renderReport(results);

    expect(count(markdown, '<details>')).toBe(2);
    expect(count(markdown, '</details>')).toBe(2);
  });

  test('every failing row has four cells', () => {
    const markdown = renderReport(results);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| case-'));

    for (const row of rows) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    }
  });

  test('byte limit holds for Chinese answers', () => {
    const chinese = makeFailingResults(5000, ['model-a'], (index) => `第 ${index} 题的答案是北京。` + '长'.repeat(100));
    const report = buildReport(chinese, { maxChars: Number.POSITIVE_INFINITY, maxBytes: 100_000 });

    expect(Buffer.byteLength(report.markdown, 'utf8')).toBeLessThanOrEqual(100_000);
    expect(report.omittedRows).toBeGreaterThan(0);
  });

  test('too small a limit cuts the report with a note', () => {
    const report = buildReport(results, { maxChars: 400 });

    expect(report.cut).toBe(true);
    expect(report.markdown.length).toBeLessThanOrEqual(400);
    expect(report.markdown).toContain('Report cut to stay within GitHub');
  });
});

// Pass-rate trend charts: one Mermaid xychart per model, labels, escaping and the size limit.
import type { HistoryModel, HistoryRun, RunHistory } from '../../src/results/history.js';
import { mermaidText, renderTrendSection, uniqueLabels } from '../../src/report/trend.js';

function model(name: string, passed: number, total: number): HistoryModel {
  return { name, total, passed, errors: 0, pass_rate: passed / total, pass_rate_ci: { low: 0.1, high: 0.9 }, latency_p95_ms: 100, cost_usd: null };
}

function run(day: number, models: HistoryModel[]): HistoryRun {
  return { run_id: `r${day}`, finished_at: `2025-03-${String(day).padStart(2, '0')}T03:00:00.000Z`, partial: false, models };
}

function charts(markdown: string): string[] {
  return markdown.split('```mermaid\n').slice(1).map((block) => block.slice(0, block.indexOf('```')));
}

describe('renderTrendSection', () => {
  const history: RunHistory = {
    schema_version: 1,
    runs: [run(1, [model('gpt-4o', 9, 10), model('qwen', 5, 10)]), run(2, [model('gpt-4o', 6, 10)]), run(3, [model('gpt-4o', 2, 3), model('qwen', 7, 10)])],
  };

  test('one chart per model', () => {
    const markdown = renderTrendSection(history);
    const [gpt, qwen] = charts(markdown);

    expect(markdown.startsWith('## Pass-rate trend\n\nPass rate of the last 3 runs, oldest first.')).toBe(true);
    expect(charts(markdown)).toHaveLength(2);
    expect(gpt).toBe(
      [
        'xychart-beta',
        '    title "gpt-4o pass rate"',
        '    x-axis ["03-01", "03-02", "03-03"]',
        '    y-axis "Pass rate (%)" 0 --> 100',
        '    line [90, 60, 66.7]',
        '',
      ].join('\n'),
    );
    expect(qwen).toContain('x-axis ["03-01", "03-03"]');
    expect(qwen).toContain('line [50, 70]');
  });

  test('table gives latest, interval and range', () => {
    const markdown = renderTrendSection(history);

    expect(markdown).toContain('| gpt-4o | 3 | 66.7% (2/3) | 10%–90% | 60% | 90% |');
    expect(markdown).toContain('| qwen | 2 | 70% (7/10) | 10%–90% | 50% | 70% |');
  });

  test('empty history renders nothing', () => {
    expect(renderTrendSection({ schema_version: 1, runs: [] })).toBe('');
  });

  test('charts beyond the size limit are counted', () => {
    const many = { schema_version: 1 as const, runs: [run(1, Array.from({ length: 40 }, (_, index) => model(`model-${index}`, index % 10, 10)))] };
    const markdown = renderTrendSection(many, { maxBytes: 4000 });
    const shown = charts(markdown).length;

    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(4000);
    expect(shown).toBeGreaterThan(0);
    expect(markdown).toContain(`_${40 - shown} charts left out to stay within the job summary's size limit; the figures are in history.json._`);
  });

  test('hostile model name stays in its title', () => {
    const name = 'evil"\n```\n%% comment `x`';
    const markdown = renderTrendSection({ schema_version: 1, runs: [run(1, [model(name, 1, 2)])] });

    expect(charts(markdown)).toHaveLength(1);
    expect(markdown).toContain(`title "evil' ''' % % comment 'x' pass rate"`);
    expect(markdown).toContain('| evil" \\`\\`\\` %% comment \\`x\\` | 1 |');
  });
});

describe('uniqueLabels', () => {
  test('dates, then times, then counters', () => {
    expect(uniqueLabels(['2025-03-01T03:00:00Z', '2025-03-02T03:00:00Z'])).toEqual(['03-01', '03-02']);
    expect(uniqueLabels(['2025-03-01T03:00:00Z', '2025-03-01T15:30:00Z'])).toEqual(['03-01 03:00', '03-01 15:30']);
    expect(uniqueLabels(['2025-03-01T03:00:10Z', '2025-03-01T03:00:50Z'])).toEqual(['03-01 03:00', '03-01 03:00 (2)']);
  });
});

describe('mermaidText', () => {
  test('cuts long Chinese titles by code point', () => {
    const text = mermaidText('模型'.repeat(100));

    expect([...text]).toHaveLength(80);
    expect(text.endsWith('…')).toBe(true);
  });
});

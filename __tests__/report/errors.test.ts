import { renderErrorSection } from '../../src/report/errors.js';
import { failingRow } from './make-results.js';

describe('renderErrorSection', () => {
  test('no errors gives no section', () => {
    expect(renderErrorSection([failingRow('m', 0, 'wrong')])).toBe('');
  });

  test('outage reads as one row', () => {
    const rows = Array.from({ length: 20 }, (_, index) => failingRow('m', index, '', { output: null, error: 'HTTP 503: overloaded' }));
    const section = renderErrorSection(rows);

    expect(section).toContain('| m | 20 | HTTP 503: overloaded |');
    expect(section).toContain('and 15 more');
    expect(section.split('\n').filter((line) => line.startsWith('| m '))).toHaveLength(1);
  });

  test('messages sorted by count, rest summed', () => {
    const rows = [
      ...Array.from({ length: 3 }, (_, index) => failingRow('m', index, '', { error: 'HTTP 500: a' })),
      ...Array.from({ length: 7 }, (_, index) => failingRow('m', 10 + index, '', { error: `HTTP 400: b${index}` })),
      failingRow('m', 30, '', { error: 'HTTP 500: a' }),
    ];
    const lines = renderErrorSection(rows).split('\n').filter((line) => line.startsWith('| m '));

    expect(lines[0]).toMatch(/^\| m \| 4 \| HTTP 500: a \|/);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('| m | 3 | 3 other messages | |');
  });

  test('model output in errors is escaped', () => {
    const section = renderErrorSection([failingRow('m', 0, '', { error: 'bad | <b>html</b> @user' })]);
    expect(section).toContain('bad \\| &lt;b&gt;html&lt;/b&gt; @&#8203;user');
  });
});

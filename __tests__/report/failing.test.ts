import { SizeBudget } from '../../src/report/budget.js';
import { renderFailingSection } from '../../src/report/failing.js';
import type { CaseResult } from '../../src/types.js';
import { failingRow } from './make-results.js';

describe('renderFailingSection', () => {
  test('reads only the answers that fit', () => {
    let reads = 0;
    const rows: CaseResult[] = Array.from({ length: 20_000 }, (_, index) => {
      const row = failingRow('m', index, '');
      // A stored row reads its output from disk on each use.
      Object.defineProperty(row, 'output', { get: () => (reads++, `答案 ${index}`), enumerable: true });
      return row;
    });

    const section = renderFailingSection(rows, new SizeBudget(20_000, 60_000), { omittedNote: (count) => `${count} more` });
    const listed = section.markdown.match(/^\| \[?case-/gm)?.length ?? 0;

    expect(listed).toBeGreaterThan(10);
    expect(listed + section.omitted).toBe(20_000);
    expect(reads).toBeLessThanOrEqual(listed + 1);
  });
});

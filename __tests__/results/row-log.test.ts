import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readRowLog, rowKey } from '../../src/results/row-log.js';
import type { CaseResult } from '../../src/types.js';
import { makeTempDir } from '../helpers/files.js';
import { failingRow } from '../report/make-results.js';

describe('readRowLog', () => {
  test('keeps each row, last line wins', async () => {
    const temp = await makeTempDir();
    try {
      const file = path.join(temp.dir, 'results.jsonl');
      const first = failingRow('m', 0, '答案 1');
      const again = { ...first, output: '答案 2' };
      const other = failingRow('m', 1, 'other');
      // The last line was cut short when the earlier run was killed.
      await writeFile(file, `${JSON.stringify(first)}\n${JSON.stringify(other)}\n${JSON.stringify(again)}\n{"id":"case-00002","mod`);

      const passed: CaseResult[] = [];
      const rows = await readRowLog(file, (row) => {
        passed.push(row);
        return row;
      });

      expect(passed).toHaveLength(3);
      expect([...rows.keys()]).toEqual([rowKey('m', first.id, 0), rowKey('m', other.id, 0)]);
      expect(rows.get(rowKey('m', first.id, 0))!.output).toBe('答案 2');
    } finally {
      await temp.remove();
    }
  });

  test('missing file gives no rows', async () => {
    expect((await readRowLog('/nonexistent/results.jsonl')).size).toBe(0);
  });
});

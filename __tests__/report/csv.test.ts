import { CSV_COLUMNS, renderCsv } from '../../src/report/csv.js';
import type { RunResults } from '../../src/types.js';
import { failingRow, loadExampleResults } from './make-results.js';

/** Parses RFC 4180 CSV with CRLF records; returns the raw cells (quotes removed, `""` unescaped). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      index++;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/** Returns the data rows as objects keyed by column name. */
function parseRows(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
}

function resultsWithOutputs(outputs: string[]): RunResults {
  const results = loadExampleResults();
  results.cases = outputs.map((output, index) => failingRow('m', index, output));
  return results;
}

describe('renderCsv layout', () => {
  const csv = renderCsv(loadExampleResults());

  test('starts with a byte order mark', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  test('writes the header columns', () => {
    const header = csv.slice(1).split('\r\n')[0];

    expect(header).toBe(CSV_COLUMNS.join(','));
  });

  test('ends every record with CRLF', () => {
    const withoutQuoted = csv.replace(/"(?:[^"]|"")*"/g, '""');

    expect(withoutQuoted.endsWith('\r\n')).toBe(true);
    expect(withoutQuoted).not.toMatch(/[^\r]\n/);
  });

  test('writes one row per case result', () => {
    expect(parseRows(csv)).toHaveLength(loadExampleResults().cases.length);
  });

  test('keeps Chinese text', () => {
    const row = parseRows(csv).find((item) => item.model === 'gpt-4o-mini' && item.case_id === 'qa-zh-capital');

    expect(row?.answer).toBe('中国的首都是北京。');
    expect(row?.tags).toBe('zh;geo');
  });
});

describe('renderCsv values', () => {
  const rows = parseRows(renderCsv(loadExampleResults()));
  const passed = rows.find((item) => item.model === 'gpt-4o-mini' && item.case_id === 'math-add');
  const errored = rows.find((item) => item.model === 'qwen2.5-7b' && item.case_id === 'code-reverse');

  test('fills a passed row', () => {
    expect(passed).toEqual({
      timestamp: '2025-03-01T12:00:00.000Z',
      run_id: '20250301T120000Z-7f3a',
      model: 'gpt-4o-mini',
      case_id: 'math-add',
      sample: '0',
      type: 'math',
      tags: 'arith',
      latency_ms: '612',
      ok: 'true',
      error: '',
      prompt_tokens: '24',
      completion_tokens: '8',
      total_tokens: '32',
      cost_usd: '0.0000084',
      score: '1',
      pass: 'true',
      reason: 'expected 42, got 42',
      retries: '0',
      cached: 'false',
      ttft_ms: '',
      tokens_per_s: '',
      reasoning_tokens: '',
      answer: '17 + 25 = 42',
    });
  });

  test('leaves missing values empty for an errored row', () => {
    expect(errored?.ok).toBe('false');
    expect(errored?.error).toBe('request timed out after 30 s');
    expect(errored?.latency_ms).toBe('');
    expect(errored?.total_tokens).toBe('');
    expect(errored?.cost_usd).toBe('');
    expect(errored?.answer).toBe('');
    expect(errored?.pass).toBe('false');
    expect(errored?.retries).toBe('2');
  });
});

describe('renderCsv quoting', () => {
  test('quotes commas, quotes and line breaks', () => {
    const output = 'a, "b"\nc\r\nd';
    const csv = renderCsv(resultsWithOutputs([output]));

    expect(csv).toContain('"a, ""b""\nc\r\nd"');
    expect(parseRows(csv)[0].answer).toBe(output);
  });

  test('quotes a bare line feed', () => {
    const csv = renderCsv(resultsWithOutputs(['line one\nline two']));

    expect(csv).toContain('"line one\nline two"');
  });
});

describe('renderCsv formula guard', () => {
  test.each([
    ['equals', '=1+1'],
    ['plus', '+1'],
    ['minus', '-1'],
    ['at sign', '@SUM(A1:A2)'],
    ['tab', '\tx'],
    ['carriage return', '\rx'],
    ['hyperlink', '=HYPERLINK("http://example.invalid","click")'],
    ['full-width equals', '＝1+1'],
  ])('prefixes %s with a quote', (_name, output) => {
    const rows = parseRows(renderCsv(resultsWithOutputs([output])));

    expect(rows[0].answer).toBe(`'${output}`);
  });

  test('guards reasons and errors too', () => {
    const results = resultsWithOutputs(['ok']);
    results.cases[0] = { ...results.cases[0], reason: '=cmd', error: '@x' };
    const row = parseRows(renderCsv(results))[0];

    expect(row.reason).toBe("'=cmd");
    expect(row.error).toBe("'@x");
  });

  test('leaves text that starts otherwise', () => {
    const rows = parseRows(renderCsv(resultsWithOutputs(['1=1', 'a-b'])));

    expect(rows.map((row) => row.answer)).toEqual(['1=1', 'a-b']);
  });

  test('keeps negative numbers as numbers', () => {
    const results = resultsWithOutputs(['x']);
    results.cases[0] = { ...results.cases[0], score: -0.5, cost_usd: -0.25 };
    const row = parseRows(renderCsv(results))[0];

    expect(row.score).toBe('-0.5');
    expect(row.cost_usd).toBe('-0.25');
  });
});

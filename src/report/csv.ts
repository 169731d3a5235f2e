// results.csv: one row per (model, case, sample), for spreadsheets.

import { stringify, type Options } from 'csv-stringify/sync';

import type { CaseResult, RunResults } from '../types.js';

/** Column names in file order; docs/results-format.md describes each one. */
export const CSV_COLUMNS = [
  'timestamp',
  'run_id',
  'model',
  'case_id',
  'sample',
  'type',
  'tags',
  'latency_ms',
  'ok',
  'error',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'cost_usd',
  'score',
  'pass',
  'reason',
  'retries',
  'cached',
  'ttft_ms',
  'tokens_per_s',
  'reasoning_tokens',
  'answer',
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvValue = string | number | boolean | null;

/**
 * Renders the results as CSV for Excel and other spreadsheets. The text is UTF-8 with a byte order
 * mark, so Excel detects UTF-8 and shows Chinese text. Records end with CRLF as RFC 4180
 * specifies, and csv-stringify quotes fields that contain a comma, quote or line break. Missing
 * values are empty cells and booleans are `true` / `false`.
 *
 * Model outputs and error texts are untrusted, so a text cell that starts with `=`, `+`, `-`, `@`,
 * tab or carriage return (or the full-width `＝＋－＠`) gets a leading `'`, which stops a
 * spreadsheet from evaluating it as a formula (the OWASP "CSV Injection" advice, done by
 * csv-stringify's `escape_formulas`). Numeric cells are left as numbers, so `-0.5` stays `-0.5`.
 */
export function renderCsv(results: RunResults): string {
  return [...csvChunks(results)].join('');
}

/**
 * Size of the rows rendered per CSV chunk, in UTF-16 code units, estimated from the outputs and
 * reasons (at most 100 rows). It keeps a chunk below V8's large-object size (see WRITE_BUFFER_CHARS
 * in results/write.ts).
 */
const CSV_CHUNK_CHARS = 16 * 1024;
const CSV_CHUNK_MAX_ROWS = 100;

/** Characters of a CSV record besides its output and reason, as an estimate. */
const CSV_RECORD_OVERHEAD_CHARS = 200;

const CSV_OPTIONS = {
  columns: [...CSV_COLUMNS],
  record_delimiter: 'windows',
  // Set explicitly because csv-stringify turns it off when `record_delimiter` is given, and a
  // field holding a bare `\n` would then be written unquoted.
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: {
    boolean: (value: boolean) => (value ? 'true' : 'false'),
  },
} satisfies Options;

/**
 * Renders the CSV of `renderCsv` in chunks of rows, so that writing a large run never keeps the
 * whole text or all of its records in memory. Every record ends with CRLF, so the chunks join into one file.
 */
export function* csvChunks(results: RunResults): Generator<string> {
  yield stringify([], { ...CSV_OPTIONS, bom: true, header: true });
  let records: Array<Record<CsvColumn, CsvValue>> = [];
  let chars = 0;
  for (const row of results.cases) {
    const record = toRecord(results, row);
    records.push(record);
    chars += CSV_RECORD_OVERHEAD_CHARS + String(record['answer'] ?? '').length + row.reason.length;
    if (chars >= CSV_CHUNK_CHARS || records.length >= CSV_CHUNK_MAX_ROWS) {
      yield stringify(records, { ...CSV_OPTIONS, header: false });
      records = [];
      chars = 0;
    }
  }
  if (records.length > 0) yield stringify(records, { ...CSV_OPTIONS, header: false });
}

function toRecord(results: RunResults, row: CaseResult): Record<CsvColumn, CsvValue> {
  return {
    timestamp: results.run.started_at,
    run_id: results.run.id,
    model: row.model,
    case_id: row.id,
    sample: row.sample,
    type: row.type,
    tags: row.tags.join(';'),
    latency_ms: row.latency_ms,
    ok: row.error === null,
    error: row.error,
    prompt_tokens: row.usage?.prompt_tokens ?? null,
    completion_tokens: row.usage?.completion_tokens ?? null,
    total_tokens: row.usage?.total_tokens ?? null,
    cost_usd: row.cost_usd,
    score: row.score,
    pass: row.pass,
    reason: row.reason,
    retries: row.retries ?? 0,
    cached: row.cached ?? false,
    ttft_ms: row.ttft_ms ?? null,
    tokens_per_s: row.tokens_per_s ?? null,
    reasoning_tokens: row.usage?.reasoning_tokens ?? null,
    answer: row.output,
  };
}

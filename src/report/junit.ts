// JUnit XML, for CI systems and test-report actions that read it: one <testsuite> per model and
// one <testcase> per (case, sample) row.

import type { CaseResult, ModelSummary, RunResults } from '../types.js';
import { truncateCodePoints } from './escape.js';

/** Output text kept in a <failure> body, in code points. The full output is in results.json. */
const FAILURE_BODY_MAX_CHARS = 4000;

/**
 * Characters that XML 1.0 does not allow anywhere, even as character references: C0 controls
 * other than tab, line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Renders the results as JUnit XML (UTF-8). A row is a
 * `<testcase classname="<model>.<type>" name="<case id>" time="<latency in s>">`; the name gets
 * `#<sample>` when the case has more than one sample. A failed row gets
 * `<failure message="<reason>">` with the model output as body, and a row whose request failed gets
 * `<error message="<error>">` instead. Characters that XML 1.0 forbids are removed.
 */
export function renderJunit(results: RunResults): string {
  return [...junitChunks(results)].join('');
}

/** Renders the XML of `renderJunit` in chunks, so that writing a large run never keeps the whole text in memory. */
export function* junitChunks(results: RunResults): Generator<string> {
  const totals = countTotals(results.cases);
  const attributes = formatAttributes({
    name: results.tool.name,
    tests: totals.tests,
    failures: totals.failures,
    errors: totals.errors,
    time: formatSeconds(totals.latencyMs),
  });
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes}>\n`;
  for (const model of results.models) yield* suiteChunks(results, model);
  yield '</testsuites>\n';
}

function* suiteChunks(results: RunResults, model: ModelSummary): Generator<string> {
  const rows = results.cases.filter((row) => row.model === model.name);
  const sampled = new Set(rows.filter((row) => row.sample > 0).map((row) => row.id));
  const totals = countTotals(rows);

  const attributes = formatAttributes({
    name: model.name,
    tests: totals.tests,
    failures: totals.failures,
    errors: totals.errors,
    skipped: 0,
    time: formatSeconds(totals.latencyMs),
    timestamp: formatTimestamp(results.run.started_at),
  });
  yield `  <testsuite${attributes}>\n`;
  // One test case per chunk: the writer joins them into writes of a few tens of kilobytes.
  for (const row of rows) yield renderTestcase(row, sampled.has(row.id));
  yield '  </testsuite>\n';
}

function renderTestcase(row: CaseResult, showSample: boolean): string {
  const attributes = formatAttributes({
    classname: `${row.model}.${row.type}`,
    name: showSample ? `${row.id}#${row.sample}` : row.id,
    time: formatSeconds(row.latency_ms ?? 0),
    file: row.source.file,
    line: row.source.line,
  });
  if (row.pass) {
    return `    <testcase${attributes}/>\n`;
  }

  return `    <testcase${attributes}>\n      ${renderOutcome(row)}\n    </testcase>\n`;
}

function renderOutcome(row: CaseResult): string {
  if (row.error !== null) {
    return `<error${formatAttributes({ message: row.error, type: 'error' })}/>`;
  }

  const message = formatAttributes({ message: row.reason, type: 'failure' });
  const output = row.output; // read once: a stored row reads it from disk on each use
  const body = output === null ? '' : escapeText(truncateCodePoints(output, FAILURE_BODY_MAX_CHARS));
  return `<failure${message}>${body}</failure>`;
}

function countTotals(rows: readonly CaseResult[]): { tests: number; failures: number; errors: number; latencyMs: number } {
  let failures = 0;
  let errors = 0;
  let latencyMs = 0;
  for (const row of rows) {
    if (row.error !== null) {
      errors++;
    } else if (!row.pass) {
      failures++;
    }
    latencyMs += row.latency_ms ?? 0;
  }
  return { tests: rows.length, failures, errors, latencyMs };
}

/** Formats milliseconds as seconds with millisecond precision, as JUnit's `time` expects. */
function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Formats an ISO 8601 time as the JUnit schema's timestamp: UTC, no zone, no fraction. */
function formatTimestamp(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso;
  }
  return time.toISOString().slice(0, 19);
}

function formatAttributes(attributes: Record<string, string | number>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

export function escapeText(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>]/g, (char) => TEXT_ENTITIES[char]);
}

/** Escapes an attribute value; tabs and line breaks become references so parsers keep them. */
export function escapeAttribute(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]);
}

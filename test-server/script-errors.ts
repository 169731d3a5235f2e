// Turns schema issues of a test server script into errors that name the file, line, field, value and fix.

import type { Document, LineCounter } from 'yaml';
import { isNode } from 'yaml';
import type { z } from 'zod';

/** One invalid field of a script. `line` is 1-based, and missing when the script did not come from a file. */
export interface ScriptIssue {
  file: string;
  line?: number;
  /** Dotted path of the field, e.g. `models.flaky.faults[0].rate`, or '' for the whole script. */
  field: string;
  value: unknown;
  problem: string;
  fix: string;
}

/** Invalid test server script. The message lists every issue on its own line. */
export class ScriptError extends Error {
  readonly issues: ScriptIssue[];

  constructor(issues: ScriptIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScriptError';
    this.issues = issues;
  }
}

/** Issues reported beyond this count are summarised as "and N more". */
const MAX_LISTED_ISSUES = 10;

const MAX_VALUE_CHARS = 60;

/** Fix for a field, by field name. */
const FIELD_FIXES: Record<string, string> = {
  seed: 'set `seed` to an integer, e.g. 1',
  require_api_key: 'set `require_api_key` to the non-empty key that clients must send',
  models: 'set `models` to a map from model id to its script, e.g. `models: { my-model: { default: "42" } }`',
  rules: 'set `rules` to a list of rules, each with `match:` or `contains:` and `reply:`',
  faults: 'set `faults` to a list of faults, each with `status:` or `kind:` and an optional `rate:`',
  fail_first: 'set `fail_first` to a whole number of requests, or to a map with `count:` and `status:` or `kind:`',
  count: 'set `count` to a whole number of requests, 0 or more',
  status: 'set `status` to an HTTP error status from 400 to 599, e.g. 429',
  kind: 'set `kind` to one of malformed, empty_choices, empty_content, reset, hang, truncated',
  rate: 'set `rate` to a probability from 0 to 1, e.g. 0.1',
  retry_after: 'set `retry_after` to seconds (e.g. "1") or an HTTP date',
  headers: 'set `headers` to a map from header name to a string value',
  body: 'set `body` to the string to send as the response body',
  latency_ms: 'set `latency_ms` to a whole number of milliseconds, 0 or more',
  latency_jitter_ms: 'set `latency_jitter_ms` to a whole number of milliseconds, 0 or more',
  chunk_delay_ms: 'set `chunk_delay_ms` to a whole number of milliseconds, 0 or more',
  stream_chunk_chars: 'set `stream_chunk_chars` to a whole number of characters, 1 or more',
  stream_usage: 'set `stream_usage` to true or false',
  finish_reason: 'set `finish_reason` to a non-empty string such as stop or length',
  usage: 'set `usage` to false, or to a map with any of prompt_tokens, completion_tokens, total_tokens',
  prompt_tokens: 'set `prompt_tokens` to a whole number of tokens, 0 or more',
  completion_tokens: 'set `completion_tokens` to a whole number of tokens, 0 or more',
  total_tokens: 'set `total_tokens` to a whole number of tokens, 0 or more',
  reasoning_content: 'set `reasoning_content` to a string',
  match: 'set `match` to a regular expression string, e.g. "capital of France"',
  flags: 'set `flags` to a string of regular expression flags, e.g. "i"',
  contains: 'set `contains` to a plain substring',
  reply: 'set `reply` to a string; quote it in YAML if it looks like a number or a boolean',
  default: 'set `default` to a string; quote it in YAML if it looks like a number, e.g. "42"',
  echo: 'set `echo` to true or false',
};

/** Allowed field names of each kind of object in a script, for the fix of an unknown-field error. */
export interface FieldGroups {
  script: readonly string[];
  model: readonly string[];
  rule: readonly string[];
  fault: readonly string[];
  fail_first: readonly string[];
  usage: readonly string[];
}

/** Position lookup of a parsed YAML document, absent for scripts given as objects. */
export interface YamlSource {
  document: Document;
  lineCounter: LineCounter;
}

/** Converts zod issues to script issues with the field path, the invalid value, its line and a fix, sorted by line. */
export function toScriptIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  file: string,
  fieldGroups: FieldGroups,
  yaml?: YamlSource,
): ScriptIssue[] {
  const converted = issues.map((issue): ScriptIssue => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const fieldPath = unknownKey === undefined ? path : [...path, unknownKey];

    return {
      file,
      line: yaml === undefined ? undefined : findLine(yaml, fieldPath),
      field: formatPath(fieldPath),
      value: valueAt(root, fieldPath),
      problem: describeProblem(issue),
      fix: fixFor(issue, path, fieldGroups),
    };
  });

  return converted.sort((left, right) => (left.line ?? 0) - (right.line ?? 0));
}

function describeProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  }

  if (issue.code === 'invalid_union') {
    return 'invalid value';
  }

  return issue.message;
}

function fixFor(issue: z.core.$ZodIssue, path: (string | number)[], fieldGroups: FieldGroups): string {
  const customFix = issue.code === 'custom' ? (issue.params?.fix as string | undefined) : undefined;

  if (customFix !== undefined) {
    return customFix;
  }

  if (issue.code === 'unrecognized_keys') {
    return `remove it or correct its spelling; allowed fields here: ${allowedFieldsAt(path, fieldGroups).join(', ')}`;
  }

  const fieldName = [...path].reverse().find((key): key is string => typeof key === 'string');
  return (fieldName !== undefined ? FIELD_FIXES[fieldName] : undefined) ?? 'see the script format in test-server/README.md';
}

/** Fields allowed in the object at `path`, judged from the path's shape. */
function allowedFieldsAt(path: (string | number)[], groups: FieldGroups): readonly string[] {
  const last = path.at(-1);
  const beforeLast = path.at(-2);

  if (path.length === 0) {
    return groups.script;
  }

  if (path.length === 2 && path[0] === 'models') {
    return groups.model;
  }

  if (typeof last === 'number' && beforeLast === 'rules') {
    return groups.rule;
  }

  if (typeof last === 'number' && beforeLast === 'faults') {
    return groups.fault;
  }

  if (last === 'fail_first') {
    return groups.fail_first;
  }

  return last === 'usage' ? groups.usage : [];
}

function findLine(yaml: YamlSource, path: (string | number)[]): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = yaml.document.getIn(path.slice(0, length), true);

    if (isNode(node) && node.range) {
      return yaml.lineCounter.linePos(node.range[0]).line;
    }
  }

  return undefined;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let current = root;

  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }

  return current;
}

function formatPath(path: (string | number)[]): string {
  let text = '';

  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
    } else if (/^[A-Za-z_][\w-]*$/.test(key)) {
      text += text === '' ? key : `.${key}`;
    } else {
      text += `[${JSON.stringify(key)}]`;
    }
  }

  return text;
}

function formatValue(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }

  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS - 3)}...` : json;
}

function formatIssue(issue: ScriptIssue): string {
  const location = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const field = issue.field === '' ? '' : ` ${issue.field} = ${formatValue(issue.value)}:`;

  return `${location}:${field} ${issue.problem}. Fix: ${issue.fix}.`;
}

function formatIssues(issues: ScriptIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map(formatIssue);
  const hidden = issues.length - listed.length;

  if (hidden > 0) {
    listed.push(`... and ${hidden} more`);
  }

  return listed.length === 1 ? `Invalid test server script: ${listed[0]}` : `Invalid test server script:\n  ${listed.join('\n  ')}`;
}

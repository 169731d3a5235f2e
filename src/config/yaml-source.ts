import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError, showValue } from '../errors.js';

export type FieldPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can map a field path back to its line, for error messages. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: FieldPath, options?: { key?: boolean }): number | undefined;
}

/**
 * Parses YAML text. A syntax error becomes an InputError with the line and column; duplicate keys are
 * errors too, because a silently overwritten case option is a bug the user would not see.
 */
export function parseYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });

  const firstError = document.errors[0];
  if (firstError) {
    const position = firstError.linePos?.[0];
    throw new InputError({
      file,
      line: position?.line,
      problem: `invalid YAML: ${firstError.message.split(/ at line \d+|\n/)[0]}${position ? ` (column ${position.col})` : ''}`,
      fix: 'correct the YAML syntax; quote strings that contain ": " or start with a special character',
    });
  }

  return {
    file,
    value: document.toJS({ maxAliasCount: 100 }),
    lineOf: (path, options) => findLine(document, lineCounter, path, options?.key ?? false),
  };
}

function findLine(document: Document, lineCounter: LineCounter, path: FieldPath, wantKey: boolean): number | undefined {
  let node: unknown = document.contents;
  let offset = (node as Node | null)?.range?.[0];

  for (const [depth, segment] of path.entries()) {
    const isLast = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const keyOffset = (pair.key as Node | null)?.range?.[0];
      node = pair.value;
      offset = isLast && wantKey ? keyOffset : ((node as Node | null)?.range?.[0] ?? keyOffset);
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }

  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** Formats a field path as users write it: `models[0].pricing.input_per_mtok`. */
export function formatPath(path: FieldPath, prefix = ''): string {
  let text = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (text === '') text = segment;
    else text += `.${segment}`;
  }
  return text;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Turns zod issues into InputErrors that name file, line, field, value and a fix. */
export function issuesToErrors(
  source: Pick<YamlSource, 'file' | 'lineOf'>,
  root: unknown,
  issues: readonly z.core.$ZodIssue[],
  options: { pathPrefix?: FieldPath; fieldPrefix?: string; knownKeys?: (path: FieldPath) => readonly string[] } = {},
): InputError[] {
  const prefix = options.pathPrefix ?? [];
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as Array<string | number>)];
    const value = valueAt(root, path);

    const branch = issue.code === 'invalid_union' ? matchingBranch(issue.errors) : undefined;
    if (branch) {
      const nested = branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
      return issuesToErrors(source, root, nested, options);
    }

    if (issue.code === 'unrecognized_keys') {
      const known = options.knownKeys?.(issue.path as Array<string | number>) ?? [];
      return issue.keys.map((key) => unknownKeyError(source, path, key, known, options.fieldPrefix));
    }

    return new InputError({
      file: source.file,
      line: source.lineOf(path),
      field: formatPath(path, options.fieldPrefix) || '(top level)',
      problem: describeIssue(issue, value),
      fix: fixFor(issue),
    });
  });
}

/**
 * Picks the union branch that took the value's type (its issues are about what is inside the value),
 * so that the error names the field at fault instead of "Invalid input" for the whole value. Returns
 * undefined when every branch rejected the type itself.
 */
function matchingBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const typeMatched = branches.filter((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (typeMatched.length === 0) return undefined;
  return typeMatched.reduce((best, issues) => (issues.length < best.length ? issues : best));
}

function unknownKeyError(source: Pick<YamlSource, 'file' | 'lineOf'>, path: FieldPath, key: string, known: readonly string[], fieldPrefix?: string): InputError {
  const suggestion = closestWord(key, known);
  let fix = 'remove it';
  if (suggestion) fix = `did you mean "${suggestion}"?`;
  else if (known.length > 0) fix = `remove it; the keys allowed here are ${known.join(', ')}`;

  return new InputError({
    file: source.file,
    line: source.lineOf([...path, key], { key: true }),
    field: formatPath([...path, key], fieldPrefix),
    problem: `unknown key ${showValue(key)}`,
    fix,
  });
}

/** Words for zod's type names as YAML users know them. */
const TYPE_WORDS: Record<string, string> = { array: 'a list', object: 'a mapping', record: 'a mapping', string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false' };

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && issue.code === 'invalid_type') return 'missing required value';
  if (issue.code === 'invalid_type') return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${showValue(value)}`;
  if (issue.code === 'invalid_value') return `invalid value ${showValue(value)}`;
  if (issue.code === 'too_small' && Array.isArray(value)) return `the list is empty`;
  if (issue.code === 'too_small') return `${showValue(value)} is too small: it must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `${showValue(value)} is too large: it must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
  return `${issue.message}${value === undefined ? '' : `; got ${showValue(value)}`}`;
}

function fixFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_value') return `use one of ${issue.values.map((v) => String(v)).join(', ')}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'give at least one item';
  if (issue.code === 'too_small') return `use a value ${issue.inclusive ? 'of at least' : 'above'} ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `use a value ${issue.inclusive ? 'of at most' : 'below'} ${String(issue.maximum)}`;
  if (issue.code === 'invalid_type') return `give ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  if (issue.code === 'custom') return 'see the configuration reference (docs/configuration.md)';
  return undefined;
}

/** Returns the known word within edit distance 2 of `word`, for "did you mean" hints. */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

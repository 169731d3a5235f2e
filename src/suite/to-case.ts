import { InputError, showValue } from '../errors.js';
import type { Case, ChatMessage, MathExtract, SourceLocation } from '../types.js';
import { TYPE_OPTIONS, type RawCase } from './case-schema.js';

/** Location of a raw case, so that each error can name the file, line and field. */
export interface CaseSite {
  file: string;
  line: number;
  /** Field path prefix as users read it, e.g. `cases[3]` or `` for one JSONL line. */
  field: string;
  lineOf(key: string): number | undefined;
  /** 0-based position in a JSONL data set, stored as the case's `index`. */
  index?: number;
}

/** TYPE_OPTIONS as pairs, built once rather than for each of a data set's cases. */
const TYPE_OPTION_ENTRIES = Object.entries(TYPE_OPTIONS);

/** Default sandbox timeout for code cases, in seconds. */
export const DEFAULT_CODE_TIMEOUT_S = 10;

/**
 * Checks the type-specific rules of one schema-valid case and builds the typed `Case`. Returns the
 * errors instead of throwing, so that a suite file reports all of its problems in one run.
 *
 * Each case is built as one object literal with all its fields, not spread from a common base and
 * copied again. In a 20,000-case suite, V8 moved the spread intermediates straight to the old
 * generation (the allocation site looked long-lived), and they left about 20 MB of garbage there
 * before the first request (docs/benchmarks.md, "Where the memory goes").
 */
export function toCase(raw: RawCase, site: CaseSite): { case?: Case; errors: InputError[] } {
  const errors: InputError[] = [];
  const fail = (key: string, problem: string, fix: string): void => {
    errors.push(new InputError({ file: site.file, line: site.lineOf(key) ?? site.line, field: site.field ? `${site.field}.${key}` : key, problem, fix }));
  };

  const type = raw.type as Case['type'];
  for (const [key, types] of TYPE_OPTION_ENTRIES) {
    if (raw[key as keyof RawCase] !== undefined && !types.includes(type)) {
      fail(key, `"${key}" applies to ${types.join(' and ')} cases, not ${type}`, `remove it, or change type to ${types[0]}`);
    }
  }

  const base: CaseBase = {
    id: String(raw.id),
    messages: buildMessages(raw, fail),
    tags: raw.tags.map(String),
    source: { file: site.file, line: site.line } satisfies SourceLocation,
    index: site.index,
    samples: raw.samples,
  };

  const built = buildTyped(raw, base, fail);
  return errors.length > 0 ? { errors } : { case: built, errors };
}

function buildMessages(raw: RawCase, fail: (key: string, problem: string, fix: string) => void): ChatMessage[] {
  if (raw.prompt !== undefined && raw.messages !== undefined) {
    fail('messages', 'a case has either "prompt" or "messages", not both', 'keep one of them');
    return [];
  }
  if (raw.prompt !== undefined) return [{ role: 'user', content: raw.prompt }];
  if (raw.messages === undefined) {
    fail('prompt', 'missing: the case has neither "prompt" nor "messages"', 'add prompt: "..." or a messages: list of {role, content} turns');
    return [];
  }
  if (raw.messages.at(-1)?.role !== 'user') {
    fail('messages', `the last message is ${showValue(raw.messages.at(-1)?.role)}, so there is nothing for the model to answer`, 'end the conversation with a user turn');
  }
  return raw.messages;
}

type Fail = (key: string, problem: string, fix: string) => void;
type CaseBase = Omit<Case, 'type'>;

function buildTyped(raw: RawCase, base: CaseBase, fail: Fail): Case {
  switch (raw.type) {
    case 'math':
      return buildMath(raw, base, fail);
    case 'qa':
      return buildQa(raw, base, fail);
    case 'summary':
      return buildSummary(raw, base, fail);
    default:
      return buildCode(raw, base, fail);
  }
}

function buildMath(raw: RawCase, base: CaseBase, fail: Fail): Case {
  const compare = raw.compare ?? 'numeric';
  const expected = raw.expected;
  if (expected === undefined) {
    fail('expected', 'missing expected value: a math case needs the correct final number', 'add expected: 42');
  } else if (Array.isArray(expected)) {
    fail('expected', `a math case takes one expected number, got a list ${showValue(expected)}`, 'give a single number');
  } else if (compare === 'numeric' && !Number.isFinite(Number(String(expected).replace(/,/g, '')))) {
    fail('expected', `${showValue(expected)} is not a number`, 'write the number (e.g. 4, -2.5, 40000), or set compare: string');
  }

  const extract = parseExtract(raw.extract ?? 'last');
  if (typeof extract === 'string') fail('extract', extract, 'use first, last, boxed, or regex:<pattern> with a valid JavaScript regular expression');

  return {
    id: base.id,
    messages: base.messages,
    tags: base.tags,
    source: base.source,
    index: base.index,
    samples: base.samples,
    type: 'math',
    expected: expected === undefined || Array.isArray(expected) ? '' : String(expected),
    extract: typeof extract === 'string' ? FIXED_EXTRACTS.last : extract,
    tolerance: raw.tolerance ?? 0,
    compare,
  };
}

/** The extract modes without a pattern, shared by every case that uses them (cases never change them). */
const FIXED_EXTRACTS = { first: { kind: 'first' }, last: { kind: 'last' }, boxed: { kind: 'boxed' } } as const satisfies Record<string, MathExtract>;

/** Parses `first | last | boxed | regex:<pattern>`; returns a problem description when invalid. */
export function parseExtract(text: string): MathExtract | string {
  if (text === 'first' || text === 'last' || text === 'boxed') return FIXED_EXTRACTS[text];
  if (text.startsWith('regex:')) {
    const pattern = text.slice('regex:'.length);
    const problem = regexProblem(pattern);
    return problem ? `invalid regular expression ${showValue(pattern)}: ${problem}` : { kind: 'regex', pattern };
  }
  return `unknown extract mode ${showValue(text)}`;
}

/** Returns why `pattern` (plain, or `/body/flags`) is not a valid JavaScript regular expression. */
export function regexProblem(pattern: string): string | undefined {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  try {
    new RegExp(literal ? literal[1]! : pattern, literal ? literal[2] : undefined);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function buildQa(raw: RawCase, base: CaseBase, fail: Fail): Case {
  const match = raw.match ?? 'exact';
  const expected = raw.expected === undefined ? [] : (Array.isArray(raw.expected) ? raw.expected : [raw.expected]).map(String);
  if (expected.length === 0) fail('expected', 'missing expected value: a qa case needs the correct answer', 'add expected: Paris (or a list of accepted answers)');
  if (expected.some((answer) => answer.trim() === '')) fail('expected', 'an accepted answer is blank, which no answer can match', 'remove the blank entry');
  if (match === 'regex') {
    for (const pattern of expected) {
      const problem = regexProblem(pattern);
      if (problem) fail('expected', `invalid regular expression ${showValue(pattern)}: ${problem}`, 'fix the pattern, or use match: exact');
    }
  }
  return { id: base.id, messages: base.messages, tags: base.tags, source: base.source, index: base.index, samples: base.samples, type: 'qa', expected, match };
}

function buildSummary(raw: RawCase, base: CaseBase, fail: Fail): Case {
  const mustInclude = (raw.must_include ?? []).map(String);
  if (mustInclude.length === 0 && raw.max_chars === undefined && raw.min_chars === undefined) {
    fail('must_include', 'a summary case needs something to check', 'add must_include: [keywords] and/or max_chars: N');
  }
  if (mustInclude.some((keyword) => keyword.trim() === '')) fail('must_include', 'a keyword is blank, so it would always count as present', 'remove the blank keyword');
  if (raw.min_chars !== undefined && raw.max_chars !== undefined && raw.min_chars > raw.max_chars) {
    fail('min_chars', `min_chars ${raw.min_chars} is above max_chars ${raw.max_chars}`, 'lower min_chars or raise max_chars');
  }
  return {
    id: base.id,
    messages: base.messages,
    tags: base.tags,
    source: base.source,
    index: base.index,
    samples: base.samples,
    type: 'summary',
    mustInclude,
    maxChars: raw.max_chars,
    minChars: raw.min_chars,
  };
}

function buildCode(raw: RawCase, base: CaseBase, fail: Fail): Case {
  if (raw.language === undefined) fail('language', 'missing: a code case needs the language its answer is written in', 'add language: python (or javascript)');
  if (raw.tests === undefined) fail('tests', 'missing: a code case needs tests to run against the answer', 'add tests: | with assertions that import from the solution module');
  return {
    id: base.id,
    messages: base.messages,
    tags: base.tags,
    source: base.source,
    index: base.index,
    samples: base.samples,
    type: 'code',
    language: raw.language ?? 'python',
    tests: raw.tests ?? '',
    entryPoint: raw.entry_point,
    timeoutS: raw.timeout_s ?? DEFAULT_CODE_TIMEOUT_S,
  };
}

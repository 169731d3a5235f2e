// Script format of the scripted model test server: types, validation and loading from YAML or JSON.
// Field names are snake_case because scripts are files that people write (see test-server/README.md).

import { readFile } from 'node:fs/promises';

import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

import { ScriptError, toScriptIssues } from './script-errors.js';
import type { FieldGroups } from './script-errors.js';

export { ScriptError } from './script-errors.js';
export type { ScriptIssue } from './script-errors.js';

/** Broken responses that a fault can send instead of an HTTP error status. */
export const FAULT_KINDS = ['malformed', 'empty_choices', 'empty_content', 'reset', 'hang', 'truncated'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Flags accepted in `flags:`. `g` and `y` are rejected because they make `RegExp.test` stateful. */
export const REGEX_FLAGS = 'imsu';

/**
 * Injected failure: either an HTTP error `status` (sent in the API's error shape unless `body` is set)
 * or a broken response of one `kind`.
 */
export interface Fault {
  /** HTTP status, 400 to 599. */
  status?: number;
  kind?: FaultKind;
  /** Probability in [0, 1] that a request gets this fault, default 1 (always). */
  rate?: number;
  /** `Retry-After` header: seconds, or an HTTP date. Only with `status`. */
  retry_after?: string | number;
  /** Extra response headers. Not with `reset` or `hang`, which send no response. */
  headers?: Record<string, string>;
  /** Raw response body that replaces the default one. Only with `status` or `malformed`. */
  body?: string;
}

/** Fault sent to the first `count` requests to a model, counted from server start or the last `setScript`. */
export interface FailFirst extends Omit<Fault, 'rate'> {
  count: number;
}

/** Token counts that replace the estimated ones. A missing field keeps its estimate. */
export interface UsageOverride {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

/** Settings that a rule, a model or the whole script can set, where the most specific level wins. */
export interface Behaviour {
  /** Time in milliseconds from the arrival of the request to the start of the response. */
  latency_ms?: number;
  /** Extra delay in milliseconds, drawn uniformly from [0, latency_jitter_ms] by the seeded PRNG. */
  latency_jitter_ms?: number;
  /** `finish_reason` sent instead of `stop`, or `length` after `max_tokens` truncation. */
  finish_reason?: string;
  /** Token counts to send, or `false` to leave `usage` out of the response. */
  usage?: UsageOverride | false;
  /** Thinking text sent in `message.reasoning_content`, as DashScope and DeepSeek thinking models do. */
  reasoning_content?: string;
  /** Delay in milliseconds between streamed events. */
  chunk_delay_ms?: number;
  /** Code points of content per streamed chunk. */
  stream_chunk_chars?: number;
  /** `false` leaves out the final usage chunk even when the request sets `stream_options.include_usage`. */
  stream_usage?: boolean;
  /** Faults tried in order with one random draw per request. The lists of script, model and rule are concatenated. */
  faults?: Fault[];
}

/** Reply for requests whose last user message matches `match` (a regular expression) or `contains`. */
export interface Rule extends Behaviour {
  match?: string;
  /** Flags for `match`, any of `imsu`. */
  flags?: string;
  contains?: string;
  reply?: string;
  /** Reply with the last user message. */
  echo?: boolean;
}

export interface ModelScript extends Behaviour {
  /** Rules tried in order, where the first match wins. */
  rules?: Rule[];
  /** Reply when no rule matches. */
  default?: string;
  /** When no rule matches, reply with the last user message. */
  echo?: boolean;
  /** A number n means the first n requests get HTTP 500. */
  fail_first?: number | FailFirst;
}

export interface TestScript extends Behaviour {
  /** Seed of the per-model PRNG that picks faults and latency jitter, default 1. */
  seed?: number;
  /** API key that every request must send (`Authorization: Bearer`, `x-api-key` or `api-key` by API). */
  require_api_key?: string;
  /** Model id → script. The id `*` applies to every model id not listed. */
  models: Record<string, ModelScript>;
}

/** Wildcard model id. */
export const ANY_MODEL = '*';

const milliseconds = z.int().min(0);
const tokenCount = z.int().min(0);

const faultShape = {
  status: z.int().min(400).max(599).optional(),
  kind: z.enum(FAULT_KINDS).optional(),
  retry_after: z.union([z.string().min(1), z.number().min(0)]).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
};

const faultSchema = z
  .strictObject({ ...faultShape, rate: z.number().min(0).max(1).optional() })
  .superRefine((fault, ctx) => checkFaultFields(fault, ctx));

const failFirstSchema = z.union([
  z.int().min(0),
  z.strictObject({ ...faultShape, count: z.int().min(0) }).superRefine((fault, ctx) => checkFaultFields(fault, ctx)),
]);

const faultListSchema = z.array(faultSchema).superRefine((faults, ctx) => {
  // A rate outside [0, 1] already has its own issue, and a sum with it would only repeat that.
  if (faults.some((fault) => fault.rate !== undefined && (fault.rate < 0 || fault.rate > 1))) {
    return;
  }

  const total = faults.reduce((sum, fault) => sum + (fault.rate ?? 1), 0);
  if (total > 1 + 1e-9) {
    ctx.addIssue({
      code: 'custom',
      message: `the fault rates add up to ${Number(total.toFixed(6))}, more than 1 (a missing rate counts as 1)`,
      params: { fix: 'lower the rates so that their sum is at most 1' },
    });
  }
});

const usageSchema = z.union([
  z.literal(false),
  z.strictObject({ prompt_tokens: tokenCount.optional(), completion_tokens: tokenCount.optional(), total_tokens: tokenCount.optional() }),
]);

const behaviourShape = {
  latency_ms: milliseconds.optional(),
  latency_jitter_ms: milliseconds.optional(),
  finish_reason: z.string().min(1).optional(),
  usage: usageSchema.optional(),
  reasoning_content: z.string().optional(),
  chunk_delay_ms: milliseconds.optional(),
  stream_chunk_chars: z.int().min(1).optional(),
  stream_usage: z.boolean().optional(),
  faults: faultListSchema.optional(),
};

const ruleSchema = z
  .strictObject({
    ...behaviourShape,
    match: z.string().optional(),
    flags: z.string().optional(),
    contains: z.string().optional(),
    reply: z.string().optional(),
    echo: z.boolean().optional(),
  })
  .superRefine((rule, ctx) => checkRuleFields(rule, ctx));

const modelSchema = z
  .strictObject({
    ...behaviourShape,
    rules: z.array(ruleSchema).optional(),
    default: z.string().optional(),
    echo: z.boolean().optional(),
    fail_first: failFirstSchema.optional(),
  })
  .superRefine((model, ctx) => {
    if (model.default !== undefined && model.echo === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['echo'],
        message: 'a model cannot set both `default` and `echo: true`',
        params: { fix: 'keep `default:` for a fixed reply or `echo: true` to reply with the prompt' },
      });
    }
  });

const scriptSchema = z.strictObject({
  ...behaviourShape,
  seed: z.int().optional(),
  require_api_key: z.string().min(1).optional(),
  models: z.record(z.string().min(1), modelSchema).refine((models) => Object.keys(models).length > 0, {
    message: 'no models are listed',
    params: { fix: 'add at least one model id under `models:`, or `"*"` for every model' },
  }),
});

// Compile-time check that a validated script has the documented `TestScript` type.
const typedScriptSchema: z.ZodType<TestScript> = scriptSchema;

const FIELD_GROUPS: FieldGroups = {
  script: Object.keys(scriptSchema.shape),
  model: Object.keys(modelSchema.shape),
  rule: Object.keys(ruleSchema.shape),
  fault: Object.keys(faultSchema.shape),
  fail_first: [...Object.keys(faultShape), 'count'],
  usage: ['prompt_tokens', 'completion_tokens', 'total_tokens'],
};

type FaultFields = Omit<Fault, 'rate'>;

function checkFaultFields(fault: FaultFields, ctx: z.RefinementCtx): void {
  const hasStatus = fault.status !== undefined;
  const hasKind = fault.kind !== undefined;

  if (hasStatus === hasKind) {
    ctx.addIssue({
      code: 'custom',
      message: hasStatus ? 'a fault cannot set both `status` and `kind`' : 'a fault needs `status` or `kind`',
      params: { fix: `set either \`status:\` (400-599) or \`kind:\` (${FAULT_KINDS.join(', ')})` },
    });
    return;
  }

  if (fault.retry_after !== undefined && !hasStatus) {
    ctx.addIssue({
      code: 'custom',
      path: ['retry_after'],
      message: `\`retry_after\` is only sent with an HTTP error \`status\`, not with kind ${fault.kind}`,
      params: { fix: 'remove `retry_after` or replace `kind:` with `status:`' },
    });
  }

  if (fault.body !== undefined && !hasStatus && fault.kind !== 'malformed') {
    ctx.addIssue({
      code: 'custom',
      path: ['body'],
      message: `\`body\` is only used with \`status\` or kind malformed, not with kind ${fault.kind}`,
      params: { fix: 'remove `body`' },
    });
  }

  if (fault.headers !== undefined && (fault.kind === 'reset' || fault.kind === 'hang')) {
    ctx.addIssue({
      code: 'custom',
      path: ['headers'],
      message: `kind ${fault.kind} sends no response, so \`headers\` cannot be sent`,
      params: { fix: 'remove `headers`' },
    });
  }
}

function checkRuleFields(rule: Rule, ctx: z.RefinementCtx): void {
  if ((rule.match === undefined) === (rule.contains === undefined)) {
    ctx.addIssue({
      code: 'custom',
      message: rule.match === undefined ? 'a rule needs `match` or `contains`' : 'a rule cannot set both `match` and `contains`',
      params: { fix: 'set `match:` to a regular expression or `contains:` to a plain substring' },
    });
  }

  if (rule.reply !== undefined && rule.echo === true) {
    ctx.addIssue({
      code: 'custom',
      path: ['echo'],
      message: 'a rule cannot set both `reply` and `echo: true`',
      params: { fix: 'keep `reply:` for a fixed reply or `echo: true` to reply with the prompt' },
    });
  }

  if (rule.flags !== undefined) {
    checkRegexFlags(rule, ctx);
  }

  if (rule.match !== undefined) {
    checkRegex(rule.match, rule.flags, ctx);
  }
}

function checkRegexFlags(rule: Rule, ctx: z.RefinementCtx): void {
  const flags = rule.flags ?? '';
  const invalid = [...flags].filter((flag) => !REGEX_FLAGS.includes(flag));

  if (rule.match === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['flags'],
      message: '`flags` only applies to `match`',
      params: { fix: 'remove `flags`, or use `match:` instead of `contains:`' },
    });
  } else if (invalid.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['flags'],
      message: `unsupported regular expression flag ${invalid.join(', ')}`,
      params: { fix: `use only the flags ${[...REGEX_FLAGS].join(', ')}` },
    });
  }
}

function checkRegex(pattern: string, flags: string | undefined, ctx: z.RefinementCtx): void {
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      path: ['match'],
      message: `invalid regular expression: ${(error as Error).message}`,
      params: { fix: 'escape special characters with a backslash (in YAML double quotes write "\\\\+"), or use `contains:`' },
    });
  }
}

/**
 * Validates a script object and returns it unchanged. `file` names the source in errors.
 * Throws `ScriptError` listing every invalid field.
 */
export function validateScript(value: unknown, file = '<script>'): TestScript {
  const result = typedScriptSchema.safeParse(value);

  if (!result.success) {
    throw new ScriptError(toScriptIssues(result.error.issues, value, file, FIELD_GROUPS));
  }

  return result.data;
}

/**
 * Parses and validates a script written in YAML or JSON (JSON is read as YAML 1.2).
 * Errors name `file` and the line of the invalid field.
 */
export function parseScript(text: string, file: string): TestScript {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });

  if (document.errors.length > 0) {
    const syntaxError = document.errors[0];
    const line = syntaxError.linePos?.[0].line;
    throw new ScriptError([
      {
        file,
        line,
        field: '',
        value: undefined,
        problem: `YAML syntax error: ${syntaxError.message.split('\n')[0].replace(/:$/, '')}`,
        fix: 'fix the syntax at that line; JSON is accepted too',
      },
    ]);
  }

  const value: unknown = document.toJS();
  const result = typedScriptSchema.safeParse(value);

  if (!result.success) {
    throw new ScriptError(toScriptIssues(result.error.issues, value, file, FIELD_GROUPS, { document, lineCounter }));
  }

  return result.data;
}

/** Reads, parses and validates a YAML or JSON script file. */
export async function loadScript(file: string): Promise<TestScript> {
  let text: string;

  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScriptError([
      {
        file,
        field: '',
        value: undefined,
        problem: code === 'ENOENT' ? 'the script file was not found' : `the script file could not be read (${code ?? String(error)})`,
        fix: 'check the path passed to --script',
      },
    ]);
  }

  return parseScript(text, file);
}

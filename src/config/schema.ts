import { z } from 'zod';
import { CASE_TYPES } from '../types.js';

// The config file's schema, in the snake_case keys users write. `load.ts` turns a parsed file into
// the camelCase `Config` of src/types.ts.

const fraction = z.number().min(0).max(1);
const caseType = z.enum(CASE_TYPES as [string, ...string[]]);
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name such as OPENAI_API_KEY');

export const pricingSchema = z.strictObject({
  input_per_mtok: z.number().min(0),
  output_per_mtok: z.number().min(0),
});

export const modelSchema = z.strictObject({
  name: z.string().min(1),
  provider: z.enum(['openai', 'anthropic', 'azure']).default('openai'),
  base_url: z.string().min(1).optional(),
  stream: z.boolean().optional(),
  anthropic_version: z.string().min(1).optional(),
  endpoint: z.string().min(1).optional(),
  deployment: z.string().min(1).optional(),
  api_version: z.string().min(1).optional(),
  api_key_env: envName.optional(),
  model: z.string().min(1).optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  pricing: pricingSchema.optional(),
  outputs: z.string().min(1).optional(),
  concurrency: z.number().int().min(1).optional(),
  samples: z.number().int().min(1).max(1000).optional(),
  rpm: z.number().positive().optional(),
  tpm: z.number().positive().optional(),
  retries: z.number().int().min(0).max(20).optional(),
  max_retry_wait_s: z.number().min(0).max(86_400).optional(),
});

export const datasetSchema = z.strictObject({
  path: z.string().min(1),
  format: z.enum(['gsm8k', 'humaneval', 'jsonl']).default('jsonl'),
  prompt_field: z.string().min(1).optional(),
  expected_field: z.string().min(1).optional(),
  id_field: z.string().min(1).optional(),
  id_prefix: z.string().optional(),
  type: caseType.optional(),
  limit: z.number().int().min(1).optional(),
  defaults: z.record(z.string(), z.unknown()).default({}),
});

export const baselineSchema = z
  .strictObject({
    file: z.string().min(1).optional(),
    base_ref: z.union([z.literal(true), z.string().min(1)]).optional(),
    artifact: z
      .strictObject({
        name: z.string().min(1).default('llm-bench-results'),
        branch: z.string().min(1).optional(),
        workflow: z.string().min(1).optional(),
      })
      .optional(),
  })
  .refine((value) => [value.file, value.base_ref, value.artifact].filter((item) => item !== undefined).length === 1, {
    message: 'give exactly one of file, base_ref or artifact',
  });

const thresholdSetShape = {
  pass_rate: fraction.optional(),
  max_error_rate: fraction.optional(),
  types: z.partialRecord(caseType, fraction).default({}),
  tags: z.record(z.string(), fraction).default({}),
};

export const configSchema = z.strictObject({
  suite: z.union([z.string().min(1), z.array(z.union([z.string().min(1), datasetSchema])).min(1)]),
  models: z.array(modelSchema).min(1),
  system: z.string().optional(),
  concurrency: z.number().int().min(1).max(1000).default(8),
  timeout_s: z.number().positive().max(3600).default(60),
  samples: z.number().int().min(1).max(1000).default(1),
  pass_at_k: z.array(z.number().int().min(1).max(1000)).min(1).default([1, 10, 100]),
  retries: z.number().int().min(0).max(20).default(5),
  max_retry_wait_s: z.number().min(0).max(86_400).default(60),
  budget_usd: z.number().positive().optional(),
  cache: z.string().min(1).optional(),
  baseline: baselineSchema.optional(),
  regression: z
    .strictObject({
      max_drop: fraction.default(0.05),
      alpha: z.number().gt(0).lt(1).default(0.05),
    })
    .default({ max_drop: 0.05, alpha: 0.05 }),
  history: z
    .strictObject({
      file: z.string().min(1),
      keep: z.number().int().min(2).max(1000).default(30),
    })
    .optional(),
  thresholds: z
    .strictObject({
      ...thresholdSetShape,
      models: z.record(z.string(), z.strictObject(thresholdSetShape)).default({}),
    })
    .default({ types: {}, tags: {}, models: {} }),
  output: z
    .strictObject({
      dir: z.string().min(1).default('llm-bench-results'),
      json: z.string().min(1).optional(),
      csv: z.string().min(1).optional(),
      report: z.string().min(1).optional(),
      junit: z.string().min(1).optional(),
      jsonl: z.string().min(1).optional(),
    })
    .default({ dir: 'llm-bench-results' }),
});

export type RawConfig = z.infer<typeof configSchema>;
export type RawModel = z.infer<typeof modelSchema>;
export type RawDataset = z.infer<typeof datasetSchema>;

/** Keys allowed at each place of the config, for "did you mean" hints on unknown keys. */
export function configKeysAt(path: ReadonlyArray<string | number>): readonly string[] {
  const names = path.filter((segment) => typeof segment === 'string');
  const last = names.at(-1);
  if (names.length === 0) return Object.keys(configSchema.shape);
  if (last === 'models' && names.length === 1) return Object.keys(modelSchema.shape);
  if (last === 'pricing') return Object.keys(pricingSchema.shape);
  if (last === 'suite') return Object.keys(datasetSchema.shape);
  if (last === 'thresholds') return [...Object.keys(thresholdSetShape), 'models'];
  if (names[0] === 'thresholds' && names[1] === 'models') return Object.keys(thresholdSetShape);
  if (last === 'types') return CASE_TYPES;
  if (last === 'baseline') return ['file', 'base_ref', 'artifact'];
  if (last === 'artifact') return ['name', 'branch', 'workflow'];
  if (last === 'regression') return ['max_drop', 'alpha'];
  if (last === 'history') return ['file', 'keep'];
  if (last === 'output') return ['dir', 'json', 'jsonl', 'csv', 'report', 'junit'];
  return [];
}

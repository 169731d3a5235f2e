import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, InputErrors, showValue } from '../errors.js';
import type { BaselineSource, CaseType, Config, ModelConfig, SuiteEntry, ThresholdSet } from '../types.js';
import { checkProviderFields } from './provider-fields.js';
import { configKeysAt, configSchema, type RawConfig, type RawModel } from './schema.js';
import { formatPath, issuesToErrors, parseYaml, type YamlSource } from './yaml-source.js';

export interface LoadConfigOptions {
  /** Environment used for `api_key_env` checks and `${VAR}` in `base_url` and `endpoint`; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Check that every API model's key variable is set (off for commands that call no API). */
  requireKeys?: boolean;
}

/**
 * Reads and validates a config file. The problems of each stage (structure, then models and
 * thresholds) are reported together, each with file, line, field, value and fix. Nothing is called
 * before the whole config is valid.
 */
export async function loadConfig(file: string, options: LoadConfigOptions = {}): Promise<Config> {
  const absolute = path.resolve(file);
  const text = await readConfigText(absolute, file);
  const source = parseYaml(file, text);

  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new InputError({
      file,
      line: 1,
      problem: `expected a mapping with "suite" and "models", got ${showValue(source.value)}`,
      fix: 'start from the example llm-bench.yml in the README',
    });
  }

  const parsed = configSchema.safeParse(source.value);
  if (!parsed.success) {
    throw new InputErrors(issuesToErrors(source, source.value, parsed.error.issues, { knownKeys: configKeysAt }));
  }

  const errors = checkModels(source, parsed.data, options);
  if (errors.length > 0) throw new InputErrors(errors);

  return toConfig(absolute, source, parsed.data, options.env ?? process.env);
}

async function readConfigText(absolute: string, shown: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({
      file: shown,
      problem: code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${code ?? String(error)})`,
      fix: 'create llm-bench.yml at the repository root, or pass its path with --config (CLI) or the `config` input (action)',
    });
  }
}

function checkModels(source: YamlSource, raw: RawConfig, options: LoadConfigOptions): InputError[] {
  const env = options.env ?? process.env;
  const errors: InputError[] = [];
  const seen = new Map<string, number>();

  const at = (index: number, field: string, problem: string, fix: string): void => {
    errors.push(new InputError({ file: source.file, line: source.lineOf(['models', index, field]), field: formatPath(['models', index, field]), problem, fix }));
  };

  raw.models.forEach((model, index) => {
    const first = seen.get(model.name);
    if (first !== undefined) {
      at(index, 'name', `duplicate model name ${showValue(model.name)} (also models[${first}])`, 'give every model a unique name');
    }
    seen.set(model.name, index);

    if (model.outputs !== undefined) return;
    for (const { field, problem, fix } of checkProviderFields(model)) at(index, field, problem, fix);
    for (const field of ['base_url', 'endpoint'] as const) {
      const value = model[field];
      if (value === undefined) continue;
      const unset = unsetVariables(value, env);
      for (const name of unset) {
        at(index, field, `environment variable ${name} used in ${showValue(value)} is not set or empty`, `set ${name} in the environment, or write the URL out`);
      }
      const expanded = expandVariables(value, env);
      if (unset.length === 0 && !isHttpUrl(expanded)) {
        at(index, field, `${showValue(expanded)} is not an http:// or https:// URL`, 'write the full URL, e.g. https://api.openai.com/v1');
      }
    }
    if (options.requireKeys !== false && model.api_key_env !== undefined && !env[model.api_key_env]) {
      // An empty value is what GitHub gives for a secret that does not exist.
      const state = env[model.api_key_env] === undefined ? 'is not set' : 'is empty';
      at(index, 'api_key_env', `environment variable ${model.api_key_env} ${state}`, `set ${model.api_key_env} in the job's env from a secret (env: { ${model.api_key_env}: \${{ secrets.${model.api_key_env} }} }) and check that the secret exists, or remove the model`);
    }
  });

  for (const name of Object.keys(raw.thresholds.models)) {
    if (!seen.has(name)) {
      errors.push(
        new InputError({
          file: source.file,
          line: source.lineOf(['thresholds', 'models', name], { key: true }),
          field: formatPath(['thresholds', 'models', name]),
          problem: `no model is named ${showValue(name)}`,
          fix: `use one of the model names: ${[...seen.keys()].join(', ')}`,
        }),
      );
    }
  }
  return errors;
}

/** Names of the `${VAR}` variables in `text` that are unset or empty (an empty one would leave a broken URL). */
function unsetVariables(text: string, env: NodeJS.ProcessEnv): string[] {
  return [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]!).filter((name) => !env[name]);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function expandVariables(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => env[name] ?? '');
}

function toConfig(absolute: string, source: YamlSource, raw: RawConfig, env: NodeJS.ProcessEnv): Config {
  const dir = path.dirname(absolute);
  const outputDir = path.resolve(dir, raw.output.dir);
  const suiteEntries = typeof raw.suite === 'string' ? [raw.suite] : raw.suite;

  const suite: SuiteEntry[] = suiteEntries.map((entry, index) => {
    const line = source.lineOf(typeof raw.suite === 'string' ? ['suite'] : ['suite', index]) ?? 1;
    const location = { file: source.file, line };
    if (typeof entry === 'string') return { kind: 'files', pattern: entry, source: location };
    return {
      kind: 'dataset',
      path: entry.path,
      format: entry.format,
      promptField: entry.prompt_field,
      expectedField: entry.expected_field,
      idField: entry.id_field,
      idPrefix: entry.id_prefix,
      type: entry.type as CaseType | undefined,
      defaults: entry.defaults,
      limit: entry.limit,
      source: location,
    };
  });

  return {
    file: absolute,
    dir,
    suite,
    models: raw.models.map((model) => toModel(model, raw, dir, env)),
    system: raw.system,
    concurrency: raw.concurrency,
    timeoutS: raw.timeout_s,
    samples: raw.samples,
    passAtK: raw.pass_at_k,
    thresholds: {
      ...toThresholdSet(raw.thresholds),
      models: Object.fromEntries(Object.entries(raw.thresholds.models).map(([name, set]) => [name, toThresholdSet(set)])),
    },
    output: {
      json: path.resolve(outputDir, raw.output.json ?? 'results.json'),
      csv: path.resolve(outputDir, raw.output.csv ?? 'results.csv'),
      report: path.resolve(outputDir, raw.output.report ?? 'report.md'),
      junit: path.resolve(outputDir, raw.output.junit ?? 'junit.xml'),
      jsonl: path.resolve(outputDir, raw.output.jsonl ?? 'results.jsonl'),
    },
    budgetUsd: raw.budget_usd,
    baseline: toBaselineSource(raw.baseline, dir),
    regression: { maxDrop: raw.regression.max_drop, alpha: raw.regression.alpha },
    history: raw.history && { file: path.resolve(dir, raw.history.file), keep: raw.history.keep },
    cacheDir: raw.cache === undefined ? undefined : path.resolve(dir, raw.cache),
  };
}

function toBaselineSource(raw: RawConfig['baseline'], dir: string): BaselineSource | undefined {
  if (raw?.file !== undefined) return { kind: 'file', path: path.resolve(dir, raw.file) };
  if (raw?.base_ref !== undefined) return { kind: 'base-ref', ref: raw.base_ref === true ? undefined : raw.base_ref };
  if (raw?.artifact !== undefined) return { kind: 'artifact', ...raw.artifact };
  return undefined;
}

function toModel(model: RawModel, raw: RawConfig, dir: string, env: NodeJS.ProcessEnv): ModelConfig {
  return {
    name: model.name,
    provider: model.provider,
    baseUrl: model.base_url === undefined ? undefined : expandVariables(model.base_url, env),
    apiKeyEnv: model.api_key_env,
    // An Azure deployment serves one model, so its name stands in for the model id when none is given.
    model: model.model ?? model.deployment,
    params: model.params,
    pricing: model.pricing && { inputPerMtok: model.pricing.input_per_mtok, outputPerMtok: model.pricing.output_per_mtok },
    outputs: model.outputs === undefined ? undefined : path.resolve(dir, model.outputs),
    concurrency: model.concurrency,
    samples: model.samples,
    rpm: model.rpm,
    tpm: model.tpm,
    retries: model.retries ?? raw.retries,
    maxRetryWaitS: model.max_retry_wait_s ?? raw.max_retry_wait_s,
    stream: model.stream ?? false,
    anthropicVersion: model.anthropic_version,
    endpoint: model.endpoint === undefined ? undefined : expandVariables(model.endpoint, env),
    deployment: model.deployment,
    apiVersion: model.api_version,
  };
}

function toThresholdSet(set: { pass_rate?: number; max_error_rate?: number; types: Record<string, number | undefined>; tags: Record<string, number> }): ThresholdSet {
  return { passRate: set.pass_rate, maxErrorRate: set.max_error_rate, types: set.types, tags: set.tags };
}

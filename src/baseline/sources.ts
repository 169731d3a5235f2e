import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { displayPath } from '../suite/files.js';
import type { GitHubAccess } from '../github/artifacts.js';
import type { BaselineSource, RunResults } from '../types.js';
import { extractTree, repositoryRoot, resolveCommit } from './git.js';

/** A baseline run, or why there is none (the comparison is then skipped with a warning). */
export type LoadedBaseline =
  | {
      results: RunResults;
      source: string;
      /** history.json found beside results.json in an artifact, unparsed. */
      history?: string;
    }
  | { results?: undefined; source: string; reason: string };

export interface BaselineContext {
  /** Absolute path of the head config. */
  configFile: string;
  env: NodeJS.ProcessEnv;
  /** Runs the suite with the config at `configFile` (the base branch's copy) and returns its results. */
  runConfig: (configFile: string) => Promise<RunResults>;
  log: (line: string) => void;
  /** GitHub API access for artifact baselines; GITHUB_TOKEN and related variables of `env` when unset. */
  github?: GitHubAccess;
}

/** Loads the baseline run named by the config's `baseline:` section. */
export async function loadBaseline(source: BaselineSource, context: BaselineContext): Promise<LoadedBaseline> {
  if (source.kind === 'file') return readResultsFile(source.path);
  if (source.kind === 'base-ref') return runBaseRef(source.ref, context);
  const { downloadArtifactBaseline } = await import('./artifact.js');
  return downloadArtifactBaseline(source, context);
}

/**
 * Reads a committed results.json. A missing file is not an error: before the first run on the default
 * branch there is no baseline yet.
 */
export async function readResultsFile(file: string): Promise<LoadedBaseline> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { source: `file:${shown}`, reason: `${shown} does not exist yet` };
    throw error;
  }
  return { results: parseResults(text, shown), source: `file:${shown}` };
}

/** Parses and checks a results.json written by llm-bench. */
export function parseResults(text: string, shown: string): RunResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file: shown, problem: `the baseline is not valid JSON (${(error as Error).message})`, fix: 'point baseline.file at a results.json written by llm-bench' });
  }
  const results = value as Partial<RunResults>;
  if (results.schema_version !== 1 || !Array.isArray(results.models) || !Array.isArray(results.cases)) {
    throw new InputError({ file: shown, problem: 'the baseline is not an llm-bench results.json (schema_version 1 with models and cases)', fix: 'point baseline.file at a results.json written by llm-bench' });
  }
  return results as RunResults;
}

/**
 * Runs the base branch's suite and config in this job: the base commit's tree is extracted into a
 * temporary folder, so the comparison separates the pull request's change from model drift.
 */
async function runBaseRef(ref: string | undefined, context: BaselineContext): Promise<LoadedBaseline> {
  const baseRef = ref ?? context.env.GITHUB_BASE_REF;
  if (!baseRef) return { source: 'base-ref', reason: 'no base ref: this is not a pull request event and baseline.base_ref names no branch' };

  const root = await repositoryRoot(path.dirname(context.configFile));
  const commit = await resolveCommit(root, baseRef);
  const tree = await extractTree(root, commit);
  try {
    const baseConfig = path.join(tree, path.relative(root, context.configFile));
    const exists = await readFile(baseConfig).then(() => true, () => false);
    if (!exists) return { source: `base-ref:${baseRef}`, reason: `${path.relative(root, context.configFile)} does not exist on ${baseRef}` };

    context.log(`Running the baseline: the suite and config of ${baseRef} (${commit.slice(0, 12)})`);
    return { results: await context.runConfig(baseConfig), source: `base-ref:${baseRef}@${commit.slice(0, 12)}` };
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

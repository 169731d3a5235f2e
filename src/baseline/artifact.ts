import { getOctokit } from '@actions/github';

import { describeApiError, downloadArtifactZip, extractFiles, findLatestArtifact, githubAccessFromEnv } from '../github/artifacts.js';
import type { BaselineSource } from '../types.js';
import { parseResults, type BaselineContext, type LoadedBaseline } from './sources.js';

const RESULTS_FILE = 'results.json';
const HISTORY_FILE = 'history.json';

/**
 * Downloads the results artifact of the latest finished run of this workflow on a branch (the
 * default branch unless `source.branch` names one) and reads the results.json inside it, from any
 * folder of the zip. A history.json beside it is returned unparsed in `history`.
 *
 * The GitHub access comes from `context.github` (the action's `github-token` input), else from the
 * GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and GITHUB_RUN_ID variables. Every failure to
 * find or fetch the artifact (no token, no run yet, no artifact, HTTP 403 without `actions: read`)
 * returns a reason, so the run goes on without a baseline and warns. A results.json that is not
 * valid throws an InputError.
 */
export async function downloadArtifactBaseline(source: Extract<BaselineSource, { kind: 'artifact' }>, context: BaselineContext): Promise<LoadedBaseline> {
  const label = `artifact:${source.name}`;
  const access = context.github ?? githubAccessFromEnv(context.env);
  if (access === undefined) {
    return { source: label, reason: 'no GitHub token: the action passes its github-token input, and the command line reads GITHUB_TOKEN and GITHUB_REPOSITORY' };
  }
  const octokit = getOctokit(access.token, { baseUrl: access.apiUrl });

  let lookup;
  try {
    lookup = await findLatestArtifact(octokit, access, source);
  } catch (error) {
    return { source: label, reason: `could not list the workflow runs and their artifacts: ${describeApiError(error)}` };
  }
  if ('reason' in lookup) {
    return { source: label, reason: lookup.reason };
  }

  const { artifact } = lookup;
  const found = `artifact:${artifact.name}@${artifact.runId}`;
  let files: Map<string, Uint8Array>;
  try {
    files = extractFiles(await downloadArtifactZip(octokit, access, artifact), [RESULTS_FILE, HISTORY_FILE]);
  } catch (error) {
    const detail = typeof (error as { status?: unknown }).status === 'number' ? describeApiError(error) : (error as Error).message;
    return { source: found, reason: `could not read artifact "${artifact.name}" of run ${artifact.runId}: ${detail}` };
  }

  const results = files.get(RESULTS_FILE);
  if (results === undefined) {
    return { source: found, reason: `artifact "${artifact.name}" of run ${artifact.runId} has no ${RESULTS_FILE}; upload the whole output folder (output.dir) under that name` };
  }

  context.log(`Baseline: artifact "${artifact.name}" of run ${artifact.runId} on ${lookup.branch} (${artifact.runUrl})`);
  const decoder = new TextDecoder();
  const history = files.get(HISTORY_FILE);
  return {
    results: parseResults(decoder.decode(results), `${RESULTS_FILE} in artifact "${artifact.name}" of run ${artifact.runId}`),
    source: found,
    history: history === undefined ? undefined : decoder.decode(history),
  };
}

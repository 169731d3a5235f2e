// The results artifact of an earlier workflow run, read through the GitHub REST API. The steps:
// find the workflow, list its finished runs on a branch, and take the newest run that still has an
// artifact of the given name. Then download the artifact's zip and take files out of it. Every call
// needs a token with `actions: read`.

import path from 'node:path';

import type { getOctokit } from '@actions/github';
import { unzipSync } from 'fflate';

type Octokit = ReturnType<typeof getOctokit>;

/** Token, repository and API root for calls to the GitHub REST API. */
export interface GitHubAccess {
  token: string;
  owner: string;
  repo: string;
  /** Root of the REST API: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string;
  /** Id of the current workflow run (GITHUB_RUN_ID). It is never its own baseline, and its workflow is the default one. */
  runId?: string;
}

/** A live artifact of a finished workflow run. */
export interface ArtifactRef {
  runId: number;
  runUrl: string;
  /** When the run was created, ISO 8601. */
  runCreatedAt: string;
  artifactId: number;
  name: string;
  sizeInBytes: number;
}

export interface ArtifactQuery {
  /** Artifact name, as given to actions/upload-artifact. */
  name: string;
  /** Branch whose runs are searched; the repository's default branch when unset. */
  branch?: string;
  /** Workflow file name (`llm-bench.yml`) or numeric id; the current run's workflow when unset. */
  workflow?: string;
}

/** The artifact found, or why there is none. */
export type ArtifactLookup = { artifact: ArtifactRef; branch: string } | { reason: string };

/** Finished runs listed, newest first; the newest one with the artifact among them is taken. */
export const RUNS_SEARCHED = 20;

/** Largest artifact zip that is downloaded, and largest file taken out of it, in bytes. */
export const MAX_ARTIFACT_BYTES = 256 * 1024 * 1024;

/** Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and GITHUB_RUN_ID; undefined without a token or repository. */
export function githubAccessFromEnv(env: NodeJS.ProcessEnv): GitHubAccess | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!env.GITHUB_TOKEN || !owner || !repo) {
    return undefined;
  }
  return { token: env.GITHUB_TOKEN, owner, repo, apiUrl: env.GITHUB_API_URL || 'https://api.github.com', runId: env.GITHUB_RUN_ID || undefined };
}

/**
 * Finds the newest finished run of the workflow on the branch, other than the current run, that
 * has a non-expired artifact named `query.name`. Runs are searched newest first, at most
 * RUNS_SEARCHED of them. Errors of the GitHub API (403 without `actions: read`, 404) propagate as
 * octokit's `RequestError`; `describeApiError` turns them into a reason.
 */
export async function findLatestArtifact(octokit: Octokit, access: GitHubAccess, query: ArtifactQuery): Promise<ArtifactLookup> {
  const { owner, repo } = access;
  const branch = query.branch ?? (await octokit.rest.repos.get({ owner, repo })).data.default_branch;

  const workflow = query.workflow ?? (await currentWorkflow(octokit, access));
  if (workflow === undefined) {
    return { reason: 'no workflow to search: set baseline.artifact.workflow to the workflow file name (e.g. llm-bench.yml) when not running in GitHub Actions' };
  }

  const { data } = await octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: workflow, branch, status: 'completed', per_page: RUNS_SEARCHED });
  const runs = data.workflow_runs
    .filter((run) => String(run.id) !== access.runId)
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  if (runs.length === 0) {
    return { reason: `workflow ${workflow} has no finished run on branch ${branch} yet` };
  }

  for (const run of runs) {
    const artifacts = await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, name: query.name, per_page: 100 });
    const artifact = artifacts.data.artifacts.find((item) => item.name === query.name && !item.expired);
    if (artifact !== undefined) {
      return {
        branch,
        artifact: { runId: run.id, runUrl: run.html_url, runCreatedAt: run.created_at, artifactId: artifact.id, name: artifact.name, sizeInBytes: artifact.size_in_bytes },
      };
    }
  }
  return { reason: `none of the last ${runs.length} finished runs of workflow ${workflow} on branch ${branch} has an unexpired artifact named "${query.name}"; upload the output folder with actions/upload-artifact under that name` };
}

/** Returns the workflow id of the current run, or undefined outside a workflow run. */
async function currentWorkflow(octokit: Octokit, access: GitHubAccess): Promise<number | undefined> {
  if (access.runId === undefined) {
    return undefined;
  }
  const { data } = await octokit.rest.actions.getWorkflowRun({ owner: access.owner, repo: access.repo, run_id: Number(access.runId) });
  return data.workflow_id;
}

/**
 * Downloads an artifact as a zip. GitHub responds with a redirect to a short-lived storage URL,
 * which fetch follows. Throws when the artifact is larger than MAX_ARTIFACT_BYTES or the response
 * is not binary.
 */
export async function downloadArtifactZip(octokit: Octokit, access: GitHubAccess, artifact: ArtifactRef): Promise<Uint8Array> {
  if (artifact.sizeInBytes > MAX_ARTIFACT_BYTES) {
    throw new Error(`artifact "${artifact.name}" is ${artifact.sizeInBytes} bytes, more than the ${MAX_ARTIFACT_BYTES} bytes read as a baseline`);
  }

  const response = await octokit.rest.actions.downloadArtifact({ owner: access.owner, repo: access.repo, artifact_id: artifact.artifactId, archive_format: 'zip' });
  const data: unknown = response.data;
  if (data instanceof ArrayBuffer) {
    return new Uint8Array(data);
  }
  throw new Error(`downloading artifact "${artifact.name}" returned ${typeof data} instead of a zip file (content-type ${response.headers['content-type'] ?? 'missing'})`);
}

/**
 * Takes the files whose base name is one of `names` out of a zip, from any folder of it. When a
 * name occurs more than once, the copy nearest the root wins, then the first in the archive.
 * Throws on an invalid zip or a file larger than MAX_ARTIFACT_BYTES.
 */
export function extractFiles(zip: Uint8Array, names: readonly string[]): Map<string, Uint8Array> {
  const nameSet = new Set(names);
  const entries = unzipSync(zip, {
    filter: (file) => {
      if (!nameSet.has(path.posix.basename(file.name)) || file.name.endsWith('/')) {
        return false;
      }
      if (file.originalSize > MAX_ARTIFACT_BYTES) {
        throw new Error(`${file.name} in the artifact is ${file.originalSize} bytes, more than the ${MAX_ARTIFACT_BYTES} bytes read`);
      }
      return true;
    },
  });

  const depth = (name: string): number => name.split('/').length;
  const files = new Map<string, Uint8Array>();
  const chosen = new Map<string, string>();
  for (const [name, bytes] of Object.entries(entries)) {
    const base = path.posix.basename(name);
    const previous = chosen.get(base);
    if (previous === undefined || depth(name) < depth(previous)) {
      chosen.set(base, name);
      files.set(base, bytes);
    }
  }
  return files;
}

/**
 * Turns an error of a GitHub API call into one line that names what to change: the HTTP status with
 * GitHub's message, and the permission to grant for a 403.
 */
export function describeApiError(error: unknown, permission = 'actions: read'): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (status === 403) {
    return `the GitHub API refused access (HTTP 403: ${message}); give the workflow "permissions: ${permission}"`;
  }
  if (status === 401) {
    return `the GitHub token was rejected (HTTP 401: ${message})`;
  }
  if (status === 404) {
    return `not found on the GitHub API (HTTP 404: ${message}); check the repository, baseline.artifact.workflow and branch, and that the token can read the repository`;
  }
  if (typeof status === 'number') {
    return `the GitHub API failed (HTTP ${status}: ${message})`;
  }
  return `the GitHub API could not be reached (${message})`;
}

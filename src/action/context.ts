import { readFileSync } from 'node:fs';

/** Facts about the workflow run that the action uses, read from the variables GitHub sets. */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** Pull request number on pull_request and pull_request_target events. */
  pullRequest?: number;
  /** Commit that suite file links point to: the pull request's head, else GITHUB_SHA. */
  sha?: string;
  serverUrl: string;
  apiUrl: string;
  runId?: string;
  runAttempt?: string;
}

/** Reads the run context at call time, never at import time, so tests can set the environment first. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const payload = readEventPayload(env.GITHUB_EVENT_PATH);
  const pullRequest = payload?.pull_request as { number?: number; head?: { sha?: string } } | undefined;

  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    pullRequest: typeof pullRequest?.number === 'number' ? pullRequest.number : undefined,
    sha: pullRequest?.head?.sha ?? env.GITHUB_SHA,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
  };
}

function readEventPayload(file: string | undefined): Record<string, unknown> | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

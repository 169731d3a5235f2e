import * as core from '@actions/core';
import { InputError, InputErrors } from '../errors.js';
import { runEngine } from '../engine.js';
import { commentMarker, upsertPullRequestComment } from '../github/comment.js';
import { isDriftEvent, runScheduledChecks } from '../github/drift.js';
import { writeJobSummary, writeOutputs } from '../github/summary.js';
import type { Config } from '../types.js';
import { readRunContext, type RunContext } from './context.js';
import { readInputs, type ActionInputs } from './inputs.js';

/** Runs the action: benchmark, job summary, outputs, one pull-request comment, and the gate. */
export async function runAction(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const context = readRunContext();

    const reportOptions = {
      sourceUrl: context.sha && context.owner ? (file: string, line: number) => `${context.serverUrl}/${context.owner}/${context.repo}/blob/${context.sha}/${file}#L${line}` : undefined,
      detailsUrl: context.runId ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}` : undefined,
    };

    core.startGroup('llm-bench: run the suite');
    const { config, results, paths, report, history } = await runEngine({
      configPath: inputs.config,
      runId: context.runId ? `${context.runId}-${context.runAttempt ?? '1'}` : undefined,
      log: (line) => core.info(line),
      warn: (line) => core.warning(line),
      debug: (line) => core.debug(line),
      onConfig: maskApiKeys,
      reportOptions,
      github: inputs.githubToken && context.owner ? { token: inputs.githubToken, owner: context.owner, repo: context.repo, apiUrl: context.apiUrl, runId: context.runId } : undefined,
      recordHistory: isDriftEvent(context.eventName),
    });
    core.endGroup();

    // Drift checks run first, so that the trend charts come before the report in the job summary.
    await runScheduledChecks({
      eventName: context.eventName,
      token: inputs.githubToken,
      owner: context.owner,
      repo: context.repo,
      apiUrl: context.apiUrl,
      configPath: inputs.config,
      workspace: process.env.GITHUB_WORKSPACE,
      results,
      history,
      hasBaseline: config.baseline !== undefined,
      runUrl: reportOptions.detailsUrl,
      sourceUrl: reportOptions.sourceUrl,
    });
    await writeJobSummary(results, reportOptions);
    writeOutputs(results, paths);
    await commentOnPullRequest(inputs, context, report);

    if (!results.gate.passed) {
      const summary = results.gate.failures
        .map((f) => `${f.model} ${f.scope} ${f.metric} ${(f.value * 100).toFixed(1)}% ${f.metric === 'error_rate' ? '>' : '<'} ${(f.threshold * 100).toFixed(1)}%`)
        .join('; ');
      const regressions = (results.baseline?.failures ?? []).map((failure) => ` Regression: ${failure.model}: ${failure.reason}.`).join('');
      const reason = `${regressions}${results.run.partial_reason ? ` Partial run: ${results.run.partial_reason}.` : ''}`;
      const message = `${summary ? `Thresholds not met: ${summary}.` : 'The gate failed.'}${reason}`;
      if (inputs.failOnThreshold) core.setFailed(message);
      else core.warning(`${message} (fail-on-threshold is false)`);
    }
  } catch (error) {
    if (error instanceof InputErrors) {
      for (const item of error.errors) core.error(item.message, { file: item.file, startLine: item.line });
      core.setFailed(`Invalid config or suite: ${error.errors.length} problem(s); see the errors above.`);
    } else if (error instanceof InputError) {
      core.setFailed(error.message);
    } else {
      core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
}

/** Registers every configured API key with the runner so that it is masked in all later log output. */
function maskApiKeys(config: Config): void {
  const keys = new Set(config.models.map((model) => (model.apiKeyEnv ? process.env[model.apiKeyEnv] : undefined)));
  for (const key of keys) if (key) core.setSecret(key);
}

async function commentOnPullRequest(inputs: ActionInputs, context: RunContext, report: string): Promise<void> {
  if (inputs.comment === 'never' || context.pullRequest === undefined) return;
  if (!inputs.githubToken) {
    core.warning('No github-token input, so no pull request comment was posted.');
    return;
  }

  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(inputs.githubToken, { baseUrl: context.apiUrl });
    const comment = await upsertPullRequestComment({
      octokit,
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.pullRequest,
      body: report,
      marker: commentMarker(inputs.config, process.env.GITHUB_WORKSPACE),
    });
    core.info(`Pull request comment ${comment.action}: ${comment.url}`);
  } catch (error) {
    const message = `Could not post the pull request comment: ${error instanceof Error ? error.message : String(error)}. The token needs pull-requests: write (forks get a read-only token).`;
    if (inputs.comment === 'always') throw new Error(message);
    core.warning(message);
  }
}

// The drift tracking issue against the GitHub API stand-in: deciding which models are out of bounds,
// and opening, updating and closing one issue per config.
import { getOctokit } from '@actions/github';

import { compareRuns } from '../../src/baseline/compare.js';
import { assessDrift, decodeDriftState, driftMarker, DRIFT_LABEL, encodeDriftState, runScheduledChecks, trackDriftIssue, type DriftIssueOptions } from '../../src/github/drift.js';
import type { GateFailure, RunResults } from '../../src/types.js';
import { startGitHubApi, type GitHubApi } from '../../test-server/github-api.js';
import { makeRows, makeRun, outcomes } from '../baseline/make-runs.js';

const TOKEN = 'gh-drift-token';
const OWNER = 'octo';
const REPO = 'shop';
const MARKER = driftMarker('llm-bench.yml');
const RUN_URL = 'https://github.example/octo/shop/actions/runs/77';

/** Builds a run of 20 cases of `model-a` where the first `passed` pass. */
function runOf(id: string, passed: number, gateFailures: GateFailure[] = []): RunResults {
  const results = makeRun(makeRows(outcomes(passed, 20 - passed)));
  return { ...results, run: { ...results.run, id }, gate: { passed: gateFailures.length === 0, failures: gateFailures } };
}

/** `head` compared with `base` and merged into it the way the engine does. */
function compared(base: RunResults, head: RunResults): RunResults {
  const comparison = compareRuns(base, head, { maxDrop: 0.05, alpha: 0.05 });
  return {
    ...head,
    models: head.models.map((model) => ({ ...model, baseline: comparison.models[model.name] })),
    gate: { ...head.gate, passed: head.gate.passed && comparison.passed },
    baseline: { source: `artifact:llm-bench-results@${base.run.id}`, passed: comparison.passed, max_drop: 0.05, alpha: 0.05, removed_models: [], failures: comparison.failures, warnings: comparison.warnings },
  };
}

describe('assessDrift', () => {
  test('regression records the level before it', () => {
    const assessment = assessDrift(compared(runOf('r1', 20), runOf('r2', 10)));

    expect(assessment.drifted.map((item) => item.model)).toEqual(['model-a']);
    expect(assessment.drifted[0].reasons[0]).toMatch(/^regression against the baseline: pass rate 1\.00 → 0\.50/);
    expect(assessment.drifted[0].newlyFailing).toHaveLength(10);
    expect(assessment.state.references['model-a']).toEqual({ pass_rate: 1, source: 'artifact:llm-bench-results@r1', run_id: 'r2' });
  });

  test('stays out until back within max_drop of the reference', () => {
    const state = { references: { 'model-a': { pass_rate: 1, source: 'artifact:x@r1', run_id: 'r2' } } };

    const still = assessDrift(compared(runOf('r2', 10), runOf('r3', 18)), state);
    const back = assessDrift(compared(runOf('r3', 18), runOf('r4', 19)), state);

    expect(still.drifted[0].reasons).toEqual(['pass rate 90% is still more than 5 pp below 100%, its level before the drop that run r2 found']);
    expect(still.drifted[0].before).toBe(1);
    expect(still.state).toEqual(state);
    expect(back.drifted).toEqual([]);
    expect(back.state).toEqual({ references: {} });
  });

  test('thresholds not met count as out of bounds', () => {
    const failure: GateFailure = { model: 'model-a', scope: 'type:math', metric: 'pass_rate', value: 0.5, threshold: 0.8 };
    const assessment = assessDrift(runOf('r1', 10, [failure, { ...failure, scope: 'all', metric: 'error_rate', value: 0.2, threshold: 0.1 }]));

    expect(assessment.drifted[0].reasons).toEqual(['math pass rate 50% is below the threshold of 80%', 'overall error rate 20% is above the threshold of 10%']);
    expect(assessment.state).toEqual({ references: {} });
    expect(assessment.maxDrop).toBe(0.05);
  });

  test('warning alone is within bounds', () => {
    const base = makeRun(makeRows(outcomes(10, 0)));
    const head = makeRun(makeRows(outcomes(8, 2)));

    expect(assessDrift(compared(base, head)).drifted).toEqual([]);
  });
});

describe('drift state', () => {
  test('round trip keeps odd model names out of the comment', () => {
    const state = { references: { 'a--> b': { pass_rate: 0.9, source: 'file:x', run_id: '1' } } };
    const line = encodeDriftState(state);

    expect(line).toMatch(/^<!-- llm-bench-drift-state:[A-Za-z0-9_-]+ -->$/);
    expect(decodeDriftState(`text\n${line}\nmore`)).toEqual(state);
  });

  test('missing or broken state reads as none', () => {
    expect(decodeDriftState(null)).toBeUndefined();
    expect(decodeDriftState('<!-- llm-bench-drift-state:!!! -->')).toBeUndefined();
    expect(decodeDriftState('<!-- llm-bench-drift-state:bm90IGpzb24 -->')).toBeUndefined();
  });

  test('marker follows the comment key', () => {
    expect(driftMarker('llm-bench.yml')).toBe('<!-- llm-bench-drift:llm-bench.yml -->');
    expect(driftMarker('/work/repo/bench/nightly.yml', '/work/repo')).toBe('<!-- llm-bench-drift:bench/nightly.yml -->');
  });
});

describe('trackDriftIssue', () => {
  let github: GitHubApi;

  beforeEach(async () => {
    github = await startGitHubApi({ token: TOKEN });
  });

  afterEach(async () => {
    await github.close();
  });

  function options(results: RunResults, marker = MARKER): DriftIssueOptions {
    const octokit = getOctokit(TOKEN, { baseUrl: github.url });
    return { octokit, owner: OWNER, repo: REPO, marker, results, configLabel: 'llm-bench.yml', runUrl: RUN_URL, sourceUrl: (file, line) => `https://github.example/octo/shop/blob/abc/${file}#L${line}` };
  }

  test('opens, updates and closes one issue', async () => {
    const r1 = runOf('r1', 20);
    const r2 = runOf('r2', 8);
    const r3 = runOf('r3', 9);
    const r4 = runOf('r4', 20);

    const opened = await trackDriftIssue(options(compared(r1, r2)));
    const issue = github.state.issues[0];
    const openedBody = issue.body;
    const updated = await trackDriftIssue(options(compared(r2, r3)));
    const updatedBody = issue.body;
    const closed = await trackDriftIssue(options(compared(r3, r4)));
    const after = await trackDriftIssue(options(compared(r4, r4)));

    expect(opened).toEqual({ action: 'opened', issue: { number: 1, url: `${github.url}/${OWNER}/${REPO}/issues/1` }, drifted: ['model-a'] });
    expect(updated.action).toBe('updated');
    expect(closed.action).toBe('closed');
    expect(after).toEqual({ action: 'none', drifted: [] });
    expect(github.state.issues).toHaveLength(1);
    expect(issue.labels).toEqual([DRIFT_LABEL]);
    expect(issue.title).toBe('llm-bench drift: model-a out of bounds (llm-bench.yml)');
    expect(issue.state).toBe('closed');

    expect(openedBody?.startsWith(`${MARKER}\n<!-- llm-bench-drift-state:`)).toBe(true);
    expect(openedBody).toContain(`Latest run: [run r2](${RUN_URL})`);
    expect(openedBody).toContain('| model-a | 100% | 40% (95% CI 21.9%–61.3%) | ▼ −60 pp | 12 |');
    expect(openedBody).toContain('## llm-bench drift in `llm-bench.yml`');
    expect(openedBody).toContain(' · baseline `artifact:llm-bench-results@r1` · ');
    expect(openedBody).toContain('- regression against the baseline: pass rate 1.00 → 0.40');
    expect(openedBody).toContain('<details><summary>12 newly failing cases</summary>');
    expect(openedBody).toContain('[case-8](https://github.example/octo/shop/blob/abc/cases.yaml#L1)');
    expect(decodeDriftState(updatedBody)?.references['model-a']).toEqual({ pass_rate: 1, source: 'artifact:llm-bench-results@r1', run_id: 'r2' });
    expect(updatedBody).toContain(`Latest run: [run r3](${RUN_URL})`);
    expect(updatedBody).toContain('- pass rate 45% is still more than 5 pp below 100%, its level before the drop that run r2 found');

    const comments = github.state.commentsOn(OWNER, REPO, 1).map((comment) => comment.body);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toMatch(/^Still out of bounds\.\n\nLatest run: \[run r3\]/);
    expect(comments[1]).toBe(`✅ Back within bounds in [run r4](${RUN_URL}): model-a 100%. Every threshold is met and no model is below its level before the drift, so this issue is closed.`);
  });

  test('each config keeps its own issue', async () => {
    github.state.addIssue(OWNER, REPO, { title: 'unrelated', body: 'no marker here', labels: [DRIFT_LABEL] });
    const drop = compared(runOf('r1', 20), runOf('r2', 8));

    await trackDriftIssue(options(drop));
    await trackDriftIssue(options(drop, driftMarker('nightly.yml')));
    await trackDriftIssue(options(drop));

    const marked = github.state.issues.filter((issue) => issue.body?.includes('<!-- llm-bench-drift:'));
    expect(marked.map((issue) => issue.number)).toEqual([2, 3]);
    expect(github.state.commentsOn(OWNER, REPO, 2)).toHaveLength(1);
    expect(github.state.commentsOn(OWNER, REPO, 3)).toHaveLength(0);
    expect(github.state.issues[0].state).toBe('open');
  });

  test('closed issue is not reopened', async () => {
    const old = github.state.addIssue(OWNER, REPO, { title: 'old drift', body: `${MARKER}\nold`, labels: [DRIFT_LABEL] });
    old.state = 'closed';

    const result = await trackDriftIssue(options(compared(runOf('r1', 20), runOf('r2', 8))));

    expect(result.issue?.number).toBe(2);
    expect(old.state).toBe('closed');
  });

  test('long lists keep the body within the limit', async () => {
    const ids = 3000;
    const base = makeRun(makeRows(outcomes(ids, 0), { prefix: `${'x'.repeat(60)}-` }));
    const head = makeRun(makeRows(outcomes(0, ids), { prefix: `${'x'.repeat(60)}-` }));

    await trackDriftIssue(options(compared(base, head)));
    const body = github.state.issues[0].body ?? '';

    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/and [\d,]+ more, listed in results\.json of the run/);
  });

  test('403 without issues: write becomes a warning', async () => {
    await github.close();
    github = await startGitHubApi({
      token: TOKEN,
      routes: [{ method: 'POST', pattern: /^\/repos\/[^/]+\/[^/]+\/issues$/, handle: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }) }],
    });
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;

    try {
      await expect(trackDriftIssue(options(compared(runOf('r1', 20), runOf('r2', 8))))).rejects.toMatchObject({ status: 403 });
      await runScheduledChecks({
        eventName: 'schedule',
        token: TOKEN,
        owner: OWNER,
        repo: REPO,
        apiUrl: github.url,
        configPath: 'llm-bench.yml',
        results: compared(runOf('r1', 20), runOf('r2', 8)),
        hasBaseline: true,
      });
      await runScheduledChecks({ eventName: 'pull_request', token: TOKEN, owner: OWNER, repo: REPO, apiUrl: github.url, configPath: 'llm-bench.yml', results: runOf('r', 0), hasBaseline: true });
    } finally {
      process.stdout.write = write;
    }

    expect(written.join('')).toContain('::warning::Could not update the drift issue: the GitHub API refused access (HTTP 403: Resource not accessible by integration');
    expect(written.join('')).toContain('permissions: issues: write');
    expect(github.state.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });
});

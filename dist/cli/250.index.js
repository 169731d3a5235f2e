export const id = 250;
export const ids = [250];
export const modules = {

/***/ 250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  downloadArtifactBaseline: () => (/* binding */ downloadArtifactBaseline)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(1306);
;// CONCATENATED MODULE: ./src/github/artifacts.ts
// The results artifact of an earlier workflow run, read through the GitHub REST API. The steps:
// find the workflow, list its finished runs on a branch, and take the newest run that still has an
// artifact of the given name. Then download the artifact's zip and take files out of it. Every call
// needs a token with `actions: read`.


/** Finished runs listed, newest first; the newest one with the artifact among them is taken. */
const RUNS_SEARCHED = 20;
/** Largest artifact zip that is downloaded, and largest file taken out of it, in bytes. */
const MAX_ARTIFACT_BYTES = 256 * 1024 * 1024;
/** Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and GITHUB_RUN_ID; undefined without a token or repository. */
function githubAccessFromEnv(env) {
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
async function findLatestArtifact(octokit, access, query) {
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
async function currentWorkflow(octokit, access) {
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
async function downloadArtifactZip(octokit, access, artifact) {
    if (artifact.sizeInBytes > MAX_ARTIFACT_BYTES) {
        throw new Error(`artifact "${artifact.name}" is ${artifact.sizeInBytes} bytes, more than the ${MAX_ARTIFACT_BYTES} bytes read as a baseline`);
    }
    const response = await octokit.rest.actions.downloadArtifact({ owner: access.owner, repo: access.repo, artifact_id: artifact.artifactId, archive_format: 'zip' });
    const data = response.data;
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
function extractFiles(zip, names) {
    const nameSet = new Set(names);
    const entries = (0,esm/* unzipSync */.AO)(zip, {
        filter: (file) => {
            if (!nameSet.has(external_node_path_default().posix.basename(file.name)) || file.name.endsWith('/')) {
                return false;
            }
            if (file.originalSize > MAX_ARTIFACT_BYTES) {
                throw new Error(`${file.name} in the artifact is ${file.originalSize} bytes, more than the ${MAX_ARTIFACT_BYTES} bytes read`);
            }
            return true;
        },
    });
    const depth = (name) => name.split('/').length;
    const files = new Map();
    const chosen = new Map();
    for (const [name, bytes] of Object.entries(entries)) {
        const base = external_node_path_default().posix.basename(name);
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
function describeApiError(error, permission = 'actions: read') {
    const status = error.status;
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

// EXTERNAL MODULE: ./src/baseline/sources.ts + 1 modules
var sources = __webpack_require__(6547);
;// CONCATENATED MODULE: ./src/baseline/artifact.ts



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
async function downloadArtifactBaseline(source, context) {
    const label = `artifact:${source.name}`;
    const access = context.github ?? githubAccessFromEnv(context.env);
    if (access === undefined) {
        return { source: label, reason: 'no GitHub token: the action passes its github-token input, and the command line reads GITHUB_TOKEN and GITHUB_REPOSITORY' };
    }
    const octokit = (0,github/* getOctokit */.Q)(access.token, { baseUrl: access.apiUrl });
    let lookup;
    try {
        lookup = await findLatestArtifact(octokit, access, source);
    }
    catch (error) {
        return { source: label, reason: `could not list the workflow runs and their artifacts: ${describeApiError(error)}` };
    }
    if ('reason' in lookup) {
        return { source: label, reason: lookup.reason };
    }
    const { artifact } = lookup;
    const found = `artifact:${artifact.name}@${artifact.runId}`;
    let files;
    try {
        files = extractFiles(await downloadArtifactZip(octokit, access, artifact), [RESULTS_FILE, HISTORY_FILE]);
    }
    catch (error) {
        const detail = typeof error.status === 'number' ? describeApiError(error) : error.message;
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
        results: (0,sources/* parseResults */.c2)(decoder.decode(results), `${RESULTS_FILE} in artifact "${artifact.name}" of run ${artifact.runId}`),
        source: found,
        history: history === undefined ? undefined : decoder.decode(history),
    };
}


/***/ })

};

export const id = 197;
export const ids = [197];
export const modules = {

/***/ 2197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadArtifactBaseline: () => (/* binding */ downloadArtifactBaseline)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7809);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6547);



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
    const access = context.github ?? (0,_github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .githubAccessFromEnv */ .Xq)(context.env);
    if (access === undefined) {
        return { source: label, reason: 'no GitHub token: the action passes its github-token input, and the command line reads GITHUB_TOKEN and GITHUB_REPOSITORY' };
    }
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit)(access.token, { baseUrl: access.apiUrl });
    let lookup;
    try {
        lookup = await (0,_github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .findLatestArtifact */ .dl)(octokit, access, source);
    }
    catch (error) {
        return { source: label, reason: `could not list the workflow runs and their artifacts: ${(0,_github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .describeApiError */ .gg)(error)}` };
    }
    if ('reason' in lookup) {
        return { source: label, reason: lookup.reason };
    }
    const { artifact } = lookup;
    const found = `artifact:${artifact.name}@${artifact.runId}`;
    let files;
    try {
        files = (0,_github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .extractFiles */ .lm)(await (0,_github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .downloadArtifactZip */ .EU)(octokit, access, artifact), [RESULTS_FILE, HISTORY_FILE]);
    }
    catch (error) {
        const detail = typeof error.status === 'number' ? (0,_github_artifacts_js__WEBPACK_IMPORTED_MODULE_1__/* .describeApiError */ .gg)(error) : error.message;
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
        results: (0,_sources_js__WEBPACK_IMPORTED_MODULE_2__/* .parseResults */ .c2)(decoder.decode(results), `${RESULTS_FILE} in artifact "${artifact.name}" of run ${artifact.runId}`),
        source: found,
        history: history === undefined ? undefined : decoder.decode(history),
    };
}


/***/ })

};

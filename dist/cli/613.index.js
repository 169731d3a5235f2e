export const id = 613;
export const ids = [613];
export const modules = {

/***/ 6547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oU: () => (/* binding */ loadBaseline),
  c2: () => (/* binding */ parseResults),
  B9: () => (/* binding */ readResultsFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/suite/files.ts
var files = __webpack_require__(2547);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/baseline/git.ts





const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(args, cwd) {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
}
/** The top folder of the git checkout that contains `dir`. */
async function repositoryRoot(dir) {
    try {
        return await git(['rev-parse', '--show-toplevel'], dir);
    }
    catch {
        throw new Error(`${dir} is not inside a git checkout, so the base ref cannot be read; use baseline: { file: ... } instead`);
    }
}
/**
 * Resolves `ref` to a commit: as given, then as `origin/<ref>`, then by fetching it from origin
 * (actions/checkout fetches one commit by default, which leaves the base branch out).
 */
async function resolveCommit(root, ref) {
    for (const candidate of [ref, `origin/${ref}`]) {
        try {
            return await git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], root);
        }
        catch {
            // Not known locally under this name; try the next one.
        }
    }
    try {
        await git(['fetch', '--no-tags', '--depth=1', 'origin', ref], root);
        return await git(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], root);
    }
    catch (error) {
        const detail = error.stderr?.trim().split('\n')[0] ?? String(error);
        throw new Error(`base ref "${ref}" was not found locally or on origin (${detail}); check out with fetch-depth: 0, or fetch the base branch before this step`);
    }
}
/** Writes the tree of `commit` into a new temporary folder (git archive | tar -x) and returns the folder. */
async function extractTree(root, commit) {
    const target = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'llm-bench-base-'));
    await new Promise((resolve, reject) => {
        const archive = (0,external_node_child_process_.spawn)('git', ['archive', '--format=tar', commit], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        const tar = (0,external_node_child_process_.spawn)('tar', ['-x', '-C', target], { stdio: ['pipe', 'ignore', 'pipe'] });
        let errors = '';
        archive.stderr.on('data', (chunk) => (errors += chunk.toString()));
        tar.stderr.on('data', (chunk) => (errors += chunk.toString()));
        archive.stdout.pipe(tar.stdin);
        archive.on('error', reject);
        tar.on('error', reject);
        tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`extracting ${commit} failed: ${errors.trim()}`))));
    });
    return target;
}

;// CONCATENATED MODULE: ./src/baseline/sources.ts





/** Loads the baseline run named by the config's `baseline:` section. */
async function loadBaseline(source, context) {
    if (source.kind === 'file')
        return readResultsFile(source.path);
    if (source.kind === 'base-ref')
        return runBaseRef(source.ref, context);
    const { downloadArtifactBaseline } = await Promise.all(/* import() */[__webpack_require__.e(574), __webpack_require__.e(250)]).then(__webpack_require__.bind(__webpack_require__, 250));
    return downloadArtifactBaseline(source, context);
}
/**
 * Reads a committed results.json. A missing file is not an error: before the first run on the default
 * branch there is no baseline yet.
 */
async function readResultsFile(file) {
    const shown = (0,files/* displayPath */.G)(file);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { source: `file:${shown}`, reason: `${shown} does not exist yet` };
        throw error;
    }
    return { results: parseResults(text, shown), source: `file:${shown}` };
}
/** Parses and checks a results.json written by llm-bench. */
function parseResults(text, shown) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz({ file: shown, problem: `the baseline is not valid JSON (${error.message})`, fix: 'point baseline.file at a results.json written by llm-bench' });
    }
    const results = value;
    if (results.schema_version !== 1 || !Array.isArray(results.models) || !Array.isArray(results.cases)) {
        throw new errors/* InputError */.dz({ file: shown, problem: 'the baseline is not an llm-bench results.json (schema_version 1 with models and cases)', fix: 'point baseline.file at a results.json written by llm-bench' });
    }
    return results;
}
/**
 * Runs the base branch's suite and config in this job: the base commit's tree is extracted into a
 * temporary folder, so the comparison separates the pull request's change from model drift.
 */
async function runBaseRef(ref, context) {
    const baseRef = ref ?? context.env.GITHUB_BASE_REF;
    if (!baseRef)
        return { source: 'base-ref', reason: 'no base ref: this is not a pull request event and baseline.base_ref names no branch' };
    const root = await repositoryRoot(external_node_path_default().dirname(context.configFile));
    const commit = await resolveCommit(root, baseRef);
    const tree = await extractTree(root, commit);
    try {
        const baseConfig = external_node_path_default().join(tree, external_node_path_default().relative(root, context.configFile));
        const exists = await (0,promises_.readFile)(baseConfig).then(() => true, () => false);
        if (!exists)
            return { source: `base-ref:${baseRef}`, reason: `${external_node_path_default().relative(root, context.configFile)} does not exist on ${baseRef}` };
        context.log(`Running the baseline: the suite and config of ${baseRef} (${commit.slice(0, 12)})`);
        return { results: await context.runConfig(baseConfig), source: `base-ref:${baseRef}@${commit.slice(0, 12)}` };
    }
    finally {
        await (0,promises_.rm)(tree, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 1613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/config/provider-fields.ts
// Fields each `provider` of an API model needs, and the fields that belong to another provider.

const AZURE_ONLY = ['endpoint', 'deployment', 'api_version'];
/**
 * Checks the fields of a model that calls an API (one without `outputs`). The `openai` and `anthropic`
 * providers need `base_url` and `model`. The `azure` provider needs `endpoint`, `deployment`,
 * `api_version` and `api_key_env`, and takes no `base_url`. Fields of another provider are rejected,
 * so that a typo in `provider` cannot send requests elsewhere. `stream` works with `openai` and `azure` only.
 */
function checkProviderFields(model) {
    return model.provider === 'azure' ? checkAzure(model) : checkBaseUrlProvider(model);
}
function checkBaseUrlProvider(model) {
    const problems = [];
    const provider = model.provider;
    const example = provider === 'anthropic' ? 'https://api.anthropic.com' : 'https://api.openai.com/v1';
    if (model.base_url === undefined) {
        problems.push({ field: 'base_url', problem: 'missing: a model that calls an API needs base_url', fix: `set base_url (e.g. ${example}), or set outputs: FILE to score recorded answers` });
    }
    if (model.model === undefined) {
        const id = provider === 'anthropic' ? 'claude-sonnet-4-5' : 'gpt-5-chat';
        problems.push({ field: 'model', problem: 'missing: a model that calls an API needs the model id', fix: `set model (the id the API expects, e.g. ${id})` });
    }
    for (const field of AZURE_ONLY) {
        if (model[field] !== undefined) {
            problems.push({ field, problem: `${field} is only used by provider: azure, and this model has provider: ${provider}`, fix: `set provider: azure for an Azure OpenAI deployment, or remove ${field}` });
        }
    }
    if (provider !== 'anthropic' && model.anthropic_version !== undefined) {
        problems.push({ field: 'anthropic_version', problem: `anthropic_version is only used by provider: anthropic, and this model has provider: ${provider}`, fix: 'set provider: anthropic, or remove anthropic_version' });
    }
    if (provider === 'anthropic' && model.stream === true) {
        problems.push({ field: 'stream', problem: 'stream: true is not supported with provider: anthropic; its answers are read as one response', fix: 'remove stream, or use provider: openai or azure to measure the time to first token' });
    }
    return problems;
}
function checkAzure(model) {
    const problems = [];
    if (model.base_url !== undefined) {
        problems.push({ field: 'base_url', problem: `provider: azure takes endpoint, not base_url (${(0,src_errors/* showValue */.vp)(model.base_url)})`, fix: 'move the resource URL to endpoint (e.g. https://myres.openai.azure.com); the /openai/deployments/... path is built from deployment' });
    }
    if (model.endpoint === undefined) {
        problems.push({ field: 'endpoint', problem: 'missing: an Azure OpenAI model needs endpoint', fix: 'set endpoint to the resource URL, e.g. https://myres.openai.azure.com' });
    }
    if (model.deployment === undefined) {
        problems.push({ field: 'deployment', problem: 'missing: an Azure OpenAI model needs deployment', fix: 'set deployment to the deployment name shown in the Azure AI Foundry portal' });
    }
    if (model.api_version === undefined) {
        problems.push({ field: 'api_version', problem: 'missing: an Azure OpenAI model needs api_version', fix: 'set api_version to an Azure OpenAI API version, e.g. 2024-10-21' });
    }
    if (model.api_key_env === undefined) {
        problems.push({ field: 'api_key_env', problem: 'missing: an Azure OpenAI model needs an API key', fix: 'set api_key_env to the environment variable that holds the key, e.g. AZURE_OPENAI_API_KEY' });
    }
    if (model.anthropic_version !== undefined) {
        problems.push({ field: 'anthropic_version', problem: 'anthropic_version is only used by provider: anthropic, and this model has provider: azure', fix: 'remove anthropic_version' });
    }
    return problems;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./src/types.ts
const CASE_TYPES = ['math', 'qa', 'summary', 'code'];

;// CONCATENATED MODULE: ./src/config/schema.ts


// The config file's schema, in the snake_case keys users write. `load.ts` turns a parsed file into
// the camelCase `Config` of src/types.ts.
const fraction = schemas/* number */.aig().min(0).max(1);
const caseType = schemas/* enum */.k5n(CASE_TYPES);
const envName = schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name such as OPENAI_API_KEY');
const pricingSchema = schemas/* strictObject */.rej({
    input_per_mtok: schemas/* number */.aig().min(0),
    output_per_mtok: schemas/* number */.aig().min(0),
});
const modelSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    provider: schemas/* enum */.k5n(['openai', 'anthropic', 'azure']).default('openai'),
    base_url: schemas/* string */.YjP().min(1).optional(),
    stream: schemas/* boolean */.zMY().optional(),
    anthropic_version: schemas/* string */.YjP().min(1).optional(),
    endpoint: schemas/* string */.YjP().min(1).optional(),
    deployment: schemas/* string */.YjP().min(1).optional(),
    api_version: schemas/* string */.YjP().min(1).optional(),
    api_key_env: envName.optional(),
    model: schemas/* string */.YjP().min(1).optional(),
    params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).default({}),
    pricing: pricingSchema.optional(),
    outputs: schemas/* string */.YjP().min(1).optional(),
    concurrency: schemas/* number */.aig().int().min(1).optional(),
    samples: schemas/* number */.aig().int().min(1).max(1000).optional(),
    rpm: schemas/* number */.aig().positive().optional(),
    tpm: schemas/* number */.aig().positive().optional(),
    retries: schemas/* number */.aig().int().min(0).max(20).optional(),
    max_retry_wait_s: schemas/* number */.aig().min(0).max(86_400).optional(),
});
const datasetSchema = schemas/* strictObject */.rej({
    path: schemas/* string */.YjP().min(1),
    format: schemas/* enum */.k5n(['gsm8k', 'humaneval', 'jsonl']).default('jsonl'),
    prompt_field: schemas/* string */.YjP().min(1).optional(),
    expected_field: schemas/* string */.YjP().min(1).optional(),
    id_field: schemas/* string */.YjP().min(1).optional(),
    id_prefix: schemas/* string */.YjP().optional(),
    type: caseType.optional(),
    limit: schemas/* number */.aig().int().min(1).optional(),
    defaults: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).default({}),
});
const baselineSchema = schemas/* strictObject */.rej({
    file: schemas/* string */.YjP().min(1).optional(),
    base_ref: schemas/* union */.KCZ([schemas/* literal */.euz(true), schemas/* string */.YjP().min(1)]).optional(),
    artifact: schemas/* strictObject */.rej({
        name: schemas/* string */.YjP().min(1).default('llm-bench-results'),
        branch: schemas/* string */.YjP().min(1).optional(),
        workflow: schemas/* string */.YjP().min(1).optional(),
    })
        .optional(),
})
    .refine((value) => [value.file, value.base_ref, value.artifact].filter((item) => item !== undefined).length === 1, {
    message: 'give exactly one of file, base_ref or artifact',
});
const thresholdSetShape = {
    pass_rate: fraction.optional(),
    max_error_rate: fraction.optional(),
    types: schemas/* partialRecord */.jgl(caseType, fraction).default({}),
    tags: schemas/* record */.g1P(schemas/* string */.YjP(), fraction).default({}),
};
const configSchema = schemas/* strictObject */.rej({
    suite: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP().min(1), datasetSchema])).min(1)]),
    models: schemas/* array */.YOg(modelSchema).min(1),
    system: schemas/* string */.YjP().optional(),
    concurrency: schemas/* number */.aig().int().min(1).max(1000).default(8),
    timeout_s: schemas/* number */.aig().positive().max(3600).default(60),
    samples: schemas/* number */.aig().int().min(1).max(1000).default(1),
    pass_at_k: schemas/* array */.YOg(schemas/* number */.aig().int().min(1).max(1000)).min(1).default([1, 10, 100]),
    retries: schemas/* number */.aig().int().min(0).max(20).default(5),
    max_retry_wait_s: schemas/* number */.aig().min(0).max(86_400).default(60),
    budget_usd: schemas/* number */.aig().positive().optional(),
    cache: schemas/* string */.YjP().min(1).optional(),
    baseline: baselineSchema.optional(),
    regression: schemas/* strictObject */.rej({
        max_drop: fraction.default(0.05),
        alpha: schemas/* number */.aig().gt(0).lt(1).default(0.05),
    })
        .default({ max_drop: 0.05, alpha: 0.05 }),
    history: schemas/* strictObject */.rej({
        file: schemas/* string */.YjP().min(1),
        keep: schemas/* number */.aig().int().min(2).max(1000).default(30),
    })
        .optional(),
    thresholds: schemas/* strictObject */.rej({
        ...thresholdSetShape,
        models: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* strictObject */.rej(thresholdSetShape)).default({}),
    })
        .default({ types: {}, tags: {}, models: {} }),
    output: schemas/* strictObject */.rej({
        dir: schemas/* string */.YjP().min(1).default('llm-bench-results'),
        json: schemas/* string */.YjP().min(1).optional(),
        csv: schemas/* string */.YjP().min(1).optional(),
        report: schemas/* string */.YjP().min(1).optional(),
        junit: schemas/* string */.YjP().min(1).optional(),
        jsonl: schemas/* string */.YjP().min(1).optional(),
    })
        .default({ dir: 'llm-bench-results' }),
});
/** Keys allowed at each place of the config, for "did you mean" hints on unknown keys. */
function configKeysAt(path) {
    const names = path.filter((segment) => typeof segment === 'string');
    const last = names.at(-1);
    if (names.length === 0)
        return Object.keys(configSchema.shape);
    if (last === 'models' && names.length === 1)
        return Object.keys(modelSchema.shape);
    if (last === 'pricing')
        return Object.keys(pricingSchema.shape);
    if (last === 'suite')
        return Object.keys(datasetSchema.shape);
    if (last === 'thresholds')
        return [...Object.keys(thresholdSetShape), 'models'];
    if (names[0] === 'thresholds' && names[1] === 'models')
        return Object.keys(thresholdSetShape);
    if (last === 'types')
        return CASE_TYPES;
    if (last === 'baseline')
        return ['file', 'base_ref', 'artifact'];
    if (last === 'artifact')
        return ['name', 'branch', 'workflow'];
    if (last === 'regression')
        return ['max_drop', 'alpha'];
    if (last === 'history')
        return ['file', 'keep'];
    if (last === 'output')
        return ['dir', 'json', 'jsonl', 'csv', 'report', 'junit'];
    return [];
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/yaml-source.ts


/**
 * Parses YAML text. A syntax error becomes an InputError with the line and column; duplicate keys are
 * errors too, because a silently overwritten case option is a bug the user would not see.
 */
function parseYaml(file, text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    const firstError = document.errors[0];
    if (firstError) {
        const position = firstError.linePos?.[0];
        throw new src_errors/* InputError */.dz({
            file,
            line: position?.line,
            problem: `invalid YAML: ${firstError.message.split(/ at line \d+|\n/)[0]}${position ? ` (column ${position.col})` : ''}`,
            fix: 'correct the YAML syntax; quote strings that contain ": " or start with a special character',
        });
    }
    return {
        file,
        value: document.toJS({ maxAliasCount: 100 }),
        lineOf: (path, options) => findLine(document, lineCounter, path, options?.key ?? false),
    };
}
function findLine(document, lineCounter, path, wantKey) {
    let node = document.contents;
    let offset = node?.range?.[0];
    for (const [depth, segment] of path.entries()) {
        const isLast = depth === path.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment));
            if (!pair)
                break;
            const keyOffset = pair.key?.range?.[0];
            node = pair.value;
            offset = isLast && wantKey ? keyOffset : (node?.range?.[0] ?? keyOffset);
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
            node = node.items[segment];
            offset = node?.range?.[0] ?? offset;
        }
        else {
            break;
        }
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
/** Formats a field path as users write it: `models[0].pricing.input_per_mtok`. */
function formatPath(path, prefix = '') {
    let text = prefix;
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else if (text === '')
            text = segment;
        else
            text += `.${segment}`;
    }
    return text;
}
function valueAt(root, path) {
    let value = root;
    for (const segment of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[segment];
    }
    return value;
}
/** Turns zod issues into InputErrors that name file, line, field, value and a fix. */
function issuesToErrors(source, root, issues, options = {}) {
    const prefix = options.pathPrefix ?? [];
    return issues.flatMap((issue) => {
        const path = [...prefix, ...issue.path];
        const value = valueAt(root, path);
        const branch = issue.code === 'invalid_union' ? matchingBranch(issue.errors) : undefined;
        if (branch) {
            const nested = branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
            return issuesToErrors(source, root, nested, options);
        }
        if (issue.code === 'unrecognized_keys') {
            const known = options.knownKeys?.(issue.path) ?? [];
            return issue.keys.map((key) => unknownKeyError(source, path, key, known, options.fieldPrefix));
        }
        return new src_errors/* InputError */.dz({
            file: source.file,
            line: source.lineOf(path),
            field: formatPath(path, options.fieldPrefix) || '(top level)',
            problem: describeIssue(issue, value),
            fix: fixFor(issue),
        });
    });
}
/**
 * Picks the union branch that took the value's type (its issues are about what is inside the value),
 * so that the error names the field at fault instead of "Invalid input" for the whole value. Returns
 * undefined when every branch rejected the type itself.
 */
function matchingBranch(branches) {
    const typeMatched = branches.filter((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    if (typeMatched.length === 0)
        return undefined;
    return typeMatched.reduce((best, issues) => (issues.length < best.length ? issues : best));
}
function unknownKeyError(source, path, key, known, fieldPrefix) {
    const suggestion = closestWord(key, known);
    let fix = 'remove it';
    if (suggestion)
        fix = `did you mean "${suggestion}"?`;
    else if (known.length > 0)
        fix = `remove it; the keys allowed here are ${known.join(', ')}`;
    return new src_errors/* InputError */.dz({
        file: source.file,
        line: source.lineOf([...path, key], { key: true }),
        field: formatPath([...path, key], fieldPrefix),
        problem: `unknown key ${(0,src_errors/* showValue */.vp)(key)}`,
        fix,
    });
}
/** Words for zod's type names as YAML users know them. */
const TYPE_WORDS = { array: 'a list', object: 'a mapping', record: 'a mapping', string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false' };
function describeIssue(issue, value) {
    if (value === undefined && issue.code === 'invalid_type')
        return 'missing required value';
    if (issue.code === 'invalid_type')
        return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${(0,src_errors/* showValue */.vp)(value)}`;
    if (issue.code === 'invalid_value')
        return `invalid value ${(0,src_errors/* showValue */.vp)(value)}`;
    if (issue.code === 'too_small' && Array.isArray(value))
        return `the list is empty`;
    if (issue.code === 'too_small')
        return `${(0,src_errors/* showValue */.vp)(value)} is too small: it must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    if (issue.code === 'too_big')
        return `${(0,src_errors/* showValue */.vp)(value)} is too large: it must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    return `${issue.message}${value === undefined ? '' : `; got ${(0,src_errors/* showValue */.vp)(value)}`}`;
}
function fixFor(issue) {
    if (issue.code === 'invalid_value')
        return `use one of ${issue.values.map((v) => String(v)).join(', ')}`;
    if (issue.code === 'too_small' && issue.origin === 'array')
        return 'give at least one item';
    if (issue.code === 'too_small')
        return `use a value ${issue.inclusive ? 'of at least' : 'above'} ${String(issue.minimum)}`;
    if (issue.code === 'too_big')
        return `use a value ${issue.inclusive ? 'of at most' : 'below'} ${String(issue.maximum)}`;
    if (issue.code === 'invalid_type')
        return `give ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    if (issue.code === 'custom')
        return 'see the configuration reference (docs/configuration.md)';
    return undefined;
}
/** Returns the known word within edit distance 2 of `word`, for "did you mean" hints. */
function closestWord(word, known) {
    let best;
    let bestDistance = 3;
    for (const candidate of known) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
function editDistance(a, b) {
    const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/config/load.ts






/**
 * Reads and validates a config file. The problems of each stage (structure, then models and
 * thresholds) are reported together, each with file, line, field, value and fix. Nothing is called
 * before the whole config is valid.
 */
async function loadConfig(file, options = {}) {
    const absolute = external_node_path_default().resolve(file);
    const text = await readConfigText(absolute, file);
    const source = parseYaml(file, text);
    if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
        throw new src_errors/* InputError */.dz({
            file,
            line: 1,
            problem: `expected a mapping with "suite" and "models", got ${(0,src_errors/* showValue */.vp)(source.value)}`,
            fix: 'start from the example llm-bench.yml in the README',
        });
    }
    const parsed = configSchema.safeParse(source.value);
    if (!parsed.success) {
        throw new src_errors/* InputErrors */.G(issuesToErrors(source, source.value, parsed.error.issues, { knownKeys: configKeysAt }));
    }
    const errors = checkModels(source, parsed.data, options);
    if (errors.length > 0)
        throw new src_errors/* InputErrors */.G(errors);
    return toConfig(absolute, source, parsed.data, options.env ?? process.env);
}
async function readConfigText(absolute, shown) {
    try {
        return await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new src_errors/* InputError */.dz({
            file: shown,
            problem: code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${code ?? String(error)})`,
            fix: 'create llm-bench.yml at the repository root, or pass its path with --config (CLI) or the `config` input (action)',
        });
    }
}
function checkModels(source, raw, options) {
    const env = options.env ?? process.env;
    const errors = [];
    const seen = new Map();
    const at = (index, field, problem, fix) => {
        errors.push(new src_errors/* InputError */.dz({ file: source.file, line: source.lineOf(['models', index, field]), field: formatPath(['models', index, field]), problem, fix }));
    };
    raw.models.forEach((model, index) => {
        const first = seen.get(model.name);
        if (first !== undefined) {
            at(index, 'name', `duplicate model name ${(0,src_errors/* showValue */.vp)(model.name)} (also models[${first}])`, 'give every model a unique name');
        }
        seen.set(model.name, index);
        if (model.outputs !== undefined)
            return;
        for (const { field, problem, fix } of checkProviderFields(model))
            at(index, field, problem, fix);
        for (const field of ['base_url', 'endpoint']) {
            const value = model[field];
            if (value === undefined)
                continue;
            const unset = unsetVariables(value, env);
            for (const name of unset) {
                at(index, field, `environment variable ${name} used in ${(0,src_errors/* showValue */.vp)(value)} is not set or empty`, `set ${name} in the environment, or write the URL out`);
            }
            const expanded = expandVariables(value, env);
            if (unset.length === 0 && !isHttpUrl(expanded)) {
                at(index, field, `${(0,src_errors/* showValue */.vp)(expanded)} is not an http:// or https:// URL`, 'write the full URL, e.g. https://api.openai.com/v1');
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
            errors.push(new src_errors/* InputError */.dz({
                file: source.file,
                line: source.lineOf(['thresholds', 'models', name], { key: true }),
                field: formatPath(['thresholds', 'models', name]),
                problem: `no model is named ${(0,src_errors/* showValue */.vp)(name)}`,
                fix: `use one of the model names: ${[...seen.keys()].join(', ')}`,
            }));
        }
    }
    return errors;
}
/** Names of the `${VAR}` variables in `text` that are unset or empty (an empty one would leave a broken URL). */
function unsetVariables(text, env) {
    return [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]).filter((name) => !env[name]);
}
function isHttpUrl(text) {
    try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}
function expandVariables(text, env) {
    return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => env[name] ?? '');
}
function toConfig(absolute, source, raw, env) {
    const dir = external_node_path_default().dirname(absolute);
    const outputDir = external_node_path_default().resolve(dir, raw.output.dir);
    const suiteEntries = typeof raw.suite === 'string' ? [raw.suite] : raw.suite;
    const suite = suiteEntries.map((entry, index) => {
        const line = source.lineOf(typeof raw.suite === 'string' ? ['suite'] : ['suite', index]) ?? 1;
        const location = { file: source.file, line };
        if (typeof entry === 'string')
            return { kind: 'files', pattern: entry, source: location };
        return {
            kind: 'dataset',
            path: entry.path,
            format: entry.format,
            promptField: entry.prompt_field,
            expectedField: entry.expected_field,
            idField: entry.id_field,
            idPrefix: entry.id_prefix,
            type: entry.type,
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
            json: external_node_path_default().resolve(outputDir, raw.output.json ?? 'results.json'),
            csv: external_node_path_default().resolve(outputDir, raw.output.csv ?? 'results.csv'),
            report: external_node_path_default().resolve(outputDir, raw.output.report ?? 'report.md'),
            junit: external_node_path_default().resolve(outputDir, raw.output.junit ?? 'junit.xml'),
            jsonl: external_node_path_default().resolve(outputDir, raw.output.jsonl ?? 'results.jsonl'),
        },
        budgetUsd: raw.budget_usd,
        baseline: toBaselineSource(raw.baseline, dir),
        regression: { maxDrop: raw.regression.max_drop, alpha: raw.regression.alpha },
        history: raw.history && { file: external_node_path_default().resolve(dir, raw.history.file), keep: raw.history.keep },
        cacheDir: raw.cache === undefined ? undefined : external_node_path_default().resolve(dir, raw.cache),
    };
}
function toBaselineSource(raw, dir) {
    if (raw?.file !== undefined)
        return { kind: 'file', path: external_node_path_default().resolve(dir, raw.file) };
    if (raw?.base_ref !== undefined)
        return { kind: 'base-ref', ref: raw.base_ref === true ? undefined : raw.base_ref };
    if (raw?.artifact !== undefined)
        return { kind: 'artifact', ...raw.artifact };
    return undefined;
}
function toModel(model, raw, dir, env) {
    return {
        name: model.name,
        provider: model.provider,
        baseUrl: model.base_url === undefined ? undefined : expandVariables(model.base_url, env),
        apiKeyEnv: model.api_key_env,
        // An Azure deployment serves one model, so its name stands in for the model id when none is given.
        model: model.model ?? model.deployment,
        params: model.params,
        pricing: model.pricing && { inputPerMtok: model.pricing.input_per_mtok, outputPerMtok: model.pricing.output_per_mtok },
        outputs: model.outputs === undefined ? undefined : external_node_path_default().resolve(dir, model.outputs),
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
function toThresholdSet(set) {
    return { passRate: set.pass_rate, maxErrorRate: set.max_error_rate, types: set.types, tags: set.tags };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/gate/thresholds.ts
/** Error rate allowed when the config sets none: any error fails the gate, so an outage can't pass. */
const DEFAULT_MAX_ERROR_RATE = 0;
/**
 * Checks every model against the thresholds: the top-level set applies to all models, and a model's
 * own set under `thresholds.models` overrides it key by key. Every threshold that is not met is
 * listed; a type or tag the model has no rows for is not checked.
 */
function evaluateThresholds(models, thresholds) {
    const failures = [];
    for (const model of models) {
        const own = thresholds.models[model.name];
        const set = {
            passRate: own?.passRate ?? thresholds.passRate,
            maxErrorRate: own?.maxErrorRate ?? thresholds.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE,
            types: { ...thresholds.types, ...own?.types },
            tags: { ...thresholds.tags, ...own?.tags },
        };
        const below = (scope, value, threshold) => {
            if (value !== undefined && threshold !== undefined && value < threshold) {
                failures.push({ model: model.name, scope, metric: 'pass_rate', value, threshold });
            }
        };
        below('all', model.pass_rate, set.passRate);
        for (const [type, threshold] of Object.entries(set.types))
            below(`type:${type}`, model.by_type[type]?.pass_rate, threshold);
        for (const [tag, threshold] of Object.entries(set.tags))
            below(`tag:${tag}`, model.by_tag[tag]?.pass_rate, threshold);
        if (set.maxErrorRate !== undefined && model.error_rate > set.maxErrorRate) {
            failures.push({ model: model.name, scope: 'all', metric: 'error_rate', value: model.error_rate, threshold: set.maxErrorRate });
        }
    }
    return { passed: failures.length === 0, failures };
}

// EXTERNAL MODULE: ./src/suite/files.ts
var files = __webpack_require__(2547);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/runner/estimate.ts
/** Output tokens assumed for budget and tpm estimates when `max_tokens` is unset and nothing is observed yet. */
const DEFAULT_OUTPUT_TOKENS = 1024;
/**
 * Estimates a prompt's tokens without a tokenizer: one token per CJK character and one per four other
 * characters, plus four per message for the chat format. An estimate for budgets and rate limits only;
 * usage reported by the API replaces it.
 */
function estimatePromptTokens(messages) {
    let tokens = 0;
    for (const message of messages) {
        const cjk = message.content.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g)?.length ?? 0;
        tokens += 4 + cjk + Math.ceil((message.content.length - cjk) / 4);
    }
    return tokens;
}
/** The most output tokens a request may use: `max_tokens` / `max_completion_tokens` when set. */
function outputTokenCap(model) {
    const cap = model.params['max_completion_tokens'] ?? model.params['max_tokens'];
    return typeof cap === 'number' && cap > 0 ? cap : undefined;
}
/** Running estimate of a model's output tokens per call: its cap, else twice the mean seen so far. */
class OutputTokenEstimate {
    cap;
    total = 0;
    count = 0;
    constructor(cap) {
        this.cap = cap;
    }
    observe(completionTokens) {
        this.total += completionTokens;
        this.count += 1;
    }
    get value() {
        if (this.cap !== undefined)
            return this.cap;
        return this.count === 0 ? DEFAULT_OUTPUT_TOKENS : Math.ceil((2 * this.total) / this.count);
    }
}
function estimateCost(promptTokens, outputTokens, pricing) {
    return (promptTokens * pricing.inputPerMtok + outputTokens * pricing.outputPerMtok) / 1_000_000;
}

;// CONCATENATED MODULE: ./src/runner/cost.ts

/** Cost in USD of one call from its token usage and the model's prices per million tokens. */
function costOf(usage, pricing) {
    if (!usage || !pricing)
        return null;
    return roundUsd(estimateCost(usage.prompt_tokens, usage.completion_tokens, pricing));
}
/**
 * Rounds a dollar amount to 12 significant digits, which removes binary floating-point noise
 * (0.000010199999999999999 becomes 0.0000102) and keeps every digit a price can have.
 */
function roundUsd(usd) {
    return usd === 0 ? 0 : Number(usd.toPrecision(12));
}

;// CONCATENATED MODULE: ./src/stats/validate.ts
/** Throws a RangeError unless `value` is a non-negative integer; `name` is the argument's name. */
function validateCount(name, value) {
    if (!Number.isInteger(value) || value < 0) {
        throw new RangeError(`${name} must be a non-negative integer, got ${value}.`);
    }
}

;// CONCATENATED MODULE: ./src/stats/pass-at-k.ts

/**
 * Computes the unbiased pass@k estimator of Chen et al. (2021), "Evaluating Large Language Models
 * Trained on Code", for one case with n samples of which c pass: 1 − C(n − c, k) / C(n, k). The
 * ratio is evaluated as ∏_{i=0}^{k−1} (n − c − i) / (n − i), which equals openai/human-eval's
 * 1 − ∏_{i=n−c+1}^{n} (1 − k / i), needs no large binomial coefficients, and gives pass@1 = c / n
 * exactly (the other form yields 0.4999999999999999 for n = 6, c = 3). Returns 1 when n − c < k,
 * because every choice of k samples then contains a pass.
 * Throws a RangeError unless n ≥ 1, 0 ≤ c ≤ n and 1 ≤ k ≤ n are integers.
 */
function passAtK(n, c, k) {
    validateCount('n', n);
    validateCount('c', c);
    validateCount('k', k);
    if (n < 1 || c > n || k < 1 || k > n) {
        throw new RangeError(`pass@k needs 1 ≤ k ≤ n and c ≤ n, got n = ${n}, c = ${c}, k = ${k}.`);
    }
    if (n - c < k) {
        return 1;
    }
    let allFailProbability = 1;
    for (let i = 0; i < k; i += 1) {
        allFailProbability *= (n - c - i) / (n - i);
    }
    return 1 - allFailProbability;
}
/**
 * Averages pass@k over cases, keyed `pass@<k>`, for each k in `ks` that is no larger than every
 * case's sample count (a k above some case's n has no unbiased estimate there). Keys follow the
 * order of `ks` without repeats. Returns an empty record when there are no cases. Throws a
 * RangeError for a k that is not a positive integer.
 */
function passAtKForModel(samplesPerCase, ks) {
    const result = {};
    if (samplesPerCase.length === 0) {
        return result;
    }
    const smallestSampleCount = samplesPerCase.reduce((smallest, samples) => Math.min(smallest, samples.n), Infinity);
    for (const k of ks) {
        if (!Number.isInteger(k) || k < 1) {
            throw new RangeError(`pass@k needs each k to be a positive integer, got ${k}.`);
        }
        const key = `pass@${k}`;
        if (k > smallestSampleCount || key in result) {
            continue;
        }
        let sum = 0;
        for (const samples of samplesPerCase) {
            sum += passAtK(samples.n, samples.c, k);
        }
        result[key] = sum / samplesPerCase.length;
    }
    return result;
}

// EXTERNAL MODULE: ./node_modules/simple-statistics/dist/simple-statistics.mjs
var simple_statistics = __webpack_require__(5521);
;// CONCATENATED MODULE: ./src/stats/percentile.ts

/**
 * Computes the `p`-th percentile (`p` in [0, 100]) by linear interpolation between the closest
 * ranks: the value at position (n − 1) × p / 100 of the sorted sample. This is R's type 7 and
 * numpy's default `linear` method, as implemented by simple-statistics 7 `quantileSorted`.
 * Returns null for an empty sample. Sorts a copy, so it runs in O(n log n) and leaves `values`
 * unchanged. Throws a RangeError for a `p` outside [0, 100] or a value that is not a finite number.
 */
function percentile(values, p) {
    validatePercent(p);
    if (values.length === 0) {
        return null;
    }
    return (0,simple_statistics/* quantileSorted */.Z4)(sortFinite(values), p / 100);
}
/**
 * Summarises a sample of latencies: arithmetic mean, 50th and 95th percentiles (linear
 * interpolation, as `percentile`). The sample is sorted once. Returns nulls for an empty sample.
 */
function latencySummary(values) {
    if (values.length === 0) {
        return { mean: null, p50: null, p95: null };
    }
    const sorted = sortFinite(values);
    return {
        mean: (0,simple_statistics/* mean */.RE)(sorted),
        p50: (0,simple_statistics/* quantileSorted */.Z4)(sorted, 0.5),
        p95: (0,simple_statistics/* quantileSorted */.Z4)(sorted, 0.95),
    };
}
function validatePercent(p) {
    if (!(p >= 0 && p <= 100)) {
        throw new RangeError(`Percentile must be between 0 and 100, got ${p}. Pass 95 for the 95th percentile.`);
    }
}
/** Returns a sorted copy, or throws a RangeError naming the first value that is not finite. */
function sortFinite(values) {
    const copy = values.slice();
    for (let index = 0; index < copy.length; index += 1) {
        if (!Number.isFinite(copy[index])) {
            throw new RangeError(`Value at index ${index} is ${copy[index]}, not a finite number. Drop missing values before computing percentiles.`);
        }
    }
    return copy.sort((left, right) => left - right);
}

;// CONCATENATED MODULE: ./src/results/aggregate.ts



/**
 * Summarises one model's rows. `pass_rate` is passed / total, so error rows count against it (an
 * outage must not look like quality); `failed` counts answers that were scored and did not pass.
 * Cached rows keep the latency of the call that filled the cache.
 */
function summarizeModel(model, rows, options = {}) {
    const passed = rows.filter((row) => row.pass).length;
    const errors = rows.filter((row) => row.error !== null).length;
    const latency = latencySummary(rows.flatMap((row) => (row.latency_ms === null ? [] : [row.latency_ms])));
    const costs = rows.flatMap((row) => (row.cost_usd === null ? [] : [row.cost_usd]));
    const ttft = measured(rows, (row) => row.ttft_ms);
    const speed = measured(rows, (row) => row.tokens_per_s);
    return {
        name: model.name,
        model: model.outputs !== undefined ? null : (model.model ?? null),
        total: rows.length,
        passed,
        failed: rows.length - passed - errors,
        errors,
        pass_rate: rate(passed, rows.length),
        error_rate: rate(errors, rows.length),
        pass_at_k: aggregate_passAtK(rows, options.passAtK ?? [1]),
        retries: sum(rows.map((row) => row.retries)),
        stopped: options.stopped ?? null,
        by_type: breakdown(rows, (row) => [row.type]),
        by_tag: breakdown(rows, (row) => row.tags),
        latency_ms: { mean: round(latency.mean), p50: round(latency.p50), p95: round(latency.p95) },
        ttft_ms: ttft,
        tokens_per_s: speed,
        tokens: {
            prompt: sum(rows.map((row) => row.usage?.prompt_tokens ?? 0)),
            completion: sum(rows.map((row) => row.usage?.completion_tokens ?? 0)),
            total: sum(rows.map((row) => row.usage?.total_tokens ?? 0)),
            reasoning: sum(rows.map((row) => row.usage?.reasoning_tokens ?? 0)),
        },
        cost_usd: model.pricing ? roundUsd(sum(costs)) : null,
    };
}
/**
 * Mean, p50 and p95 of a figure that only streamed rows measure (time to first token, output speed),
 * or null when no row has it. Rows written before the figure existed count as unmeasured.
 */
function measured(rows, figure) {
    const values = rows.flatMap((row) => {
        const value = figure(row);
        return value === null || value === undefined ? [] : [value];
    });
    if (values.length === 0)
        return null;
    const summary = latencySummary(values);
    return { mean: round(summary.mean), p50: round(summary.p50), p95: round(summary.p95) };
}
/** pass@k over the cases' samples, keyed by k; a case's error rows count as failed samples. */
function aggregate_passAtK(rows, ks) {
    const samples = new Map();
    for (const row of rows) {
        const count = samples.get(row.id) ?? { n: 0, c: 0 };
        count.n += 1;
        if (row.pass)
            count.c += 1;
        samples.set(row.id, count);
    }
    const byLabel = passAtKForModel([...samples.values()], ks);
    return Object.fromEntries(Object.entries(byLabel).map(([label, value]) => [label.replace(/^pass@/, ''), value]));
}
function breakdown(rows, keysOf) {
    const counts = new Map();
    for (const row of rows) {
        for (const key of keysOf(row)) {
            const count = counts.get(key) ?? { total: 0, passed: 0 };
            count.total += 1;
            if (row.pass)
                count.passed += 1;
            counts.set(key, count);
        }
    }
    return Object.fromEntries([...counts].map(([key, count]) => [key, { ...count, pass_rate: rate(count.passed, count.total) }]));
}
function rate(passed, total) {
    return total === 0 ? 0 : passed / total;
}
function sum(values) {
    return values.reduce((total, value) => total + value, 0);
}
function round(value) {
    return value === null ? null : Math.round(value * 10) / 10;
}

;// CONCATENATED MODULE: ./src/results/build.ts





/** Assembles the results file from the run's rows: per-model summaries and the threshold gate. */
function buildResults(config, outcome, run) {
    const models = config.models.map((model) => summarizeModel(model, outcome.rows.filter((row) => row.model === model.name), { stopped: outcome.stopped[model.name] ?? null, passAtK: config.passAtK }));
    const gate = evaluateThresholds(models, config.thresholds);
    return {
        schema_version: 1,
        tool: { name: 'llm-bench', version: version/* VERSION */.x },
        run: {
            id: run.id ?? (0,external_node_crypto_.randomUUID)(),
            started_at: run.startedAt.toISOString(),
            finished_at: run.finishedAt.toISOString(),
            config: (0,files/* displayPath */.G)(config.file),
            partial: outcome.partialReason !== null,
            partial_reason: outcome.partialReason,
            budget: outcome.budget,
        },
        models,
        cases: outcome.rows,
        gate: outcome.partialReason === null ? gate : { ...gate, passed: false },
    };
}

// EXTERNAL MODULE: ./node_modules/csv-stringify/lib/sync.js + 7 modules
var sync = __webpack_require__(6789);
;// CONCATENATED MODULE: ./src/report/csv.ts
// results.csv: one row per (model, case, sample), for spreadsheets.

/** Column names in file order; docs/results-format.md describes each one. */
const CSV_COLUMNS = [
    'timestamp',
    'run_id',
    'model',
    'case_id',
    'sample',
    'type',
    'tags',
    'latency_ms',
    'ok',
    'error',
    'prompt_tokens',
    'completion_tokens',
    'total_tokens',
    'cost_usd',
    'score',
    'pass',
    'reason',
    'retries',
    'cached',
    'ttft_ms',
    'tokens_per_s',
    'reasoning_tokens',
    'answer',
];
/**
 * Renders the results as CSV for Excel and other spreadsheets. The text is UTF-8 with a byte order
 * mark, so Excel detects UTF-8 and shows Chinese text. Records end with CRLF as RFC 4180
 * specifies, and csv-stringify quotes fields that contain a comma, quote or line break. Missing
 * values are empty cells and booleans are `true` / `false`.
 *
 * Model outputs and error texts are untrusted, so a text cell that starts with `=`, `+`, `-`, `@`,
 * tab or carriage return (or the full-width `＝＋－＠`) gets a leading `'`, which stops a
 * spreadsheet from evaluating it as a formula (the OWASP "CSV Injection" advice, done by
 * csv-stringify's `escape_formulas`). Numeric cells are left as numbers, so `-0.5` stays `-0.5`.
 */
function renderCsv(results) {
    return [...csvChunks(results)].join('');
}
/**
 * Size of the rows rendered per CSV chunk, in UTF-16 code units, estimated from the outputs and
 * reasons (at most 100 rows). It keeps a chunk below V8's large-object size (see WRITE_BUFFER_CHARS
 * in results/write.ts).
 */
const CSV_CHUNK_CHARS = 16 * 1024;
const CSV_CHUNK_MAX_ROWS = 100;
/** Characters of a CSV record besides its output and reason, as an estimate. */
const CSV_RECORD_OVERHEAD_CHARS = 200;
const CSV_OPTIONS = {
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    // Set explicitly because csv-stringify turns it off when `record_delimiter` is given, and a
    // field holding a bare `\n` would then be written unquoted.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
        boolean: (value) => (value ? 'true' : 'false'),
    },
};
/**
 * Renders the CSV of `renderCsv` in chunks of rows, so that writing a large run never keeps the
 * whole text or all of its records in memory. Every record ends with CRLF, so the chunks join into one file.
 */
function* csvChunks(results) {
    yield (0,sync/* stringify */.A)([], { ...CSV_OPTIONS, bom: true, header: true });
    let records = [];
    let chars = 0;
    for (const row of results.cases) {
        const record = toRecord(results, row);
        records.push(record);
        chars += CSV_RECORD_OVERHEAD_CHARS + String(record['answer'] ?? '').length + row.reason.length;
        if (chars >= CSV_CHUNK_CHARS || records.length >= CSV_CHUNK_MAX_ROWS) {
            yield (0,sync/* stringify */.A)(records, { ...CSV_OPTIONS, header: false });
            records = [];
            chars = 0;
        }
    }
    if (records.length > 0)
        yield (0,sync/* stringify */.A)(records, { ...CSV_OPTIONS, header: false });
}
function toRecord(results, row) {
    return {
        timestamp: results.run.started_at,
        run_id: results.run.id,
        model: row.model,
        case_id: row.id,
        sample: row.sample,
        type: row.type,
        tags: row.tags.join(';'),
        latency_ms: row.latency_ms,
        ok: row.error === null,
        error: row.error,
        prompt_tokens: row.usage?.prompt_tokens ?? null,
        completion_tokens: row.usage?.completion_tokens ?? null,
        total_tokens: row.usage?.total_tokens ?? null,
        cost_usd: row.cost_usd,
        score: row.score,
        pass: row.pass,
        reason: row.reason,
        retries: row.retries ?? 0,
        cached: row.cached ?? false,
        ttft_ms: row.ttft_ms ?? null,
        tokens_per_s: row.tokens_per_s ?? null,
        reasoning_tokens: row.usage?.reasoning_tokens ?? null,
        answer: row.output,
    };
}

;// CONCATENATED MODULE: ./src/report/escape.ts
// Escaping of untrusted text (model outputs, reasons, ids) for GitHub Markdown and HTML.
//
// GitHub links `@name` to a user (and notifies them) and `#123` / `GH-123` to an issue. It does so
// on the text of the rendered HTML, after entities are decoded, so `&#64;` alone does not prevent
// a mention. Putting a zero-width space (`&#8203;`) between the sign and the name does, because the
// name no longer follows the sign directly.
const ELLIPSIS = '…';
const ZERO_WIDTH_SPACE = '&#8203;';
/**
 * C0 and C1 control characters except tab, line feed and carriage return, and the Unicode
 * bidirectional embeddings, overrides and isolates, which can make rendered text read in a
 * different order than it is stored.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS_AND_TABS = /[ \t]*[\r\n\u2028\u2029\t][\s]*/g;
/**
 * Markdown characters escaped with a backslash, `&<>` replaced by entities, and the signs of
 * mentions and issue references followed by a zero-width space. One pass over the input, so an
 * entity inserted here is never escaped again.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]~|&<>]|#(?=\d)|@(?=[A-Za-z0-9])|(?<=\bGH)-(?=\d)/gi;
const HTML_SPECIAL = /[&<>"']|#(?=\d)|@(?=[A-Za-z0-9])|(?<=\bGH)-(?=\d)/gi;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Removes control characters and replaces unpaired UTF-16 surrogates with U+FFFD. */
function sanitizeText(text) {
    return text.replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}
/** Replaces every line break and tab, with the spaces around it, by one space. */
function collapseLineBreaks(text) {
    return text.replace(LINE_BREAKS_AND_TABS, ' ');
}
/**
 * Cuts `text` to at most `maxChars` code points, the last of them `…`. The cut falls between
 * grapheme clusters, so it never splits a surrogate pair, a flag or an emoji sequence. The result
 * can therefore be a few code points shorter than `maxChars`.
 */
function truncateCodePoints(text, maxChars) {
    if (countCodePoints(text) <= maxChars) {
        return text;
    }
    if (maxChars < 1) {
        return '';
    }
    const budget = maxChars - 1;
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    let prefix = '';
    let prefixLength = 0;
    for (const { segment } of segmenter.segment(text)) {
        const size = countCodePoints(segment);
        if (prefixLength + size > budget) {
            break;
        }
        prefix += segment;
        prefixLength += size;
    }
    return prefix.trimEnd() + ELLIPSIS;
}
function countCodePoints(text) {
    let count = 0;
    for (const _ of text) {
        count++;
    }
    return count;
}
/**
 * Escapes untrusted text for one line of GitHub Markdown: a table cell, a list item or a heading.
 * Line breaks and tabs become spaces, control characters are removed, and the text is cut to
 * `maxChars` code points. Then every Markdown character that changes formatting (including every
 * `|`) gets a backslash, and `&<>` become entities so no HTML gets through. A zero-width space
 * breaks `@mentions` and `#123` references so they neither notify nor link.
 */
function escapeMarkdown(text, options = {}) {
    const line = prepareLine(text, options);
    const escaped = line.replace(MARKDOWN_SPECIAL, (match) => {
        if (match === '#' || match === '@' || match === '-') {
            return match + ZERO_WIDTH_SPACE;
        }
        return ENTITIES[match] ?? `\\${match}`;
    });
    return escapeBlockStart(escaped);
}
/**
 * Escapes untrusted text for HTML content or a quoted attribute on GitHub, such as `<summary>`,
 * where Markdown backslash escapes would show literally. Same line handling, cut and mention
 * breaking as `escapeMarkdown`.
 */
function escapeHtmlText(text, options = {}) {
    const line = prepareLine(text, options);
    return line.replace(HTML_SPECIAL, (match) => {
        if (match === '#' || match === '@' || match === '-') {
            return match + ZERO_WIDTH_SPACE;
        }
        return ENTITIES[match] ?? match;
    });
}
function prepareLine(text, options) {
    const line = collapseLineBreaks(sanitizeText(text)).trim();
    if (options.maxChars === undefined) {
        return line;
    }
    return truncateCodePoints(line, options.maxChars);
}
/**
 * Escapes a marker that would start a heading, list, thematic break or numbered list when the
 * text is the first thing on a line of a list item or paragraph. Table cells ignore these, but
 * the same text can go elsewhere.
 */
function escapeBlockStart(escaped) {
    if (/^(?:#{1,6}(?=\s|$)|[-+](?=[\s-]|$))/.test(escaped)) {
        return `\\${escaped}`;
    }
    return escaped.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

;// CONCATENATED MODULE: ./src/report/junit.ts
// JUnit XML, for CI systems and test-report actions that read it: one <testsuite> per model and
// one <testcase> per (case, sample) row.

/** Output text kept in a <failure> body, in code points. The full output is in results.json. */
const FAILURE_BODY_MAX_CHARS = 4000;
/**
 * Characters that XML 1.0 does not allow anywhere, even as character references: C0 controls
 * other than tab, line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES = {
    ...TEXT_ENTITIES,
    '"': '&quot;',
    "'": '&apos;',
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
};
/**
 * Renders the results as JUnit XML (UTF-8). A row is a
 * `<testcase classname="<model>.<type>" name="<case id>" time="<latency in s>">`; the name gets
 * `#<sample>` when the case has more than one sample. A failed row gets
 * `<failure message="<reason>">` with the model output as body, and a row whose request failed gets
 * `<error message="<error>">` instead. Characters that XML 1.0 forbids are removed.
 */
function renderJunit(results) {
    return [...junitChunks(results)].join('');
}
/** Renders the XML of `renderJunit` in chunks, so that writing a large run never keeps the whole text in memory. */
function* junitChunks(results) {
    const totals = countTotals(results.cases);
    const attributes = formatAttributes({
        name: results.tool.name,
        tests: totals.tests,
        failures: totals.failures,
        errors: totals.errors,
        time: formatSeconds(totals.latencyMs),
    });
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes}>\n`;
    for (const model of results.models)
        yield* suiteChunks(results, model);
    yield '</testsuites>\n';
}
function* suiteChunks(results, model) {
    const rows = results.cases.filter((row) => row.model === model.name);
    const sampled = new Set(rows.filter((row) => row.sample > 0).map((row) => row.id));
    const totals = countTotals(rows);
    const attributes = formatAttributes({
        name: model.name,
        tests: totals.tests,
        failures: totals.failures,
        errors: totals.errors,
        skipped: 0,
        time: formatSeconds(totals.latencyMs),
        timestamp: formatTimestamp(results.run.started_at),
    });
    yield `  <testsuite${attributes}>\n`;
    // One test case per chunk: the writer joins them into writes of a few tens of kilobytes.
    for (const row of rows)
        yield renderTestcase(row, sampled.has(row.id));
    yield '  </testsuite>\n';
}
function renderTestcase(row, showSample) {
    const attributes = formatAttributes({
        classname: `${row.model}.${row.type}`,
        name: showSample ? `${row.id}#${row.sample}` : row.id,
        time: formatSeconds(row.latency_ms ?? 0),
        file: row.source.file,
        line: row.source.line,
    });
    if (row.pass) {
        return `    <testcase${attributes}/>\n`;
    }
    return `    <testcase${attributes}>\n      ${renderOutcome(row)}\n    </testcase>\n`;
}
function renderOutcome(row) {
    if (row.error !== null) {
        return `<error${formatAttributes({ message: row.error, type: 'error' })}/>`;
    }
    const message = formatAttributes({ message: row.reason, type: 'failure' });
    const output = row.output; // read once: a stored row reads it from disk on each use
    const body = output === null ? '' : escapeText(truncateCodePoints(output, FAILURE_BODY_MAX_CHARS));
    return `<failure${message}>${body}</failure>`;
}
function countTotals(rows) {
    let failures = 0;
    let errors = 0;
    let latencyMs = 0;
    for (const row of rows) {
        if (row.error !== null) {
            errors++;
        }
        else if (!row.pass) {
            failures++;
        }
        latencyMs += row.latency_ms ?? 0;
    }
    return { tests: rows.length, failures, errors, latencyMs };
}
/** Formats milliseconds as seconds with millisecond precision, as JUnit's `time` expects. */
function formatSeconds(ms) {
    return (ms / 1000).toFixed(3);
}
/** Formats an ISO 8601 time as the JUnit schema's timestamp: UTC, no zone, no fraction. */
function formatTimestamp(iso) {
    const time = new Date(iso);
    if (Number.isNaN(time.getTime())) {
        return iso;
    }
    return time.toISOString().slice(0, 19);
}
function formatAttributes(attributes) {
    return Object.entries(attributes)
        .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
        .join('');
}
function escapeText(text) {
    return text.replace(INVALID_XML_CHARS, '').replace(/[&<>]/g, (char) => TEXT_ENTITIES[char]);
}
/** Escapes an attribute value; tabs and line breaks become references so parsers keep them. */
function escapeAttribute(text) {
    return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]);
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
;// CONCATENATED MODULE: ./src/report/budget.ts
// A size budget that a report is assembled within, counted in UTF-16 code units (what GitHub's
// comment limit is checked against here) and in UTF-8 bytes (the job summary limit).
class SizeBudget {
    chars;
    bytes;
    constructor(maxChars, maxBytes) {
        this.chars = maxChars;
        this.bytes = maxBytes;
    }
    /** Reserves room for `text` and returns true, or returns false and reserves nothing. */
    take(text) {
        const chars = text.length;
        const bytes = Buffer.byteLength(text, 'utf8');
        if (chars > this.chars || bytes > this.bytes) {
            return false;
        }
        this.chars -= chars;
        this.bytes -= bytes;
        return true;
    }
    /** Reserves room for `text` even when it does not fit; the budget then stays negative. */
    force(text) {
        this.chars -= text.length;
        this.bytes -= Buffer.byteLength(text, 'utf8');
    }
    get exceeded() {
        return this.chars < 0 || this.bytes < 0;
    }
}
/** Cuts `text` at a line break so that it and `suffix` fit within both limits. */
function cutToFit(text, suffix, maxChars, maxBytes) {
    let end = Math.min(text.length, maxChars - suffix.length);
    let cut = text.slice(0, Math.max(0, end));
    while (cut.length > 0 && Buffer.byteLength(cut + suffix, 'utf8') > maxBytes) {
        end = Math.floor(end * 0.9);
        cut = text.slice(0, end);
    }
    const lastBreak = cut.lastIndexOf('\n');
    return (lastBreak > 0 ? cut.slice(0, lastBreak) : '') + suffix;
}

;// CONCATENATED MODULE: ./src/report/format.ts
// Number formats shared by the reports. Fixed to English digits and separators so that a report
// renders the same on every runner, whatever its locale.
const NO_VALUE = '—';
/**
 * Formats a rate in [0, 1] as a percentage with at most one decimal (`83.3%`, `90%`). A rate
 * below 1 never shows as `100%` and a rate above 0 never shows as `0%`, so a single failure or a
 * single pass stays visible.
 */
function formatPercent(rate) {
    let percent = Math.round(rate * 1000) / 10;
    if (rate < 1 && percent >= 100) {
        percent = 99.9;
    }
    if (rate > 0 && percent <= 0) {
        percent = 0.1;
    }
    return `${percent}%`;
}
/** Formats a difference of two rates in percentage points, with its sign (`+5 pp`, `−2.5 pp`). */
function formatPointDelta(delta) {
    const points = Math.round(delta * 1000) / 10;
    if (points === 0) {
        return '±0 pp';
    }
    const sign = points > 0 ? '+' : '−';
    return `${sign}${Math.abs(points)} pp`;
}
/** Formats a change of a rate in percentage points with an arrow for its direction (`▲ +5 pp`, `▼ −2.5 pp`, `±0 pp`). */
function formatChange(delta) {
    if (delta > 0) {
        return `▲ ${formatPointDelta(delta)}`;
    }
    if (delta < 0) {
        return `▼ ${formatPointDelta(delta)}`;
    }
    return formatPointDelta(delta);
}
/** Formats a latency in milliseconds: `850 ms` below one second, `1.23 s` above. */
function formatLatency(ms) {
    if (ms === null) {
        return NO_VALUE;
    }
    if (ms < 1000) {
        return `${Math.round(ms)} ms`;
    }
    return `${(ms / 1000).toFixed(2)} s`;
}
/**
 * Formats a token count rounded to a whole number, with thousands separators (`12,345`). Written
 * out rather than with Intl.NumberFormat, whose first use costs about 10 ms of start-up.
 */
function formatCount(count) {
    if (!Number.isFinite(count))
        return String(count);
    return Math.round(count).toString().replace(/\B(?=(\d{3})+$)/g, ',');
}
/**
 * Formats a cost in US dollars: two decimals from $1, four below, `<$0.0001` for a positive cost
 * that would round to zero, and `—` when the model has no pricing.
 */
function formatCost(usd) {
    if (usd === null) {
        return NO_VALUE;
    }
    if (usd > 0 && usd < 0.0001) {
        return '<$0.0001';
    }
    return `$${usd.toFixed(usd >= 1 ? 2 : 4)}`;
}

;// CONCATENATED MODULE: ./src/report/failing.ts
// The report's "Failing cases" section: one table per model, filled row by row, taking turns
// between models, until the size budget runs out.



/** Failing rows a model may have before its table is folded into a `<details>` block. */
const FOLD_AFTER_ROWS = 10;
const REASON_MAX_CHARS = 160;
const ANSWER_MAX_CHARS = 100;
const REASONING_MAX_CHARS = 500;
const ID_MAX_CHARS = 80;
const TABLE_HEADER = ['Case', 'Type', 'Reason', 'Answer'];
const TABLE_OPTIONS = { alignDelimiters: false };
/** Counts the answers that were scored and did not pass; error rows have their own section. */
function countFailing(cases) {
    return cases.filter((row) => !row.pass && row.error === null).length;
}
/**
 * Renders the failing rows of every model into what `budget` has room for. Each model's heading
 * and table header are reserved first. Then the models take one row each in turn, so a model with
 * thousands of failures cannot crowd out the others.
 */
function renderFailingSection(cases, budget, options) {
    const groups = groupFailingRows(cases);
    const title = '### Failing cases';
    if (groups.size === 0 || !budget.take(`${title}\n\n`)) {
        return { markdown: '', omitted: countFailing(cases) };
    }
    const sampled = findSampledCases(cases);
    const blocks = [...groups].map(([model, rows]) => buildBlock(model, rows, sampled, options.sourceUrl));
    for (const block of blocks) {
        block.included = budget.take(renderBlock(block, options.omittedNote) + '\n\n');
    }
    fillRows(blocks, budget);
    const rendered = blocks.filter((block) => block.included).map((block) => renderBlock(block, options.omittedNote));
    const omitted = blocks.reduce((sum, block) => sum + block.failing.length - block.fittedLines.length, 0);
    if (rendered.length === 0) {
        return { markdown: '', omitted };
    }
    return { markdown: [title, ...rendered].join('\n\n'), omitted };
}
/** Groups the scored rows that did not pass by model, in the order the models ran. */
function groupFailingRows(cases) {
    const groups = new Map();
    for (const row of cases) {
        if (row.pass || row.error !== null) {
            continue;
        }
        const group = groups.get(row.model) ?? [];
        group.push(row);
        groups.set(row.model, group);
    }
    return groups;
}
/** Keys (`model` NUL `case id`) of the cases with more than one sample, whose rows name the sample. */
function findSampledCases(cases) {
    const sampled = new Set();
    for (const row of cases) {
        if (row.sample > 0) {
            sampled.add(sampleKey(row));
        }
    }
    return sampled;
}
function sampleKey(row) {
    return `${row.model}\u0000${row.id}`;
}
function buildBlock(model, rows, sampled, sourceUrl) {
    // Without aligned delimiters, a row's line does not depend on the other rows.
    const line = (row) => (0,markdown_table/* markdownTable */.Q)([TABLE_HEADER, renderCells(row, sampled.has(sampleKey(row)), sourceUrl)], TABLE_OPTIONS).split('\n')[2];
    return { model, head: (0,markdown_table/* markdownTable */.Q)([TABLE_HEADER], TABLE_OPTIONS).split('\n'), failing: rows, fittedLines: [], line, included: false };
}
function renderCells(row, showSample, sourceUrl) {
    let label = escapeMarkdown(row.id, { maxChars: ID_MAX_CHARS });
    const url = sourceUrl?.(row.source.file, row.source.line);
    if (url !== undefined) {
        label = `[${label}](${encodeLinkDestination(url)})`;
    }
    if (showSample) {
        label += ` · sample ${row.sample}`;
    }
    const reason = row.error !== null ? `error: ${row.error}` : row.reason;
    const output = row.output; // read once: a stored row reads it from disk on each use
    const answer = output === null ? '—' : escapeMarkdown(output, { maxChars: ANSWER_MAX_CHARS });
    return [label, escapeMarkdown(row.type), escapeMarkdown(reason, { maxChars: REASON_MAX_CHARS }), answer + renderReasoning(row)];
}
/**
 * Folds the model's thinking text under the answer, cut to `REASONING_MAX_CHARS` code points and
 * escaped like the answer, so that it stays on the table row. Returns '' for a row without it.
 */
function renderReasoning(row) {
    const reasoning = row.reasoning;
    if (reasoning === null || reasoning === undefined || reasoning.trim() === '') {
        return '';
    }
    return ` <details><summary>reasoning</summary>${escapeMarkdown(reasoning, { maxChars: REASONING_MAX_CHARS })}</details>`;
}
/** Takes rows for the included blocks in turn until none fits. */
function fillRows(blocks, budget) {
    const open = new Set(blocks.filter((block) => block.included && block.failing.length > 0));
    while (open.size > 0) {
        for (const block of open) {
            const line = block.line(block.failing[block.fittedLines.length]);
            if (!budget.take(line + '\n')) {
                open.delete(block);
                continue;
            }
            block.fittedLines.push(line);
            if (block.fittedLines.length === block.failing.length) {
                open.delete(block);
            }
        }
    }
}
/**
 * Renders a block with its kept rows. Before any row is kept it renders the largest form the
 * block's frame can take, because the note counts every row as omitted, so reserving it first
 * leaves room for the final block.
 */
function renderBlock(block, omittedNote) {
    const total = block.failing.length;
    const omitted = total - block.fittedLines.length;
    const table = [...block.head, ...block.fittedLines].join('\n');
    const note = omitted > 0 ? `\n\n${omittedNote(omitted)}` : '';
    const count = `${formatCount(total)} failing`;
    if (total <= FOLD_AFTER_ROWS) {
        return `#### ${escapeMarkdown(block.model)} (${count})\n\n${table}${note}`;
    }
    const summary = `<summary><b>${escapeHtmlText(block.model)}</b> (${count})</summary>`;
    return `<details>\n${summary}\n\n${table}${note}\n\n</details>`;
}
/** Percent-encodes the characters that would end a Markdown link or a table cell early. */
function encodeLinkDestination(url) {
    return url.replace(/[\s()<>|"`\\\u0000-\u001F\u007F]/g, (char) => {
        const code = char.charCodeAt(0);
        return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(char);
    });
}

;// CONCATENATED MODULE: ./src/report/baseline.ts
// The report's comparison with a baseline run. The comparison is computed by src/baseline, which
// adds `baseline` to each model summary (`ModelBaseline`) and to the run (`BaselineSummary`) of the
// results file. This file reads only the fields it renders and checks their types, so a results
// file written by another version still renders.





/** Share of the report's size limit that the lists of newly failing cases may take, split equally between models. */
const LIST_SHARE = 0.25;
/** Newly failing case ids in a table cell; the rest are counted. */
const MAX_LISTED_IDS = 5;
/** Newly failing cases listed on the model's line; longer lists fold into `<details>`. */
const INLINE_LINKED_IDS = 10;
const baseline_ID_MAX_CHARS = 80;
const VERDICT_ICONS = {
    regression: '❌',
    warning: '⚠️',
    improvement: '✅',
    pass: '✅',
};
/** Reads `model.baseline`, keeping only the fields that have the expected type. */
function readBaseline(model) {
    const raw = model.baseline;
    if (typeof raw !== 'object' || raw === null) {
        return undefined;
    }
    const fields = raw;
    return {
        pairs: finiteOrUndefined(fields.pairs),
        errored_pairs: finiteOrUndefined(fields.errored_pairs),
        pass_rate: finiteOrUndefined(fields.pass_rate),
        pass_rate_ci: intervalOrUndefined(fields.pass_rate_ci),
        head_pass_rate: finiteOrUndefined(fields.head_pass_rate),
        head_pass_rate_ci: intervalOrUndefined(fields.head_pass_rate_ci),
        delta: finiteOrUndefined(fields.delta),
        delta_ci: intervalOrUndefined(fields.delta_ci),
        newly_failing: stringsOrUndefined(fields.newly_failing),
        newly_passing: stringsOrUndefined(fields.newly_passing),
        p_value: finiteOrUndefined(fields.p_value),
        latency_p95_ms: valueChangeOrUndefined(fields.latency_p95_ms),
        cost_usd: valueChangeOrUndefined(fields.cost_usd),
        verdict: typeof fields.verdict === 'string' ? fields.verdict : undefined,
        reason: typeof fields.reason === 'string' ? fields.reason : undefined,
        added: stringsOrUndefined(fields.added),
        removed: stringsOrUndefined(fields.removed),
    };
}
/**
 * Renders the "Compared with baseline" section. It starts with the baseline's source and the gate
 * rule and a table with one row per model. A line per model follows with the 95% intervals, the
 * newly failing cases (linked to their suite lines), the newly passing count and the latency and
 * cost changes. The type-level warnings come last. Lists of newly failing cases share LIST_SHARE of `maxChars` and
 * `maxBytes` equally between models and end with a note when cut. Returns a one-line section when no
 * baseline could be had (`results.baseline.source` is `none:REASON`), and '' when no model has a
 * baseline.
 */
function renderBaselineSection(results, options = {}) {
    const summary = readSummary(results.baseline);
    const compared = results.models
        .map((model) => ({ model, baseline: readBaseline(model) }))
        .filter((item) => item.baseline !== undefined);
    if (compared.length === 0) {
        if (summary?.source?.startsWith('none:')) {
            const reason = escapeMarkdown(summary.source.slice('none:'.length), { maxChars: 300 });
            return `### Compared with baseline\n\nNo baseline to compare with: ${reason}.`;
        }
        return '';
    }
    const parts = ['### Compared with baseline'];
    const intro = renderIntro(summary);
    if (intro !== '') {
        parts.push(intro);
    }
    parts.push(renderTable(compared));
    const listed = compared.filter(({ baseline }) => (baseline.newly_failing?.length ?? 0) > 0).length;
    const share = (limit) => (limit === undefined ? Number.POSITIVE_INFINITY : (limit * LIST_SHARE) / Math.max(1, listed));
    const lines = [];
    const folded = [];
    for (const { model, baseline } of compared) {
        const budget = new SizeBudget(share(options.maxChars), share(options.maxBytes));
        const cases = linkNewlyFailing(model.name, baseline.newly_failing ?? [], results.cases, budget, options);
        lines.push(renderModelLine(model, baseline, cases));
        if (cases.folded !== '') {
            folded.push(cases.folded);
        }
    }
    parts.push(lines.join('\n'), ...folded);
    const notes = renderNotes(summary);
    if (notes !== '') {
        parts.push(notes);
    }
    return parts.join('\n\n');
}
function readSummary(raw) {
    if (typeof raw !== 'object' || raw === null) {
        return undefined;
    }
    const fields = raw;
    const warnings = Array.isArray(fields.warnings) ? fields.warnings : [];
    return {
        source: typeof fields.source === 'string' ? fields.source : undefined,
        max_drop: finiteOrUndefined(fields.max_drop),
        alpha: finiteOrUndefined(fields.alpha),
        removed_models: stringsOrUndefined(fields.removed_models),
        warnings: warnings.filter((item) => typeof item?.model === 'string' && typeof item.scope === 'string' && typeof item.reason === 'string'),
    };
}
/** Renders the baseline's source and the rule of the regression gate, or '' for results without a summary. */
function renderIntro(summary) {
    if (summary === undefined) {
        return '';
    }
    const parts = [];
    if (summary.source !== undefined) {
        parts.push(`Baseline: ${codeSpan(summary.source)}.`);
    }
    if (summary.max_drop !== undefined && summary.alpha !== undefined) {
        parts.push(`A regression, which fails the gate, is a drop of more than ${formatPoints(summary.max_drop)} that is significant at p < ${summary.alpha} (exact McNemar test on the paired cases); a larger drop that is not significant is a warning.`);
    }
    return parts.join(' ');
}
function renderTable(compared) {
    const header = ['Model', 'Baseline', 'Now', 'Change', 'Verdict', 'Newly failing'];
    const rows = compared.map(({ model, baseline }) => [
        escapeMarkdown(model.name),
        baseline.pass_rate === undefined ? NO_VALUE : formatPercent(baseline.pass_rate),
        formatPercent(baseline.head_pass_rate ?? model.pass_rate),
        formatOptionalChange(baseline.delta),
        formatVerdict(baseline),
        formatIds(baseline.newly_failing),
    ]);
    return (0,markdown_table/* markdownTable */.Q)([header, ...rows], { alignDelimiters: false, align: ['l', 'r', 'r', 'r', 'l', 'l'] });
}
/**
 * Renders a model's list item: the pass rates with their intervals on the paired cases, the change
 * with its interval, the case counts, the latency and cost changes, and the newly failing cases
 * when they fit on the line.
 */
function renderModelLine(model, baseline, cases) {
    const facts = [];
    if (baseline.head_pass_rate !== undefined && baseline.pass_rate !== undefined) {
        const on = baseline.pairs === undefined ? '' : ` on ${plural(baseline.pairs, 'paired case')}`;
        facts.push(`${formatRateWithInterval(baseline.head_pass_rate, baseline.head_pass_rate_ci)} now, ${formatRateWithInterval(baseline.pass_rate, baseline.pass_rate_ci)} before${on}`);
    }
    else if (baseline.reason !== undefined) {
        facts.push(escapeMarkdown(baseline.reason, { maxChars: 200 }));
    }
    if (baseline.delta !== undefined) {
        const interval = baseline.delta_ci === undefined ? '' : ` (95% CI ${formatPointDelta(baseline.delta_ci.low)} to ${formatPointDelta(baseline.delta_ci.high)})`;
        facts.push(`change ${formatOptionalChange(baseline.delta)}${interval}`);
    }
    if (baseline.newly_failing !== undefined || baseline.newly_passing !== undefined) {
        facts.push(`${formatCount(baseline.newly_failing?.length ?? 0)} newly failing, ${formatCount(baseline.newly_passing?.length ?? 0)} newly passing`);
    }
    if ((baseline.errored_pairs ?? 0) > 0) {
        facts.push(`${plural(baseline.errored_pairs ?? 0, 'pair')} with an error left out`);
    }
    const sides = [
        baseline.added?.length ? `${formatCount(baseline.added.length)} only in this run` : '',
        baseline.removed?.length ? `${formatCount(baseline.removed.length)} only in the baseline` : '',
    ].filter((text) => text !== '');
    if (sides.length > 0) {
        facts.push(`cases ${sides.join(', ')}`);
    }
    const latency = formatValueChange(baseline.latency_p95_ms, formatLatency, formatLatencyDelta);
    if (latency !== undefined) {
        facts.push(`p95 latency ${latency}`);
    }
    const cost = formatValueChange(baseline.cost_usd, formatCost, formatCostDelta);
    if (cost !== undefined) {
        facts.push(`cost ${cost}`);
    }
    const line = `- **${escapeMarkdown(model.name)}**: ${facts.length === 0 ? NO_VALUE : facts.join('; ')}.`;
    return cases.inline === '' ? line : `${line} Newly failing: ${cases.inline}.`;
}
/** Renders the type-level warnings and the models that only the baseline has, or ''. */
function renderNotes(summary) {
    if (summary === undefined) {
        return '';
    }
    const notes = summary.warnings
        .filter((warning) => warning.scope !== 'all')
        .map((warning) => {
        const scope = warning.scope.startsWith('type:') ? warning.scope.slice('type:'.length) : warning.scope;
        return `- ⚠️ ${escapeMarkdown(warning.model)} ${escapeMarkdown(scope)}: ${escapeMarkdown(warning.reason, { maxChars: 300 })}`;
    });
    if (summary.removed_models !== undefined && summary.removed_models.length > 0) {
        const names = summary.removed_models.map((name) => escapeMarkdown(name)).join(', ');
        notes.push(`- Only in the baseline run, not compared: ${names}.`);
    }
    return notes.join('\n');
}
/**
 * Links newly failing case labels (`id`, or `id#sample`) to their line in the suite file, using the
 * model's rows of this run for the location. Labels are taken while they fit `budget`; the rest
 * are counted in a note that points to the job summary.
 */
function linkNewlyFailing(model, labels, cases, budget, options) {
    if (labels.length === 0) {
        return { inline: '', folded: '' };
    }
    const links = linkCaseLabels(model, labels, cases, options.sourceUrl);
    if (labels.length <= INLINE_LINKED_IDS) {
        return { inline: links.join(', '), folded: '' };
    }
    const summary = `<summary>${formatCount(labels.length)} newly failing cases of <b>${escapeHtmlText(model)}</b></summary>`;
    const note = (count) => `_${plural(count, 'more case')} not listed to stay within GitHub's size limit; all are in ${whereAll(options.detailsUrl)}._`;
    budget.force(`<details>\n${summary}\n\n\n\n${note(labels.length)}\n\n</details>`);
    const listed = [];
    for (const link of links) {
        if (!budget.take(`${link}, `)) {
            break;
        }
        listed.push(link);
    }
    const omitted = labels.length - listed.length;
    const body = omitted > 0 ? `${listed.join(', ')}\n\n${note(omitted)}` : listed.join(', ');
    return { inline: '', folded: `<details>\n${summary}\n\n${body}\n\n</details>` };
}
/**
 * Renders case labels of one model as Markdown links to their suite lines, or as escaped text
 * when there is no `sourceUrl` or no row of that label in `cases`.
 */
function linkCaseLabels(model, labels, cases, sourceUrl) {
    const sources = new Map();
    if (sourceUrl !== undefined) {
        for (const row of cases) {
            if (row.model === model) {
                sources.set(row.sample > 0 ? `${row.id}#${row.sample}` : row.id, row.source);
            }
        }
    }
    return labels.map((label) => {
        const text = escapeMarkdown(label, { maxChars: baseline_ID_MAX_CHARS });
        const source = sources.get(label);
        const url = source === undefined ? undefined : sourceUrl?.(source.file, source.line);
        return url === undefined ? text : `[${text}](${encodeLinkDestination(url)})`;
    });
}
/**
 * Shows a source label (`artifact:NAME@RUN`, `file:PATH`) as inline code, where `@` and `#` neither
 * mention nor link: one line, without backticks, cut to 200 code points.
 */
function codeSpan(text) {
    const line = truncateCodePoints(collapseLineBreaks(sanitizeText(text)).replace(/`/g, "'").trim(), 200);
    return `\`${line}\``;
}
function whereAll(detailsUrl) {
    return detailsUrl === undefined ? 'results.json' : `the [job summary](${encodeLinkDestination(detailsUrl)}) and results.json`;
}
function formatOptionalChange(delta) {
    return delta === undefined ? NO_VALUE : formatChange(delta);
}
function formatVerdict(baseline) {
    const parts = [];
    if (baseline.verdict !== undefined) {
        const icon = VERDICT_ICONS[baseline.verdict];
        const word = `**${escapeMarkdown(baseline.verdict, { maxChars: 40 })}**`;
        parts.push(icon === undefined ? word : `${icon} ${word}`);
    }
    if (baseline.reason !== undefined) {
        parts.push(escapeMarkdown(baseline.reason, { maxChars: 300 }));
    }
    else if (baseline.p_value !== undefined && baseline.p_value !== null) {
        parts.push(`p = ${formatPValue(baseline.p_value)}`);
    }
    return parts.length === 0 ? NO_VALUE : parts.join(' · ');
}
function formatIds(ids) {
    if (ids === undefined || ids.length === 0) {
        return NO_VALUE;
    }
    const listed = ids.slice(0, MAX_LISTED_IDS).map((id) => escapeMarkdown(id, { maxChars: 60 }));
    const rest = ids.length - listed.length;
    return rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', ');
}
function formatRateWithInterval(rate, interval) {
    if (interval === undefined) {
        return formatPercent(rate);
    }
    return `${formatPercent(rate)} (95% CI ${formatPercent(interval.low)}–${formatPercent(interval.high)})`;
}
/** `before → after (change)`, or undefined when neither side has a value. */
function formatValueChange(change, format, formatDelta) {
    if (change === undefined || (change.base === undefined && change.head === undefined)) {
        return undefined;
    }
    const text = `${format(change.base ?? null)} → ${format(change.head ?? null)}`;
    return change.delta === undefined ? text : `${text} (${formatDelta(change.delta)})`;
}
function formatLatencyDelta(delta) {
    const sign = delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '±';
    return `${sign}${formatLatency(Math.abs(delta))}`;
}
function formatCostDelta(delta) {
    const sign = delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '±';
    return `${sign}${formatCost(Math.abs(delta))}`;
}
/** Formats a rate difference in percentage points without a sign: 0.05 → "5 pp". */
function formatPoints(rate) {
    return `${Math.round(rate * 1000) / 10} pp`;
}
function formatPValue(p) {
    return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}
function plural(count, noun) {
    return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
function finiteOrUndefined(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function stringsOrUndefined(value) {
    if (!Array.isArray(value)) {
        return undefined;
    }
    return value.filter((item) => typeof item === 'string');
}
function intervalOrUndefined(value) {
    const fields = value;
    const low = finiteOrUndefined(fields?.low);
    const high = finiteOrUndefined(fields?.high);
    return low === undefined || high === undefined ? undefined : { low, high };
}
function valueChangeOrUndefined(value) {
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const fields = value;
    return { base: finiteOrUndefined(fields.base), head: finiteOrUndefined(fields.head), delta: finiteOrUndefined(fields.delta) };
}

;// CONCATENATED MODULE: ./src/report/errors.ts
// The report's "Errors" section: calls that produced no scorable answer, apart from the answers that
// failed, grouped per model by message so that an outage reads as one line, not a thousand rows.


/** Distinct error messages listed per model; the rest are counted in one line. */
const MAX_MESSAGES_PER_MODEL = 5;
/** Case ids shown for one message. */
const MAX_IDS_PER_MESSAGE = 5;
const MESSAGE_MAX_CHARS = 160;
/** Renders the error rows grouped by model and message, or '' when no row has an error. */
function renderErrorSection(cases) {
    const byModel = new Map();
    for (const row of cases) {
        if (row.error === null)
            continue;
        const messages = byModel.get(row.model) ?? new Map();
        const ids = messages.get(row.error) ?? [];
        ids.push(row.sample > 0 ? `${row.id}#${row.sample}` : row.id);
        messages.set(row.error, ids);
        byModel.set(row.model, messages);
    }
    if (byModel.size === 0)
        return '';
    const rows = [];
    for (const [model, messages] of byModel) {
        const sorted = [...messages].sort((a, b) => b[1].length - a[1].length);
        for (const [message, ids] of sorted.slice(0, MAX_MESSAGES_PER_MODEL)) {
            rows.push([escapeMarkdown(model), String(ids.length), escapeMarkdown(message, { maxChars: MESSAGE_MAX_CHARS }), errors_formatIds(ids)]);
        }
        const rest = sorted.slice(MAX_MESSAGES_PER_MODEL);
        if (rest.length > 0) {
            const count = rest.reduce((sum, [, ids]) => sum + ids.length, 0);
            rows.push([escapeMarkdown(model), String(count), `${rest.length} other messages`, '']);
        }
    }
    const table = (0,markdown_table/* markdownTable */.Q)([['Model', 'Rows', 'Error', 'Cases'], ...rows], { alignDelimiters: false, align: ['l', 'r', 'l', 'l'] });
    return `### Errors\n\nThese calls returned no answer to score (after retries); they count against the pass rate and the error rate.\n\n${table}`;
}
function errors_formatIds(ids) {
    const shown = ids.slice(0, MAX_IDS_PER_MESSAGE).map((id) => escapeMarkdown(id, { maxChars: 60 }));
    return ids.length > MAX_IDS_PER_MESSAGE ? `${shown.join(', ')} and ${ids.length - MAX_IDS_PER_MESSAGE} more` : shown.join(', ');
}

;// CONCATENATED MODULE: ./src/report/limits.ts
// Size limits of the places a report is published to.
/**
 * Maximum length of an issue or pull request comment body. GitHub's REST API rejects a longer body
 * with 422 "Body is too long (maximum is 65536 characters)". Callers measure with `String.length`
 * (UTF-16 code units), which is never less than the code point count, so a body within this limit
 * also fits if GitHub counts code points.
 */
const PR_COMMENT_MAX_CHARS = 65_536;
/**
 * Maximum size of one step's job summary in bytes (UTF-8). The runner refuses a larger
 * `$GITHUB_STEP_SUMMARY` with "upload aborted, supports content up to a size of 1024k"
 * (GitHub Docs, "Workflow commands for GitHub Actions", adding a job summary).
 */
const JOB_SUMMARY_MAX_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Characters kept free in a comment body for the hidden marker and the line break after it. */
const COMMENT_MARKER_RESERVE_CHARS = 512;

;// CONCATENATED MODULE: ./src/report/markdown.ts
// The Markdown report posted as a pull request comment and written to the job summary: a headline,
// one overview row per model, the gate failures, the baseline comparison and the failing cases,
// kept within a size limit.









const DEFAULT_REPORT_MAX_CHARS = PR_COMMENT_MAX_CHARS - COMMENT_MARKER_RESERVE_CHARS;
/** Gate failures listed; the rest are counted. Each failure also shows in its model's verdict. */
const MAX_LISTED_GATE_FAILURES = 50;
const METRIC_LABELS = {
    pass_rate: 'pass rate',
    error_rate: 'error rate',
};
/** Renders the report as GitHub Markdown; see `buildReport`. */
function renderReport(results, options = {}) {
    return buildReport(results, options).markdown;
}
/**
 * Renders the report within `maxChars` and `maxBytes`. The headline, overview, gate failures and
 * baseline comparison are always included, and failing cases fill the room left. When even the
 * fixed parts are too long (thousands of models), the text is cut at a line with a note.
 */
function buildReport(results, options = {}) {
    const maxChars = options.maxChars ?? DEFAULT_REPORT_MAX_CHARS;
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const budget = new SizeBudget(maxChars, maxBytes);
    const head = [
        `## ${escapeMarkdown(options.title ?? 'llm-bench results')}`,
        renderHeadline(results),
        renderRunNotes(results),
        renderOverview(results),
        renderGateFailures(results.gate.failures),
        renderErrorSection(results.cases),
        renderBaselineSection(results, { sourceUrl: options.sourceUrl, detailsUrl: options.detailsUrl, maxChars, maxBytes }),
    ].filter((part) => part !== '');
    const totalFailing = countFailing(results.cases);
    budget.force(head.join('\n\n') + '\n\n');
    budget.force(renderFooter(results, options.detailsUrl));
    const omittedNote = (count) => renderOmittedNote(count, options.detailsUrl);
    const failing = renderFailingSection(results.cases, budget, { omittedNote, sourceUrl: options.sourceUrl });
    const parts = failing.markdown === '' ? head : [...head, failing.markdown];
    const markdown = `${parts.join('\n\n')}\n\n${renderFooter(results, options.detailsUrl)}`;
    if (budget.exceeded) {
        const note = `\n\n${renderCutNote(options.detailsUrl)}\n`;
        return { markdown: cutToFit(markdown, note, maxChars, maxBytes), omittedRows: totalFailing, cut: true };
    }
    return { markdown, omittedRows: failing.omitted, cut: false };
}
function renderHeadline(results) {
    const { gate, models, cases } = results;
    const verdict = gate.passed ? '✅ **Gate passed**' : `❌ **Gate failed**${renderGateReasons(results)}`;
    const caseCount = new Set(cases.map((row) => row.id)).size;
    const parts = [verdict, markdown_plural(models.length, 'model'), markdown_plural(caseCount, 'case')];
    if (cases.some((row) => row.sample > 0)) {
        parts.push(markdown_plural(cases.length, 'answer'));
    }
    parts.push(`run ${escapeMarkdown(results.run.id)}`);
    if (results.run.partial) {
        parts.push('⚠️ partial run');
    }
    return parts.join(' · ');
}
/** Counts what failed the gate, as ` (3 thresholds not met, 1 regression against the baseline)`, or returns ''. */
function renderGateReasons(results) {
    const reasons = [];
    if (results.gate.failures.length > 0) {
        reasons.push(`${markdown_plural(results.gate.failures.length, 'threshold')} not met`);
    }
    const regressions = results.baseline?.failures?.length ?? 0;
    if (regressions > 0) {
        reasons.push(`${markdown_plural(regressions, 'regression')} against the baseline`);
    }
    return reasons.length === 0 ? '' : ` (${reasons.join(', ')})`;
}
/** Lists why the run or a model stopped early and what the budget allowed, or returns ''. */
function renderRunNotes(results) {
    const { run } = results;
    const notes = [];
    if (run.partial) {
        const reason = run.partial_reason === null ? 'no reason recorded' : escapeMarkdown(run.partial_reason, { maxChars: 200 });
        notes.push(`⚠️ The run ended before every case was done: ${reason}.`);
    }
    for (const model of results.models) {
        if (model.stopped !== null && model.stopped !== undefined) {
            notes.push(`⚠️ ${escapeMarkdown(model.name)} stopped early: ${escapeMarkdown(model.stopped, { maxChars: 500 })}.`);
        }
    }
    if (run.budget !== null && run.budget !== undefined) {
        notes.push(`Spent ${formatCost(run.budget.spent_usd)} of the ${formatCost(run.budget.limit_usd)} budget.`);
    }
    return notes.map((note) => `- ${note}`).join('\n');
}
function renderOverview(results) {
    if (results.models.length === 0) {
        return 'No model ran.';
    }
    // The streaming and reasoning columns appear only when some model has a value for them.
    const models = results.models;
    const columns = [
        { header: 'Model', align: 'l', cell: (model) => escapeMarkdown(model.name) },
        { header: 'Pass rate', align: 'r', cell: (model) => `${formatPercent(model.pass_rate)} (${formatCount(model.passed)}/${formatCount(model.total)})` },
        { header: 'Errors', align: 'r', cell: formatErrors },
        { header: 'By type', align: 'l', cell: formatByType },
        { header: 'p95 latency', align: 'r', cell: (model) => formatLatency(model.latency_ms.p95) },
        { header: 'TTFT p50 / p95', align: 'r', cell: formatTtft, shown: models.some((model) => model.ttft_ms != null) },
        { header: 'Tokens/s p50', align: 'r', cell: formatOutputSpeed, shown: models.some((model) => model.tokens_per_s != null) },
        { header: 'Tokens', align: 'r', cell: (model) => formatCount(model.tokens.total) },
        { header: 'Reasoning tokens', align: 'r', cell: (model) => formatCount(model.tokens.reasoning ?? 0), shown: models.some((model) => (model.tokens.reasoning ?? 0) > 0) },
        { header: 'Cost', align: 'r', cell: (model) => formatCost(model.cost_usd) },
        { header: 'Verdict', align: 'l', cell: (model) => markdown_formatVerdict(model, results.gate.failures) },
    ];
    const shown = columns.filter((column) => column.shown !== false);
    const rows = models.map((model) => shown.map((column) => column.cell(model)));
    return (0,markdown_table/* markdownTable */.Q)([shown.map((column) => column.header), ...rows], { alignDelimiters: false, align: shown.map((column) => column.align) });
}
/** Formats the time to first token of streamed requests as `p50 / p95`, or `—` when none was streamed. */
function formatTtft(model) {
    const ttft = model.ttft_ms;
    return ttft == null ? NO_VALUE : `${formatLatency(ttft.p50)} / ${formatLatency(ttft.p95)}`;
}
/** Formats the median output speed in tokens per second (`42.5`, `1,250`), or `—` when not measured. */
function formatOutputSpeed(model) {
    const speed = model.tokens_per_s?.p50;
    if (speed == null) {
        return NO_VALUE;
    }
    return speed < 100 ? speed.toFixed(1) : formatCount(speed);
}
/** Formats the error count with the error rate when there are errors (`2 (3.3%)`). */
function formatErrors(model) {
    if (model.errors === 0) {
        return '0';
    }
    const rate = model.error_rate ?? model.errors / model.total;
    return `${formatCount(model.errors)} (${formatPercent(rate)})`;
}
/** Formats the pass rate per case type, known types first (`math 90% · qa 100%`). */
function formatByType(model) {
    const known = CASE_TYPES.filter((type) => type in model.by_type);
    const other = Object.keys(model.by_type)
        .filter((type) => !known.includes(type))
        .sort();
    const parts = [...known, ...other].map((type) => {
        return `${escapeMarkdown(type)} ${formatPercent(model.by_type[type].pass_rate)}`;
    });
    return parts.length === 0 ? NO_VALUE : parts.join(' · ');
}
/**
 * Formats the verdict of one model: the thresholds it missed and a regression against the baseline,
 * or a pass. A model without a single row, because the run stopped before it started, is "not run".
 */
function markdown_formatVerdict(model, failures) {
    if (model.total === 0)
        return '— not run';
    const missed = failures
        .filter((failure) => failure.model === model.name)
        .map((failure) => {
        const metric = metricOf(failure);
        const comparison = metric === 'error_rate' ? '>' : '<';
        return `${formatScope(failure.scope)} ${METRIC_LABELS[metric]} ${comparison} ${formatPercent(failure.threshold)}`;
    });
    if (model.baseline?.verdict === 'regression')
        missed.push('regression against the baseline');
    if (missed.length === 0) {
        return model.baseline?.verdict === 'warning' ? '✅ pass (⚠️ drop against the baseline)' : '✅ pass';
    }
    return `❌ ${missed.join(' · ')}`;
}
function renderGateFailures(failures) {
    if (failures.length === 0) {
        return '';
    }
    const header = ['Model', 'Scope', 'Metric', 'Value', 'Threshold'];
    const rows = failures.slice(0, MAX_LISTED_GATE_FAILURES).map((failure) => {
        const metric = metricOf(failure);
        const requirement = metric === 'error_rate' ? '≤' : '≥';
        return [
            escapeMarkdown(failure.model),
            formatScope(failure.scope),
            METRIC_LABELS[metric],
            formatPercent(failure.value),
            `${requirement} ${formatPercent(failure.threshold)}`,
        ];
    });
    const table = (0,markdown_table/* markdownTable */.Q)([header, ...rows], { alignDelimiters: false, align: ['l', 'l', 'l', 'r', 'r'] });
    const rest = failures.length - rows.length;
    const more = rest > 0 ? `\n\n${markdown_plural(rest, 'more gate failure')} not listed.` : '';
    return `### Gate failures\n\n${table}${more}`;
}
/** Formats a gate scope (`all`, `type:<name>`, `tag:<name>`) as `overall`, `math`, `tag zh`. */
function formatScope(scope) {
    if (scope === 'all') {
        return 'overall';
    }
    if (scope.startsWith('type:')) {
        return escapeMarkdown(scope.slice('type:'.length));
    }
    if (scope.startsWith('tag:')) {
        return `tag ${escapeMarkdown(scope.slice('tag:'.length))}`;
    }
    return escapeMarkdown(scope);
}
/** Returns the failure's metric; results files written before `metric` existed only gated the pass rate. */
function metricOf(failure) {
    return failure.metric ?? 'pass_rate';
}
function renderOmittedNote(count, detailsUrl) {
    const where = detailsUrl === undefined
        ? 'results.csv and results.json'
        : `the [job summary](${encodeLinkDestination(detailsUrl)}), results.csv and results.json`;
    return `_${markdown_plural(count, 'more failing answer')} not shown to stay within GitHub's size limit; all are in ${where}._`;
}
function renderCutNote(detailsUrl) {
    const where = detailsUrl === undefined ? 'results.json' : `the [job summary](${encodeLinkDestination(detailsUrl)}) and results.json`;
    return `_Report cut to stay within GitHub's size limit; the full results are in ${where}._`;
}
function renderFooter(results, detailsUrl) {
    const { tool, run } = results;
    const parts = [
        `${escapeMarkdown(tool.name)} ${escapeMarkdown(tool.version)}`,
        `config ${escapeMarkdown(run.config)}`,
        `started ${escapeMarkdown(run.started_at)}`,
    ];
    if (detailsUrl !== undefined) {
        parts.push(`[full report](${encodeLinkDestination(detailsUrl)})`);
    }
    return `<sub>${parts.join(' · ')}</sub>\n`;
}
function markdown_plural(count, noun) {
    return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/results/write.ts





/**
 * Writes results.json, results.csv, the Markdown report and JUnit XML, and returns the report's text.
 * Each file is written before the next one is rendered, and results.json, the CSV and the XML are
 * rendered and written a few hundred rows at a time, so that no whole file is kept in memory.
 */
async function writeResults(results, paths, reportOptions = {}) {
    await writeChunks(paths.json, jsonChunks(results));
    await writeChunks(paths.csv, csvChunks(results));
    const report = renderReport(results, reportOptions);
    await writeChunks(paths.report, [report]);
    await writeChunks(paths.junit, junitChunks(results));
    return report;
}
/**
 * Text collected before each write call of `writeChunks`, in UTF-16 code units: at most 64 KB as a
 * string, below V8's large-object size (128 KB). Larger strings go to the large-object space, which
 * only a full collection frees. With 256K characters, the end of a 20,000-row run rose by about 10 MB RSS.
 */
const WRITE_BUFFER_CHARS = 32 * 1024;
/** Writes the chunks to `file` as UTF-8, about WRITE_BUFFER_CHARS per write call. */
async function writeChunks(file, chunks) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const handle = await (0,promises_.open)(file, 'w');
    try {
        let buffered = [];
        let size = 0;
        for (const chunk of chunks) {
            buffered.push(chunk);
            size += chunk.length;
            if (size >= WRITE_BUFFER_CHARS) {
                await handle.write(buffered.join(''));
                buffered = [];
                size = 0;
            }
        }
        if (size > 0)
            await handle.write(buffered.join(''));
    }
    finally {
        await handle.close();
    }
}
/**
 * Yields exactly the text of `JSON.stringify(results, null, 2)` plus a newline, but renders the
 * `cases` array one row at a time. The whole text of a 20,000-row run is about 16 MB, and rendering
 * it at once would keep it in memory twice, as a string and as a UTF-8 buffer.
 */
function* jsonChunks(results) {
    const { head, tail } = splitAroundCases(results);
    yield head;
    for (const [index, row] of results.cases.entries()) {
        yield `${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(row, null, 2).replace(/\n/g, '\n    ')}`;
    }
    yield tail;
}
/**
 * Renders results.json with an empty `cases` array and splits it there: `head` ends with the array's
 * `[` and `tail` starts with its `]`, indented as JSON.stringify indents it when it has rows. A
 * top-level key is the only one indented by exactly two spaces, so the split point is unique.
 */
function splitAroundCases(results) {
    const text = `${JSON.stringify({ ...results, cases: [] }, null, 2)}\n`;
    const marker = '\n  "cases": []';
    const at = text.indexOf(marker);
    const head = text.slice(0, at + marker.length - 1);
    const tail = text.slice(at + marker.length - 1);
    return results.cases.length === 0 ? { head, tail } : { head, tail: `\n  ${tail}` };
}

// EXTERNAL MODULE: ./src/runner/retry.ts
var retry = __webpack_require__(1804);
// EXTERNAL MODULE: ./src/providers/call-errors.ts + 1 modules
var call_errors = __webpack_require__(9603);
// EXTERNAL MODULE: ./src/providers/post-json.ts
var post_json = __webpack_require__(5877);
// EXTERNAL MODULE: ./src/providers/reasoning.ts
var reasoning = __webpack_require__(3242);
// EXTERNAL MODULE: ./src/providers/unsupported-parameter.ts
var unsupported_parameter = __webpack_require__(3267);
;// CONCATENATED MODULE: ./src/providers/anthropic.ts
// Anthropic's Messages API, called with one JSON POST per request.





/** `anthropic-version` header sent unless the model sets `anthropic_version`; the Messages API's current version. */
const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';
/** `max_tokens` sent when `params` sets none: the Messages API requires the field. */
const DEFAULT_ANTHROPIC_MAX_TOKENS = 1024;
/** Anthropic `stop_reason` → the OpenAI finish reason that rows and reports use. Others pass through. */
const FINISH_REASONS = {
    end_turn: 'stop',
    stop_sequence: 'stop',
    max_tokens: 'length',
    refusal: 'content_filter',
    tool_use: 'tool_calls',
};
/**
 * Calls `POST {base_url}/v1/messages` with `x-api-key` and `anthropic-version`. System turns become
 * the top-level `system` field, `params` are passed through as request fields, and `max_tokens`
 * defaults to 1024. Text blocks are the answer and `thinking` blocks its reasoning, which is kept
 * apart and not scored. Usage `input_tokens` / `output_tokens` become prompt / completion tokens
 * (thinking is billed as output, so it is in `output_tokens`). A failed call throws a CallFailure:
 * HTTP 408, 409, 429 and 5xx (529 is "overloaded") are transient.
 */
function createAnthropicProvider(model, options) {
    const url = new URL(messagesUrl(model.baseUrl));
    const headers = {
        'content-type': 'application/json',
        'anthropic-version': model.anthropicVersion ?? DEFAULT_ANTHROPIC_VERSION,
    };
    if (options.apiKey)
        headers['x-api-key'] = options.apiKey;
    // A system prompt in the conversation replaces `system` in params.
    const fields = { max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS, ...model.params, model: model.model };
    const head = (0,post_json/* bodyHead */.r)(fields, ['messages']);
    const headWithoutSystem = (0,post_json/* bodyHead */.r)(fields, ['messages', 'system']);
    return {
        async complete(request) {
            const body = requestBody(request.messages, head, headWithoutSystem);
            const started = performance.now();
            const { status, headers: responseHeaders, text } = await (0,post_json/* postJson */.B)(url, { headers, body, cancel: request.signal, timeoutS: options.timeoutS, apiKey: options.apiKey });
            const latencyMs = performance.now() - started;
            if (status < 200 || status > 299)
                throw errorFailure(status, responseHeaders, text, options.apiKey);
            return readMessage((0,call_errors/* parseJsonBody */.Y2)(text, options.apiKey), latencyMs);
        },
    };
}
/** Appends `/v1/messages` to the base URL; a base URL that already ends in `/v1` gets only `/messages`. */
function messagesUrl(baseUrl) {
    const root = baseUrl.replace(/\/+$/, '');
    return root.endsWith('/v1') ? `${root}/messages` : `${root}/v1/messages`;
}
/** Builds the request: system turns joined into `system`, `max_tokens` defaulted, then the params. */
/**
 * Builds the Messages API body: system messages go to `system` and the other turns to `messages`,
 * after the model's fields (see `bodyHead`).
 */
function requestBody(messages, head, headWithoutSystem) {
    const system = messages.filter((message) => message.role === 'system').map((message) => message.content);
    const turns = messages.flatMap((message) => (message.role === 'system' ? [] : [{ role: message.role, content: message.content }]));
    if (system.length === 0)
        return `${head}"messages":${JSON.stringify(turns)}}`;
    return `${headWithoutSystem}"messages":${JSON.stringify(turns)},"system":${JSON.stringify(system.join('\n\n'))}}`;
}
/**
 * Reads a `message` body. A body that is not a message (no `content` list) is a transient failure,
 * as for the OpenAI provider. An empty `content` list is an empty answer, which the API does send.
 */
function readMessage(body, latencyMs) {
    if (body === null || typeof body !== 'object' || !Array.isArray(body.content)) {
        throw new retry/* CallFailure */.Rk(`malformed response: expected a Messages API message with a content list, got ${(0,call_errors/* describeBody */.MP)(JSON.stringify(body))}`, { transient: true });
    }
    const message = body;
    const texts = message.content.filter((block) => block?.type === 'text' && typeof block.text === 'string').map((block) => block.text);
    const thinking = message.content.filter((block) => block?.type === 'thinking' && typeof block.thinking === 'string').map((block) => block.thinking);
    const stopReason = typeof message.stop_reason === 'string' ? message.stop_reason : null;
    return {
        output: texts.join(''),
        reasoning: (0,reasoning/* joinReasoning */.Tw)(...thinking),
        usage: readUsage(message.usage),
        finishReason: stopReason === null ? null : (FINISH_REASONS[stopReason] ?? stopReason),
        latencyMs,
        error: null,
    };
}
function readUsage(usage) {
    if (!usage || typeof usage !== 'object')
        return null;
    const prompt = typeof usage.input_tokens === 'number' ? usage.input_tokens : 0;
    const completion = typeof usage.output_tokens === 'number' ? usage.output_tokens : 0;
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
/**
 * Turns an error response into a CallFailure. Anthropic's errors are `{type: 'error', error: {type,
 * message}}`; a body of another shape is quoted. A 400 that rejects a field of `params` stops the model.
 */
function errorFailure(status, headers, text, apiKey) {
    const detail = errorDetail(text);
    const message = (0,call_errors/* cleanMessage */.V8)(detail.message, apiKey);
    const configError = (0,unsupported_parameter/* unsupportedParameterFailure */.j)({ status, message });
    if (configError)
        return configError;
    const kind = detail.type === undefined ? '' : `${detail.type}: `;
    return new retry/* CallFailure */.Rk(`HTTP ${status}: ${kind}${message}`, { transient: (0,retry/* isTransientStatus */.Dm)(status), status, retryAfterMs: (0,retry/* retryAfterMs */.Vs)(headers) });
}
function errorDetail(text) {
    try {
        const error = JSON.parse(text).error;
        if (error && typeof error.message === 'string') {
            return { type: typeof error.type === 'string' ? error.type : undefined, message: error.message };
        }
    }
    catch {
        // Not JSON: an HTML page of a proxy, for example; quoted below.
    }
    return { message: text.trim() === '' ? '(empty body)' : (0,call_errors/* describeBody */.MP)(text) };
}

// EXTERNAL MODULE: ./src/providers/openai.ts
var openai = __webpack_require__(8238);
;// CONCATENATED MODULE: ./src/suite/jsonl.ts


/** Bytes read at a time: large enough that splitting chunks into lines costs little. */
const READ_CHUNK_BYTES = 1 << 20;
/**
 * Reads a JSONL file line by line and calls `visit` with each non-blank line, so that a large data
 * set never sits in memory as one string or as one array of parsed lines. A line that is not a JSON
 * object is passed as an error naming its line number. A UTF-8 byte-order mark at the start is
 * ignored. When `visit` returns false, reading stops and the file is closed. A file that cannot be
 * read throws an InputError without a line number.
 */
async function forEachJsonlLine(file, shown, visit) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
    }
    catch (error) {
        throw unreadable(error, shown);
    }
    let lineNumber = 0;
    let index = 0;
    // Returns false once `visit` returns false.
    const take = (row) => {
        lineNumber++;
        const text = row.endsWith('\r') ? row.slice(0, -1) : row;
        if (text.trim() === '')
            return true;
        return visit(parseLine(text, { line: lineNumber, index: index++ }, shown)) !== false;
    };
    try {
        // Lines are cut from the bytes and decoded one at a time. Decoding a whole chunk and splitting the
        // text would make every line, and every string that JSON.parse takes from it, a slice of the
        // chunk's 1 MB string, which would then stay in memory as long as any case did.
        let pending = []; // the start of a line that a later chunk ends
        let first = true;
        for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: READ_CHUNK_BYTES })) {
            let bytes = chunk;
            if (first && bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM))
                bytes = bytes.subarray(UTF8_BOM.length);
            first = false;
            let start = 0;
            for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
                const piece = bytes.subarray(start, end);
                const line = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
                pending = [];
                if (!take(line.toString('utf8')))
                    return;
                start = end + 1;
            }
            if (start < bytes.length)
                pending.push(bytes.subarray(start));
        }
        if (pending.length > 0)
            take(Buffer.concat(pending).toString('utf8'));
    }
    catch (error) {
        if (error.code === undefined)
            throw error;
        throw unreadable(error, shown);
    }
    finally {
        await handle.close();
    }
}
const NEWLINE = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
function unreadable(error, shown) {
    const code = error.code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`;
    return new src_errors/* InputError */.dz({ file: shown, problem, fix: 'check the path; it is relative to the folder of the config file' });
}
function parseLine(text, at, shown) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return { line: at.line, index: at.index, error: new src_errors/* InputError */.dz({ file: shown, line: at.line, problem: `invalid JSON: ${error.message}`, fix: 'write one JSON object per line' }) };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { line: at.line, index: at.index, error: new src_errors/* InputError */.dz({ file: shown, line: at.line, problem: 'expected a JSON object on this line', fix: 'write one JSON object per line' }) };
    }
    return { line: at.line, index: at.index, value: value };
}
/**
 * Reads a whole JSONL file into objects, for files that are kept whole anyway (replay files).
 * A file that cannot be read gives one error without a line number.
 */
async function readJsonl(file, shown) {
    const lines = [];
    const errors = [];
    try {
        await forEachJsonlLine(file, shown, (entry) => {
            if ('error' in entry)
                errors.push(entry.error);
            else
                lines.push(entry);
        });
    }
    catch (error) {
        if (!(error instanceof src_errors/* InputError */.dz))
            throw error;
        errors.push(error);
    }
    return { lines, errors };
}

;// CONCATENATED MODULE: ./src/providers/replay.ts



/**
 * Scores recorded answers instead of calling an API. A JSONL line is `{ "id" | "task_id" | "index",
 * "output" | "completion" }`; lines with an id match the case with that id, lines with an index the
 * data set case at that 0-based position. Several lines for one case are its samples, in file order.
 * NOTE: an index matches every data set case at that position, so with two data sets in one suite
 * replay files should name cases by id.
 */
async function createReplayProvider(model) {
    const recordings = await readRecordings(model.outputs);
    const shown = (0,files/* displayPath */.G)(model.outputs);
    const answersFor = (kase) => recordings.byId.get(kase.id) ?? (kase.index === undefined ? undefined : recordings.byIndex.get(kase.index));
    return {
        sampleCount: (kase) => answersFor(kase)?.length,
        async complete(request) {
            const answers = answersFor(request.kase);
            const output = answers?.[request.sample];
            if (output === undefined) {
                const error = answers
                    ? `${shown} has ${answers.length} recorded answer(s) for case "${request.kase.id}", not sample ${request.sample}`
                    : `${shown} has no recorded answer for case "${request.kase.id}"`;
                return { output: null, usage: null, finishReason: null, latencyMs: null, error };
            }
            return { output, usage: null, finishReason: null, latencyMs: null, error: null };
        },
    };
}
async function readRecordings(file) {
    const shown = (0,files/* displayPath */.G)(file);
    const { lines, errors } = await readJsonl(file, shown);
    const recordings = { byId: new Map(), byIndex: new Map() };
    for (const { line, value } of lines) {
        const output = value['output'] ?? value['completion'];
        if (typeof output !== 'string') {
            errors.push(new src_errors/* InputError */.dz({ file: shown, line, field: 'output', problem: `expected the answer as a string in "output" or "completion", got ${(0,src_errors/* showValue */.vp)(output)}`, fix: 'write lines like {"id": "case-1", "output": "..."}' }));
            continue;
        }
        const id = value['id'] ?? value['task_id'];
        const index = value['index'];
        if (typeof id === 'string' || typeof id === 'number') {
            append(recordings.byId, String(id), output);
        }
        else if (typeof index === 'number' && Number.isInteger(index) && index >= 0) {
            append(recordings.byIndex, index, output);
        }
        else {
            errors.push(new src_errors/* InputError */.dz({ file: shown, line, field: 'id', problem: 'the line names no case: no "id", "task_id" or non-negative integer "index"', fix: 'add the case id, or the 0-based line number of the data set case as "index"' }));
        }
    }
    if (errors.length > 0)
        throw new src_errors/* InputErrors */.G(errors);
    return recordings;
}
function append(map, key, output) {
    const list = map.get(key);
    if (list)
        list.push(output);
    else
        map.set(key, [output]);
}

;// CONCATENATED MODULE: ./src/providers/index.ts



/**
 * Creates the provider for one configured model: a replay of recorded answers when `outputs` is set,
 * else the API client for its `provider` kind. The API key is read here, once, from `api_key_env`.
 * Streamed and Azure models load the `openai` package here, on first use.
 */
async function createProvider(model, config, env) {
    if (model.outputs !== undefined)
        return createReplayProvider(model);
    const options = { apiKey: model.apiKeyEnv === undefined ? undefined : env[model.apiKeyEnv], timeoutS: config.timeoutS };
    switch (model.provider) {
        case 'anthropic':
            return createAnthropicProvider(model, options);
        case 'azure':
            return (await Promise.all(/* import() */[__webpack_require__.e(674), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 138))).createAzureProvider(model, options);
        case 'openai':
            return model.stream ? (await Promise.all(/* import() */[__webpack_require__.e(674), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 138))).createStreamingOpenAiProvider(model, options) : (0,openai/* createOpenAiProvider */.G)(model, options);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/results/answer-file.ts
// Model outputs and reasoning kept in a temporary file instead of in memory, so that a run's memory
// does not grow with the length of what the models write.




/** Closes the file of an AnswerFile that is no longer reachable, with the rows that read from it. */
const closeWhenUnreachable = new FinalizationRegistry((fd) => {
    try {
        (0,external_node_fs_.closeSync)(fd);
    }
    catch {
        // Already closed, e.g. while the process exits.
    }
});
/**
 * A temporary file of texts written once and read back by position. The file is deleted as soon as
 * it is open (on Windows, when the process exits), so nothing is left behind if the process is
 * killed. It is closed once no row refers to it any more.
 */
class AnswerFile {
    fd;
    size = 0;
    scratch = Buffer.alloc(0);
    constructor(folder = external_node_os_default().tmpdir()) {
        const file = external_node_path_default().join(folder, `llm-bench-answers-${process.pid}-${(0,external_node_crypto_.randomUUID)()}`);
        this.fd = (0,external_node_fs_.openSync)(file, 'w+', 0o600);
        removeWhenPossible(file);
        closeWhenUnreachable.register(this, this.fd);
    }
    /** Appends `text` and returns where it starts and its length, both in bytes. */
    write(text) {
        const data = Buffer.from(text, 'utf8');
        const offset = this.size;
        let done = 0;
        while (done < data.length)
            done += (0,external_node_fs_.writeSync)(this.fd, data, done, data.length - done, offset + done);
        this.size += data.length;
        return [offset, data.length];
    }
    read(offset, bytes) {
        if (this.scratch.length < bytes)
            this.scratch = Buffer.alloc(Math.max(bytes, 2 * this.scratch.length, 4096));
        let done = 0;
        while (done < bytes) {
            const read = (0,external_node_fs_.readSync)(this.fd, this.scratch, done, bytes - done, offset + done);
            if (read === 0)
                throw new Error(`the answer file ended too early: at byte ${offset + done}, inside a ${bytes}-byte text`);
            done += read;
        }
        return this.scratch.toString('utf8', 0, bytes);
    }
    /**
     * Returns the row with its output and reasoning moved to this file, which it reads them back from
     * when they are used. When the file cannot be written (a full disk), returns the row unchanged,
     * texts in memory, so that the run goes on.
     */
    keep(row) {
        try {
            return new StoredRow(row, this);
        }
        catch {
            return row;
        }
    }
}
/** Writes `text` to the file and returns its offset and byte length, or [-1, 0] for null. */
function place(file, text) {
    return text === null ? [-1, 0] : file.write(text);
}
function removeWhenPossible(file) {
    try {
        (0,external_node_fs_.unlinkSync)(file);
    }
    catch {
        // Windows does not remove a file that is open.
        process.once('exit', () => {
            try {
                (0,external_node_fs_.unlinkSync)(file);
            }
            catch {
                // Nothing more can be done while exiting.
            }
        });
    }
}
/**
 * A CaseResult whose `output` and `reasoning` are read from an AnswerFile when used. `toJSON` gives
 * the fields in the order of a plain row, so that results.json is the same either way.
 */
class StoredRow {
    file;
    id;
    model;
    type;
    sample;
    tags;
    source;
    pass;
    score;
    reason;
    /** Offsets and byte lengths in the answer file. An offset of -1 means null. */
    outputAt;
    outputBytes;
    reasoningAt;
    reasoningBytes;
    latency_ms;
    ttft_ms;
    tokens_per_s;
    usage;
    cost_usd;
    finish_reason;
    error;
    retries;
    cached;
    constructor(row, file) {
        this.file = file;
        this.id = row.id;
        this.model = row.model;
        this.type = row.type;
        this.sample = row.sample;
        this.tags = row.tags;
        this.source = row.source;
        this.pass = row.pass;
        this.score = row.score;
        this.reason = row.reason;
        [this.outputAt, this.outputBytes] = place(file, row.output);
        [this.reasoningAt, this.reasoningBytes] = place(file, row.reasoning);
        this.latency_ms = row.latency_ms;
        this.ttft_ms = row.ttft_ms;
        this.tokens_per_s = row.tokens_per_s;
        this.usage = row.usage;
        this.cost_usd = row.cost_usd;
        this.finish_reason = row.finish_reason;
        this.error = row.error;
        this.retries = row.retries;
        this.cached = row.cached;
    }
    get output() {
        return this.outputAt < 0 ? null : this.file.read(this.outputAt, this.outputBytes);
    }
    get reasoning() {
        return this.reasoningAt < 0 ? null : this.file.read(this.reasoningAt, this.reasoningBytes);
    }
    toJSON() {
        return {
            id: this.id,
            model: this.model,
            type: this.type,
            sample: this.sample,
            tags: this.tags,
            source: this.source,
            pass: this.pass,
            score: this.score,
            reason: this.reason,
            output: this.output,
            reasoning: this.reasoning,
            latency_ms: this.latency_ms,
            ttft_ms: this.ttft_ms,
            tokens_per_s: this.tokens_per_s,
            usage: this.usage,
            cost_usd: this.cost_usd,
            finish_reason: this.finish_reason,
            error: this.error,
            retries: this.retries,
            cached: this.cached,
        };
    }
}

;// CONCATENATED MODULE: ./src/results/row-log.ts





/**
 * results.jsonl: every finished row is appended as one JSON line the moment it is scored. Each write
 * is synchronous, so a row is in the file even if the process is killed right after.
 */
class RowLog {
    fd;
    constructor(file, options) {
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
        this.fd = (0,external_node_fs_.openSync)(file, options.append ? 'a' : 'w');
    }
    write(row) {
        (0,external_node_fs_.writeSync)(this.fd, `${JSON.stringify(row)}\n`);
    }
    close() {
        (0,external_node_fs_.closeSync)(this.fd);
    }
}
/** Key that pairs a row with the job that made it. */
function rowKey(model, id, sample) {
    return JSON.stringify([model, id, sample]);
}
/**
 * Reads the rows of an earlier run's results.jsonl for --resume; the last line for a key wins.
 * A missing file gives no rows; a line cut short by a crash is skipped. The file is read a line at a
 * time and each row goes through `keep` (the run's AnswerFile moves its output to disk), so that a
 * large file of long outputs is never in memory whole.
 */
async function readRowLog(file, keep = (row) => row) {
    const rows = new Map();
    try {
        await forEachJsonlLine(file, (0,files/* displayPath */.G)(file), (entry) => {
            // A line that is not a JSON object was cut short when the earlier run was killed; that row is run again.
            if ('error' in entry)
                return;
            const row = entry.value;
            rows.set(rowKey(row.model, row.id, row.sample), keep(row));
        });
    }
    catch (error) {
        if (error instanceof src_errors/* InputError */.dz && !(0,external_node_fs_.existsSync)(file))
            return rows;
        throw error;
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/sandbox/extract-code.ts
// Takes the program out of a model's answer: Markdown code fences, several blocks, or bare code.
/** Info-string languages accepted for each case language; a bare fence is accepted for both. */
const LANGUAGE_TAGS = {
    python: ['python', 'py', 'python3', 'py3'],
    javascript: ['javascript', 'js', 'mjs', 'cjs', 'node', 'nodejs', 'jsx'],
};
/**
 * A fence opening line as CommonMark defines it: up to 3 spaces, then at least 3 backticks or
 * tildes, then an info string whose first word is the language. A backtick fence's info string
 * cannot contain a backtick.
 */
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;
/**
 * Returns the code of an answer.
 * - Fenced blocks: with `entryPoint`, the last block in the case's language (or bare) that defines
 *   it. Otherwise the blocks in the case's language are joined, or the bare blocks when none is
 *   tagged with the language, or else all blocks.
 * - No fence: the whole answer. Leading blank lines and trailing whitespace are dropped, but the
 *   indentation of the first line is kept because a HumanEval completion is an indented body.
 */
function extractCode(answer, language, entryPoint) {
    const blocks = parseFencedBlocks(answer);
    if (blocks.length === 0) {
        return { code: trimCode(answer), how: 'no code fence; used the whole answer' };
    }
    const tagged = blocks.filter((block) => LANGUAGE_TAGS[language].includes(block.tag));
    const bare = blocks.filter((block) => block.tag === '');
    const candidates = blocks.filter((block) => block.tag === '' || LANGUAGE_TAGS[language].includes(block.tag));
    if (entryPoint !== undefined) {
        const defining = candidates.filter((block) => definesFunction(block.content, language, entryPoint, { topLevelOnly: false }));
        const chosen = defining.at(-1);
        if (chosen !== undefined) {
            const kind = chosen.tag === '' ? 'bare fenced' : `fenced ${language}`;
            return { code: trimCode(chosen.content), how: `${kind} block ${blocks.indexOf(chosen) + 1} of ${blocks.length} (defines ${entryPoint})` };
        }
    }
    if (tagged.length > 0)
        return joinBlocks(tagged, `fenced ${language}`);
    if (bare.length > 0)
        return joinBlocks(bare, 'bare fenced');
    const tags = [...new Set(blocks.map((block) => block.tag))].join(', ');
    const used = blocks.length === 1 ? 'the fenced block' : `all ${blocks.length} fenced blocks`;
    return { code: joinBlocks(blocks, 'fenced').code, how: `no ${language} or bare fence; used ${used} tagged ${tags}` };
}
/**
 * Returns the fenced blocks of Markdown text in order. A block that is never closed runs to the end
 * of the text, as CommonMark reads it, because answers cut off at the token limit end this way.
 */
function parseFencedBlocks(text) {
    const lines = text.split(/\r?\n/);
    const blocks = [];
    let index = 0;
    while (index < lines.length) {
        const opening = FENCE_OPENING.exec(lines[index]);
        if (opening === null) {
            index += 1;
            continue;
        }
        const fence = opening[1];
        const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
        const body = [];
        index += 1;
        while (index < lines.length && !closing.test(lines[index])) {
            body.push(lines[index]);
            index += 1;
        }
        index += 1;
        blocks.push({ tag: opening[2].toLowerCase(), content: body.join('\n') });
    }
    return blocks;
}
/**
 * Tells whether code defines a function named `name`. Python: `def name(` or `async def name(`.
 * JavaScript: a function declaration (exported or not), a `const`/`let`/`var` binding, or a
 * CommonJS `exports.name =`. With `topLevelOnly`, the definition must start at column 0.
 */
function definesFunction(code, language, name, options) {
    return definitionPattern(language, name, options.topLevelOnly).test(code);
}
/** Returns the regex of `definesFunction`, whose match starts at the beginning of the defining line. */
function definitionPattern(language, name, topLevelOnly) {
    const indent = topLevelOnly ? '' : '[ \\t]*';
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (language === 'python') {
        return new RegExp(`^${indent}(?:async[ \\t]+)?def[ \\t]+${escaped}[ \\t]*\\(`, 'm');
    }
    const declaration = `(?:export[ \\t]+(?:default[ \\t]+)?)?(?:async[ \\t]+)?function[ \\t]*\\*?[ \\t]*${escaped}[ \\t]*\\(`;
    const binding = `(?:export[ \\t]+)?(?:const|let|var)[ \\t]+${escaped}[ \\t]*=`;
    const commonJs = `(?:module\\.)?exports\\.${escaped}[ \\t]*=`;
    return new RegExp(`^${indent}(?:${declaration}|${binding}|${commonJs})`, 'm');
}
function joinBlocks(blocks, kind) {
    const code = trimCode(blocks.map((block) => block.content).join('\n\n'));
    if (blocks.length === 1)
        return { code, how: `${kind} block` };
    return { code, how: `${blocks.length} ${kind} blocks joined` };
}
/** Drops leading blank lines and trailing whitespace; keeps the first line's indentation. */
function trimCode(code) {
    return code.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

;// CONCATENATED MODULE: ./src/sandbox/limits.ts
// Resource limits of one sandboxed program, read by the wrapper script and the runner. The
// wall-clock limit is each case's `timeoutS` (default DEFAULT_CODE_TIMEOUT_S in src/suite/to-case.ts).
/** Output kept per stream (stdout, stderr); a program that writes more is killed. 1 MiB. */
const OUTPUT_LIMIT_BYTES = 1024 * 1024;
/**
 * Address space of each process (RLIMIT_AS), in bytes. Node.js 20 starts and runs under 2 GiB
 * (measured with `ulimit -v 2097152` on x86_64 Linux). A larger allocation gets MemoryError in
 * Python and a fatal out-of-memory error in Node.js.
 * NOTE: the limit is per process. PROCESS_LIMIT processes that each allocate close to it are not
 * stopped by it, and only a memory cgroup would bound their sum.
 */
const MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024;
/** V8 old-space limit for Node.js programs, in MiB, so a JavaScript heap runs out before RLIMIT_AS does. */
const NODE_HEAP_LIMIT_MIB = 1024;
/**
 * Processes and threads of the sandbox user (RLIMIT_NPROC), which bounds a fork bomb. Node.js alone
 * starts about 11 threads. The kernel does not apply this limit to root, so it holds only when the
 * program runs under a dedicated uid or in a user namespace (see `isolation.ts`).
 */
const PROCESS_LIMIT = 64;
/**
 * Size of each file the program writes (RLIMIT_FSIZE), in bytes; a larger write gets SIGXFSZ.
 * It matters when the work folder is on disk, i.e. without the private tmpfs.
 */
const FILE_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** Size of the private tmpfs that contains the work folder inside the sandbox, in MiB. */
const WORK_TMPFS_MIB = 256;
/** Size of each private tmpfs over the other world-writable folders (`/var/tmp`, `/dev/shm`, `/run/lock`), in MiB. */
const SCRATCH_TMPFS_MIB = 16;
/** Open file descriptors per process (RLIMIT_NOFILE). */
const OPEN_FILES_LIMIT = 256;
/**
 * First uid (and gid) of the range that sandboxed programs run as when the runner is root. Each
 * runner process owns a block of SANDBOX_UIDS_PER_PROCESS uids chosen by its PID (see
 * `sandboxUidBlock`). Each program running at the same time gets its own uid of that block, so one
 * program's fork bomb cannot use up the RLIMIT_NPROC count of another program, in the same runner
 * or in another runner on the machine. The range ends below 2^31, far above the uids of regular
 * accounts and of Debian's `nobody` (65534). Files these uids create live only in the work folder,
 * which is removed after each run.
 */
const SANDBOX_UID_BASE = 1_800_000_000;
/** Uids in one runner process's block, and so the most programs it can run at the same time. */
const limits_SANDBOX_UIDS_PER_PROCESS = 64;
/** Linux's largest possible PID plus one (PID_MAX_LIMIT on 64-bit kernels), so PIDs of live processes map to distinct blocks. */
const PID_MAX_LIMIT = 4_194_304;
/** First uid of the block that belongs to the process with this PID. */
function sandboxUidBlock(pid) {
    return SANDBOX_UID_BASE + (pid % PID_MAX_LIMIT) * limits_SANDBOX_UIDS_PER_PROCESS;
}
/** Characters of standard error kept for a failure reason. */
const ERROR_TAIL_CHARS = 300;

;// CONCATENATED MODULE: ./src/sandbox/failure-reason.ts
// One-line reasons for a failed run, read from a Python traceback, a Node.js error or a `node:test`
// TAP report.

/** Maximum length of a reason, in code points. */
const failure_reason_REASON_MAX_CHARS = 300;
/** Maximum length of a JavaScript error message in a reason, so the failing line still fits after it. */
const ERROR_MESSAGE_MAX_CHARS = 160;
/**
 * Says in one line why a run failed, or returns null when it passed: exit code 0, no timeout, no
 * output cut, and the completion marker printed.
 */
function describeFailure(outcome, program) {
    if (outcome.startError !== null)
        return clip(`sandbox error: ${outcome.startError}`);
    if (outcome.timedOut)
        return `timed out after ${outcome.timeoutS} s; process group killed`;
    if (outcome.outputLimitExceeded !== null) {
        return `killed: ${outcome.outputLimitExceeded} exceeded ${OUTPUT_LIMIT_BYTES / 1024 / 1024} MiB`;
    }
    if (outcome.exitCode === 0) {
        if (outcome.stdout.includes(program.completionMarker))
            return null;
        return 'exited with code 0 before the tests finished (sys.exit, os._exit or process.exit in the code?)';
    }
    const failure = program.language === 'python' ? readPythonTraceback(outcome.stderr, program) : readNodeError(outcome.stderr, outcome.stdout, program);
    const ending = outcome.signal !== null ? `killed by ${outcome.signal}${signalNote(outcome.signal)}` : `exited with code ${outcome.exitCode}`;
    if (failure !== null && failure.line === null && outcome.signal !== null)
        return clip(`${failure.error} (${ending})`);
    if (failure === null) {
        const last = lastLine(outcome.stderr) ?? lastLine(outcome.stdout.replaceAll(program.completionMarker, ''));
        return clip(last === null ? ending : `${ending}: ${last}`);
    }
    return clip(formatFailure(failure, program));
}
/** Returns the last lines of standard error, at most ERROR_TAIL_CHARS characters, starting at a line break. */
function errorTail(stderr) {
    const trimmed = stderr.trim();
    if (trimmed.length <= ERROR_TAIL_CHARS)
        return trimmed;
    const tail = trimmed.slice(-ERROR_TAIL_CHARS);
    const lineStart = tail.indexOf('\n');
    return lineStart === -1 ? tail : tail.slice(lineStart + 1);
}
/**
 * Reads the last traceback in standard error: its exception line, and the innermost frame in one of
 * the program's files with that frame's source line.
 */
function readPythonTraceback(stderr, program) {
    const start = stderr.lastIndexOf('Traceback (most recent call last):');
    if (start === -1)
        return null;
    const lines = stderr.slice(start).split('\n').slice(1);
    const failure = { error: '', file: null, line: null, source: null };
    for (const line of lines) {
        const frame = /^ {2}File "([^"]+)", line (\d+)/.exec(line);
        if (frame !== null) {
            const file = baseName(frame[1]);
            if (program.files[file] === undefined)
                continue;
            failure.file = file;
            failure.line = Number(frame[2]);
            continue;
        }
        // The exception line is the first unindented line after the frames; a test runner's summary may follow it.
        if (line.trim() !== '' && !/^\s/.test(line)) {
            failure.error = line.trim();
            break;
        }
    }
    return failure.error === '' ? null : withSource(failure, program);
}
/**
 * Reads an uncaught Node.js error (the `file:line` header, the error line and the first stack frame
 * in the program's files), or else the first failed test of a `node:test` TAP report on stdout.
 */
function readNodeError(stderr, stdout, program) {
    const fatal = /^FATAL ERROR: (.*)$/m.exec(stderr);
    if (fatal !== null)
        return { error: `V8 fatal error: ${fatal[1].trim()}`, file: null, line: null, source: null };
    const errorLine = /^([A-Z][\w$]*(?: \[[A-Z_0-9]+\])?(?::.*)?)$/m.exec(stderr);
    if (errorLine !== null && /Error|Exception/.test(errorLine[1].split(':')[0])) {
        const failure = { error: nodeErrorMessage(stderr, errorLine.index), file: null, line: null, source: null };
        const header = /^(?:file:\/\/)?(\/[^\n]*?):(\d+)$/m.exec(stderr);
        const frame = [...stderr.matchAll(/^ {4}at .*?(?:file:\/\/)?(\/[^\s():]+):(\d+):\d+\)?$/gm)].find((match) => program.files[baseName(match[1])] !== undefined);
        if (header !== null && program.files[baseName(header[1])] !== undefined) {
            failure.file = baseName(header[1]);
            failure.line = Number(header[2]);
        }
        else if (frame !== undefined) {
            failure.file = baseName(frame[1]);
            failure.line = Number(frame[2]);
        }
        return withSource(failure, program);
    }
    return readTapFailure(stdout, program);
}
/**
 * Returns the error line and the message lines under it (Node.js prints an assertion's values
 * there), up to the stack trace, as one line of at most ERROR_MESSAGE_MAX_CHARS code points.
 */
function nodeErrorMessage(stderr, start) {
    const lines = [];
    for (const line of stderr.slice(start).split('\n')) {
        if (/^\s+at /.test(line) || line.startsWith('Node.js v'))
            break;
        if (line.trim() !== '')
            lines.push(line.trim());
    }
    return clip(lines.join(' ').replace(/\s+/g, ' '), ERROR_MESSAGE_MAX_CHARS);
}
/**
 * Reads the first `not ok` test of a TAP report, which `node:test` prints when output is not a
 * terminal. It takes the test's name and its `error:` value (quoted or a YAML block scalar). The
 * place is the first stack frame in the program's files, else the test's `location:`.
 */
function readTapFailure(stdout, program) {
    const failedTest = /^ *not ok \d+ - (.*)$/m.exec(stdout);
    if (failedTest === null)
        return null;
    const details = stdout.slice(failedTest.index);
    const errorField = /^( +)error: (.*)$/m.exec(details);
    let error = 'failed';
    if (errorField !== null && /^[|>][-+]?$/.test(errorField[2].trim())) {
        const blockLines = [];
        for (const line of details.slice(errorField.index + errorField[0].length + 1).split('\n')) {
            if (line.trim() !== '' && !line.startsWith(`${errorField[1]} `))
                break;
            if (line.trim() !== '')
                blockLines.push(line.trim());
        }
        error = blockLines.join(' ');
    }
    else if (errorField !== null) {
        error = errorField[2].trim().replace(/^'(.*)'$/, '$1');
    }
    const frame = [...details.matchAll(/\((?:file:\/\/)?(\/[^\s():]+):(\d+):\d+\)/g)].find((match) => program.files[baseName(match[1])] !== undefined);
    const location = frame ?? /^ +location: '(?:file:\/\/)?([^']*?):(\d+):\d+'$/m.exec(details);
    const failure = {
        error: `test "${failedTest[1].trim()}" failed: ${error}`,
        file: location === null ? null : baseName(location[1]),
        line: location === null ? null : Number(location[2]),
        source: null,
    };
    return withSource(failure, program);
}
/** Fills in the failing line's text from the program's own file. */
function withSource(failure, program) {
    if (failure.file === null || failure.line === null)
        return failure;
    const text = program.files[failure.file]?.split('\n')[failure.line - 1]?.trim();
    return { ...failure, source: text === undefined || text === '' ? null : text };
}
function formatFailure(failure, program) {
    const bareError = !failure.error.includes(':');
    let text = bareError && failure.source !== null ? `${failure.error}: ${failure.source}` : failure.error;
    if (failure.line !== null) {
        const place = failure.file === mainFile(program) ? `line ${failure.line}` : `${failure.file} line ${failure.line}`;
        text += bareError || failure.source === null ? ` (${place})` : ` (${place}: ${failure.source})`;
    }
    return text;
}
/** Returns the file the interpreter starts: the last argument that names one of the program's files. */
function mainFile(program) {
    const names = Object.keys(program.files);
    if (names.length === 1)
        return names[0];
    return [...program.args].reverse().find((arg) => names.includes(arg)) ?? null;
}
function signalNote(signal) {
    if (signal === 'SIGXFSZ')
        return ` (a file went over ${FILE_SIZE_LIMIT_BYTES / 1024 / 1024} MiB)`;
    if (signal === 'SIGSEGV' || signal === 'SIGABRT' || signal === 'SIGTRAP')
        return ' (a crash; out of memory is a common cause)';
    return '';
}
function lastLine(text) {
    const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    return lines.at(-1) ?? null;
}
function baseName(file) {
    return file.slice(file.lastIndexOf('/') + 1);
}
/** Joins lines with spaces and cuts the text at `maxChars` code points. */
function clip(text, maxChars = failure_reason_REASON_MAX_CHARS) {
    const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
    const chars = [...oneLine];
    return chars.length <= maxChars ? oneLine : `${chars.slice(0, maxChars - 1).join('')}…`;
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
;// CONCATENATED MODULE: ./src/sandbox/pool.ts
// Runs sandboxed programs in parallel, a fixed number at a time. Each program is a child process,
// so the event loop stays free for API requests while programs run.



let pool = null;
/**
 * Default number of programs that run at the same time: one per core that Node.js may use, at most
 * SANDBOX_UIDS_PER_PROCESS (each running program needs a uid of its own).
 */
function defaultSandboxSlots() {
    return Math.min(external_node_os_default().availableParallelism(), limits_SANDBOX_UIDS_PER_PROCESS);
}
/** Returns the shared pool, created with `defaultSandboxSlots()` slots on first use. */
function sandboxPool() {
    pool ??= (0,p_limit/* default */.A)(defaultSandboxSlots());
    return pool;
}
/** Sets how many programs run at the same time; programs already running are not interrupted. */
function setSandboxSlots(slots) {
    if (!Number.isInteger(slots) || slots < 1 || slots > SANDBOX_UIDS_PER_PROCESS) {
        throw new RangeError(`invalid sandbox slot count ${slots}: expected a whole number from 1 to ${SANDBOX_UIDS_PER_PROCESS}`);
    }
    sandboxPool().concurrency = slots;
}
/** Runs `task` when a slot is free. */
function inSandboxPool(task) {
    return sandboxPool()(task);
}

;// CONCATENATED MODULE: ./src/sandbox/programs.ts
// Turns extracted code and a case's tests into the files of a program and the interpreter arguments.



/** Main file of a HumanEval program. */
const HUMANEVAL_PYTHON_FILE = 'program.py';
/** CommonJS, because HumanEval-X JavaScript tests load `assert` with `require`. */
const HUMANEVAL_JAVASCRIPT_FILE = 'program.js';
const PYTHON_SOLUTION_FILE = 'solution.py';
const PYTHON_TEST_FILE = 'test_solution.py';
const JAVASCRIPT_SOLUTION_FILE = 'solution.mjs';
/** Written only when the answer is CommonJS; `solution.mjs` then re-exports it. */
const JAVASCRIPT_COMMONJS_SOLUTION_FILE = 'solution.cjs';
const JAVASCRIPT_TEST_FILE = 'test.mjs';
/**
 * Runs pytest-style `test*` functions and `unittest.TestCase` classes that the tests define but
 * never call, so that such tests cannot pass without running. Appended only when the tests have no
 * `if __name__` block, no top-level call of a `test*` function and no `unittest.main(` call.
 */
const PYTHON_TEST_RUNNER = `

def _llm_bench_run_defined_tests():
    import inspect, sys, unittest
    module = sys.modules[__name__]
    for name, value in list(vars(module).items()):
        if name.startswith("test") and inspect.isfunction(value) and value.__module__ == __name__:
            value()
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    if suite.countTestCases() > 0 and not unittest.TextTestRunner().run(suite).wasSuccessful():
        sys.exit(1)


_llm_bench_run_defined_tests()
`;
/** Builds the program that runs `code` against the case's tests. */
function buildProgram(code, spec) {
    const completionMarker = `llm-bench tests finished ${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`;
    if (spec.codePrefix !== undefined)
        return buildPromptProgram(code, spec, spec.codePrefix, completionMarker);
    if (spec.language === 'python')
        return buildPythonModuleProgram(code, spec, completionMarker);
    return buildJavaScriptModuleProgram(code, spec, completionMarker);
}
/**
 * HumanEval: prompt + completion + "\n" + test + "\n" + `check(entry_point)`, the reference
 * harness's program. When the code defines the entry point at top level, the prompt is cut before
 * its own definition of it, so that only the prompt's imports and helpers stay.
 */
function buildPromptProgram(code, spec, prompt, completionMarker) {
    const language = spec.language;
    const entryPoint = spec.entryPoint;
    const wholeFunction = entryPoint === undefined ? null : asWholeFunction(code, language, entryPoint);
    const head = wholeFunction === null ? prompt + code : promptBefore(prompt, language, entryPoint) + wholeFunction;
    const shape = wholeFunction === null ? 'prompt+body' : 'prompt-imports+function';
    if (language === 'python') {
        const check = entryPoint === undefined ? '' : `\ncheck(${entryPoint})`;
        const source = `${head}\n${spec.tests}${check}\nprint(${JSON.stringify(completionMarker)})\n`;
        return {
            language,
            files: { [HUMANEVAL_PYTHON_FILE]: source },
            // The reference harness runs the program with `exec`, where `__name__` is not "__main__", so
            // an answer's `if __name__ == "__main__":` demo block does not run there either.
            args: ['-u', '-c', `import runpy; runpy.run_path(${JSON.stringify(HUMANEVAL_PYTHON_FILE)}, run_name="__candidate__")`],
            shape,
            completionMarker,
        };
    }
    const source = `${head}\n${spec.tests}\nconsole.log(${JSON.stringify(completionMarker)});\n`;
    return { language, files: { [HUMANEVAL_JAVASCRIPT_FILE]: source }, args: [nodeHeapFlag(), HUMANEVAL_JAVASCRIPT_FILE], shape, completionMarker };
}
/**
 * Returns the code as a whole top-level definition of `entryPoint`, or null when it is a body that
 * continues the prompt. Code indented as a whole (a definition at its minimum indentation) is
 * dedented first.
 */
function asWholeFunction(code, language, entryPoint) {
    if (definesFunction(code, language, entryPoint, { topLevelOnly: true }))
        return code;
    if (!definesFunction(code, language, entryPoint, { topLevelOnly: false }))
        return null;
    const indent = minimumIndentation(code);
    const definition = definitionPattern(language, entryPoint, false).exec(code);
    const definitionIndent = /^[ \t]*/.exec(definition[0])[0];
    if (indent === '' || definitionIndent !== indent)
        return null;
    return code
        .split('\n')
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
        .join('\n');
}
/** Leading whitespace shared by every non-blank line. */
function minimumIndentation(code) {
    const indents = code
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => /^[ \t]*/.exec(line)[0]);
    return indents.reduce((shortest, indent) => (indent.length < shortest.length ? indent : shortest), indents[0] ?? '');
}
/**
 * The prompt up to its last top-level definition of `entryPoint` (and the Python decorators right
 * above it). A prompt without such a definition is returned whole.
 */
function promptBefore(prompt, language, entryPoint) {
    const pattern = new RegExp(definitionPattern(language, entryPoint, true).source, 'gm');
    const matches = [...prompt.matchAll(pattern)];
    const last = matches.at(-1);
    if (last === undefined)
        return prompt.endsWith('\n') || prompt === '' ? prompt : `${prompt}\n`;
    const lines = prompt.slice(0, last.index).split('\n');
    lines.pop();
    while (language === 'python' && lines.length > 0 && lines.at(-1).startsWith('@'))
        lines.pop();
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
/** YAML Python case: `solution.py` holds the code and `test_solution.py` (the main program) the tests. */
function buildPythonModuleProgram(code, spec, completionMarker) {
    const runner = needsPythonTestRunner(spec.tests) ? PYTHON_TEST_RUNNER : '';
    const tests = `${spec.tests.trimEnd()}\n${runner}\nprint(${JSON.stringify(completionMarker)})\n`;
    return {
        language: 'python',
        files: { [PYTHON_SOLUTION_FILE]: `${code}\n`, [PYTHON_TEST_FILE]: tests },
        args: ['-u', PYTHON_TEST_FILE],
        shape: 'module+tests',
        completionMarker,
    };
}
function needsPythonTestRunner(tests) {
    if (/^if[ \t]+__name__/m.test(tests) || /\bunittest\.main[ \t]*\(/.test(tests))
        return false;
    if (/^test\w*[ \t]*\(/m.test(tests))
        return false;
    return /^(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(/m.test(tests) || /\bunittest\.TestCase\b/.test(tests);
}
/**
 * YAML JavaScript case: the tests are the ES module `test.mjs` and import from `./solution.mjs`.
 * - ES module code keeps its exports; top-level functions, classes and bindings it does not
 *   export are exported by name, so `import { quickSort } from './solution.mjs'` works either way.
 * - CommonJS code (`module.exports`, `exports.x`, `require`) goes to `solution.cjs`, its top-level
 *   names are added to `module.exports` when missing, and `solution.mjs` re-exports it.
 */
function buildJavaScriptModuleProgram(code, spec, completionMarker) {
    const tests = `${spec.tests.trimEnd()}\nconsole.log(${JSON.stringify(completionMarker)});\n`;
    const names = topLevelJavaScriptNames(code);
    if (spec.entryPoint !== undefined && /^[A-Za-z_$][\w$]*$/.test(spec.entryPoint) && !names.includes(spec.entryPoint)) {
        names.push(spec.entryPoint);
    }
    const files = { [JAVASCRIPT_TEST_FILE]: tests };
    if (isCommonJs(code)) {
        const additions = names.map((name) => `if (typeof ${name} !== 'undefined' && module.exports.${name} === undefined) module.exports.${name} = ${name};`);
        files[JAVASCRIPT_COMMONJS_SOLUTION_FILE] = [code, ...additions, ''].join('\n');
        files[JAVASCRIPT_SOLUTION_FILE] = `export * from './${JAVASCRIPT_COMMONJS_SOLUTION_FILE}';\nexport { default } from './${JAVASCRIPT_COMMONJS_SOLUTION_FILE}';\n`;
    }
    else {
        const exported = exportedJavaScriptNames(code);
        const missing = names.filter((name) => !exported.has(name) && declares(code, name));
        files[JAVASCRIPT_SOLUTION_FILE] = missing.length === 0 ? `${code}\n` : `${code}\nexport { ${missing.join(', ')} };\n`;
    }
    return { language: 'javascript', files, args: [nodeHeapFlag(), JAVASCRIPT_TEST_FILE], shape: 'module+tests', completionMarker };
}
/** True for CommonJS code: `module.exports`, `exports.x =` or `require(`, and no `import`/`export` statement. */
function isCommonJs(code) {
    const esm = /^[ \t]*(?:import[ \t]*[\w{*'"]|export[ \t{])/m.test(code);
    const commonJs = /\bmodule\.exports\b|^[ \t]*exports\.[\w$]+[ \t]*=|\brequire[ \t]*\(/m.test(code);
    return commonJs && !esm;
}
/** Names of functions, classes and simple bindings declared at column 0 (with or without `export`). */
function topLevelJavaScriptNames(code) {
    const pattern = /^(?:export[ \t]+(?:default[ \t]+)?)?(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*|class[ \t]+|(?:const|let|var)[ \t]+)([A-Za-z_$][\w$]*)/gm;
    return [...new Set([...code.matchAll(pattern)].map((match) => match[1]))];
}
/** Names an ES module already exports, as declarations or in `export { a, b as c }` lists (both sides). */
function exportedJavaScriptNames(code) {
    const names = new Set();
    for (const match of code.matchAll(/^[ \t]*export[ \t]+(?:async[ \t]+)?(?:function[ \t]*\*?|class|const|let|var)[ \t]*([A-Za-z_$][\w$]*)/gm)) {
        names.add(match[1]);
    }
    for (const match of code.matchAll(/\bexport[ \t]*\{([^}]*)\}/g)) {
        for (const part of match[1].split(',')) {
            for (const name of part.trim().split(/[ \t]+as[ \t]+/))
                if (name !== '')
                    names.add(name.trim());
        }
    }
    return names;
}
/** True when the code declares `name` at column 0, so that `export { name }` cannot fail to resolve. */
function declares(code, name) {
    return topLevelJavaScriptNames(code).includes(name);
}
function nodeHeapFlag() {
    return `--max-old-space-size=${NODE_HEAP_LIMIT_MIB}`;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/sandbox/folder.ts
// The temporary folder of one sandboxed program:
//   <os.tmpdir()>/llm-bench-code-XXXXXX/
//     work/    the program's files; its working folder, HOME and TMPDIR
//     fstab    the private tmpfs mounts, read by one `mount -a` inside the sandbox





/** Name of the work folder inside the base folder; the wrapper script uses the same name. */
const WORK_FOLDER_NAME = 'work';
/** Name of the mount table inside the base folder. */
const FSTAB_NAME = 'fstab';
/** Folders where the system lets any user write; each one that exists gets a private tmpfs inside the sandbox. */
const WORLD_WRITABLE_FOLDERS = ['/tmp', '/var/tmp', '/dev/shm', '/run/lock'];
/**
 * Creates the folder with the program's files. With `uid`, the work folder and the files belong to
 * that uid. With `privateMounts`, it also writes the mount table for the wrapper script.
 */
async function createSandboxFolder(files, options) {
    const base = await (0,promises_.realpath)(await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), options.prefix)));
    const work = external_node_path_default().join(base, WORK_FOLDER_NAME);
    try {
        // mkdtemp makes the base folder 0700. A dedicated uid working on the host file system needs to
        // pass through it, but not to list it.
        if (options.uid !== null)
            await (0,promises_.chmod)(base, 0o711);
        await (0,promises_.mkdir)(work, { mode: 0o700 });
        for (const [name, content] of Object.entries(files)) {
            await (0,promises_.writeFile)(external_node_path_default().join(work, name), content, { mode: 0o644 });
        }
        if (options.uid !== null)
            await chownTree(work, options.uid);
        if (options.privateMounts)
            await (0,promises_.writeFile)(external_node_path_default().join(base, FSTAB_NAME), sandboxFstab(work, options.uid), { flag: 'wx' });
    }
    catch (error) {
        await removeSandboxFolder({ base, work });
        throw error;
    }
    return { base, work };
}
/** Removes the whole folder; files that the sandbox uid created in it are removed too. */
async function removeSandboxFolder(folder) {
    await (0,promises_.rm)(folder.base, { recursive: true, force: true, maxRetries: 3 });
}
/**
 * Returns the mount table of the sandbox: a size-limited tmpfs over each world-writable folder, and
 * one over the work folder (created by `X-mount.mkdir` when the tmpfs over `/tmp` hides it). The
 * wrapper copies the program's files into the work tmpfs afterwards.
 */
function sandboxFstab(work, uid) {
    const scratch = `size=${SCRATCH_TMPFS_MIB}m,mode=1777,nosuid,nodev`;
    const owner = uid === null ? '' : `,uid=${uid},gid=${uid}`;
    const lines = existingWorldWritableFolders().map((folder) => `llm-bench ${fstabPath(folder)} tmpfs ${scratch} 0 0`);
    lines.push(`llm-bench ${fstabPath(work)} tmpfs size=${WORK_TMPFS_MIB}m,mode=0700${owner},nosuid,nodev,X-mount.mkdir 0 0`);
    return `${lines.join('\n')}\n`;
}
async function chownTree(folder, uid) {
    await (0,promises_.chown)(folder, uid, uid);
    for (const entry of await (0,promises_.readdir)(folder, { withFileTypes: true })) {
        const full = external_node_path_default().join(folder, entry.name);
        if (entry.isDirectory())
            await chownTree(full, uid);
        else
            await (0,promises_.chown)(full, uid, uid);
    }
}
let worldWritable = null;
/** WORLD_WRITABLE_FOLDERS that exist as folders, not symbolic links (which the mount would follow). */
function existingWorldWritableFolders() {
    worldWritable ??= WORLD_WRITABLE_FOLDERS.filter((folder) => {
        try {
            return (0,external_node_fs_.lstatSync)(folder).isDirectory();
        }
        catch {
            return false;
        }
    });
    return worldWritable;
}
/** Escapes a path for fstab, where whitespace separates fields: octal escapes as in fstab(5). */
function fstabPath(file) {
    return file.replace(/[\\\s]/g, (char) => `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

;// CONCATENATED MODULE: ./src/sandbox/isolation.ts
// Finds out once which isolation this machine allows, and builds the command line that applies it.
//
// The strongest setup, on Linux as root (util-linux 2.38 `setpriv`, `unshare`, `mount`):
//   setpriv --pdeathsig KILL --                  the sandbox dies with the runner
//     unshare --net --pid --fork --kill-child --mount-proc --
//       /bin/sh -c WRAPPER                       private tmpfs folders, rlimits, then
//         setpriv --reuid=U --regid=U ...        a uid of its own, no capabilities,
//           python3 | node ...                   no setuid escalation (no_new_privs)
// A new network namespace has only a loopback interface that is down, so every connection fails,
// 127.0.0.1 included. Killing the PID namespace's first process kills every process in it, also
// those that left the process group. Without root, `unshare --user --map-root-user` provides the
// namespaces where the kernel allows unprivileged user namespaces.
//
// NOTE: the sandbox uid can still read every world-readable file of the host, the repository
// included; only writes are confined to the private tmpfs folders.
// NOTE: the program is the PID namespace's first process, so a signal it sends itself (such as
// `os.kill(os.getpid(), SIGTERM)`) is ignored unless it installed a handler.





/** Search path for interpreters, which the program also gets as PATH. */
const SANDBOX_PATH = [...new Set([external_node_path_default().dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'])].join(':');
const TOOL_FOLDERS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];
/** Environment variable with an absolute path to the Python interpreter, instead of `python3` on SANDBOX_PATH. */
const PYTHON_PATH_VARIABLE = 'LLM_BENCH_PYTHON';
const PROBE_TIMEOUT_MS = 10_000;
const probes = new Map();
/**
 * Finds the strongest isolation under which `language`'s interpreter runs on this machine. The
 * first call for a language runs the real wrapper once per setup tried (about 50 ms each, measured
 * on a 2-core x86_64 VM). Later calls return the cached report.
 */
function detectIsolation(language) {
    let probe = probes.get(language);
    if (probe === undefined) {
        probe = probeIsolation(language);
        probes.set(language, probe);
    }
    return probe;
}
/** Returns a one-paragraph warning when the report is weaker than full isolation, else null. */
function isolationWarning(report, language) {
    const gaps = [];
    if (report.interpreter === null)
        gaps.push(`no ${language} interpreter was found, so ${language} code cases fail`);
    if (report.network === 'none')
        gaps.push('model-written code can use the network');
    if (report.user === 'same')
        gaps.push(`model-written code runs as the runner's user (uid ${process.getuid?.() ?? 'unknown'}) and can write wherever that user can`);
    if (report.pids === 'namespace')
        gaps.push('a fork bomb is bounded only by the timeout because RLIMIT_NPROC does not apply to root');
    if (report.pids === 'rlimit')
        gaps.push('processes that a program leaves behind are killed only when they stay in its process group');
    if (report.pids === 'none')
        gaps.push('the number of processes is not limited');
    if (report.filesystem === 'host')
        gaps.push('files written outside the work folder stay after the run');
    if (report.memory === 'best-effort')
        gaps.push('memory and file limits are set only where the shell accepts them');
    if (gaps.length === 0)
        return null;
    const why = report.notes.length > 0 ? ` Probe results: ${report.notes.join('; ')}.` : '';
    return `The ${language} code sandbox is weaker than full isolation: ${gaps.join('; ')}.${why} Full isolation needs Linux, util-linux (unshare, setpriv, mount) and root; without root, unprivileged user namespaces give all of it but the dedicated uid.`;
}
/**
 * Builds the command that runs `interpreter args...` in the work folder of `baseDir` (see
 * `folder.ts`) under the report's isolation. `uid` is used when `report.user` is `dedicated-uid`.
 */
function buildSandboxCommand(report, baseDir, uid, interpreter, args) {
    return commandFor(featuresOf(report), baseDir, uid, interpreter, args);
}
/** Tells whether programs get a uid of their own and the private tmpfs mounts under this report. */
function folderOptions(report) {
    const features = featuresOf(report);
    return { dedicatedUid: features.dedicatedUid, privateMounts: features.mounts };
}
function featuresOf(report) {
    return { namespaces: report.network === 'namespace', mounts: report.filesystem === 'private-tmpfs', dedicatedUid: report.user === 'dedicated-uid' };
}
function commandFor(features, baseDir, uid, interpreter, args) {
    const script = wrapperScript(features);
    const shell = ['/bin/sh', '-c', script, 'llm-bench-sandbox', baseDir, String(uid), interpreter, ...args];
    if (!features.namespaces)
        return { command: shell[0], args: shell.slice(1) };
    const unshare = [findTool('unshare'), ...(isRoot() ? [] : ['--user', '--map-root-user']), '--net', '--pid', '--fork', '--kill-child', '--mount-proc', '--'];
    return { command: findTool('setpriv'), args: ['--pdeathsig', 'KILL', '--', ...unshare, ...shell] };
}
/**
 * Returns the shell script that prepares the sandbox and then execs the interpreter. Arguments: the
 * base folder, the uid, then the command. Mounts need the mount namespace that `--mount-proc`
 * creates, and they happen while the script is still root there. Each command the script starts
 * costs about 1.5 ms on a 2-core VM, so all mounts come from one `mount -a`.
 */
function wrapperScript(features) {
    const lines = ['set -eu', 'base=$1', 'uid=$2', 'shift 2', `work="$base/${WORK_FOLDER_NAME}"`, 'cd "$work"'];
    if (features.mounts) {
        lines.push(`${findTool('mount')} -a -T "$base/${FSTAB_NAME}"`, 
        // The shell's working folder still refers to the folder on disk after a tmpfs covers its path,
        // so `./.` copies the program files, with their owner, into the new tmpfs.
        'cp -pR ./. "$work"/', 'cd "$work"');
    }
    lines.push('unset OLDPWD');
    const orSkip = strictLimits() ? '' : ' 2>/dev/null || true';
    lines.push(`ulimit -v ${Math.floor(MEMORY_LIMIT_BYTES / 1024)}${orSkip}`, 
    // Blocks of 512 bytes, as POSIX sh (dash, bash in sh mode) counts them.
    `ulimit -f ${Math.floor(FILE_SIZE_LIMIT_BYTES / 512)}${orSkip}`, `ulimit -n ${OPEN_FILES_LIMIT}${orSkip}`);
    if (features.dedicatedUid || (features.namespaces && !isRoot())) {
        // bash names the process limit -u and dash names it -p.
        lines.push(`ulimit -u ${PROCESS_LIMIT} 2>/dev/null || ulimit -p ${PROCESS_LIMIT}`);
    }
    if (features.dedicatedUid) {
        // Changing the uid clears the parent-death signal, so it is set again for the new uid.
        lines.push(`exec ${findTool('setpriv')} --pdeathsig KILL --reuid="$uid" --regid="$uid" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@"`);
    }
    else {
        lines.push('exec "$@"');
    }
    return lines.join('\n');
}
async function probeIsolation(language) {
    const notes = [];
    const interpreter = findInterpreter(language, notes);
    const base = { memory: strictLimits() ? 'rlimit' : 'best-effort', interpreter, notes };
    if (interpreter === null)
        return { ...base, network: 'none', user: 'same', pids: 'none', filesystem: 'host' };
    for (const features of candidateSetups(notes)) {
        const failure = await tryFeatures(features, language, interpreter);
        if (failure === null)
            return { ...base, ...reportFields(features) };
        notes.push(`${describeFeatures(features)} failed: ${failure}`);
    }
    return { ...base, network: 'none', user: 'same', pids: 'none', filesystem: 'host' };
}
/** Setups to try, strongest first. The last one applies only rlimits and needs nothing but /bin/sh. */
function candidateSetups(notes) {
    if (process.platform !== 'linux') {
        notes.push(`namespaces and uid switching need Linux, not ${process.platform}`);
        return [{ namespaces: false, mounts: false, dedicatedUid: false }];
    }
    const missing = ['unshare', 'setpriv', 'mount'].filter((tool) => findTool(tool) === null);
    if (missing.length > 0)
        notes.push(`${missing.join(', ')} not found in ${TOOL_FOLDERS.join(', ')} (Debian packages util-linux and mount)`);
    const hasUnshare = findTool('unshare') !== null && findTool('setpriv') !== null;
    const canSwitchUid = isRoot() && findTool('setpriv') !== null;
    const canMount = findTool('mount') !== null;
    const setups = [];
    for (const namespaces of hasUnshare ? [true, false] : [false]) {
        for (const mounts of namespaces && canMount ? [true, false] : [false]) {
            for (const dedicatedUid of canSwitchUid ? [true, false] : [false])
                setups.push({ namespaces, mounts, dedicatedUid });
        }
    }
    return setups;
}
function reportFields(features) {
    const rlimitHolds = features.dedicatedUid || (features.namespaces && !isRoot());
    let pids;
    if (features.namespaces)
        pids = rlimitHolds ? 'namespace+rlimit' : 'namespace';
    else
        pids = rlimitHolds ? 'rlimit' : 'none';
    return {
        network: features.namespaces ? 'namespace' : 'none',
        user: features.dedicatedUid ? 'dedicated-uid' : 'same',
        pids,
        filesystem: features.mounts ? 'private-tmpfs' : 'host',
    };
}
function describeFeatures(features) {
    const parts = [features.namespaces ? 'namespaces' : 'no namespaces', features.mounts ? 'private tmpfs' : '', features.dedicatedUid ? 'dedicated uid' : ''];
    return parts.filter((part) => part !== '').join(' + ');
}
/** Runs the interpreter under the setup in a scratch folder; returns null when it printed `ok`, else why not. */
async function tryFeatures(features, language, interpreter) {
    const probeArgs = language === 'python' ? ['-c', 'print("ok")'] : ['-e', 'console.log("ok")'];
    const uid = sandboxUidBlock(process.pid);
    const folder = await createSandboxFolder({}, { uid: features.dedicatedUid ? uid : null, privateMounts: features.mounts, prefix: 'llm-bench-probe-' });
    try {
        const { command, args } = commandFor(features, folder.base, uid, interpreter, probeArgs);
        return await new Promise((resolve) => {
            (0,external_node_child_process_.execFile)(command, args, { cwd: folder.work, env: { PATH: SANDBOX_PATH, HOME: folder.work, LANG: 'C.UTF-8' }, timeout: PROBE_TIMEOUT_MS }, (error, stdout, stderr) => {
                if (error === null && stdout.trim() === 'ok')
                    resolve(null);
                else
                    resolve(firstLine(stderr) || error?.message || `printed ${JSON.stringify(stdout.slice(0, 80))}`);
            });
        });
    }
    finally {
        await removeSandboxFolder(folder);
    }
}
function findInterpreter(language, notes) {
    if (language === 'javascript')
        return process.execPath;
    const configured = process.env[PYTHON_PATH_VARIABLE];
    if (configured !== undefined && configured !== '') {
        if (external_node_path_default().isAbsolute(configured) && isExecutable(configured))
            return configured;
        notes.push(`${PYTHON_PATH_VARIABLE}=${configured} is not an absolute path to an executable file`);
        return null;
    }
    const found = SANDBOX_PATH.split(':')
        .map((folder) => external_node_path_default().join(folder, 'python3'))
        .find(isExecutable);
    if (found === undefined)
        notes.push(`python3 not found on ${SANDBOX_PATH}; install Python 3 or set ${PYTHON_PATH_VARIABLE}`);
    return found ?? null;
}
const toolPaths = new Map();
function findTool(name) {
    if (!toolPaths.has(name)) {
        const found = TOOL_FOLDERS.map((folder) => external_node_path_default().join(folder, name)).find(isExecutable);
        toolPaths.set(name, found ?? null);
    }
    return toolPaths.get(name);
}
function isExecutable(file) {
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** True on Linux, where every `ulimit` of the wrapper works; elsewhere a rejected limit is skipped. */
function strictLimits() {
    return process.platform === 'linux';
}
function isRoot() {
    return process.getuid?.() === 0;
}
function firstLine(text) {
    return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}

;// CONCATENATED MODULE: ./src/sandbox/run-program.ts
// Runs one program in a fresh child process, in its own temporary folder, under the isolation that
// `isolation.ts` found, with a wall-clock timeout and capped output.






/** Time that `unshare` gets to exit after its child was killed, before its whole process group is killed. */
const UNSHARE_EXIT_GRACE_MS = 1000;
/** Time that the streams get to close after the program exits, before they are dropped. */
const STREAM_CLOSE_GRACE_MS = 500;
const uidsInUse = new Set();
/**
 * Runs `program` and returns how it ended. The folder is created under `os.tmpdir()` and removed
 * afterwards, on timeout too. Standard input is closed, so a read gets end-of-file at once. The
 * environment contains only `sandboxEnvironment` and the PWD that the wrapper shell sets, never a
 * variable of the runner's.
 */
async function runProgram(program, options) {
    const isolation = await detectIsolation(program.language);
    if (isolation.interpreter === null) {
        return { ...emptyOutcome(isolation, options.timeoutS), startError: `no ${program.language} interpreter: ${isolation.notes.join('; ')}` };
    }
    const { dedicatedUid, privateMounts } = folderOptions(isolation);
    const uid = dedicatedUid ? takeUid() : sandboxUidBlock(process.pid);
    let folder = null;
    try {
        folder = await createSandboxFolder(program.files, { uid: dedicatedUid ? uid : null, privateMounts, prefix: 'llm-bench-code-' });
        const { command, args } = buildSandboxCommand(isolation, folder.base, uid, isolation.interpreter, program.args);
        return await spawnAndWait(command, args, folder.work, options.timeoutS, isolation);
    }
    finally {
        if (dedicatedUid)
            uidsInUse.delete(uid);
        if (folder !== null)
            await removeSandboxFolder(folder);
    }
}
/** Environment of every sandboxed program: nothing from the runner's environment. */
function sandboxEnvironment(workDir) {
    return {
        PATH: SANDBOX_PATH,
        HOME: workDir,
        TMPDIR: workDir,
        LANG: 'C.UTF-8',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONHASHSEED: '0',
    };
}
/**
 * Spawns the command as the leader of a new process group, and kills the whole group with SIGKILL
 * on timeout, on too much output, and once more after the leader exits, for leftovers.
 */
function spawnAndWait(command, args, workDir, timeoutS, isolation) {
    return new Promise((resolve) => {
        const started = external_node_perf_hooks_.performance.now();
        const child = (0,external_node_child_process_.spawn)(command, args, { cwd: workDir, env: sandboxEnvironment(workDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let timedOut = false;
        let outputLimitExceeded = null;
        const stdout = new CappedBuffer();
        const stderr = new CappedBuffer();
        let fallbackKill;
        // NOTE: Windows has no process groups and no /bin/sh, so there the spawn fails with a start error.
        const killGroup = () => {
            if (child.pid !== undefined)
                killQuietly(-child.pid);
        };
        const killSandbox = () => {
            const inner = isolation.pids.startsWith('namespace') && child.pid !== undefined ? childPids(child.pid) : [];
            if (inner.length === 0) {
                killGroup();
                return;
            }
            // Killing the namespace's first process makes the kernel kill the rest of the namespace, and
            // `unshare` then reaps it and exits. Killing `unshare` first would leave that process a zombie
            // until the machine's init reaps it.
            for (const pid of inner)
                killQuietly(pid);
            fallbackKill ??= setTimeout(killGroup, UNSHARE_EXIT_GRACE_MS);
        };
        const timer = setTimeout(() => {
            timedOut = true;
            killSandbox();
        }, timeoutS * 1000);
        const collect = (buffer, stream) => (chunk) => {
            if (buffer.append(chunk) || outputLimitExceeded !== null)
                return;
            outputLimitExceeded = stream;
            killSandbox();
        };
        child.stdout.on('data', collect(stdout, 'stdout'));
        child.stderr.on('data', collect(stderr, 'stderr'));
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ ...emptyOutcome(isolation, timeoutS), startError: `could not start ${command}: ${error.message}` });
        });
        child.on('exit', (exitCode, signal) => {
            const durationMs = external_node_perf_hooks_.performance.now() - started;
            clearTimeout(timer);
            clearTimeout(fallbackKill);
            killGroup();
            const finish = () => {
                const ending = programEnding(exitCode, signal, stderr.text(), timedOut || outputLimitExceeded !== null);
                resolve({
                    ...ending,
                    timedOut,
                    outputLimitExceeded,
                    stdout: stdout.text(),
                    durationMs,
                    timeoutS,
                    isolation,
                    startError: null,
                });
            };
            waitForStreams(child.stdout, child.stderr).then(finish, finish);
        });
    });
}
/**
 * `unshare --fork` of util-linux 2.38 ends itself with the signal that ended its child, but for
 * SIGKILL (which cannot be unblocked) it prints this line and exits with code 1 instead.
 */
const UNSHARE_SIGKILL_MESSAGE = /(?:^|\n)unshare: sigprocmask unblock failed[^\n]*\n?$/;
/**
 * The program's own exit code, signal and standard error, without what the wrapper added: a
 * program that the runner killed, or whose SIGKILL `unshare` could not pass on, ended by SIGKILL.
 */
function programEnding(exitCode, signal, stderr, killedByRunner) {
    const unshareMessage = UNSHARE_SIGKILL_MESSAGE.exec(stderr);
    const programStderr = unshareMessage === null ? stderr : stderr.slice(0, unshareMessage.index);
    if (killedByRunner || unshareMessage !== null)
        return { exitCode: null, signal: 'SIGKILL', stderr: programStderr };
    return { exitCode, signal, stderr: programStderr };
}
/** Sends SIGKILL to a process, or to a process group when `pid` is negative; a process already gone is no error. */
function killQuietly(pid) {
    try {
        process.kill(pid, 'SIGKILL');
    }
    catch {
        // ESRCH: already gone.
    }
}
/** Child PIDs of a process, from `/proc/PID/task/PID/children` (empty when that file is missing). */
function childPids(pid) {
    try {
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter((part) => part !== '').map(Number);
    }
    catch {
        return [];
    }
}
/**
 * Waits until both streams close, or drops them after STREAM_CLOSE_GRACE_MS: a process that left
 * the group (possible only without a PID namespace) may still hold them open.
 */
function waitForStreams(...streams) {
    const closed = streams.map((stream) => new Promise((resolve) => stream.closed ? resolve() : stream.once('close', () => resolve())));
    return new Promise((resolve) => {
        const grace = setTimeout(() => {
            for (const stream of streams)
                stream.destroy();
            resolve();
        }, STREAM_CLOSE_GRACE_MS);
        Promise.all(closed).then(() => {
            clearTimeout(grace);
            resolve();
        }, resolve);
    });
}
/** Bytes of one output stream up to OUTPUT_LIMIT_BYTES; `append` returns false once the limit is passed. */
class CappedBuffer {
    chunks = [];
    size = 0;
    append(chunk) {
        const room = OUTPUT_LIMIT_BYTES - this.size;
        if (room > 0) {
            const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
            this.chunks.push(kept);
            this.size += kept.length;
        }
        return chunk.length <= room;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
function emptyOutcome(isolation, timeoutS) {
    return { exitCode: null, signal: null, timedOut: false, outputLimitExceeded: null, stdout: '', stderr: '', durationMs: 0, timeoutS, isolation, startError: null };
}
/**
 * Takes the lowest free uid of this process's block, so that programs running at the same time
 * never share one.
 */
function takeUid() {
    const first = sandboxUidBlock(process.pid);
    for (let uid = first; uid < first + limits_SANDBOX_UIDS_PER_PROCESS; uid += 1) {
        if (!uidsInUse.has(uid)) {
            uidsInUse.add(uid);
            return uid;
        }
    }
    throw new Error(`all ${limits_SANDBOX_UIDS_PER_PROCESS} sandbox uids of this process are in use: run at most ${limits_SANDBOX_UIDS_PER_PROCESS} programs at the same time (the sandbox pool size)`);
}

;// CONCATENATED MODULE: ./src/scorers/code.ts
// Code cases: the code taken from the answer runs against the case's tests in the sandbox, and
// passes when the tests finish with exit code 0.





/**
 * Scores one answer of a code case: extracts the code, builds the program (HumanEval's prompt +
 * completion + test + `check(entry_point)`, or a `solution` module imported by the tests), runs it
 * in the shared sandbox pool and reads the outcome.
 */
async function scoreCode(output, kase) {
    const extracted = extractCode(output, kase.language, kase.entryPoint);
    if (extracted.code.trim() === '') {
        return {
            pass: false,
            score: 0,
            reason: `no code in the answer (${extracted.how})`,
            details: { extraction: extracted.how, shape: null, error: null, timedOut: false, outputLimitExceeded: null, exitCode: null, signal: null, durationMs: 0, isolation: null },
        };
    }
    const program = buildProgram(extracted.code, kase);
    const outcome = await inSandboxPool(() => runProgram(program, { timeoutS: kase.timeoutS }));
    const failure = describeFailure(outcome, program);
    const details = {
        extraction: extracted.how,
        shape: program.shape,
        error: outcome.stderr.trim() === '' ? null : errorTail(outcome.stderr),
        timedOut: outcome.timedOut,
        outputLimitExceeded: outcome.outputLimitExceeded,
        exitCode: outcome.exitCode,
        signal: outcome.signal,
        durationMs: Math.round(outcome.durationMs),
        isolation: outcome.isolation,
    };
    if (failure !== null)
        return { pass: false, score: 0, reason: failure, details };
    return { pass: true, score: 1, reason: `passed (${extracted.how}; ${(outcome.durationMs / 1000).toFixed(2)} s)`, details };
}

;// CONCATENATED MODULE: ./src/scorers/normalize.ts
// Text helpers shared by the scorers: Unicode normalisation, code-point counting, boundary-aware
// substring search, regex literals and one-line reasons.
/** Maximum length of answer text quoted in a reason, in code points. */
const REASON_QUOTE_MAX_CHARS = 80;
/**
 * Punctuation stripped from both ends of a normalised answer: quotes, brackets, Markdown emphasis,
 * sentence punctuation, and the CJK forms that NFKC leaves unchanged (。、「」『』【】《》〈〉 and curly
 * quotes). Full-width ！？，：；（） are already ASCII after NFKC. A leading period is kept (`.NET`),
 * and so are `-` `+` `#` `%` `$` `/`, which can be part of an answer (`-3`, `C#`, `C++`, `50%`).
 */
const EDGE_PUNCTUATION = `"'\`()[]{}<>*_,;:!?…—–·。、「」『』【】〔〕〖〗《》〈〉“”‘’«»`;
const TRAILING_ONLY_PUNCTUATION = '.';
/** Scripts written without spaces between words: substring search ignores word boundaries for them. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
/**
 * Regex literal in `/pattern/flags` form; any other string is a pattern without flags. Any letters
 * after the last slash count as flags, so a typo such as `/abc/I` fails to compile instead of
 * silently becoming the pattern `/abc/I`.
 */
const REGEX_LITERAL = /^\/(.+)\/([A-Za-z]*)$/s;
/** Returns the string in Unicode NFKC form, so full-width letters, digits and punctuation become ASCII. */
function toNfkc(text) {
    return text.normalize('NFKC');
}
/**
 * Case-folds with upper-then-lower casing, which approximates Unicode full case folding
 * (`ß` and `SS` both become `ss`, Greek final sigma matches σ). Locale-independent.
 */
function foldCase(text) {
    return text.toUpperCase().toLowerCase();
}
/** Trims the text and collapses every run of whitespace, line breaks included, to one space. */
function collapseWhitespace(text) {
    return text.trim().replace(/\s+/gu, ' ');
}
/**
 * Removes whitespace that sits between two characters of unspaced scripts (Chinese, Japanese,
 * Korean Hangul, Thai), so `人工 智能` and `人工智能` compare equal. Other whitespace is kept.
 */
function removeUnspacedScriptWhitespace(text) {
    return text.replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])/gu, '');
}
/** Strips `EDGE_PUNCTUATION` and whitespace from both ends, and trailing periods, until none is left. */
function stripEdgePunctuation(text) {
    const chars = [...text];
    let start = 0;
    let end = chars.length;
    while (start < end && isEdgeCharacter(chars[start], false))
        start++;
    while (end > start && isEdgeCharacter(chars[end - 1], true))
        end--;
    return chars.slice(start, end).join('');
}
function isEdgeCharacter(char, trailing) {
    if (/\s/u.test(char))
        return true;
    if (EDGE_PUNCTUATION.includes(char))
        return true;
    return trailing && TRAILING_ONLY_PUNCTUATION.includes(char);
}
/**
 * Normalises free text for comparison: NFKC (full-width forms become ASCII), case folding,
 * whitespace trimmed and collapsed to single spaces, then surrounding punctuation stripped
 * (see `stripEdgePunctuation`). Punctuation inside the text, accents and word order are kept.
 */
function normalizeText(text) {
    const folded = foldCase(toNfkc(text));
    return stripEdgePunctuation(collapseWhitespace(folded));
}
/** Counts Unicode code points, so `人工智能` is 4 and `😀` is 1 (UTF-16 `.length` would say 2). */
function countChars(text) {
    return [...text].length;
}
/**
 * Finds `needle` in `haystack` where it does not cut a word in half. An end of the needle that is a
 * letter or digit of a spaced script (Latin, Cyrillic, Greek, ...) must not touch another such
 * character, so `paris` is not found in `parisian` and `42` is not found in `420`. Chinese, Japanese,
 * Korean and Thai have no word spaces, so an end in those scripts matches as a plain substring.
 * Both strings are compared as given: normalise them first.
 */
function containsOnWordBoundaries(haystack, needle) {
    if (needle === '')
        return true;
    for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) {
        const before = lastCodePoint(haystack.slice(0, index));
        const after = firstCodePoint(haystack.slice(index + needle.length));
        const startsCleanly = !joinsSpacedWord(before, firstCodePoint(needle));
        const endsCleanly = !joinsSpacedWord(lastCodePoint(needle), after);
        if (startsCleanly && endsCleanly)
            return true;
    }
    return false;
}
function joinsSpacedWord(left, right) {
    if (left === undefined || right === undefined)
        return false;
    return isSpacedWordCharacter(left) && isSpacedWordCharacter(right);
}
function isSpacedWordCharacter(char) {
    return WORD_CHARACTER.test(char) && !UNSPACED_SCRIPT.test(char);
}
function firstCodePoint(text) {
    const codePoint = text.codePointAt(0);
    return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
}
function lastCodePoint(text) {
    const chars = [...text.slice(-2)];
    return chars[chars.length - 1];
}
/**
 * Compiles a user-written regex: `/pattern/flags` uses those flags, any other string is the
 * pattern itself with no flags. `extraFlags` are added when missing (`g` for matchAll). Throws the `SyntaxError` of `new RegExp` for an invalid pattern
 * or flag, so a loader can call this to reject a case early.
 */
function compileRegex(source, extraFlags = '') {
    const literal = REGEX_LITERAL.exec(source);
    const pattern = literal ? literal[1] : source;
    const flags = literal ? literal[2] : '';
    const missingFlags = [...extraFlags].filter((flag) => !flags.includes(flag)).join('');
    return new RegExp(pattern, flags + missingFlags);
}
/** Collapses text to one line and cuts it to `maxChars` code points, marking a cut with `…`. */
function truncateChars(text, maxChars = REASON_QUOTE_MAX_CHARS) {
    const line = collapseWhitespace(text);
    const chars = [...line];
    return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : line;
}
/** Quotes text for a reason as a JSON string of one line, cut by `truncateChars`. */
function quoteForReason(text, maxChars = REASON_QUOTE_MAX_CHARS) {
    return JSON.stringify(truncateChars(text, maxChars));
}
/** Makes a reason safe to store as one line: every run of whitespace, line breaks included, becomes one space. */
function toOneLine(reason) {
    return collapseWhitespace(reason);
}

;// CONCATENATED MODULE: ./src/scorers/math.ts

/** Relative slack of a numeric comparison, so float rounding (`0.1 + 0.2`) never fails an answer. */
const FLOAT_EPSILON = 1e-9;
/**
 * Superscript and subscript characters, dropped because NFKC would turn the `²` of `25 m²` into a
 * separate number 2.
 * NOTE: a written power such as `10⁵` therefore reads as 10.
 */
const SUPERSCRIPTS_AND_SUBSCRIPTS = /[\u00B2\u00B3\u00B9\u2070-\u209F]/gu;
/** `\frac{3}{4}` (also `\dfrac`, `\tfrac`) with integer parts, rewritten as `3/4`. */
const LATEX_FRACTION = /\\[dt]?frac\s*\{\s*(-?\d+)\s*\}\s*\{\s*(\d+)\s*\}/gu;
/** A minus sign only when it does not follow a word, a closing bracket or a decimal point (`16-3` is two numbers). */
const SIGN = String.raw `(?:(?<![\w)\]}.])-)?`;
/**
 * One number in prepared answer text. The first alternative is a fraction `a/b` of integers with a
 * nonzero denominator that is not part of a chain such as the date `3/4/2020`. It may start with a
 * currency sign so that the `$` of LaTeX `$3/4$` does not split it. The second is a decimal: an
 * optional currency sign, an integer part with commas only between groups of three digits
 * (`1,234,567`), an optional decimal part (`.5` alone is allowed) and an optional exponent
 * (`1.5e3`). A trailing `%` is never part of the number.
 */
const NUMBER_TOKEN = new RegExp([
    String.raw `(?<![\d/.,])(?<fraction>${SIGN}\p{Sc}?\d+/0*[1-9]\d*)(?![\d/]|[.,]\d)`,
    String.raw `(?<!\d)(?<decimal>${SIGN}\p{Sc}?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+|(?=\.\d))(?:\.\d+)?(?:[eE][-+]?\d+)?)`,
].join('|'), 'gu');
/**
 * Prepares answer text for number reading. Superscript and subscript digits are dropped, then NFKC
 * turns full-width `１２` into `12`, `，` into `,` and `￥` into `¥`. The Unicode minus `−` becomes
 * `-` and the fraction slash of `½` becomes `/`. LaTeX `\frac{a}{b}` becomes `a/b`, and `1{,}000`
 * and `1\,000` become `1,000`.
 */
function prepareMathText(text) {
    const plain = toNfkc(text.replace(SUPERSCRIPTS_AND_SUBSCRIPTS, ''));
    return plain
        .replace(/\u2212/gu, '-')
        .replace(/\u2044/gu, '/')
        .replace(LATEX_FRACTION, '$1/$2')
        .replace(/(?<=\d)(?:\{,\}|\\,)(?=\d{3})/gu, ',');
}
/** Reads every number of prepared text, in order (see `NUMBER_TOKEN` for what counts as one). */
function findNumbers(preparedText) {
    const numbers = [];
    for (const match of preparedText.matchAll(NUMBER_TOKEN)) {
        const fraction = match.groups?.fraction;
        numbers.push(fraction === undefined ? parseDecimal(match[0]) : parseFraction(fraction));
    }
    return numbers;
}
function parseFraction(token) {
    const text = token.replace(/\p{Sc}/gu, '');
    const [numerator, denominator] = text.split('/');
    return { text, value: Number(numerator) / Number(denominator) };
}
function parseDecimal(token) {
    const text = token.replace(/[\p{Sc},]/gu, '');
    return { text, value: Number(text) };
}
/**
 * Parses text that must contain exactly one number, such as a case's expected value (`"40,000"`,
 * `"-3"`, `"0.5"`, `"3/4"`). Returns null for no number or several, so a loader can reject the case.
 */
function parseNumber(text) {
    const numbers = findNumbers(prepareMathText(text));
    return numbers.length === 1 ? numbers[0] : null;
}
/**
 * Scores a math answer by its final number: 1 when it equals `kase.expected`, else 0.
 *
 * Extraction (`kase.extract`): `last` (default) or `first` takes that number of the answer.
 * `boxed` takes the content of the last `\boxed{...}`, nested braces included. `regex` takes the
 * last match in the raw answer, and from it the first capture group, or the whole match when the
 * pattern has no group. Boxed content and a regex capture must contain exactly one number, because
 * picking one of several would be a guess, so the answer fails instead.
 *
 * Normalised: full-width forms (NFKC), Unicode minus, currency signs, commas between groups of three
 * digits, a trailing `%`, `a/b` and `\frac{a}{b}` read as fractions. Refused: percentages are not
 * converted (`60%` is 60, never 0.6), words are not numbers (`five`), decimal commas (`3,5`) and
 * space-separated thousands (`1 234`) read as two numbers, and en dashes are not minus signs.
 *
 * Comparison (`kase.compare`): `numeric` passes when |extracted − expected| ≤ tolerance +
 * 1e-9 × max(1, |extracted|, |expected|), so tolerance 0 means equal up to float rounding. `string`
 * compares the numbers' text after the same stripping, so `18.00` does not equal `18` (the rule of
 * the GSM8K authors: the text after `#### ` with commas dropped, compared as strings).
 */
function scoreMath(output, kase) {
    const expected = parseNumber(kase.expected);
    if (expected === null) {
        return fail(`expected value ${quoteForReason(kase.expected)} is not a single number; fix the case's expected`);
    }
    const extraction = extractNumber(output, kase.extract ?? { kind: 'last' });
    if ('failure' in extraction)
        return fail(extraction.failure);
    const { number, label } = extraction;
    const compare = kase.compare ?? 'numeric';
    const tolerance = kase.tolerance ?? 0;
    const pass = compare === 'string' ? number.text === expected.text : numbersMatch(number.value, expected.value, tolerance);
    const expectedPart = compare === 'string' ? `${expected.text}, compared as strings` : withTolerance(expected.text, tolerance);
    return { pass, score: pass ? 1 : 0, reason: toOneLine(`extracted ${number.text} (${label}), expected ${expectedPart}`) };
}
function numbersMatch(actual, expected, tolerance) {
    const slack = FLOAT_EPSILON * Math.max(1, Math.abs(actual), Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance + slack;
}
function withTolerance(expectedText, tolerance) {
    return tolerance > 0 ? `${expectedText} ± ${tolerance}` : expectedText;
}
function fail(reason) {
    return { pass: false, score: 0, reason: toOneLine(reason) };
}
/** Takes the final number out of the answer as `extract` says. */
function extractNumber(output, extract) {
    switch (extract.kind) {
        case 'first':
        case 'last':
            return extractFirstOrLast(output, extract.kind);
        case 'boxed':
            return extractBoxed(output);
        case 'regex':
            return extractByRegex(output, extract.pattern);
    }
}
function extractFirstOrLast(output, kind) {
    const numbers = findNumbers(prepareMathText(output));
    const number = kind === 'first' ? numbers[0] : numbers[numbers.length - 1];
    if (number === undefined)
        return { failure: 'no number found in the answer' };
    return { number, label: `${kind} number` };
}
function extractBoxed(output) {
    const content = findLastBoxedContent(prepareMathText(output));
    if (content === null)
        return { failure: 'no complete \\boxed{...} found in the answer' };
    return takeSingleNumber(content, '\\boxed{} content');
}
/**
 * Returns the content of the last-opened `\boxed{...}` whose braces close, or null when there is
 * none. One pass with a stack of open braces, so unclosed boxes cost linear time.
 */
function findLastBoxedContent(text) {
    const opener = '\\boxed{';
    const openGroups = [];
    let last = null;
    for (let index = 0; index < text.length; index++) {
        if (text.startsWith(opener, index)) {
            index += opener.length - 1;
            openGroups.push({ contentStart: index + 1, boxed: true });
        }
        else if (text[index] === '{') {
            openGroups.push({ contentStart: index + 1, boxed: false });
        }
        else if (text[index] === '}') {
            const group = openGroups.pop();
            if (group?.boxed && (last === null || group.contentStart > last.contentStart)) {
                last = { contentStart: group.contentStart, contentEnd: index };
            }
        }
    }
    return last === null ? null : text.slice(last.contentStart, last.contentEnd);
}
function extractByRegex(output, pattern) {
    let regex;
    try {
        regex = compileRegex(pattern, 'g');
    }
    catch (error) {
        return { failure: `invalid extract regex ${quoteForReason(pattern)}: ${error.message}` };
    }
    const matches = [...output.matchAll(regex)];
    const last = matches[matches.length - 1];
    const shownPattern = quoteForReason(pattern);
    if (last === undefined)
        return { failure: `extract regex ${shownPattern} did not match the answer` };
    const captured = last.length > 1 ? (last[1] ?? '') : last[0];
    return takeSingleNumber(prepareMathText(captured), `regex ${shownPattern} match`);
}
function takeSingleNumber(preparedText, label) {
    const numbers = findNumbers(preparedText);
    if (numbers.length === 1)
        return { number: numbers[0], label };
    if (numbers.length === 0)
        return { failure: `no number in ${label} ${quoteForReason(preparedText)}` };
    const count = numbers.length;
    return { failure: `${label} ${quoteForReason(preparedText)} contains ${count} numbers; expected exactly one` };
}

;// CONCATENATED MODULE: ./src/scorers/qa.ts

/**
 * Label that `exact` matching drops from the start of a normalised answer. Only these labels are
 * dropped, each followed by a colon (full-width `：` is `:` after NFKC). Prose such as "The answer
 * is" or "答案是" is kept, because where the answer starts in prose is a guess.
 */
const ANSWER_LABEL = /^(?:final answer|answer|最终答案|答案)\s*:/u;
/**
 * Scores a short answer against `kase.expected`; any one accepted answer passes (score 1, else 0).
 *
 * `exact`: the normalised answer equals a normalised expected. Normalised means NFKC (full-width
 * forms become ASCII), case-folded, whitespace trimmed and collapsed, surrounding quotes, brackets,
 * Markdown emphasis and sentence punctuation (ASCII and CJK) stripped, and trailing periods removed
 * (see `normalizeText`). The answer also loses one leading `Answer:`, `Final answer:`, `答案：` or
 * `最终答案：` label. Signs and symbols that can be part of an answer (`-3`, `C#`, `50%`) are kept.
 *
 * `contains`: a normalised expected appears in the normalised answer. A Latin (or other spaced
 * script) letter or digit at either end must not run on into another one, so `Paris` is not
 * found in `Parisian` and `42` is not found in `420`. Chinese, Japanese, Korean and Thai match as
 * plain substrings, because those scripts do not separate words with spaces.
 *
 * `regex`: each expected is a JavaScript regex (`/pattern/flags`, or a bare pattern with no flags)
 * tested against the raw answer. An invalid regex fails the answer with its error in the reason.
 */
function scoreQa(output, kase) {
    if (kase.expected.length === 0)
        return qa_fail('the case lists no expected answers; add at least one');
    switch (kase.match) {
        case 'exact':
            return scoreByNormalizedText(normalizeAnswer(output), kase.expected, 'exact', (answer, expected) => answer === expected);
        case 'contains':
            return scoreByNormalizedText(normalizeText(output), kase.expected, 'contains', containsOnWordBoundaries);
        case 'regex':
            return scoreByRegex(output, kase.expected);
    }
}
/** Normalises an answer for `exact` matching: `normalizeText`, then one leading answer label dropped. */
function normalizeAnswer(output) {
    const normalized = normalizeText(output);
    const label = ANSWER_LABEL.exec(normalized);
    return label === null ? normalized : normalizeText(normalized.slice(label[0].length));
}
function scoreByNormalizedText(answer, expected, mode, matches) {
    // An expected that normalises to nothing (only punctuation) would be found in every answer.
    const matched = expected.find((candidate) => {
        const normalized = normalizeText(candidate);
        return normalized !== '' && matches(answer, normalized);
    });
    if (matched !== undefined)
        return pass(`matched expected ${quoteForReason(matched)} (${mode})`);
    const verb = mode === 'exact' ? 'equals none' : 'contains none';
    return qa_fail(`normalised answer ${quoteForReason(answer)} ${verb} of ${describeExpected(expected)}`);
}
function scoreByRegex(output, expected) {
    const errors = [];
    for (const pattern of expected) {
        let regex;
        try {
            regex = compileRegex(pattern);
        }
        catch (error) {
            errors.push(`invalid regex ${quoteForReason(pattern)}: ${error.message}`);
            continue;
        }
        if (regex.test(output))
            return pass(`matched expected regex ${quoteForReason(pattern)}`);
    }
    const summary = `answer ${quoteForReason(output)} matches none of ${describeExpected(expected)}`;
    return qa_fail(errors.length === 0 ? summary : `${summary}; ${errors.join('; ')}`);
}
function describeExpected(expected) {
    const listed = expected.map((candidate) => quoteForReason(candidate, 40)).join(', ');
    return `${expected.length} expected: ${truncateChars(listed, 120)}`;
}
function pass(reason) {
    return { pass: true, score: 1, reason: toOneLine(reason) };
}
function qa_fail(reason) {
    return { pass: false, score: 0, reason: toOneLine(reason) };
}

;// CONCATENATED MODULE: ./src/scorers/summary.ts

/**
 * Scores a summary by its required keywords and its length. Each keyword is one check and the
 * length is one more when `maxChars` or `minChars` is set. The score is the fraction of checks
 * passed, and the answer passes only when all of them do (a case with no checks passes).
 *
 * Keywords match as plain substrings after NFKC, case folding and whitespace collapsing, with the
 * whitespace between two Chinese, Japanese, Korean or Thai characters removed, so `人工 智能`
 * contains `人工智能`. There are no word boundaries, so `refund` also matches `refunds`, because a
 * keyword cannot list its inflected forms. The length is counted in Unicode code points of the
 * trimmed answer, so each Chinese character or emoji counts 1.
 */
function scoreSummary(output, kase) {
    const summary = normalizeForKeywords(output);
    const missing = kase.mustInclude.filter((keyword) => !summary.includes(normalizeForKeywords(keyword)));
    const length = countChars(output.trim());
    const lengthCheck = checkLength(length, kase.minChars, kase.maxChars);
    const checks = kase.mustInclude.length + (lengthCheck === null ? 0 : 1);
    if (checks === 0)
        return { pass: true, score: 1, reason: 'no checks configured: no mustInclude, maxChars or minChars' };
    const passed = kase.mustInclude.length - missing.length + (lengthCheck?.pass ? 1 : 0);
    const parts = [describeKeywords(kase.mustInclude.length, missing), lengthCheck?.reason].filter((part) => part !== undefined);
    return { pass: passed === checks, score: passed / checks, reason: toOneLine(parts.join('; ')) };
}
/** Normalises text for keyword search: NFKC, case folding, collapsed whitespace, none between CJK characters. */
function normalizeForKeywords(text) {
    return removeUnspacedScriptWhitespace(collapseWhitespace(foldCase(toNfkc(text))));
}
function describeKeywords(total, missing) {
    if (total === 0)
        return undefined;
    if (missing.length === 0)
        return `all ${total} keywords present`;
    return `missing ${missing.length} of ${total} keywords: ${truncateChars(missing.join(', '))}`;
}
function checkLength(length, minChars, maxChars) {
    const tooShort = minChars !== undefined && length < minChars;
    const tooLong = maxChars !== undefined && length > maxChars;
    let verdict = '';
    if (tooShort)
        verdict = ' (too short)';
    if (tooLong)
        verdict = ' (too long)';
    if (minChars !== undefined && maxChars !== undefined) {
        return { pass: !tooShort && !tooLong, reason: `${length} characters, min ${minChars}, max ${maxChars}${verdict}` };
    }
    if (maxChars !== undefined)
        return { pass: !tooLong, reason: `${length} of max ${maxChars} characters${verdict}` };
    if (minChars !== undefined)
        return { pass: !tooShort, reason: `${length} of min ${minChars} characters${verdict}` };
    return null;
}

;// CONCATENATED MODULE: ./src/scorers/index.ts




/** The registered scorers. A new scorer is one file in this folder and one line here. */
const scorers = {
    math: scoreMath,
    qa: scoreQa,
    summary: scoreSummary,
    code: scoreCode,
};
/** Scores an answer with the scorer registered for `kase.type`; throws when that type has none. */
async function scoreAnswer(output, kase) {
    const scorer = scorers[kase.type];
    if (scorer === undefined) {
        throw new Error(`${kase.type} scoring is not registered: no scorer for case "${kase.id}" in src/scorers/index.ts`);
    }
    return scorer(output, kase);
}


;// CONCATENATED MODULE: ./src/runner/budget.ts
/**
 * The run's spending limit. A request starts only when the spend so far, plus the estimates of the
 * requests in flight, plus its own estimate stays within the limit. Once one is refused, the budget
 * is closed and no later request starts either, so the run ends with the rows it has.
 */
class Budget {
    limitUsd;
    spentUsd = 0;
    reservedUsd = 0;
    closed = false;
    constructor(limitUsd) {
        this.limitUsd = limitUsd;
    }
    get spent() {
        return this.spentUsd;
    }
    get exhausted() {
        return this.closed;
    }
    /** Estimate of the request that was refused and closed the budget, in USD. */
    refusedEstimateUsd;
    /** Reserves `estimateUsd` for a request about to start; false when it would pass the limit. */
    tryReserve(estimateUsd) {
        if (this.closed || this.spentUsd + this.reservedUsd + estimateUsd > this.limitUsd) {
            if (!this.closed)
                this.refusedEstimateUsd = estimateUsd;
            this.closed = true;
            return false;
        }
        this.reservedUsd += estimateUsd;
        return true;
    }
    /** Replaces a reservation with what the request really cost (0 when it failed before any usage). */
    settle(estimateUsd, actualUsd) {
        this.reservedUsd = Math.max(0, this.reservedUsd - estimateUsd);
        this.spentUsd += actualUsd;
    }
}

;// CONCATENATED MODULE: ./src/runner/cache.ts



/**
 * Responses on disk, one JSON file per request, keyed on the SHA-256 of everything that selects the
 * endpoint and shapes the request: provider, base URL or Azure endpoint, deployment and API version,
 * model id, streaming, messages, parameters and sample index (so the samples of a case stay
 * distinct). Keep the folder between CI runs with actions/cache to skip unchanged requests.
 */
class ResponseCache {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    key(model, messages, sample) {
        const identity = JSON.stringify({
            provider: model.provider,
            base_url: model.baseUrl,
            endpoint: model.endpoint,
            deployment: model.deployment,
            api_version: model.apiVersion,
            anthropic_version: model.anthropicVersion,
            model: model.model,
            stream: model.stream === true,
            messages,
            params: model.params,
            sample,
        });
        return (0,external_node_crypto_.createHash)('sha256').update(identity).digest('hex');
    }
    async get(key) {
        try {
            const entry = JSON.parse(await (0,promises_.readFile)(this.file(key), 'utf8'));
            return { ...entry, error: null, retries: 0, cached: true };
        }
        catch {
            return undefined;
        }
    }
    /** Stores a successful completion; written to a temporary name first so a crash leaves no partial entry. */
    async put(key, completion) {
        const entry = {
            output: completion.output,
            usage: completion.usage,
            finishReason: completion.finishReason,
            latencyMs: completion.latencyMs,
            reasoning: completion.reasoning,
            ttftMs: completion.ttftMs,
            tokensPerSecond: completion.tokensPerSecond,
        };
        const file = this.file(key);
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(temporary, JSON.stringify(entry), 'utf8');
        await (0,promises_.rename)(temporary, file);
    }
    file(key) {
        return external_node_path_default().join(this.dir, key.slice(0, 2), `${key}.json`);
    }
}

;// CONCATENATED MODULE: ./src/runner/progress.ts
/** Minimum time between two progress lines in a log, so that CI logs stay readable on long runs. */
const LOG_INTERVAL_MS = 5000;
/** Minimum time between two redraws of a live progress bar on a terminal. */
const LIVE_INTERVAL_MS = 100;
/** Width of the bar itself, in characters, inside the live line. */
const BAR_WIDTH = 20;
/**
 * Counts finished rows and shows done/total, rate, ETA and errors so far. In a log (CI) it writes a
 * line at most every LOG_INTERVAL_MS and one when the last row is done; on a terminal it redraws one
 * status line at most every LIVE_INTERVAL_MS and ends it with a newline in `finish`.
 */
class Progress {
    total;
    log;
    options;
    done = 0;
    /** Rows taken from an earlier run (--resume): done, but not part of the rate. */
    reused = 0;
    errors = 0;
    started;
    lastShown;
    finished = false;
    now;
    constructor(total, log, options = {}) {
        this.total = total;
        this.log = log;
        this.options = options;
        this.now = options.now ?? (() => performance.now());
        this.started = this.now();
        this.lastShown = this.started;
    }
    record(failedCall, reused = false) {
        this.done += 1;
        if (reused)
            this.reused += 1;
        if (failedCall)
            this.errors += 1;
        const now = this.now();
        const interval = this.options.live ? LIVE_INTERVAL_MS : LOG_INTERVAL_MS;
        if (this.done === this.total || now - this.lastShown >= interval)
            this.show(now);
    }
    /**
     * Ends the progress display: on a terminal, the last state stays on screen followed by a newline.
     * Call it once when the run stops, also when it stopped before every row was done. Idempotent.
     */
    finish() {
        if (this.finished)
            return;
        this.finished = true;
        if (!this.options.live)
            return;
        if (this.done > 0)
            this.options.live.update(this.liveText(this.now()));
        this.options.live.end();
    }
    show(now) {
        this.lastShown = now;
        if (this.options.live)
            this.options.live.update(this.liveText(now));
        else
            this.log(this.line(now));
    }
    line(now) {
        const { percent, rate, eta } = this.figures(now);
        return `${this.done}/${this.total} done (${percent}%), ${rate.toFixed(1)}/s, ETA ${eta}, ${this.errors} errors`;
    }
    liveText(now) {
        const { percent, rate, eta } = this.figures(now);
        const filled = this.total === 0 ? BAR_WIDTH : Math.floor((BAR_WIDTH * this.done) / this.total);
        const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
        return `[${bar}] ${this.done}/${this.total} (${percent}%) ${rate.toFixed(1)}/s ETA ${eta} ${this.errors} errors`;
    }
    figures(now) {
        const seconds = (now - this.started) / 1000;
        const rate = seconds > 0 ? (this.done - this.reused) / seconds : 0;
        const remaining = this.total - this.done;
        let eta = 'unknown';
        if (remaining === 0)
            eta = '0 s';
        else if (rate > 0)
            eta = formatDuration(remaining / rate);
        const percent = this.total === 0 ? 100 : Math.floor((100 * this.done) / this.total);
        return { percent, rate, eta };
    }
}
/** Seconds as `42 s`, `3 min 05 s` or `2 h 07 min`, rounded up. */
function formatDuration(seconds) {
    const whole = Math.ceil(seconds);
    if (whole < 60)
        return `${whole} s`;
    if (whole < 3600)
        return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
    return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}
/** ANSI "erase to end of line" (CSI K). */
const CLEAR_TO_END = '\x1b[K';
/**
 * One line at the bottom of a terminal that is redrawn in place with `\r`. Lines printed with `print`
 * appear above it, so that warnings do not mix with the bar. Text wider than the terminal is cut,
 * because a wrapped line could no longer be redrawn in place.
 */
class StatusLine {
    stream;
    current = '';
    constructor(stream) {
        this.stream = stream;
    }
    update(text) {
        this.current = this.fit(text);
        this.stream.write(`\r${this.current}${CLEAR_TO_END}`);
    }
    /** Writes a whole line above the status line and redraws the status line below it. */
    print(line) {
        if (this.current === '') {
            this.stream.write(`${line}\n`);
            return;
        }
        this.stream.write(`\r${CLEAR_TO_END}${line}\n${this.current}${CLEAR_TO_END}`);
    }
    /** Leaves the status line as it is and moves to a new line; later `print`s start below it. */
    end() {
        if (this.current === '')
            return;
        this.current = '';
        this.stream.write('\n');
    }
    fit(text) {
        const columns = this.stream.columns;
        if (columns === undefined || columns < 2)
            return text;
        const characters = [...text];
        return characters.length < columns ? text : characters.slice(0, columns - 1).join('');
    }
}

;// CONCATENATED MODULE: ./src/runner/rate-limit.ts
/**
 * A token bucket refilled continuously at `perMinute` per minute, holding at most one minute's worth.
 * Callers wait in FIFO order. `adjust` corrects an estimate after the fact and may leave the bucket
 * in debt, which later callers wait out.
 */
class TokenBucket {
    perMinute;
    now;
    tokens;
    updated;
    queue = Promise.resolve();
    constructor(perMinute, now = () => performance.now()) {
        this.perMinute = perMinute;
        this.now = now;
        this.tokens = perMinute;
        this.updated = now();
    }
    /** Waits until `amount` tokens are there and takes them; more than the capacity waits for a full bucket. */
    take(amount) {
        const wanted = Math.min(amount, this.perMinute);
        const turn = this.queue.then(() => this.waitFor(wanted));
        this.queue = turn;
        return turn;
    }
    /** Adds (positive) or removes (negative) tokens, e.g. actual usage minus the estimate taken. */
    adjust(delta) {
        this.refill();
        this.tokens = Math.min(this.perMinute, this.tokens - delta);
    }
    async waitFor(amount) {
        for (;;) {
            this.refill();
            if (this.tokens >= amount) {
                this.tokens -= amount;
                return;
            }
            const waitMs = ((amount - this.tokens) * 60_000) / this.perMinute;
            await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMs)));
        }
    }
    refill() {
        const now = this.now();
        this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.updated) * this.perMinute) / 60_000);
        this.updated = now;
    }
}
/**
 * Runs tasks with at most `concurrency` of them at a time; the others wait in FIFO order. The limit
 * may change while tasks run.
 *
 * Not p-limit, which the sandbox uses: its queue (yocto-queue 1.2) leaves each dequeued node linked
 * to the next one. Once one node reaches V8's old generation, minor collections keep every later
 * node, and the call it started, alive until a full collection. With the runner's workers waiting
 * there, a 20,000-case run moved 0.5 MB to the old generation per minor collection instead of 0.3 MB
 * (docs/benchmarks.md, "Where the memory goes"). The waiters here sit in an array.
 */
class ConcurrencyLimit {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    get concurrency() {
        return this.limit;
    }
    set concurrency(limit) {
        this.limit = limit;
        this.startWaiting();
    }
    async run(task) {
        if (this.active < this.limit && this.waiting.length === 0)
            this.active += 1;
        else
            await new Promise((resolve) => this.waiting.push(resolve));
        try {
            return await task();
        }
        finally {
            this.active -= 1;
            this.startWaiting();
        }
    }
    /** Lets waiting tasks start while there is room; each one's slot is counted before it runs. */
    startWaiting() {
        while (this.active < this.limit && this.waiting.length > 0) {
            this.active += 1;
            this.waiting.shift()();
        }
    }
}
/**
 * A model's concurrency that adapts to rate limiting: halved on a 429, grown by one after as many
 * successes in a row as the current limit (additive increase, multiplicative decrease), never above
 * the configured maximum.
 */
class AdaptiveConcurrency {
    maximum;
    limit;
    successes = 0;
    constructor(maximum) {
        this.maximum = maximum;
        this.limit = new ConcurrencyLimit(maximum);
    }
    get current() {
        return this.limit.concurrency;
    }
    /** Runs `task` once the model has a free slot. */
    run(task) {
        return this.limit.run(task);
    }
    onRateLimited() {
        this.successes = 0;
        this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
    }
    onSuccess() {
        if (this.limit.concurrency >= this.maximum)
            return;
        this.successes += 1;
        if (this.successes >= this.limit.concurrency) {
            this.successes = 0;
            this.limit.concurrency += 1;
        }
    }
}

;// CONCATENATED MODULE: ./src/runner/run.ts












/**
 * Cases in a row that may fail after all their retries before a model is treated as down. At a 20%
 * transient failure rate and 5 retries, a case fails all 6 attempts with probability 0.2^6 = 6.4e-5,
 * so ten in a row do not happen by chance; during an outage this saves waiting out every case's backoff.
 */
const OUTAGE_CASES = 10;
/**
 * Fixes for the HTTP statuses that come from the model's settings, so that no retry or other case
 * can change them. The first such response stops the model instead of failing each of its cases.
 */
const CONFIG_FIXES = {
    401: (model) => model.apiKeyEnv === undefined
        ? 'the server wants an API key: set api_key_env to the variable that holds it'
        : `check that ${model.apiKeyEnv} (api_key_env) holds a valid key for ${model.baseUrl ?? 'this server'}`,
    404: (model) => `check base_url (${model.baseUrl ?? 'the default'}) and model (${model.model ?? model.name}): the server knows no such endpoint or model`,
};
/**
 * Calls every (model, case, sample), up to `concurrency` requests in flight over all models, with
 * each model's own adaptive concurrency, rate limits and retries; scores each answer as it arrives and
 * appends the row to results.jsonl at once. A failed call or scorer gives an error row; it never stops
 * the run. Requests stop early only at the budget, on cancellation, or for a model whose API asks for a
 * wait above its `max_retry_wait_s`.
 */
async function runBenchmark(config, cases, options = {}) {
    const env = options.env ?? process.env;
    const log = options.log ?? (() => { });
    const lanes = await createLanes(config, env, options.backoff);
    const jobCounts = lanes.map((lane) => countJobs(lane, cases, config));
    const total = jobCounts.reduce((sum, count) => sum + count, 0);
    const answers = openAnswerFile(options.warn);
    const keep = (row) => (answers ? answers.keep(row) : row);
    const previous = options.resume ? await readRowLog(config.output.jsonl, keep) : new Map();
    const rowLog = new RowLog(config.output.jsonl, { append: options.resume === true });
    const context = {
        config,
        global: new ConcurrencyLimit(config.concurrency),
        budget: config.budgetUsd === undefined ? undefined : new Budget(config.budgetUsd),
        cache: config.cacheDir === undefined ? undefined : new ResponseCache(config.cacheDir),
        signal: options.signal,
        debug: options.debug ?? (() => { }),
        systemMessage: config.system ? { role: 'system', content: config.system } : undefined,
    };
    warnAboutUnpricedModels(context, lanes, options.warn);
    const progress = new Progress(total, log, { live: options.statusLine });
    // Indexed by Job.order, so the rows end up in config order whatever order they finish in.
    const rows = new Array(total);
    let done = 0;
    let reused = 0;
    const runOne = async (job) => {
        const earlier = previous.get(rowKey(job.lane.model.name, job.kase.id, job.sample));
        const row = earlier && earlier.error === null ? (reused++, earlier) : await runJob(job, context);
        if (row === undefined)
            return;
        // A reused row is already in results.jsonl, and its texts already in the answer file.
        if (row !== earlier)
            rowLog.write(row);
        rows[job.order] = row === earlier ? row : keep(row);
        done++;
        progress.record(row.error !== null, row === earlier);
    };
    try {
        // Twice the model's concurrency: while up to that many rows are being scored, the other workers keep
        // its requests going; the model's concurrency limit still caps the requests in flight.
        let firstOrder = 0;
        const running = lanes.map((lane, index) => {
            const jobs = laneJobs(lane, cases, config, firstOrder);
            firstOrder += jobCounts[index];
            return runWorkers(jobs, Math.min(2 * lane.maxConcurrency, jobCounts[index]), runOne);
        });
        await Promise.all(running);
    }
    finally {
        rowLog.close();
        progress.finish();
    }
    if (reused > 0)
        log(`Resumed: ${reused} rows reused from ${config.output.jsonl}`);
    reportRetries(lanes, options.warn);
    for (const lane of lanes)
        if (lane.stopped)
            options.warn?.(`${lane.model.name} stopped: ${lane.stopped}.`);
    return {
        rows: done === total ? rows : rows.filter((row) => row !== undefined),
        stopped: Object.fromEntries(lanes.flatMap((lane) => (lane.stopped ? [[lane.model.name, lane.stopped]] : []))),
        partialReason: partialReason(context, total - done),
        budget: context.budget ? { limit_usd: context.budget.limitUsd, spent_usd: context.budget.spent } : null,
    };
}
/**
 * Opens the temporary file that keeps the rows' outputs and reasoning out of memory (see
 * AnswerFile). When it cannot be created, the rows keep their texts in memory and the run goes on.
 */
function openAnswerFile(warn) {
    try {
        return new AnswerFile();
    }
    catch (error) {
        warn?.(`Outputs are kept in memory because no temporary file could be created (${error.message}). Set TMPDIR to a writable folder to keep them on disk.`);
        return undefined;
    }
}
async function createLanes(config, env, backoff) {
    const lanes = [];
    for (const [index, model] of config.models.entries()) {
        lanes.push({
            model,
            index,
            provider: await createProvider(model, config, env),
            concurrency: new AdaptiveConcurrency(Math.min(model.concurrency ?? config.concurrency, config.concurrency)),
            maxConcurrency: Math.min(model.concurrency ?? config.concurrency, config.concurrency),
            rpm: model.rpm === undefined ? undefined : new TokenBucket(model.rpm),
            tpm: model.tpm === undefined ? undefined : new TokenBucket(model.tpm),
            outputTokens: new OutputTokenEstimate(outputTokenCap(model)),
            policy: { ...retry/* DEFAULT_RETRY_POLICY */.cO, ...backoff, retries: model.retries, maxRetryWaitMs: model.maxRetryWaitS * 1000 },
            connected: false,
            failedInARow: 0,
            retriesByCause: new Map(),
        });
    }
    return lanes;
}
function samplesOf(lane, kase, config) {
    return kase.samples ?? lane.model.samples ?? lane.provider.sampleCount?.(kase) ?? config.samples;
}
function countJobs(lane, cases, config) {
    let count = 0;
    for (const kase of cases)
        count += samplesOf(lane, kase, config);
    return count;
}
/** Yields the lane's jobs in config order (case, then sample), each made when a worker takes it. */
function* laneJobs(lane, cases, config, firstOrder) {
    let order = firstOrder;
    for (const kase of cases) {
        const samples = samplesOf(lane, kase, config);
        for (let sample = 0; sample < samples; sample++)
            yield { lane, kase, sample, order: order++ };
    }
}
/** Runs the jobs in order on `workers` concurrent loops; each job is made when a worker takes it. */
async function runWorkers(jobs, workers, runOne) {
    const work = async () => {
        for (let next = jobs.next(); !next.done; next = jobs.next())
            await runOne(next.value);
    };
    await Promise.all(Array.from({ length: workers }, work));
}
/**
 * Returns the scored row, or undefined when the job was never started (budget reached, cancelled).
 * The model's concurrency slot is released before scoring, so that slow scoring (code run in the
 * sandbox) does not hold back the model's requests.
 */
async function runJob(job, context) {
    const answer = await job.lane.concurrency.run(() => callJob(job, context));
    return answer === undefined ? undefined : finishJob(job, answer, context);
}
/** Calls the model (or reads the cache); undefined when the job was never started (budget reached, cancelled). */
async function callJob(job, context) {
    const { lane } = job;
    const messages = conversation(context, job.kase);
    const cacheKey = context.cache?.key(lane.model, messages, job.sample);
    const cached = cacheKey === undefined ? undefined : await context.cache.get(cacheKey);
    if (cached)
        return { completion: cached };
    if (lane.stopped)
        return { completion: failedCompletion(lane.stopped, 0) };
    if (context.signal?.aborted)
        return undefined;
    const promptTokens = estimatePromptTokens(messages);
    const reservation = lane.model.pricing && context.budget ? estimateCost(promptTokens, lane.outputTokens.value, lane.model.pricing) : 0;
    if (context.budget && lane.model.pricing && !context.budget.tryReserve(reservation))
        return undefined;
    let completion;
    try {
        const { value, retries } = await (0,retry/* callWithRetries */.zv)(() => attempt(job, messages, promptTokens, context), lane.policy, {
            onRetry: (failure, waitMs, number) => {
                const cause = failure.status === undefined ? failure.message.split(':')[0] : `HTTP ${failure.status}`;
                lane.retriesByCause.set(cause, (lane.retriesByCause.get(cause) ?? 0) + 1);
                context.debug(`${lane.model.name} ${job.kase.id}#${job.sample}: retry ${number} in ${waitMs} ms after ${failure.message}`);
            },
            signal: context.signal,
        });
        // Each call returns a new Completion, so it is completed in place: a spread copy on every request
        // left garbage in the old generation (see bodyHead in providers/post-json.ts).
        value.retries = retries;
        completion = value;
    }
    catch (error) {
        const retries = error.retries ?? 0;
        if (error instanceof retry/* QuotaWaitTooLong */.Yy)
            lane.stopped ??= error.message;
        if (error instanceof retry/* CallFailure */.Rk && error.stopsModel)
            lane.stopped ??= `${clause(error.message)}; its remaining cases were not run`;
        const configFix = error instanceof retry/* CallFailure */.Rk ? CONFIG_FIXES[error.status ?? 0]?.(lane.model) : undefined;
        if (configFix)
            lane.stopped ??= `${clause(error.message)}; ${configFix}; its remaining cases were not run`;
        // A server that never answered once, through every retry, is down or misconfigured: the other
        // cases would each wait out the same retries, so they are not run.
        if (error instanceof retry/* CallFailure */.Rk && error.connection && !lane.connected) {
            lane.stopped ??= `no connection could be made after ${lane.policy.retries + 1} attempts (${error.message}); check base_url or endpoint; its remaining cases were not run`;
        }
        if (error instanceof retry/* CallFailure */.Rk && error.transient && ++lane.failedInARow >= OUTAGE_CASES) {
            const retries = `${lane.policy.retries} ${lane.policy.retries === 1 ? 'retry' : 'retries'}`;
            lane.stopped ??= `${lane.failedInARow} cases in a row failed after ${retries} each (last: ${error.message}), which looks like an outage; its remaining cases were not run`;
        }
        if (context.signal?.aborted) {
            context.budget?.settle(reservation, 0);
            return undefined;
        }
        completion = failedCompletion(error instanceof Error ? error.message : String(error), retries);
    }
    return { completion, reservation, cacheKey };
}
/** Scores the answer, settles the budget reservation and stores a good answer in the cache. */
async function finishJob(job, answer, context) {
    const row = await scoreRow(job, answer.completion);
    if (answer.reservation !== undefined)
        context.budget?.settle(answer.reservation, row.cost_usd ?? 0);
    if (answer.cacheKey !== undefined && answer.completion.error === null)
        await context.cache.put(answer.cacheKey, answer.completion);
    return row;
}
/** Sends one request after waiting for the model's rate limits and then for a global slot. */
async function attempt(job, messages, promptTokens, context) {
    const { lane } = job;
    if (context.signal?.aborted)
        throw new retry/* CallFailure */.Rk('cancelled', { transient: false });
    if (lane.stopped)
        throw new retry/* CallFailure */.Rk(lane.stopped, { transient: false });
    const tokenEstimate = promptTokens + lane.outputTokens.value;
    await lane.rpm?.take(1);
    await lane.tpm?.take(tokenEstimate);
    try {
        const completion = await context.global.run(() => lane.provider.complete({ kase: job.kase, messages, sample: job.sample, signal: context.signal }));
        lane.connected = true;
        lane.failedInARow = 0;
        lane.concurrency.onSuccess();
        if (completion.usage) {
            lane.outputTokens.observe(completion.usage.completion_tokens);
            lane.tpm?.adjust(completion.usage.total_tokens - tokenEstimate);
        }
        return completion;
    }
    catch (error) {
        if (error instanceof retry/* CallFailure */.Rk && error.status !== undefined)
            lane.connected = true;
        if (error instanceof retry/* CallFailure */.Rk && error.status === 429)
            lane.concurrency.onRateLimited();
        throw error;
    }
}
/** Returns `message` without its final period, to begin a longer message. */
function clause(message) {
    return message.replace(/\.+$/, '');
}
function failedCompletion(error, retries) {
    return { output: null, usage: null, finishReason: null, latencyMs: null, error, retries };
}
/**
 * Returns the case's messages after the config's system prompt, unless the case starts with its own.
 * Every request shares the one system message.
 */
function conversation(context, kase) {
    const hasSystem = kase.messages[0]?.role === 'system';
    return context.systemMessage && !hasSystem ? [context.systemMessage].concat(kase.messages) : kase.messages;
}
/** Finish reasons that mean the answer is incomplete; the row's reason says so. */
const CUT_SHORT = {
    length: 'the answer was cut at the token limit (finish_reason: length)',
    content_filter: 'the answer was withheld by a content filter (finish_reason: content_filter)',
};
async function scoreRow(job, completion) {
    let score = { pass: false, score: 0, reason: completion.error ? `error: ${completion.error}` : '' };
    let error = completion.error;
    if (error === null && completion.output !== null) {
        try {
            score = await scoreAnswer(completion.output, job.kase);
            if (completion.output.trim() === '')
                score = { ...score, reason: `empty answer; ${score.reason}` };
            const cut = completion.finishReason ? CUT_SHORT[completion.finishReason] : undefined;
            if (cut && !score.pass)
                score = { ...score, reason: `${score.reason}; ${cut}` };
        }
        catch (scoringError) {
            error = `scoring failed: ${scoringError instanceof Error ? scoringError.message : String(scoringError)}`;
            score = { pass: false, score: 0, reason: `error: ${error}` };
        }
    }
    return {
        id: job.kase.id,
        model: job.lane.model.name,
        type: job.kase.type,
        sample: job.sample,
        tags: job.kase.tags,
        source: job.kase.source,
        pass: score.pass,
        score: score.score,
        reason: score.reason,
        output: completion.output,
        reasoning: completion.reasoning ?? null,
        latency_ms: completion.latencyMs === null ? null : Math.round(completion.latencyMs * 10) / 10,
        ttft_ms: completion.ttftMs == null ? null : Math.round(completion.ttftMs * 10) / 10,
        tokens_per_s: completion.tokensPerSecond == null ? null : Math.round(completion.tokensPerSecond * 10) / 10,
        usage: completion.usage,
        cost_usd: costOf(completion.usage, job.lane.model.pricing),
        finish_reason: completion.finishReason,
        error,
        retries: completion.retries ?? 0,
        cached: completion.cached === true,
    };
}
function warnAboutUnpricedModels(context, lanes, warn) {
    if (!context.budget)
        return;
    const unpriced = lanes.filter((lane) => !lane.model.pricing && lane.model.outputs === undefined).map((lane) => lane.model.name);
    if (unpriced.length > 0)
        warn?.(`budget_usd does not limit ${unpriced.join(', ')}: no pricing is set for them.`);
}
function reportRetries(lanes, warn) {
    for (const lane of lanes) {
        const total = [...lane.retriesByCause.values()].reduce((sum, count) => sum + count, 0);
        if (total === 0)
            continue;
        const causes = [...lane.retriesByCause].map(([cause, count]) => `${cause} ×${count}`).join(', ');
        warn?.(`${lane.model.name}: ${total} retries (${causes}).`);
    }
}
function partialReason(context, notRun) {
    if (notRun === 0)
        return null;
    if (context.budget?.exhausted) {
        const refused = context.budget.refusedEstimateUsd ?? 0;
        return (`budget_usd ${context.budget.limitUsd} reached: $${context.budget.spent.toFixed(4)} spent, and the next request, estimated at ` +
            `$${refused.toFixed(4)} (output tokens: max_tokens, else twice the mean so far, 1,024 before the first answer), would have passed it; ${formatCount(notRun)} rows were not run`);
    }
    if (context.signal?.aborted)
        return `cancelled; ${formatCount(notRun)} rows were not run`;
    return `${formatCount(notRun)} rows were not run`;
}

;// CONCATENATED MODULE: ./src/suite/case-schema.ts


// The keys a suite case may have, in the snake_case users write. Which keys a type needs or allows
// is checked in `to-case.ts`, so that the error can say "must_include applies to summary cases".
const messageSchema = schemas/* strictObject */.rej({
    role: schemas/* enum */.k5n(['system', 'user', 'assistant']),
    content: schemas/* string */.YjP(),
});
const rawCaseSchema = schemas/* strictObject */.rej({
    id: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig()]),
    type: schemas/* enum */.k5n(CASE_TYPES),
    prompt: schemas/* string */.YjP().min(1).optional(),
    messages: schemas/* array */.YOg(messageSchema).min(1).optional(),
    tags: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig()])).default([]),
    samples: schemas/* number */.aig().int().min(1).max(1000).optional(),
    expected: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])).min(1)]).optional(),
    match: schemas/* enum */.k5n(['exact', 'contains', 'regex']).optional(),
    extract: schemas/* string */.YjP().min(1).optional(),
    tolerance: schemas/* number */.aig().min(0).optional(),
    compare: schemas/* enum */.k5n(['numeric', 'string']).optional(),
    must_include: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig()])).optional(),
    max_chars: schemas/* number */.aig().int().min(1).optional(),
    min_chars: schemas/* number */.aig().int().min(0).optional(),
    language: schemas/* enum */.k5n(['python', 'javascript']).optional(),
    tests: schemas/* string */.YjP().min(1).optional(),
    entry_point: schemas/* string */.YjP().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be a function name').optional(),
    timeout_s: schemas/* number */.aig().positive().max(600).optional(),
});
const CASE_KEYS = Object.keys(rawCaseSchema.shape);
/** Options that only some case types take; any other type rejects them. */
const TYPE_OPTIONS = {
    expected: ['math', 'qa'],
    match: ['qa'],
    extract: ['math'],
    tolerance: ['math'],
    compare: ['math'],
    must_include: ['summary'],
    max_chars: ['summary'],
    min_chars: ['summary'],
    language: ['code'],
    tests: ['code'],
    entry_point: ['code'],
    timeout_s: ['code'],
};

;// CONCATENATED MODULE: ./src/suite/to-case.ts


/** TYPE_OPTIONS as pairs, built once rather than for each of a data set's cases. */
const TYPE_OPTION_ENTRIES = Object.entries(TYPE_OPTIONS);
/** Default sandbox timeout for code cases, in seconds. */
const DEFAULT_CODE_TIMEOUT_S = 10;
/**
 * Checks the type-specific rules of one schema-valid case and builds the typed `Case`. Returns the
 * errors instead of throwing, so that a suite file reports all of its problems in one run.
 *
 * Each case is built as one object literal with all its fields, not spread from a common base and
 * copied again. In a 20,000-case suite, V8 moved the spread intermediates straight to the old
 * generation (the allocation site looked long-lived), and they left about 20 MB of garbage there
 * before the first request (docs/benchmarks.md, "Where the memory goes").
 */
function toCase(raw, site) {
    const errors = [];
    const fail = (key, problem, fix) => {
        errors.push(new src_errors/* InputError */.dz({ file: site.file, line: site.lineOf(key) ?? site.line, field: site.field ? `${site.field}.${key}` : key, problem, fix }));
    };
    const type = raw.type;
    for (const [key, types] of TYPE_OPTION_ENTRIES) {
        if (raw[key] !== undefined && !types.includes(type)) {
            fail(key, `"${key}" applies to ${types.join(' and ')} cases, not ${type}`, `remove it, or change type to ${types[0]}`);
        }
    }
    const base = {
        id: String(raw.id),
        messages: buildMessages(raw, fail),
        tags: raw.tags.map(String),
        source: { file: site.file, line: site.line },
        index: site.index,
        samples: raw.samples,
    };
    const built = buildTyped(raw, base, fail);
    return errors.length > 0 ? { errors } : { case: built, errors };
}
function buildMessages(raw, fail) {
    if (raw.prompt !== undefined && raw.messages !== undefined) {
        fail('messages', 'a case has either "prompt" or "messages", not both', 'keep one of them');
        return [];
    }
    if (raw.prompt !== undefined)
        return [{ role: 'user', content: raw.prompt }];
    if (raw.messages === undefined) {
        fail('prompt', 'missing: the case has neither "prompt" nor "messages"', 'add prompt: "..." or a messages: list of {role, content} turns');
        return [];
    }
    if (raw.messages.at(-1)?.role !== 'user') {
        fail('messages', `the last message is ${(0,src_errors/* showValue */.vp)(raw.messages.at(-1)?.role)}, so there is nothing for the model to answer`, 'end the conversation with a user turn');
    }
    return raw.messages;
}
function buildTyped(raw, base, fail) {
    switch (raw.type) {
        case 'math':
            return buildMath(raw, base, fail);
        case 'qa':
            return buildQa(raw, base, fail);
        case 'summary':
            return buildSummary(raw, base, fail);
        default:
            return buildCode(raw, base, fail);
    }
}
function buildMath(raw, base, fail) {
    const compare = raw.compare ?? 'numeric';
    const expected = raw.expected;
    if (expected === undefined) {
        fail('expected', 'missing expected value: a math case needs the correct final number', 'add expected: 42');
    }
    else if (Array.isArray(expected)) {
        fail('expected', `a math case takes one expected number, got a list ${(0,src_errors/* showValue */.vp)(expected)}`, 'give a single number');
    }
    else if (compare === 'numeric' && !Number.isFinite(Number(String(expected).replace(/,/g, '')))) {
        fail('expected', `${(0,src_errors/* showValue */.vp)(expected)} is not a number`, 'write the number (e.g. 4, -2.5, 40000), or set compare: string');
    }
    const extract = parseExtract(raw.extract ?? 'last');
    if (typeof extract === 'string')
        fail('extract', extract, 'use first, last, boxed, or regex:<pattern> with a valid JavaScript regular expression');
    return {
        id: base.id,
        messages: base.messages,
        tags: base.tags,
        source: base.source,
        index: base.index,
        samples: base.samples,
        type: 'math',
        expected: expected === undefined || Array.isArray(expected) ? '' : String(expected),
        extract: typeof extract === 'string' ? FIXED_EXTRACTS.last : extract,
        tolerance: raw.tolerance ?? 0,
        compare,
    };
}
/** The extract modes without a pattern, shared by every case that uses them (cases never change them). */
const FIXED_EXTRACTS = { first: { kind: 'first' }, last: { kind: 'last' }, boxed: { kind: 'boxed' } };
/** Parses `first | last | boxed | regex:<pattern>`; returns a problem description when invalid. */
function parseExtract(text) {
    if (text === 'first' || text === 'last' || text === 'boxed')
        return FIXED_EXTRACTS[text];
    if (text.startsWith('regex:')) {
        const pattern = text.slice('regex:'.length);
        const problem = regexProblem(pattern);
        return problem ? `invalid regular expression ${(0,src_errors/* showValue */.vp)(pattern)}: ${problem}` : { kind: 'regex', pattern };
    }
    return `unknown extract mode ${(0,src_errors/* showValue */.vp)(text)}`;
}
/** Returns why `pattern` (plain, or `/body/flags`) is not a valid JavaScript regular expression. */
function regexProblem(pattern) {
    const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
    try {
        new RegExp(literal ? literal[1] : pattern, literal ? literal[2] : undefined);
        return undefined;
    }
    catch (error) {
        return error.message;
    }
}
function buildQa(raw, base, fail) {
    const match = raw.match ?? 'exact';
    const expected = raw.expected === undefined ? [] : (Array.isArray(raw.expected) ? raw.expected : [raw.expected]).map(String);
    if (expected.length === 0)
        fail('expected', 'missing expected value: a qa case needs the correct answer', 'add expected: Paris (or a list of accepted answers)');
    if (expected.some((answer) => answer.trim() === ''))
        fail('expected', 'an accepted answer is blank, which no answer can match', 'remove the blank entry');
    if (match === 'regex') {
        for (const pattern of expected) {
            const problem = regexProblem(pattern);
            if (problem)
                fail('expected', `invalid regular expression ${(0,src_errors/* showValue */.vp)(pattern)}: ${problem}`, 'fix the pattern, or use match: exact');
        }
    }
    return { id: base.id, messages: base.messages, tags: base.tags, source: base.source, index: base.index, samples: base.samples, type: 'qa', expected, match };
}
function buildSummary(raw, base, fail) {
    const mustInclude = (raw.must_include ?? []).map(String);
    if (mustInclude.length === 0 && raw.max_chars === undefined && raw.min_chars === undefined) {
        fail('must_include', 'a summary case needs something to check', 'add must_include: [keywords] and/or max_chars: N');
    }
    if (mustInclude.some((keyword) => keyword.trim() === ''))
        fail('must_include', 'a keyword is blank, so it would always count as present', 'remove the blank keyword');
    if (raw.min_chars !== undefined && raw.max_chars !== undefined && raw.min_chars > raw.max_chars) {
        fail('min_chars', `min_chars ${raw.min_chars} is above max_chars ${raw.max_chars}`, 'lower min_chars or raise max_chars');
    }
    return {
        id: base.id,
        messages: base.messages,
        tags: base.tags,
        source: base.source,
        index: base.index,
        samples: base.samples,
        type: 'summary',
        mustInclude,
        maxChars: raw.max_chars,
        minChars: raw.min_chars,
    };
}
function buildCode(raw, base, fail) {
    if (raw.language === undefined)
        fail('language', 'missing: a code case needs the language its answer is written in', 'add language: python (or javascript)');
    if (raw.tests === undefined)
        fail('tests', 'missing: a code case needs tests to run against the answer', 'add tests: | with assertions that import from the solution module');
    return {
        id: base.id,
        messages: base.messages,
        tags: base.tags,
        source: base.source,
        index: base.index,
        samples: base.samples,
        type: 'code',
        language: raw.language ?? 'python',
        tests: raw.tests ?? '',
        entryPoint: raw.entry_point,
        timeoutS: raw.timeout_s ?? DEFAULT_CODE_TIMEOUT_S,
    };
}

;// CONCATENATED MODULE: ./src/suite/datasets.ts







/** Instruction put before a HumanEval problem's code when it is sent to a chat model. */
const HUMANEVAL_INSTRUCTION = 'Complete the following Python function. Answer with the complete function in one ```python code block.';
/**
 * Reads a JSONL data set in one of the known formats into cases, one line at a time: only the
 * cases stay in memory, not the file's text or its parsed lines. With `limit`, reading stops after
 * that many lines that are JSON objects.
 */
async function readDataset(entry, configDir) {
    const file = external_node_path_default().resolve(configDir, entry.path);
    const shown = (0,files/* displayPath */.G)(file);
    const read = entry.format === 'gsm8k' ? gsm8k(entry, shown) : entry.format === 'humaneval' ? humaneval(entry, shown) : generic(entry, shown);
    const cases = [];
    const errors = [];
    let objects = 0;
    try {
        await forEachJsonlLine(file, shown, (line) => {
            if (entry.limit !== undefined && objects >= entry.limit)
                return false;
            if ('error' in line) {
                errors.push(line.error);
                return true;
            }
            objects++;
            const result = read(line);
            errors.push(...result.errors);
            if (result.case)
                cases.push(result.case);
            return true;
        });
    }
    catch (error) {
        if (!(error instanceof src_errors/* InputError */.dz))
            throw error;
        errors.push(error);
    }
    // A file with no JSON object at all (missing, or not JSONL) is reported at the config's suite entry.
    if (objects === 0 && errors.length > 0) {
        return { cases: [], errors: errors.map((error) => (error.line ? error : new src_errors/* InputError */.dz({ ...entry.source, field: 'suite.path', problem: `${shown}: ${error.problem}`, fix: error.fix }))) };
    }
    return { cases, errors };
}
function idFor(entry, id) {
    return `${entry.idPrefix ?? ''}${id}`;
}
/**
 * GSM8K: `question` is the prompt; the expected value is the text after `#### ` in `answer` with
 * commas dropped (the data set authors' rule). Cases are named by their 0-based line.
 */
function gsm8k(entry, file) {
    return validated(entry, file, (value, line) => {
        const question = value['question'];
        const answer = value['answer'];
        if (typeof question !== 'string' || typeof answer !== 'string') {
            return 'expected string fields "question" and "answer" (GSM8K format)';
        }
        const final = /####\s*(.+?)\s*$/.exec(answer);
        if (!final)
            return `the answer has no final "#### N" line: ${(0,src_errors/* showValue */.vp)(answer.slice(-60))}`;
        return { id: idFor(entry, String(line.index)), type: 'math', prompt: question, expected: final[1].replace(/,/g, '') };
    });
}
/**
 * HumanEval: the problem's `prompt` (a signature and docstring) is sent after an instruction; the
 * program that runs is prompt + completion + test + `check(entry_point)`.
 */
function humaneval(entry, file) {
    const timeoutS = typeof entry.defaults['timeout_s'] === 'number' ? entry.defaults['timeout_s'] : DEFAULT_CODE_TIMEOUT_S;
    const tags = tagsFrom(entry);
    return (line) => {
        const { task_id: taskId, prompt, test, entry_point: entryPoint } = line.value;
        if (typeof taskId !== 'string' || typeof prompt !== 'string' || typeof test !== 'string' || typeof entryPoint !== 'string') {
            return { errors: [new src_errors/* InputError */.dz({ file, line: line.line, problem: 'expected string fields "task_id", "prompt", "test" and "entry_point" (HumanEval format)', fix: 'use the HumanEval JSONL format, or format: jsonl with a field mapping' })] };
        }
        const kase = {
            id: idFor(entry, taskId),
            type: 'code',
            messages: [{ role: 'user', content: `${HUMANEVAL_INSTRUCTION}\n\n\`\`\`python\n${prompt}\`\`\`` }],
            tags,
            source: { file, line: line.line },
            index: line.index,
            language: 'python',
            codePrefix: prompt,
            tests: test,
            entryPoint,
            timeoutS,
        };
        return { case: kase, errors: [] };
    };
}
/**
 * Generic JSONL: with `prompt_field`, each line is mapped (`prompt_field`, `expected_field`,
 * `id_field`, the entry's `type` and `defaults`); without it, each line is a case in the suite format.
 */
function generic(entry, file) {
    return validated(entry, file, (value, line) => {
        if (entry.promptField === undefined) {
            // The line's object was parsed for this case alone, so it is completed in place.
            value['id'] ??= idFor(entry, String(line.index));
            return value;
        }
        const prompt = fieldValue(value, entry.promptField);
        if (typeof prompt !== 'string')
            return `field "${entry.promptField}" (prompt_field) is ${(0,src_errors/* showValue */.vp)(prompt)}, expected a string`;
        const mapped = { type: entry.type, prompt };
        if (entry.expectedField !== undefined)
            mapped['expected'] = fieldValue(value, entry.expectedField);
        const id = entry.idField === undefined ? String(line.index) : fieldValue(value, entry.idField);
        mapped['id'] = typeof id === 'string' || typeof id === 'number' ? idFor(entry, String(id)) : id;
        return mapped;
    });
}
/** Reads `a.b.c` from nested objects. */
function fieldValue(value, field) {
    let current = value;
    for (const part of field.split('.')) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[part];
    }
    return current;
}
function tagsFrom(entry) {
    const tags = entry.defaults['tags'];
    return Array.isArray(tags) ? tags.map(String) : [];
}
/**
 * Maps each line to a suite case, merges it over the entry's defaults and validates it. A line's
 * object is merged into a new one only when the entry has defaults: the copies of a 20,000-line data
 * set left about 3 MB of garbage in the old generation (docs/benchmarks.md, "Where the memory goes").
 */
function validated(entry, file, map) {
    const hasDefaults = Object.keys(entry.defaults).length > 0;
    return (line) => {
        const mapped = map(line.value, line);
        if (typeof mapped === 'string') {
            return { errors: [new src_errors/* InputError */.dz({ file, line: line.line, problem: mapped, fix: `check the line against the ${entry.format} format` })] };
        }
        const merged = hasDefaults ? { ...entry.defaults, ...mapped } : mapped;
        const parsed = rawCaseSchema.safeParse(merged);
        const site = { file, line: line.line, field: '', index: line.index, lineOf: () => line.line };
        if (!parsed.success)
            return { errors: issuesToErrors(site, merged, parsed.error.issues, { knownKeys: () => CASE_KEYS }) };
        return toCase(parsed.data, site);
    };
}

;// CONCATENATED MODULE: ./src/suite/yaml-cases.ts







const caseFileSchema = schemas/* strictObject */.rej({
    defaults: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).default({}),
    cases: schemas/* array */.YOg(schemas/* unknown */.L5J()).min(1),
});
/**
 * Reads a YAML suite file: a list of cases, or `{ defaults, cases }` where each case is merged over
 * the file's defaults (the case's own keys win; tags are combined).
 */
async function readYamlCases(file) {
    const shown = (0,files/* displayPath */.G)(file);
    const source = parseYaml(shown, await (0,promises_.readFile)(file, 'utf8'));
    const value = source.value;
    let items;
    let defaults = {};
    let prefix = [];
    if (Array.isArray(value)) {
        items = value;
    }
    else if (value !== null && typeof value === 'object') {
        const parsed = caseFileSchema.safeParse(value);
        if (!parsed.success) {
            return { cases: [], errors: issuesToErrors(source, value, parsed.error.issues, { knownKeys: () => ['defaults', 'cases'] }) };
        }
        items = parsed.data.cases;
        defaults = parsed.data.defaults;
        prefix = ['cases'];
    }
    else {
        const problem = `expected a list of cases or a mapping with "cases:", got ${(0,src_errors/* showValue */.vp)(value)}`;
        return { cases: [], errors: [new src_errors/* InputError */.dz({ file: shown, line: 1, problem, fix: 'write the cases as a YAML list: "- id: ..."' })] };
    }
    const cases = [];
    const errors = [];
    items.forEach((item, index) => {
        const path = [...prefix, index];
        const merged = mergeDefaults(defaults, item);
        const parsed = rawCaseSchema.safeParse(merged);
        if (!parsed.success) {
            const caseSource = { file: shown, lineOf: (fieldPath, options) => source.lineOf([...path, ...fieldPath], options) };
            errors.push(...issuesToErrors(caseSource, merged, parsed.error.issues, { fieldPrefix: formatField(path), knownKeys: () => CASE_KEYS }));
            return;
        }
        const site = {
            file: shown,
            line: source.lineOf(path) ?? 1,
            field: formatField(path),
            lineOf: (key) => source.lineOf([...path, key]),
        };
        const result = toCase(parsed.data, site);
        errors.push(...result.errors);
        if (result.case)
            cases.push(result.case);
    });
    return { cases, errors };
}
function mergeDefaults(defaults, item) {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
        return item;
    const merged = { ...defaults, ...item };
    const defaultTags = defaults['tags'];
    const ownTags = item['tags'];
    if (Array.isArray(defaultTags) && Array.isArray(ownTags))
        merged['tags'] = [...new Set([...defaultTags, ...ownTags])];
    return merged;
}
/** `cases[3]` for both file shapes, so that a field reads the same wherever the case list sits. */
function formatField(path) {
    return `cases[${String(path.at(-1))}]`;
}

;// CONCATENATED MODULE: ./src/suite/load.ts





/**
 * Loads every suite entry of the config into cases, in config order. All problems across all files
 * are collected and thrown together as InputErrors, so a user fixes a suite in one pass.
 */
async function loadSuite(config) {
    const cases = [];
    const errors = [];
    for (const entry of config.suite) {
        try {
            if (entry.kind === 'dataset') {
                const loaded = await readDataset(entry, config.dir);
                for (const kase of loaded.cases)
                    cases.push(kase);
                for (const error of loaded.errors)
                    errors.push(error);
                continue;
            }
            for (const file of await (0,files/* expandSuiteEntry */.t)(entry.pattern, config.dir, entry.source)) {
                const loaded = file.endsWith('.jsonl') ? await readCaseLines(file) : await readYamlCases(file);
                for (const kase of loaded.cases)
                    cases.push(kase);
                for (const error of loaded.errors)
                    errors.push(error);
            }
        }
        catch (error) {
            if (error instanceof src_errors/* InputError */.dz)
                errors.push(error);
            else if (error instanceof src_errors/* InputErrors */.G)
                for (const item of error.errors)
                    errors.push(item);
            else
                throw error;
        }
    }
    for (const error of duplicateIds(cases))
        errors.push(error);
    if (errors.length > 0)
        throw new src_errors/* InputErrors */.G(errors);
    if (cases.length === 0) {
        throw new src_errors/* InputError */.dz({ file: (0,files/* displayPath */.G)(config.file), field: 'suite', problem: 'the suite has no cases', fix: 'add cases to the suite files' });
    }
    return cases;
}
/** Reads a `.jsonl` file found through a folder or glob, which contains one suite-format case per line. */
function readCaseLines(file) {
    const entry = { kind: 'dataset', path: file, format: 'jsonl', defaults: {}, source: { file: (0,files/* displayPath */.G)(file), line: 1 } };
    return readDataset(entry, external_node_path_default().dirname(file));
}
function duplicateIds(cases) {
    const firstSeen = new Map();
    const errors = [];
    for (const kase of cases) {
        const first = firstSeen.get(kase.id);
        if (first) {
            errors.push(new src_errors/* InputError */.dz({
                ...kase.source,
                field: 'id',
                problem: `duplicate case id "${kase.id}" (first defined at ${first.source.file}:${first.source.line})`,
                fix: 'give every case a unique id; for data sets, set id_prefix on the suite entry',
            }));
        }
        else {
            firstSeen.set(kase.id, kase);
        }
    }
    return errors;
}

;// CONCATENATED MODULE: ./src/stats/random.ts
/**
 * Seeded pseudo-random numbers for resampling, so that the same inputs and seed always give the same
 * bootstrap result on every machine and Node version.
 */
/** Weyl-sequence increment of mulberry32, the 32-bit generator published at https://stackoverflow.com/a/47593316. */
const MULBERRY32_INCREMENT = 0x6d2b79f5;
const TWO_TO_THE_32 = 4294967296;
// Bound once because the bootstrap calls them tens of millions of times, and inside a vm context,
// where Jest runs tests, every lookup of the global `Math` made that loop about 20 times slower.
const { floor, imul } = Math;
/**
 * Creates a mulberry32 generator: a 32-bit state advanced by a Weyl sequence (add 0x6D2B79F5),
 * mixed by xor-shifts and 32-bit multiplications (`Math.imul`), and divided by 2^32 into [0, 1).
 * Its period is 2^32. It uses only integer operations with defined 32-bit wrap-around and an exact
 * division, so the sequence is the same on every JavaScript engine. The seed is taken modulo 2^32.
 */
function createMulberry32(seed) {
    if (!Number.isInteger(seed)) {
        throw new RangeError(`Random seed must be an integer, got ${seed}. Pass a whole number such as 42.`);
    }
    let state = seed | 0;
    return () => {
        state = (state + MULBERRY32_INCREMENT) | 0;
        let mixed = imul(state ^ (state >>> 15), 1 | state);
        mixed = (mixed + imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
        return ((mixed ^ (mixed >>> 14)) >>> 0) / TWO_TO_THE_32;
    };
}
/**
 * Draws an integer in [0, size) from `random`. `floor(u × size)` with a 32-bit `u` is biased by at
 * most size / 2^32 between values, below 5e-6 for the 20,000 rows a large suite has.
 */
function randomIndex(random, size) {
    return floor(random() * size);
}

;// CONCATENATED MODULE: ./src/stats/bootstrap.ts


const DEFAULT_BOOTSTRAP_ITERATIONS = 10_000;
const DEFAULT_BOOTSTRAP_SEED = 42;
/**
 * Runs a paired bootstrap of the mean difference head − base. Each iteration draws n pair indices
 * with replacement, using a mulberry32 generator seeded with `seed`, and takes the mean of the
 * drawn differences d*.
 *
 * The interval is the equal-tailed percentile interval: the (1 − confidence) / 2 and
 * (1 + confidence) / 2 quantiles of the d* values, by linear interpolation.
 *
 * The p-value inverts that interval, as the percentile bootstrap test of the R package wBoot 1.0.3
 * (`boot.paired.per`) does: with B iterations,
 *   p₀ = (#{d* > 0} + (#{d* = 0} + 1) / 2) / (B + 1),  p = min(1, 2 × min(p₀, 1 − p₀)).
 * The observed sample counts as one more resample, split half to each side, so p is never 0. Its
 * minimum is 1 / (B + 1).
 *
 * The same inputs and options always give the same result. Throws a RangeError when the arrays
 * are empty, differ in length or contain a value that is not finite, or an option is out of range.
 */
function pairedBootstrap(baseScores, headScores, options = {}) {
    const iterations = options.iterations ?? DEFAULT_BOOTSTRAP_ITERATIONS;
    const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
    const confidence = options.confidence ?? 0.95;
    validateOptions(iterations, confidence);
    const differences = pairDifferences(baseScores, headScores);
    const resampledMeans = resampleMeans(differences, iterations, seed);
    resampledMeans.sort();
    const sortedMeans = Array.from(resampledMeans);
    const tailArea = (1 - confidence) / 2;
    return {
        delta: (0,simple_statistics/* mean */.RE)(Array.from(differences)),
        low: (0,simple_statistics/* quantileSorted */.Z4)(sortedMeans, tailArea),
        high: (0,simple_statistics/* quantileSorted */.Z4)(sortedMeans, 1 - tailArea),
        p_value: percentileTestPValue(sortedMeans),
    };
}
function validateOptions(iterations, confidence) {
    if (!Number.isInteger(iterations) || iterations < 1) {
        throw new RangeError(`Bootstrap iterations must be a positive integer, got ${iterations}. The default is ${DEFAULT_BOOTSTRAP_ITERATIONS}.`);
    }
    if (!(confidence > 0 && confidence < 1)) {
        throw new RangeError(`Bootstrap confidence must be strictly between 0 and 1, got ${confidence}. Pass 0.95 for a 95% interval.`);
    }
}
/** Returns head − base per pair, after checking that both arrays are non-empty, equally long and finite. */
function pairDifferences(baseScores, headScores) {
    if (baseScores.length !== headScores.length) {
        throw new RangeError(`Paired bootstrap needs one base score per head score, got ${baseScores.length} base and ${headScores.length} head scores.`);
    }
    if (baseScores.length === 0) {
        throw new RangeError('Paired bootstrap needs at least one pair of scores, got none.');
    }
    const differences = new Float64Array(baseScores.length);
    for (let index = 0; index < baseScores.length; index += 1) {
        const difference = headScores[index] - baseScores[index];
        if (!Number.isFinite(difference)) {
            throw new RangeError(`Score pair at index ${index} is (${baseScores[index]}, ${headScores[index]}); both scores must be finite numbers.`);
        }
        differences[index] = difference;
    }
    return differences;
}
/** Returns the mean of each of `iterations` resamples drawn with replacement from `differences`. */
function resampleMeans(differences, iterations, seed) {
    const random = createMulberry32(seed);
    const size = differences.length;
    const means = new Float64Array(iterations);
    for (let iteration = 0; iteration < iterations; iteration += 1) {
        let sum = 0;
        for (let draw = 0; draw < size; draw += 1) {
            sum += differences[randomIndex(random, size)];
        }
        means[iteration] = sum / size;
    }
    return means;
}
function percentileTestPValue(sortedMeans) {
    let above = 0;
    let below = 0;
    for (const value of sortedMeans) {
        if (value > 0) {
            above += 1;
        }
        else if (value < 0) {
            below += 1;
        }
    }
    const observedAndTies = (sortedMeans.length - above - below + 1) / 2;
    const shares = sortedMeans.length + 1;
    const upperShare = (above + observedAndTies) / shares;
    const lowerShare = (below + observedAndTies) / shares;
    return Math.min(1, 2 * Math.min(upperShare, lowerShare));
}

;// CONCATENATED MODULE: ./src/baseline/latency-cost.ts

/** Returns base, head and head − base; the change is null when either side is null. */
function valueChange(base, head) {
    return { base, head, delta: base === null || head === null ? null : head - base };
}
/** Returns the 95th percentile of the rows' latencies in milliseconds, or null when no row has one. */
function latencyP95(rows) {
    const latencies = [];
    for (const row of rows) {
        if (row.latency_ms !== null && row.latency_ms !== undefined) {
            latencies.push(row.latency_ms);
        }
    }
    return percentile(latencies, 95);
}
/** Returns the rows' total cost in US dollars, or null when no row has a cost. */
function totalCost(rows) {
    let total = null;
    for (const row of rows) {
        if (row.cost_usd !== null && row.cost_usd !== undefined) {
            total = (total ?? 0) + row.cost_usd;
        }
    }
    return total;
}
/** Returns a model's latency p95 from its summary when the run has one, else from its rows. */
function modelLatencyP95(summary, rows) {
    return summary === undefined ? latencyP95(rows) : summary.latency_ms.p95;
}
/** Returns a model's total cost from its summary when the run has one, else from its rows. */
function modelCost(summary, rows) {
    return summary === undefined ? totalCost(rows) : summary.cost_usd;
}

;// CONCATENATED MODULE: ./src/stats/normal.ts
/**
 * Quantiles of the standard normal distribution. simple-statistics 7 `probit` uses a closed-form
 * approximation of the inverse error function that gives 1.95716 for the 97.5 % point instead of
 * 1.95996, so intervals use Wichura's algorithm AS 241 here.
 */
const SPLIT_CENTRAL = 0.425;
const SPLIT_TAIL = 5;
const CENTRAL_OFFSET = 0.180625;
const TAIL_OFFSET = 1.6;
// Coefficients of PPND16 in Wichura, M. J. (1988), "Algorithm AS 241: The percentage points of the
// normal distribution", Applied Statistics 37(3), 477–484. Highest-degree coefficient first.
const CENTRAL_NUMERATOR = [
    2.5090809287301226727e3, 3.3430575583588128105e4, 6.7265770927008700853e4, 4.5921953931549871457e4,
    1.3731693765509461125e4, 1.9715909503065514427e3, 1.3314166789178437745e2, 3.387132872796366608,
];
const CENTRAL_DENOMINATOR = [
    5.226495278852854561e3, 2.8729085735721942674e4, 3.930789580009271061e4, 2.1213794301586595867e4,
    5.3941960214247511077e3, 6.871870074920579083e2, 4.2313330701600911252e1, 1,
];
const INTERMEDIATE_NUMERATOR = [
    7.7454501427834140764e-4, 2.27238449892691845833e-2, 2.4178072517745061177e-1, 1.27045825245236838258,
    3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734,
];
const INTERMEDIATE_DENOMINATOR = [
    1.05075007164441684324e-9, 5.475938084995344946e-4, 1.51986665636164571966e-2, 1.4810397642748007459e-1,
    6.8976733498510000455e-1, 1.6763848301838038494, 2.05319162663775882187, 1,
];
const FAR_TAIL_NUMERATOR = [
    2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.2426609473880784386e-3, 2.6532189526576123093e-2,
    2.9656057182850489123e-1, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772,
];
const FAR_TAIL_DENOMINATOR = [
    2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
    1.48753612908506148525e-2, 1.3692988092273580531e-1, 5.9983220655588793769e-1, 1,
];
/**
 * Computes the standard normal quantile Φ⁻¹(p) for p in (0, 1) with AS 241 PPND16, whose relative
 * error is about 1e-16. Throws a RangeError for p outside (0, 1).
 */
function inverseNormalCdf(p) {
    if (!(p > 0 && p < 1)) {
        throw new RangeError(`Normal quantile needs a probability strictly between 0 and 1, got ${p}.`);
    }
    const q = p - 0.5;
    if (Math.abs(q) <= SPLIT_CENTRAL) {
        const r = CENTRAL_OFFSET - q * q;
        return (q * evaluatePolynomial(CENTRAL_NUMERATOR, r)) / evaluatePolynomial(CENTRAL_DENOMINATOR, r);
    }
    const tailArea = q < 0 ? p : 1 - p;
    const r = Math.sqrt(-Math.log(tailArea));
    const magnitude = r <= SPLIT_TAIL
        ? evaluatePolynomial(INTERMEDIATE_NUMERATOR, r - TAIL_OFFSET) / evaluatePolynomial(INTERMEDIATE_DENOMINATOR, r - TAIL_OFFSET)
        : evaluatePolynomial(FAR_TAIL_NUMERATOR, r - SPLIT_TAIL) / evaluatePolynomial(FAR_TAIL_DENOMINATOR, r - SPLIT_TAIL);
    return q < 0 ? -magnitude : magnitude;
}
/**
 * Returns the two-sided critical value z for a confidence level, Φ⁻¹(1 − (1 − confidence) / 2):
 * 1.959964 for 0.95. Throws a RangeError for a confidence outside (0, 1).
 */
function zForConfidence(confidence) {
    if (!(confidence > 0 && confidence < 1)) {
        throw new RangeError(`Confidence must be strictly between 0 and 1, got ${confidence}. Pass 0.95 for a 95% interval.`);
    }
    return inverseNormalCdf(1 - (1 - confidence) / 2);
}
/** Evaluates a polynomial by Horner's rule; `coefficients` start with the highest degree. */
function evaluatePolynomial(coefficients, x) {
    let value = 0;
    for (const coefficient of coefficients) {
        value = value * x + coefficient;
    }
    return value;
}

;// CONCATENATED MODULE: ./src/stats/wilson.ts


/**
 * Computes the Wilson score interval for a binomial proportion (Wilson, E. B. (1927), JASA 22,
 * 209–212): with p̂ = passed / total and z the two-sided critical value,
 *   centre = (p̂ + z² / 2n) / (1 + z² / n),
 *   half-width = z / (1 + z² / n) × √(p̂(1 − p̂) / n + z² / 4n²).
 * The bounds are exactly 0 when passed = 0 and exactly 1 when passed = total.
 * Returns null when total is 0. Throws a RangeError for counts that are not integers with
 * 0 ≤ passed ≤ total.
 */
function wilsonInterval(passed, total, confidence = 0.95) {
    validateCount('total', total);
    validateCount('passed', passed);
    if (passed > total) {
        throw new RangeError(`passed (${passed}) is larger than total (${total}).`);
    }
    if (total === 0) {
        return null;
    }
    const z = zForConfidence(confidence);
    const zSquared = z * z;
    const proportion = passed / total;
    const scale = 1 + zSquared / total;
    const centre = (proportion + zSquared / (2 * total)) / scale;
    const halfWidth = (z / scale) * Math.sqrt((proportion * (1 - proportion)) / total + zSquared / (4 * total * total));
    return {
        low: passed === 0 ? 0 : Math.max(0, centre - halfWidth),
        high: passed === total ? 1 : Math.min(1, centre + halfWidth),
    };
}

;// CONCATENATED MODULE: ./src/stats/delta-interval.ts


/**
 * Computes a confidence interval for the pass-rate difference head − base by Newcombe's
 * square-and-add method, which combines the Wilson intervals (l, u) of the two rates:
 *   low  = δ − √((p_h − l_h)² + (u_b − p_b)² − 2ψ (p_h − l_h)(u_b − p_b)),
 *   high = δ + √((u_h − p_h)² + (p_b − l_b)² − 2ψ (u_h − p_h)(p_b − l_b)).
 *
 * Without `paired`, the rates come from independent samples and ψ = 0: Newcombe, R. G. (1998),
 * "Interval estimation for the difference between independent proportions: comparison of eleven
 * methods", Statistics in Medicine 17, 873–890, method 10.
 *
 * With `paired`, both rates come from the same n pairs and ψ estimates their correlation from
 * the 2 × 2 table with cells a (both pass), b, c, d (both fail): with A = ad − bc,
 * ψ = (A − n/2) / √(row and column totals multiplied) when A > n/2, 0 when 0 ≤ A ≤ n/2, and
 * A / √(...) when A < 0, and ψ = 0 when a total is 0. This is the square-and-add interval of
 * Newcombe, R. G. (1998), "Improved confidence intervals for the difference between binomial
 * proportions based on paired data", Statistics in Medicine 17, 2635–2650, as given in chapter 8
 * of Fagerland, Lydersen and Laake (2017), Statistical Analysis of Contingency Tables, and in
 * their R package contingencytables (`Newcombe_square_and_add_CI_paired_2x2`).
 *
 * The bounds are clamped to [−1, 1]. Returns null when either total is 0. Throws a RangeError
 * when counts are not non-negative integers or the paired table does not match the totals.
 */
function deltaInterval(basePassed, baseTotal, headPassed, headTotal, paired, confidence = 0.95) {
    const baseInterval = wilsonInterval(basePassed, baseTotal, confidence);
    const headInterval = wilsonInterval(headPassed, headTotal, confidence);
    if (baseInterval === null || headInterval === null) {
        return null;
    }
    const correlation = paired === undefined ? 0 : pairedCorrelation(basePassed, headPassed, paired, baseTotal, headTotal);
    const baseRate = basePassed / baseTotal;
    const headRate = headPassed / headTotal;
    const delta = headRate - baseRate;
    const headBelow = headRate - headInterval.low;
    const headAbove = headInterval.high - headRate;
    const baseBelow = baseRate - baseInterval.low;
    const baseAbove = baseInterval.high - baseRate;
    const lowerDistance = Math.sqrt(Math.max(0, headBelow ** 2 + baseAbove ** 2 - 2 * correlation * headBelow * baseAbove));
    const upperDistance = Math.sqrt(Math.max(0, headAbove ** 2 + baseBelow ** 2 - 2 * correlation * headAbove * baseBelow));
    return {
        low: Math.max(-1, delta - lowerDistance),
        high: Math.min(1, delta + upperDistance),
    };
}
/** Returns Newcombe's corrected ψ for the paired table, after checking it against the totals. */
function pairedCorrelation(basePassed, headPassed, paired, baseTotal, headTotal) {
    const { b, c, n } = paired;
    validateCount('paired.b', b);
    validateCount('paired.c', c);
    validateCount('paired.n', n);
    if (baseTotal !== n || headTotal !== n) {
        throw new RangeError(`Paired counts need baseTotal = headTotal = n, got baseTotal ${baseTotal}, headTotal ${headTotal}, n ${n}.`);
    }
    const bothPass = basePassed - b;
    if (bothPass < 0 || bothPass !== headPassed - c) {
        throw new RangeError(`Paired counts do not fit the pass counts: basePassed − b (${basePassed} − ${b}) and headPassed − c (${headPassed} − ${c}) must be the same non-negative number of pairs that pass on both sides.`);
    }
    const bothFail = n - bothPass - b - c;
    if (bothFail < 0) {
        throw new RangeError(`Paired counts add up to more than n: both-pass ${bothPass} + b ${b} + c ${c} > n ${n}.`);
    }
    const headFailed = n - headPassed;
    const baseFailed = n - basePassed;
    if (headPassed === 0 || headFailed === 0 || basePassed === 0 || baseFailed === 0) {
        return 0;
    }
    const crossProduct = bothPass * bothFail - b * c;
    const scale = Math.sqrt(headPassed * headFailed * basePassed * baseFailed);
    if (crossProduct > n / 2) {
        return (crossProduct - n / 2) / scale;
    }
    if (crossProduct >= 0) {
        return 0;
    }
    return crossProduct / scale;
}

;// CONCATENATED MODULE: ./src/stats/mcnemar.ts

/**
 * Maximum number of discordant pairs summed with exact BigInt arithmetic. That sum took about 30 ms
 * for 20,000 pairs on Node 20 and grows with the square of the count, so larger counts are summed
 * in log space.
 */
const EXACT_DISCORDANT_LIMIT = 20_000;
/**
 * Computes the exact McNemar test, the two-sided sign test on the discordant pairs that Fagerland,
 * Lydersen and Laake (2013, BMC Medical Research Methodology 13:91) call the McNemar exact
 * conditional test. With b = newly failing, c = newly passing and X ~ Binomial(b + c, 1/2),
 *   p = min(1, 2 × P(X ≤ min(b, c))),
 * and p = 1 when b + c = 0.
 * Up to EXACT_DISCORDANT_LIMIT discordant pairs the tail is an exact integer sum converted to a
 * double, so p is within 1e-15 relative of the exact rational value. Above the limit the relative
 * error is below 1e-9. Throws a RangeError for counts that are not non-negative integers.
 */
function mcnemarExact(newlyFailing, newlyPassing) {
    validateCount('newlyFailing', newlyFailing);
    validateCount('newlyPassing', newlyPassing);
    const trials = newlyFailing + newlyPassing;
    if (trials === 0) {
        return 1;
    }
    const successes = Math.min(newlyFailing, newlyPassing);
    const tail = trials <= EXACT_DISCORDANT_LIMIT ? binomialHalfLowerTailExact(trials, successes) : binomialHalfLowerTailLog(trials, successes);
    return Math.min(1, 2 * tail);
}
/** Computes P(X ≤ k) for X ~ Binomial(n, 1/2) as Σ_{i ≤ k} C(n, i) / 2^n with BigInt integers. */
function binomialHalfLowerTailExact(n, k) {
    const trials = BigInt(n);
    let coefficient = 1n;
    let sum = 1n;
    for (let i = 0n; i < BigInt(k); i += 1n) {
        coefficient = (coefficient * (trials - i)) / (i + 1n);
        sum += coefficient;
    }
    return divideByPowerOfTwo(sum, n);
}
/**
 * Computes P(X ≤ k) for X ~ Binomial(n, 1/2) in log space: log C(n, i) is accumulated with
 * Neumaier's compensated summation, and the terms are summed relative to the largest one, the
 * last, so no term underflows before it matters. Requires k ≤ n / 2.
 */
function binomialHalfLowerTailLog(n, k) {
    const logTerms = new Float64Array(k + 1);
    let logCoefficient = 0;
    let compensation = 0;
    for (let i = 0; i < k; i += 1) {
        const step = Math.log(n - i) - Math.log(i + 1);
        const total = logCoefficient + step;
        compensation += Math.abs(logCoefficient) >= Math.abs(step) ? logCoefficient - total + step : step - total + logCoefficient;
        logCoefficient = total;
        logTerms[i + 1] = logCoefficient + compensation;
    }
    const logLargest = logTerms[k];
    let relativeSum = 0;
    for (let i = k; i >= 0; i -= 1) {
        relativeSum += Math.exp(logTerms[i] - logLargest);
    }
    return Math.exp(logLargest - n * Math.LN2 + Math.log(relativeSum));
}
/** Returns numerator / 2^exponent rounded to a double, for numerators of any size. */
function divideByPowerOfTwo(numerator, exponent) {
    const bitLength = numerator.toString(2).length;
    const shift = Math.max(0, bitLength - 64);
    const leadingBits = Number(numerator >> BigInt(shift));
    return leadingBits * 2 ** (shift - exponent);
}

;// CONCATENATED MODULE: ./src/baseline/format.ts
// Number formats of the one-line reasons that explain a verdict.
const MINUS_SIGN = '\u2212';
/** Formats a rate or a difference with 3 decimals, dropping one trailing zero: 0.5 → "0.50", 0.625 → "0.625". */
function formatRate(value) {
    const fixed = Math.abs(value).toFixed(3);
    const trimmed = fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
    return value < 0 && Number(trimmed) !== 0 ? `${MINUS_SIGN}${trimmed}` : trimmed;
}
/** Formats a difference with its sign: "+0.10", "−0.14", and "0.00" for no change. */
function formatSigned(value) {
    const text = formatRate(value);
    return value > 0 && Number(text) !== 0 ? `+${text}` : text;
}
/** Formats a p-value with 4 decimals, or in exponent form below 0.0001: "0.0020", "2.0e-6". */
function format_formatPValue(p) {
    return p >= 0.0001 ? p.toFixed(4) : p.toExponential(1);
}

;// CONCATENATED MODULE: ./src/baseline/verdict.ts

/**
 * Decides the verdict on a pass-rate change `delta` (head − base) with exact McNemar p-value `pValue`:
 * - `regression`: the drop exceeds `maxDrop` and p < alpha; this fails the gate.
 * - `warning`: the drop exceeds `maxDrop` but p ≥ alpha, so the drop may be noise from too few
 *   cases; or p < alpha but the drop is within `maxDrop`. A real drop within the tolerance still
 *   gets a warning because several of them in a row add up to more than `maxDrop`.
 * - `improvement`: the pass rate rose and p < alpha.
 * - `pass`: anything else.
 * A drop equal to `maxDrop` does not exceed it.
 */
function decideVerdict(delta, pValue, maxDrop, alpha) {
    const drop = -delta;
    const significant = pValue < alpha;
    const pText = `p = ${format_formatPValue(pValue)} ${significant ? '<' : '≥'} ${alpha}`;
    const dropText = `drop ${formatRate(drop)} ${drop > maxDrop ? '>' : '≤'} max_drop ${maxDrop}`;
    if (drop > maxDrop && significant) {
        return { verdict: 'regression', explanation: `${pText} and ${dropText}` };
    }
    if (drop > maxDrop) {
        return { verdict: 'warning', explanation: `${dropText} but ${pText}, not significant` };
    }
    if (drop > 0 && significant) {
        return { verdict: 'warning', explanation: `${pText} but ${dropText}` };
    }
    if (delta > 0 && significant) {
        return { verdict: 'improvement', explanation: `${pText} and rise ${formatRate(delta)}` };
    }
    if (drop > 0) {
        return { verdict: 'pass', explanation: `${dropText} and ${pText}` };
    }
    return { verdict: 'pass', explanation: pText };
}

;// CONCATENATED MODULE: ./src/baseline/paired-comparison.ts







/** Coverage of every interval in a baseline comparison. */
const COMPARISON_CONFIDENCE = 0.95;
/**
 * Largest number of resampled rows (iterations × pairs) one score bootstrap draws. Node 20 drew
 * about 1.7 × 10^8 rows a second on a 2-core development VM, so this keeps one bootstrap near
 * 0.12 s there: 20,000 pairs get 1,000 iterations instead of 10,000.
 */
const MAX_BOOTSTRAP_DRAWS = 20_000_000;
/** Minimum iterations of a reduced bootstrap, so that its 95% percentile interval stays stable. */
const MIN_BOOTSTRAP_ITERATIONS = 1_000;
/**
 * Compares pass/fail and scores on error-free pairs: pass rates with Wilson intervals, their
 * difference with a paired Newcombe interval, the exact McNemar test on the discordant pairs, a
 * score bootstrap when scores are continuous, and the verdict. Without pairs the verdict is
 * `no-baseline`.
 */
function comparePairs(pairs, context, settings) {
    const newlyFailing = [];
    const newlyPassing = [];
    let basePassed = 0;
    let headPassed = 0;
    for (const { label, base, head } of pairs) {
        basePassed += base.pass ? 1 : 0;
        headPassed += head.pass ? 1 : 0;
        if (base.pass && !head.pass) {
            newlyFailing.push(label);
        }
        else if (!base.pass && head.pass) {
            newlyPassing.push(label);
        }
    }
    const common = {
        pairs: pairs.length,
        errored_pairs: context.erroredPairs,
        newly_failing: newlyFailing,
        newly_passing: newlyPassing,
        p_value: mcnemarExact(newlyFailing.length, newlyPassing.length),
        latency_p95_ms: context.latencyP95,
        cost_usd: context.cost,
    };
    if (pairs.length === 0) {
        return {
            ...common,
            pass_rate: null,
            pass_rate_ci: null,
            head_pass_rate: null,
            head_pass_rate_ci: null,
            delta: null,
            delta_ci: null,
            score_delta: null,
            verdict: 'no-baseline',
            reason: `no rows to compare: no case ran without error on both sides (${context.erroredPairs} pairs with errors)`,
        };
    }
    const total = pairs.length;
    const passRate = basePassed / total;
    const headPassRate = headPassed / total;
    const delta = (headPassed - basePassed) / total;
    const deltaCi = deltaInterval(basePassed, total, headPassed, total, { b: newlyFailing.length, c: newlyPassing.length, n: total }, COMPARISON_CONFIDENCE);
    const rule = decideVerdict(delta, common.p_value, settings.maxDrop, settings.alpha);
    const erroredText = context.erroredPairs > 0 ? `, ${context.erroredPairs} pairs with errors left out` : '';
    const intervalText = deltaCi === null ? '' : `, ${COMPARISON_CONFIDENCE * 100}% CI ${formatSigned(deltaCi.low)}…${formatSigned(deltaCi.high)}`;
    const reason = `pass rate ${formatRate(passRate)} → ${formatRate(headPassRate)} (${formatSigned(delta)}${intervalText}); ` +
        `${newlyFailing.length} newly failing, ${newlyPassing.length} newly passing${erroredText}; ` +
        `${rule.explanation}: ${rule.verdict}`;
    return {
        ...common,
        pass_rate: passRate,
        pass_rate_ci: wilsonInterval(basePassed, total, COMPARISON_CONFIDENCE),
        head_pass_rate: headPassRate,
        head_pass_rate_ci: wilsonInterval(headPassed, total, COMPARISON_CONFIDENCE),
        delta,
        delta_ci: deltaCi,
        score_delta: compareScores(pairs, settings),
        verdict: rule.verdict,
        reason,
    };
}
/**
 * Bootstraps the mean score difference when scores are continuous, that is when any paired score
 * lies strictly between 0 and 1; 0/1 scores repeat the pass/fail test, so they get null.
 */
function compareScores(pairs, settings) {
    const baseScores = pairs.map((pair) => pair.base.score);
    const headScores = pairs.map((pair) => pair.head.score);
    const continuous = [...baseScores, ...headScores].some((score) => score > 0 && score < 1);
    if (!continuous) {
        return null;
    }
    const iterations = bootstrapIterationsFor(pairs.length, settings.bootstrapIterations);
    const bootstrap = pairedBootstrap(baseScores, headScores, { iterations, seed: settings.seed, confidence: COMPARISON_CONFIDENCE });
    return {
        base_mean: (0,simple_statistics/* mean */.RE)(baseScores),
        head_mean: (0,simple_statistics/* mean */.RE)(headScores),
        delta: bootstrap.delta,
        low: bootstrap.low,
        high: bootstrap.high,
        p_value: bootstrap.p_value,
        iterations,
        seed: settings.seed,
    };
}
/** Caps iterations so that iterations × pairs ≤ MAX_BOOTSTRAP_DRAWS, keeping at least MIN_BOOTSTRAP_ITERATIONS. */
function bootstrapIterationsFor(pairs, requested) {
    const affordable = Math.floor(MAX_BOOTSTRAP_DRAWS / pairs);
    return Math.min(requested, Math.max(MIN_BOOTSTRAP_ITERATIONS, affordable));
}

;// CONCATENATED MODULE: ./src/baseline/pairing.ts

/**
 * Returns the label a case row has in reports: the case id, with `#<sample>` appended when the
 * sample number is above 0, so single-sample runs show plain ids.
 */
function caseLabel(row) {
    return row.sample > 0 ? `${row.id}#${row.sample}` : row.id;
}
/**
 * Groups a run's rows by model name, then by (case id, sample). Throws an InputError when a model
 * has two rows for the same case id and sample, which a well-formed results file never has.
 */
function groupRowsByModel(results, side) {
    const byModel = new Map();
    results.cases.forEach((row, index) => {
        let rows = byModel.get(row.model);
        if (rows === undefined) {
            rows = new Map();
            byModel.set(row.model, rows);
        }
        const key = pairing_rowKey(row);
        if (rows.has(key)) {
            throw new src_errors/* InputError */.dz({
                field: `${side} run: cases[${index}]`,
                problem: `second row for model ${JSON.stringify(row.model)}, case ${JSON.stringify(row.id)}, sample ${row.sample}`,
                fix: 'keep one row per model, case id and sample number; rerun the benchmark to regenerate the results file',
            });
        }
        rows.set(key, row);
    });
    return byModel;
}
/**
 * Pairs one model's rows by (case id, sample). Rows present on one side only become `added` or
 * `removed`. Pairs with an error on either side are kept apart in `errored`.
 */
function pairModelRows(baseRows, headRows) {
    const paired = { pairs: [], errored: [], added: [], removed: [] };
    for (const [key, head] of headRows) {
        const base = baseRows.get(key);
        if (base === undefined) {
            paired.added.push(caseLabel(head));
            continue;
        }
        const pair = { label: caseLabel(head), base, head };
        if (hasError(base) || hasError(head)) {
            paired.errored.push(pair);
        }
        else {
            paired.pairs.push(pair);
        }
    }
    for (const [key, base] of baseRows) {
        if (!headRows.has(key)) {
            paired.removed.push(caseLabel(base));
        }
    }
    return paired;
}
/** Tells whether a row records a failed call; a results file read from JSON may omit `error`. */
function hasError(row) {
    return row.error !== null && row.error !== undefined;
}
/** Map key of a row; the NUL separator keeps ids that contain `#` from colliding. */
function pairing_rowKey(row) {
    return `${row.id}\u0000${row.sample}`;
}

;// CONCATENATED MODULE: ./src/baseline/compare.ts




/**
 * Compares a head run with a baseline run, model by model and, within a model, case type by case
 * type.
 *
 * Rows are paired by (model name, case id, sample). Cases on one side only are listed as `added`
 * or `removed` and left out of the test. Pairs where either side has an `error` are counted in
 * `errored_pairs` and left out too, because a failed call means the provider was down or rejected
 * the request, not that the answer got worse, and errors have their own gate.
 *
 * The gate uses the model-level verdicts only: a model `regression` is a failure, a model
 * `warning` is a warning. Each case type adds a second test on part of the same rows, which would
 * raise the chance of a false alarm above alpha, so a type-level `regression` is reported as a
 * warning. A model with a single case type gets no type-level issues, because they would repeat
 * the model's. Models absent from the baseline run get `no-baseline` and no issue.
 *
 * Throws a RangeError for options out of range and an InputError when a run has two rows for the
 * same model, case id and sample.
 */
function compareRuns(base, head, options) {
    const settings = compare_validateOptions(options);
    const baseRows = groupRowsByModel(base, 'baseline');
    const headRows = groupRowsByModel(head, 'head');
    const baseSummaries = new Map(base.models.map((summary) => [summary.name, summary]));
    const headSummaries = new Map(head.models.map((summary) => [summary.name, summary]));
    const comparison = {
        passed: true,
        max_drop: settings.maxDrop,
        alpha: settings.alpha,
        models: {},
        removed_models: [...new Set([...baseSummaries.keys(), ...baseRows.keys()])].filter((name) => !headSummaries.has(name) && !headRows.has(name)),
        failures: [],
        warnings: [],
    };
    for (const name of modelNames(headSummaries, headRows)) {
        const headModelRows = headRows.get(name) ?? new Map();
        const inBaseline = baseSummaries.has(name) || baseRows.has(name);
        const model = inBaseline
            ? compareModel(baseRows.get(name) ?? new Map(), headModelRows, baseSummaries.get(name), headSummaries.get(name), settings)
            : noBaselineModel(name, headModelRows, headSummaries.get(name));
        comparison.models[name] = model;
        collectIssues(comparison, name, model);
    }
    comparison.passed = comparison.failures.length === 0;
    return comparison;
}
function compare_validateOptions(options) {
    const { maxDrop, alpha } = options;
    const bootstrapIterations = options.bootstrapIterations ?? DEFAULT_BOOTSTRAP_ITERATIONS;
    const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
    if (!(maxDrop >= 0 && maxDrop <= 1)) {
        throw new RangeError(`maxDrop must be a fraction between 0 and 1, got ${maxDrop}. Pass 0.05 to tolerate a drop of 5 percentage points.`);
    }
    if (!(alpha > 0 && alpha < 1)) {
        throw new RangeError(`alpha must be strictly between 0 and 1, got ${alpha}. Pass 0.05 for the usual significance level.`);
    }
    if (!Number.isInteger(bootstrapIterations) || bootstrapIterations < 1) {
        throw new RangeError(`bootstrapIterations must be a positive integer, got ${bootstrapIterations}. The default is ${DEFAULT_BOOTSTRAP_ITERATIONS}.`);
    }
    if (!Number.isInteger(seed)) {
        throw new RangeError(`seed must be an integer, got ${seed}. The default is ${DEFAULT_BOOTSTRAP_SEED}.`);
    }
    return { maxDrop, alpha, bootstrapIterations, seed };
}
/** Head model names: those with a summary in summary order, then those that only have rows. */
function modelNames(summaries, rows) {
    return [...new Set([...summaries.keys(), ...rows.keys()])];
}
function compareModel(baseRows, headRows, baseSummary, headSummary, settings) {
    const paired = pairModelRows(baseRows, headRows);
    const baseList = [...baseRows.values()];
    const headList = [...headRows.values()];
    const overall = comparePairs(paired.pairs, {
        erroredPairs: paired.errored.length,
        latencyP95: valueChange(modelLatencyP95(baseSummary, baseList), modelLatencyP95(headSummary, headList)),
        cost: valueChange(modelCost(baseSummary, baseList), modelCost(headSummary, headList)),
    }, settings);
    return {
        ...overall,
        added: paired.added,
        removed: paired.removed,
        by_type: compareTypes(paired.pairs, paired.errored, baseList, headList, settings),
    };
}
/**
 * Compares each case type of a model, grouping pairs by the head row's type. Latency and cost come
 * from all rows of the type on each side, as the model summaries count all rows.
 */
function compareTypes(pairs, errored, baseRows, headRows, settings) {
    const pairsByType = groupBy(pairs, (pair) => pair.head.type);
    const erroredByType = groupBy(errored, (pair) => pair.head.type);
    const baseByType = groupBy(baseRows, (row) => row.type);
    const headByType = groupBy(headRows, (row) => row.type);
    const types = [...new Set([...pairsByType.keys(), ...erroredByType.keys()])].sort();
    const byType = {};
    for (const type of types) {
        const typeBaseRows = baseByType.get(type) ?? [];
        const typeHeadRows = headByType.get(type) ?? [];
        byType[type] = comparePairs(pairsByType.get(type) ?? [], {
            erroredPairs: erroredByType.get(type)?.length ?? 0,
            latencyP95: valueChange(latencyP95(typeBaseRows), latencyP95(typeHeadRows)),
            cost: valueChange(totalCost(typeBaseRows), totalCost(typeHeadRows)),
        }, settings);
    }
    return byType;
}
function noBaselineModel(name, headRows, headSummary) {
    const headList = [...headRows.values()];
    return {
        pairs: 0,
        errored_pairs: 0,
        pass_rate: null,
        pass_rate_ci: null,
        head_pass_rate: null,
        head_pass_rate_ci: null,
        delta: null,
        delta_ci: null,
        newly_failing: [],
        newly_passing: [],
        p_value: 1,
        score_delta: null,
        latency_p95_ms: valueChange(null, modelLatencyP95(headSummary, headList)),
        cost_usd: valueChange(null, modelCost(headSummary, headList)),
        verdict: 'no-baseline',
        reason: `model ${JSON.stringify(name)} is not in the baseline run`,
        added: headList.map(caseLabel),
        removed: [],
        by_type: {},
    };
}
function collectIssues(comparison, name, model) {
    const modelIssue = { model: name, scope: 'all', verdict: model.verdict, reason: model.reason };
    if (model.verdict === 'regression') {
        comparison.failures.push(modelIssue);
    }
    else if (model.verdict === 'warning') {
        comparison.warnings.push(modelIssue);
    }
    const types = Object.entries(model.by_type);
    if (types.length < 2) {
        return;
    }
    for (const [type, typeComparison] of types) {
        if (typeComparison.verdict === 'regression') {
            comparison.warnings.push({ model: name, scope: `type:${type}`, verdict: 'regression', reason: typeComparison.reason });
        }
    }
}
function groupBy(items, keyOf) {
    const groups = new Map();
    for (const item of items) {
        const key = keyOf(item);
        const group = groups.get(key);
        if (group === undefined) {
            groups.set(key, [item]);
        }
        else {
            group.push(item);
        }
    }
    return groups;
}

// EXTERNAL MODULE: ./src/baseline/sources.ts + 1 modules
var sources = __webpack_require__(6547);
;// CONCATENATED MODULE: ./src/results/history.ts
// The pass-rate history of recent runs (history.json), which scheduled runs carry forward from one
// run to the next and draw as trend charts. Field names are snake_case like results.json's.





/** Name of the copy written into the output folder, so that uploading the folder carries it forward. */
const HISTORY_FILE_NAME = 'history.json';
/** Summarises a run for the history. */
function historyEntry(results) {
    return {
        run_id: results.run.id,
        finished_at: results.run.finished_at,
        partial: results.run.partial,
        models: results.models.map((model) => ({
            name: model.name,
            total: model.total,
            passed: model.passed,
            errors: model.errors,
            pass_rate: model.pass_rate,
            pass_rate_ci: wilsonInterval(model.passed, model.total),
            latency_p95_ms: model.latency_ms.p95,
            cost_usd: model.cost_usd,
        })),
    };
}
/**
 * Adds `run` to `history` and keeps the newest `keep` runs, ordered by `finished_at`. A run with the
 * same `run_id` as an earlier entry replaces it. Returns a new object.
 */
function appendRun(history, run, keep) {
    const runs = (history?.runs ?? []).filter((entry) => entry.run_id !== run.run_id);
    runs.push(run);
    runs.sort((a, b) => a.finished_at.localeCompare(b.finished_at));
    return { schema_version: 1, runs: runs.slice(Math.max(0, runs.length - keep)) };
}
/** Parses a history file; throws an InputError that names `shown` when it is not one. */
function parseHistory(text, shown) {
    const fix = 'delete the file to start a new history';
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new src_errors/* InputError */.dz({ file: shown, problem: `the history is not valid JSON (${error.message})`, fix });
    }
    const history = value;
    if (history?.schema_version !== 1 || !Array.isArray(history.runs)) {
        throw new src_errors/* InputError */.dz({ file: shown, problem: 'the history is not an llm-bench history.json (schema_version 1 with runs)', fix });
    }
    history.runs.forEach((run, index) => {
        const valid = typeof run?.run_id === 'string' &&
            typeof run.finished_at === 'string' &&
            Array.isArray(run.models) &&
            run.models.every((model) => typeof model?.name === 'string' && typeof model.pass_rate === 'number');
        if (!valid) {
            throw new src_errors/* InputError */.dz({ file: shown, field: `runs[${index}]`, problem: 'expected run_id, finished_at and models with name and pass_rate', fix });
        }
    });
    return history;
}
/**
 * Reads the history (the history file, or else `options.fallback`), appends this run, keeps the
 * newest `settings.keep` runs, and writes the result to the history file and to history.json in
 * the output folder. Throws an InputError when the existing history is not valid.
 */
async function recordHistory(settings, results, options) {
    const log = options.log ?? (() => { });
    const displayed = (0,files/* displayPath */.G)(settings.file);
    const existing = await readOptionalFile(settings.file);
    let history;
    if (existing !== undefined) {
        history = parseHistory(existing, displayed);
    }
    else if (options.fallback !== undefined) {
        history = parseHistory(options.fallback, `${HISTORY_FILE_NAME} of the baseline artifact`);
        log(`History: ${displayed} does not exist, so the ${history.runs.length} run(s) of the baseline artifact's ${HISTORY_FILE_NAME} are continued`);
    }
    const updated = appendRun(history, historyEntry(results), settings.keep);
    const text = `${JSON.stringify(updated, null, 2)}\n`;
    const copy = external_node_path_default().join(options.outputDir, HISTORY_FILE_NAME);
    for (const file of new Set([settings.file, copy])) {
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,promises_.writeFile)(file, text, 'utf8');
    }
    log(`History: ${updated.runs.length} run(s) in ${displayed}`);
    return updated;
}
async function readOptionalFile(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            return undefined;
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/engine.ts












/**
 * Runs the whole pipeline that both the action and the CLI use: validate config and suite, call and
 * score every case, aggregate, gate, and write the result files.
 */
async function runEngine(options) {
    const log = options.log ?? (() => { });
    const loaded = await loadConfig(options.configPath, { env: options.env });
    const config = { ...loaded, output: { ...loaded.output, ...options.outputs }, baseline: options.baseline ?? loaded.baseline };
    options.onConfig?.(config);
    // NOTE: on Node.js 24, which runs the action, a 20,000-case run peaks at about 190 MB RSS, above the
    // 150 MB target that Node.js 20 meets. Its young generation grows to 64 MB, a size fixed when the
    // process starts (docs/benchmarks.md, "Where the memory goes").
    const cases = await loadSuite(config);
    log(`Loaded ${cases.length} cases for ${config.models.length} model(s) from ${config.suite.length} suite entr${config.suite.length === 1 ? 'y' : 'ies'}`);
    const isolation = await checkIsolation(cases, options.warn);
    const preloaded = await preloadBaselineFile(config, options);
    const startedAt = new Date();
    const outcome = await runBenchmark(config, cases, { env: options.env, log, warn: options.warn, debug: options.debug, statusLine: options.statusLine, signal: options.signal, resume: options.resume });
    let results = buildResults(config, outcome, { id: options.runId, startedAt, finishedAt: new Date() });
    if (isolation)
        results = { ...results, run: { ...results.run, isolation } };
    let baselineHistory;
    if (config.baseline && options.compareBaseline !== false && !options.signal?.aborted)
        ({ results, history: baselineHistory } = await compareWithBaseline(config, results, options, preloaded));
    const paths = { ...config.output, ...options.outputs };
    const report = await writeResults(results, paths, options.reportOptions);
    const keepHistory = config.history && options.recordHistory !== false && options.compareBaseline !== false && !options.signal?.aborted;
    const history = keepHistory ? await recordHistory(config.history, results, { outputDir: external_node_path_default().dirname(paths.json), fallback: baselineHistory, log }) : undefined;
    return { config, results, paths, report, history };
}
/**
 * Loads the baseline run and merges the comparison into the results: `models[i].baseline`, the
 * top-level `baseline` summary, and the gate, which fails on a significant regression. Without a
 * baseline (none committed yet, no base branch), the run is reported as it is, with a warning.
 * Also returns the history.json that an artifact baseline carried, unparsed.
 */
async function compareWithBaseline(config, results, options, preloaded) {
    const log = options.log ?? (() => { });
    const baseline = preloaded ?? await (0,sources/* loadBaseline */.oU)(config.baseline, {
        configFile: config.file,
        env: options.env ?? process.env,
        log,
        github: options.github,
        runConfig: async (configFile) => {
            const base = await runEngine({
                ...options,
                configPath: configFile,
                compareBaseline: false,
                baseline: undefined,
                outputs: undefined,
                resume: false,
                onConfig: undefined,
                log: (line) => log(`baseline: ${line}`),
            });
            return base.results;
        },
    });
    const settings = { max_drop: config.regression.maxDrop, alpha: config.regression.alpha };
    if (!baseline.results) {
        options.warn?.(`No baseline to compare with (${baseline.source}): ${baseline.reason}.`);
        return { results: { ...results, baseline: { source: `none:${baseline.reason}`, passed: true, ...settings, removed_models: [], failures: [], warnings: [] } } };
    }
    const comparison = compareRuns(baseline.results, results, { maxDrop: config.regression.maxDrop, alpha: config.regression.alpha });
    for (const warning of comparison.warnings)
        options.warn?.(`${warning.model} ${warning.scope}: ${warning.reason}`);
    const compared = {
        ...results,
        models: results.models.map((model) => ({ ...model, baseline: comparison.models[model.name] })),
        gate: { ...results.gate, passed: results.gate.passed && comparison.passed },
        baseline: {
            source: baseline.source,
            passed: comparison.passed,
            ...settings,
            removed_models: comparison.removed_models,
            failures: comparison.failures,
            warnings: comparison.warnings,
        },
    };
    return { results: compared, history: baseline.history };
}
/**
 * Probes the sandbox for each language of the suite's code cases, warns once per language when the
 * isolation is weaker than full, and returns the reports for the results file (undefined without code cases).
 */
async function checkIsolation(cases, warn) {
    const languages = new Set(cases.flatMap((kase) => (kase.type === 'code' ? [kase.language] : [])));
    if (languages.size === 0)
        return undefined;
    const reports = {};
    for (const language of languages) {
        reports[language] = await detectIsolation(language);
        const warning = isolationWarning(reports[language], language);
        if (warning)
            warn?.(warning);
    }
    return reports;
}
/**
 * Reads a file baseline before any request, so a broken file fails the run at once (exit 2). A file
 * that does not exist yet is fine in the config (before the first run on the default branch), but
 * not when it was named on the command line, where it is most likely a typo.
 */
async function preloadBaselineFile(config, options) {
    if (config.baseline?.kind !== 'file' || options.compareBaseline === false)
        return undefined;
    const loaded = await (0,sources/* readResultsFile */.B9)(config.baseline.path);
    if (!loaded.results && options.baseline) {
        throw new src_errors/* InputError */.dz({ field: '--baseline', problem: `${(0,files/* displayPath */.G)(config.baseline.path)} does not exist`, fix: 'pass the path of a results.json written by an earlier run' });
    }
    return loaded;
}

// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/commands.ts






/** Exit codes of a run cancelled by a signal: 128 + the signal's number, as shells report it. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };
/** `llm-bench validate`: config and suite checks only; no API key is needed. */
async function validate(options) {
    const config = await loadConfig(options.configPath, { env: options.env, requireKeys: false });
    const cases = await loadSuite(config);
    for (const model of config.models) {
        if (model.outputs === undefined && model.apiKeyEnv !== undefined && !options.env[model.apiKeyEnv]) {
            process.stderr.write(`warning: ${model.name}: environment variable ${model.apiKeyEnv} (api_key_env) is not set here; \`run\` needs it.\n`);
        }
    }
    process.stdout.write(`${options.configPath} is valid: ${cases.length} cases, ${config.models.length} model(s).\n`);
    return exit_codes/* EXIT */.d.passed;
}
/**
 * `llm-bench run`: the whole pipeline. SIGINT or SIGTERM stops new requests and cancels those in
 * flight; the rows finished so far are still written, and `--resume` completes the run later.
 */
async function run(options) {
    const outputs = Object.fromEntries(Object.entries(options.outputs).filter(([, value]) => value !== undefined));
    // Rows are logged beside results.json, so that --json elsewhere does not overwrite another run's log.
    if (outputs.json !== undefined)
        outputs.jsonl ??= external_node_path_default().join(external_node_path_default().dirname(outputs.json), 'results.jsonl');
    const controller = new AbortController();
    // On a terminal, progress is a live bar on stderr, and every other stderr line is printed above it.
    const statusLine = process.stderr.isTTY ? new StatusLine(process.stderr) : undefined;
    const printLine = (line) => (statusLine ? statusLine.print(line) : void process.stderr.write(`${line}\n`));
    let signalName;
    const onSignal = (name) => {
        signalName = name;
        printLine(`${name} received: stopping; finished rows are kept (--resume continues the run)`);
        controller.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const { results, paths, report } = await runEngine({
            configPath: options.configPath,
            outputs,
            env: options.env,
            signal: controller.signal,
            resume: options.resume,
            baseline: options.baseline,
            log: printLine,
            warn: (line) => printLine(`warning: ${line}`),
            debug: options.verbose ? printLine : undefined,
            statusLine,
        });
        if (!options.quiet)
            process.stdout.write(`${report}\n`);
        process.stdout.write(`\nResults: ${paths.json}\nRows as they finished: ${paths.jsonl}\nCSV: ${paths.csv}\nReport: ${paths.report}\nJUnit: ${paths.junit}\n`);
        for (const failure of results.gate.failures) {
            const comparison = failure.metric === 'error_rate' ? '>' : '<';
            process.stderr.write(`threshold not met: ${failure.model} ${failure.scope} ${failure.metric} ${failure.value.toFixed(3)} ${comparison} ${failure.threshold}\n`);
        }
        for (const failure of results.baseline?.failures ?? [])
            process.stderr.write(`regression: ${failure.model}: ${failure.reason}\n`);
        if (results.run.partial_reason)
            process.stderr.write(`partial run: ${results.run.partial_reason}\n`);
        if (signalName)
            return SIGNAL_EXIT[signalName] ?? exit_codes/* EXIT */.d.gateFailed;
        process.stdout.write(results.gate.passed ? 'All thresholds met.\n' : 'The gate failed: see above.\n');
        return results.gate.passed ? exit_codes/* EXIT */.d.passed : exit_codes/* EXIT */.d.gateFailed;
    }
    finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 9603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P1: () => (/* binding */ abortFailure),
  gW: () => (/* binding */ callSignals),
  V8: () => (/* binding */ cleanMessage),
  O: () => (/* binding */ connectionDetail),
  MP: () => (/* binding */ describeBody),
  Y2: () => (/* binding */ parseJsonBody),
  EP: () => (/* binding */ trackCall),
  qO: () => (/* binding */ transportFailure)
});

;// CONCATENATED MODULE: ./src/secrets.ts
/** Shortest secret value that is redacted; shorter values would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;
/** Replaces every occurrence of each secret in `text` with `***`. */
function redact(text, secrets) {
    let result = text;
    for (const secret of secrets) {
        if (secret && secret.length >= MIN_SECRET_LENGTH)
            result = result.split(secret).join('***');
    }
    return result;
}

// EXTERNAL MODULE: ./src/runner/retry.ts
var retry = __webpack_require__(1804);
;// CONCATENATED MODULE: ./src/providers/call-errors.ts
// Error classification shared by the providers: timeouts, cancellation, connection errors and
// unreadable bodies become CallFailures that mark whether a retry may help. No message carries the key.


/** Maximum length of an error message in characters, because API error bodies can be whole HTML pages. */
const MAX_MESSAGE_CHARS = 300;
/**
 * Creates the signals of one call: `timeoutS` bounds the whole call, the body (or stream) included.
 * The timer is cleared by `dispose` rather than left to `AbortSignal.timeout`, which keeps every
 * finished call's timer until it fires.
 */
function callSignals(cancel, timeoutS) {
    const timeoutController = new AbortController();
    const combinedController = new AbortController();
    const timer = setTimeout(() => {
        timeoutController.abort();
        combinedController.abort();
    }, timeoutS * 1000);
    // Not AbortSignal.any: the openai package adds an abort listener to the signal it is given and never
    // removes it, and Node.js keeps a composite signal that has listeners alive until it aborts, so
    // every finished call would stay in memory.
    const onCancel = cancel ? new AbortOnCancel(combinedController, cancel) : undefined;
    if (cancel?.aborted)
        onCancel.cancel();
    const tracked = cancel && !cancel.aborted ? trackCall(cancel, onCancel) : undefined;
    const dispose = () => {
        clearTimeout(timer);
        tracked?.untrack();
    };
    return { cancel, timeout: timeoutController.signal, combined: combinedController.signal, timeoutS, dispose };
}
/** The calls in flight, per run signal; see `trackCall`. */
const callsInFlight = new WeakMap();
/**
 * Cancels `call` when `signal` aborts, until it is untracked. All calls of a signal share one abort
 * listener and one list, and each call is an object, not a closure.
 *
 * Earlier designs kept finished calls, with their requests and responses, in memory until a full
 * garbage collection. A dead object in V8's old generation still keeps the young objects it points
 * to alive through minor collections. Both designs linked old objects to new ones. Node.js links an
 * EventTarget's listeners in a list, and V8 links a Set's replaced hash table to its successor as
 * calls come and go. With the Set, a 20,000-case run moved 1.7 MB to the old generation per minor
 * collection instead of 0.5 MB, and its peak RSS was 20 to 30 MB higher (docs/benchmarks.md, "Where
 * the memory goes"). The list below clears an entry's links when it leaves.
 */
function trackCall(signal, call) {
    let calls = callsInFlight.get(signal);
    if (!calls) {
        const created = new CallList();
        calls = created;
        callsInFlight.set(signal, created);
        signal.addEventListener('abort', () => created.cancelAll(), { once: true });
    }
    return calls.add(call);
}
/** A doubly linked list of calls whose entries forget their neighbours when they leave it. */
class CallList {
    first;
    add(call) {
        const entry = new CallEntry(call, this);
        entry.next = this.first;
        if (this.first)
            this.first.previous = entry;
        this.first = entry;
        return entry;
    }
    remove(entry) {
        if (entry.previous)
            entry.previous.next = entry.next;
        else if (this.first === entry)
            this.first = entry.next;
        else
            return; // already removed
        if (entry.next)
            entry.next.previous = entry.previous;
        entry.previous = undefined;
        entry.next = undefined;
    }
    cancelAll() {
        const calls = [];
        for (let entry = this.first; entry; entry = entry.next)
            calls.push(entry.call);
        for (const call of calls)
            call.cancel();
    }
}
class CallEntry {
    call;
    list;
    previous;
    next;
    constructor(call, list) {
        this.call = call;
        this.list = list;
    }
    untrack() {
        this.list.remove(this);
    }
}
/** Aborts a call's controller with the run's reason when the run is cancelled. */
class AbortOnCancel {
    controller;
    signal;
    constructor(controller, signal) {
        this.controller = controller;
        this.signal = signal;
    }
    cancel() {
        this.controller.abort(this.signal.reason);
    }
}
/** Returns the failure for an aborted call (cancelled or timed out), or undefined when it was not aborted. */
function abortFailure(signals) {
    if (signals.cancel?.aborted)
        return new retry/* CallFailure */.Rk('cancelled', { transient: false });
    if (signals.timeout.aborted)
        return new retry/* CallFailure */.Rk(`request timed out after ${signals.timeoutS} s`, { transient: true });
    return undefined;
}
/**
 * Classifies an error thrown by `fetch` or while reading a body: a connection that failed or broke
 * off, or a body that is not valid JSON, are transient; anything else is not.
 */
function transportFailure(error, apiKey) {
    const { name, message, cause } = (error ?? {});
    // Checked by name, not instanceof: JSON.parse's SyntaxError may come from another realm (jest's VM).
    if (name === 'SyntaxError') {
        return new retry/* CallFailure */.Rk(cleanMessage(`malformed response: the body is not valid JSON (${String(message)})`, apiKey), { transient: true });
    }
    // Node's fetch throws TypeError "fetch failed" with the socket error as `cause`, and "terminated"
    // when the connection breaks while the body is read.
    if (name === 'TypeError') {
        const detail = cause instanceof Error ? `${String(message)}: ${connectionDetail(cause)}` : String(message);
        return new retry/* CallFailure */.Rk(cleanMessage(`connection failed: ${detail}`, apiKey), { transient: true, connection: true });
    }
    return new retry/* CallFailure */.Rk(cleanMessage(typeof message === 'string' ? message : String(error), apiKey), { transient: false });
}
/** Parses a response body as JSON; a body that is not JSON is a transient CallFailure. */
function parseJsonBody(text, apiKey) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw transportFailure(error, apiKey);
    }
}
/**
 * Describes why a connection failed from the innermost cause that names it, e.g. `fetch failed
 * (ECONNREFUSED 127.0.0.1:9)`, so that a wrong port or host reads as such rather than "fetch failed".
 */
function connectionDetail(error) {
    // Read by shape, not instanceof: errors of node:http come from another realm under jest's VM.
    const message = error?.message;
    const top = typeof message === 'string' ? message : String(error);
    let current = error;
    for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
        const { code, address, port } = current;
        if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
            // Node's socket errors already name the code: "connect ECONNREFUSED 127.0.0.1:9".
            if (top.includes(code))
                return top;
            const target = typeof address === 'string' ? ` ${address}${typeof port === 'number' ? `:${port}` : ''}` : '';
            return `${top} (${code}${target})`;
        }
        current = current.cause;
    }
    return top;
}
/** Cuts a message to its first line and `MAX_MESSAGE_CHARS`, and removes the API key from it. */
function cleanMessage(text, apiKey) {
    // Redacted before the cut, so that a key across the cut cannot leave a fragment behind.
    const line = redact(text, [apiKey]).split('\n')[0] ?? '';
    return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 3)}...` : line;
}
/** Quotes the start of an unexpected body for an error message. */
function describeBody(body) {
    const text = typeof body === 'string' ? body : String(body);
    return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}


/***/ }),

/***/ 621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ agentFor),
/* harmony export */   t: () => (/* binding */ httpFetch)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Sockets kept open per host. Requests above this wait for a free socket; the runner's concurrency
 * bounds how many are in flight anyway.
 */
const MAX_SOCKETS_PER_HOST = 256;
const agents = {
    'http:': new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
    'https:': new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
};
/** The shared keep-alive agent for the URL's protocol, or undefined for a protocol other than http and https. */
function agentFor(url) {
    return agents[url.protocol];
}
/**
 * A `fetch` for the openai package built on node:http with keep-alive sockets. Node's built-in fetch
 * spends about 1 ms of CPU per request on Web streams and its own connection pool (measured in
 * bench/: about half of a 1,000-request run's CPU), which caps a 2-core runner near 1,000 requests a
 * second. An event-stream body is passed through as a stream, so streamed answers still arrive chunk
 * by chunk; any other body is read whole before the Response is returned. Errors keep fetch's shapes: a TypeError "fetch failed" whose `cause` is the socket error,
 * and an AbortError when the signal aborts.
 */
function httpFetch(input, init = {}) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const agent = agentFor(url);
    if (!agent)
        return Promise.reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
    return new Promise((resolve, reject) => {
        const signal = init.signal ?? undefined;
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        const request = (url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request(url, { method: init.method ?? 'GET', headers: toHeaderObject(init.headers), agent });
        const onAbort = () => {
            request.destroy(abortError(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const cleanUp = () => signal?.removeEventListener('abort', onAbort);
        request.on('error', (error) => {
            cleanUp();
            reject(error.name === 'AbortError' ? error : Object.assign(new TypeError('fetch failed'), { cause: error }));
        });
        request.on('response', (response) => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
                if (Array.isArray(value))
                    for (const item of value)
                        headers.append(name, item);
                else if (value !== undefined)
                    headers.set(name, value);
            }
            response.on('close', cleanUp);
            const init = { status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers };
            if (response.statusCode === 204 || response.statusCode === 304) {
                resolve(new Response(null, init));
            }
            else if (/^text\/event-stream/i.test(response.headers['content-type'] ?? '')) {
                resolve(new Response(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.toWeb(response), init));
            }
            else {
                // A whole JSON body is read into one buffer: cheaper than a Web stream of its chunks.
                const chunks = [];
                response.on('data', (chunk) => chunks.push(chunk));
                response.on('end', () => resolve(new Response(Buffer.concat(chunks), init)));
                response.on('error', (error) => reject(Object.assign(new TypeError('fetch failed'), { cause: error })));
            }
        });
        if (typeof init.body === 'string' || init.body instanceof Uint8Array)
            request.end(init.body);
        else
            request.end();
    });
}
function toHeaderObject(headers) {
    if (headers === undefined)
        return {};
    return Object.fromEntries(new Headers(headers).entries());
}
function abortError(signal) {
    const reason = signal.reason;
    if (reason instanceof Error && reason.name === 'AbortError')
        return reason;
    return Object.assign(new Error('This operation was aborted'), { name: 'AbortError', cause: reason });
}


/***/ }),

/***/ 8238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ createOpenAiProvider),
/* harmony export */   K: () => (/* binding */ readChoice)
/* harmony export */ });
/* harmony import */ var _post_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5877);
/* harmony import */ var _runner_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1804);
/* harmony import */ var _call_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9603);
/* harmony import */ var _reasoning_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3242);
/* harmony import */ var _unsupported_parameter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3267);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(311);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2629);







/**
 * Calls an OpenAI-compatible chat-completions API without streaming: `POST {base_url}/chat/completions`
 * with the key as a bearer token and `params` as request fields. Requests are sent with `postJson`,
 * which uses less CPU per request than the `openai` package; streamed models go through the package
 * (openai-client.ts). There are no client retries, because the runner retries with its own policy,
 * counts every retry and honours the server's requested waits. A failed call throws a CallFailure
 * that marks whether a retry may help; the message never contains the API key.
 */
function createOpenAiProvider(model, options) {
    const url = new URL(`${model.baseUrl.replace(/\/+$/, '')}/chat/completions`);
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': `llm-bench/${_version_js__WEBPACK_IMPORTED_MODULE_4__/* .VERSION */ .x}` };
    if (options.apiKey)
        headers['authorization'] = `Bearer ${options.apiKey}`;
    const head = (0,_post_json_js__WEBPACK_IMPORTED_MODULE_0__/* .bodyHead */ .r)({ ...model.params, model: model.model }, ['messages', 'stream']);
    return {
        async complete(request) {
            const body = `${head}"messages":${JSON.stringify(request.messages)},"stream":false}`;
            const started = performance.now();
            const response = await (0,_post_json_js__WEBPACK_IMPORTED_MODULE_0__/* .postJson */ .B)(url, { headers, body, cancel: request.signal, timeoutS: options.timeoutS, apiKey: options.apiKey });
            const latencyMs = performance.now() - started;
            if (response.status < 200 || response.status > 299)
                throw errorResponseFailure(response.status, response.headers, response.text, options.apiKey);
            return readChoice((0,_call_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonBody */ .Y2)(response.text, options.apiKey), latencyMs);
        },
    };
}
/**
 * Reads the first choice. A body that is not a chat completion (an HTML error page, no `choices`)
 * is a transient failure, as proxies send those under load; an empty or filtered answer is not: it
 * is scored like any other answer, and its finish reason is kept on the row. The thinking text
 * (`message.reasoning_content`, `message.reasoning`, or a leading `<think>` block) is kept apart.
 */
function readChoice(response, latencyMs) {
    if (response === null || typeof response !== 'object') {
        throw new _runner_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .CallFailure */ .Rk(`malformed response: expected a JSON chat completion, got ${(0,_call_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeBody */ .MP)(response)}`, { transient: true });
    }
    const body = response;
    const choice = body.choices?.[0];
    if (!choice)
        throw new _runner_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .CallFailure */ .Rk('malformed response: no choices', { transient: true });
    const message = (choice.message ?? {});
    const content = typeof message.content === 'string' ? message.content : '';
    const { answer, reasoning } = (0,_reasoning_js__WEBPACK_IMPORTED_MODULE_5__/* .separateReasoning */ .GA)(content, (0,_reasoning_js__WEBPACK_IMPORTED_MODULE_5__/* .reasoningField */ .lq)(message));
    return { output: answer, reasoning, usage: (0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .readOpenAiUsage */ .g)(body.usage), finishReason: choice.finish_reason ?? null, latencyMs, error: null };
}
/**
 * Turns an error response of the JSON path into a CallFailure, reading it as the `openai` package
 * does: the message of OpenAI's `{error: {message, param, code}}`, else the body itself. A 400 that
 * rejects a field of `params` stops the model.
 */
function errorResponseFailure(status, headers, text, apiKey) {
    const error = errorObject(text);
    const detail = typeof error?.message === 'string' ? error.message : error !== undefined ? JSON.stringify(error) : text.trim() === '' ? '(empty body)' : text;
    const message = (0,_call_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .cleanMessage */ .V8)(detail, apiKey);
    const param = typeof error?.param === 'string' ? error.param : undefined;
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const configError = (0,_unsupported_parameter_js__WEBPACK_IMPORTED_MODULE_3__/* .unsupportedParameterFailure */ .j)({ status, message, param, code });
    if (configError)
        return configError;
    return new _runner_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .CallFailure */ .Rk(`HTTP ${status}: ${message}`, { transient: (0,_runner_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransientStatus */ .Dm)(status), status, retryAfterMs: (0,_runner_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(headers) });
}
/** Returns the `error` object of an OpenAI-style error body, or undefined when the body has none. */
function errorObject(text) {
    try {
        const error = JSON.parse(text)?.error;
        return error !== null && typeof error === 'object' ? error : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 5877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ postJson),
/* harmony export */   r: () => (/* binding */ bodyHead)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1804);
/* harmony import */ var _call_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9603);
/* harmony import */ var _http_fetch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(621);
// One JSON request over node:http with keep-alive sockets, for the providers' non-streaming calls.





/**
 * POSTs `body` and reads the whole response, whatever its status. A call that is cancelled, times
 * out, cannot connect, or loses its connection before the body ends throws a CallFailure: all but
 * cancellation are transient.
 *
 * The OpenAI-compatible provider's non-streaming calls and the Anthropic provider use it instead of
 * the `openai` package with `fetch`, whose Web streams, AbortControllers and header objects cost
 * CPU on every request. Measured with `npm run bench` (1,000 requests), the whole process used
 * 0.77 s of CPU with this and about 1.4 s with the package (docs/benchmarks.md).
 */
function postJson(url, options) {
    return new Promise((resolve, reject) => {
        if (options.cancel?.aborted) {
            reject(cancelled());
            return;
        }
        const body = Buffer.from(options.body, 'utf8');
        const request = (url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request(url, { method: 'POST', headers: options.headers, agent: (0,_http_fetch_js__WEBPACK_IMPORTED_MODULE_4__/* .agentFor */ .P)(url) });
        // Set on the request, not spread into a copy of the headers: see bodyHead.
        request.setHeader('content-length', body.length);
        const call = new PendingRequest(request);
        const timer = setTimeout(() => call.stop(new _runner_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .CallFailure */ .Rk(`request timed out after ${options.timeoutS} s`, { transient: true })), options.timeoutS * 1000);
        const tracked = options.cancel ? (0,_call_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .trackCall */ .EP)(options.cancel, call) : undefined;
        const fail = (error) => {
            settle();
            reject(call.stopped ?? connectionFailure(error, options.apiKey));
        };
        const settle = () => {
            clearTimeout(timer);
            tracked?.untrack();
        };
        request.on('error', fail);
        request.on('response', (response) => {
            response.setEncoding('utf8');
            let text = '';
            response.on('data', (chunk) => (text += chunk));
            response.on('error', fail);
            response.on('end', () => {
                settle();
                resolve({ status: response.statusCode ?? 0, headers: headerReader(response.headers), text });
            });
            response.on('close', () => {
                if (!response.complete)
                    fail(new Error('the connection closed before the response ended'));
            });
        });
        request.end(body);
    });
}
/** A request in flight, which the timer or the run's cancellation may stop. */
class PendingRequest {
    request;
    /** Set when the call is stopped on purpose, so that the socket error that follows reads as the cause. */
    stopped;
    constructor(request) {
        this.request = request;
    }
    stop(failure) {
        this.stopped ??= failure;
        this.request.destroy();
    }
    cancel() {
        this.stop(cancelled());
    }
}
function cancelled() {
    return new _runner_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .CallFailure */ .Rk('cancelled', { transient: false });
}
function connectionFailure(error, apiKey) {
    return new _runner_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .CallFailure */ .Rk((0,_call_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanMessage */ .V8)(`connection failed: ${(0,_call_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .connectionDetail */ .O)(error)}`, apiKey), { transient: true, connection: true });
}
function headerReader(headers) {
    return {
        get(name) {
            const value = headers[name.toLowerCase()];
            if (value === undefined)
                return null;
            return Array.isArray(value) ? value.join(', ') : value;
        },
    };
}
/**
 * Serialises `fields` without the keys in `setLater` as the start of a request body, ending in `{`
 * or `,`. It is made once per model, and a request's body is this text, its own fields and `}`.
 *
 * This replaces an object spread from `params` for each request. Objects made with spread syntax on
 * every request reached V8's old generation, with what they pointed to, and stayed there until a
 * full collection. In a 6,000-case bench run, 1.5 MB/s reached it with the spread body and 1.0 MB/s
 * without (docs/benchmarks.md, "Where the memory goes").
 */
function bodyHead(fields, setLater) {
    const sentFirst = Object.fromEntries(Object.entries(fields).filter(([key]) => !setLater.includes(key)));
    const text = JSON.stringify(sentFirst);
    return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}


/***/ }),

/***/ 3242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GA: () => (/* binding */ separateReasoning),
/* harmony export */   Tw: () => (/* binding */ joinReasoning),
/* harmony export */   lq: () => (/* binding */ reasoningField)
/* harmony export */ });
/* unused harmony export splitThinking */
// Thinking text of reasoning models, kept apart from the answer so that only the answer is scored.
const THINK_OPEN = '<think>';
const THINK_CLOSE = '</think>';
/**
 * Splits a leading `<think>…</think>` block off an answer, as Qwen3 and DeepSeek-R1 write it when
 * the server does not separate it. Only a block at the start counts, after optional whitespace, so an
 * answer that mentions the tag later is left whole. An unclosed block (the answer was cut while the
 * model was still thinking) is all reasoning, with an empty answer.
 */
function splitThinking(content) {
    const start = content.length - content.trimStart().length;
    if (!content.startsWith(THINK_OPEN, start))
        return { answer: content, reasoning: null };
    const bodyStart = start + THINK_OPEN.length;
    const close = content.indexOf(THINK_CLOSE, bodyStart);
    if (close === -1)
        return { answer: '', reasoning: content.slice(bodyStart).trim() };
    return { answer: content.slice(close + THINK_CLOSE.length).trimStart(), reasoning: content.slice(bodyStart, close).trim() };
}
/**
 * Returns the thinking text of a message or a stream delta: `reasoning_content` (DashScope, DeepSeek,
 * vLLM), else `reasoning` (Ollama, OpenRouter), else null. Values that are not strings are ignored.
 */
function reasoningField(fields) {
    if (typeof fields.reasoning_content === 'string')
        return fields.reasoning_content;
    if (typeof fields.reasoning === 'string')
        return fields.reasoning;
    return null;
}
/** Joins the thinking texts that arrived in separate places; empty ones are dropped, none gives null. */
function joinReasoning(...parts) {
    const texts = parts.filter((part) => typeof part === 'string' && part.trim() !== '');
    return texts.length === 0 ? null : texts.join('\n\n');
}
/** Separates the answer from its thinking: the API's separate field, then a leading `<think>` block. */
function separateReasoning(content, reasoningField) {
    const split = splitThinking(content);
    return { answer: split.answer, reasoning: joinReasoning(reasoningField, split.reasoning) };
}


/***/ }),

/***/ 3267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ unsupportedParameterFailure)
/* harmony export */ });
/* harmony import */ var _runner_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1804);
// HTTP 400 errors that reject a request field of the model's `params`. Every case of the model sends
// the same params, so such an error is a config error: the model is stopped with the fix.

/**
 * Messages that name a rejected request field. OpenAI reasoning models send "Unsupported parameter:
 * 'max_tokens' is not supported with this model." and "Unsupported value: 'temperature' does not
 * support 0 with this model."; Anthropic sends "max_completion_tokens: Extra inputs are not permitted".
 */
const UNSUPPORTED = /unsupported (?:parameter|value)|extra inputs are not permitted/i;
/** Error codes of the OpenAI API for the same errors. */
const UNSUPPORTED_CODES = new Set(['unsupported_parameter', 'unsupported_value']);
/** Sampling fields that OpenAI reasoning models accept only at their default value. */
const DEFAULT_ONLY_FIELDS = new Set(['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs', 'logit_bias', 'n']);
/**
 * Returns a CallFailure that stops the model when an HTTP 400 rejects one of the request fields, with
 * the fix in the message, e.g. `HTTP 400: Unsupported parameter: 'max_tokens' ... Fix: this model
 * wants max_completion_tokens instead of max_tokens in params`. Returns undefined for other errors.
 */
function unsupportedParameterFailure(rejected) {
    if (rejected.status !== 400)
        return undefined;
    if (!UNSUPPORTED.test(rejected.message) && !UNSUPPORTED_CODES.has(String(rejected.code)))
        return undefined;
    const field = typeof rejected.param === 'string' && rejected.param !== '' ? rejected.param : fieldNamedIn(rejected.message);
    const message = `HTTP 400: ${withFullStop(rejected.message)} Fix: ${fixFor(field)}`;
    return new _runner_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .CallFailure */ .Rk(message, { transient: false, status: 400, stopsModel: true });
}
/** Finds the field name in `'max_tokens' is not supported` or `max_tokens: Extra inputs`. */
function fieldNamedIn(message) {
    const quoted = /'([A-Za-z_][\w.]*)'/.exec(message);
    if (quoted)
        return quoted[1];
    return /^([A-Za-z_][\w.]*): extra inputs/i.exec(message)?.[1];
}
function fixFor(field) {
    if (field === 'max_tokens')
        return 'this model wants max_completion_tokens instead of max_tokens in params';
    if (field === 'max_completion_tokens')
        return 'this API wants max_tokens instead of max_completion_tokens in params';
    if (field !== undefined && DEFAULT_ONLY_FIELDS.has(field))
        return `remove ${field} from params; this model accepts only its default value`;
    if (field !== undefined)
        return `remove or change ${field} in params`;
    return "compare this model's params with what its API accepts";
}
function withFullStop(text) {
    return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}


/***/ }),

/***/ 2629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ estimateUsage),
/* harmony export */   g: () => (/* binding */ readOpenAiUsage)
/* harmony export */ });
// Token usage: read from an OpenAI-compatible response, or counted locally when the API sends none.
/**
 * Chat-format overhead added to the text tokens: per message, and once for the primed assistant
 * reply. These are the numbers of OpenAI's "How to count tokens with tiktoken" cookbook for its
 * current chat models; other models' templates differ a little, which is why the result is an estimate.
 */
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING_TOKENS = 3;
let encoding;
/** Loads the o200k_base encoding (GPT-4o and later) on first use, so start-up does not pay for it. */
function loadEncoding() {
    encoding ??= __webpack_require__.e(/* import() */ 229).then(__webpack_require__.bind(__webpack_require__, 229));
    return encoding;
}
/**
 * Reads an OpenAI-style `usage` object: `prompt_tokens`, `completion_tokens`, `total_tokens` and,
 * when present, `completion_tokens_details.reasoning_tokens`. Reasoning tokens are part of
 * `completion_tokens`, so they are reported beside it and never added to it. Returns null when the
 * value is not an object.
 */
function readOpenAiUsage(usage) {
    if (usage === null || typeof usage !== 'object')
        return null;
    const fields = usage;
    const prompt = count(fields['prompt_tokens']);
    const completion = count(fields['completion_tokens']);
    const total = count(fields['total_tokens']) || prompt + completion;
    const reasoning = count(fields['completion_tokens_details']?.['reasoning_tokens']);
    const result = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
    if (reasoning > 0)
        result.reasoning_tokens = reasoning;
    return result;
}
/**
 * Counts the tokens of a call whose API sent no usage, with the o200k_base tokenizer: the messages
 * plus chat-format overhead as prompt tokens, the answer and the thinking text as completion tokens.
 * Text that looks like a special token (`<|endoftext|>`) is counted as plain text. The counts are
 * exact only for models that use o200k_base, so the result is marked `estimated`.
 */
async function estimateUsage(messages, answer, reasoning) {
    const { countTokens } = await loadEncoding();
    const countText = (text) => (text === '' ? 0 : countTokens(text, { disallowedSpecial: new Set() }));
    const prompt = messages.reduce((sum, message) => sum + TOKENS_PER_MESSAGE + countText(message.content), REPLY_PRIMING_TOKENS);
    const reasoningTokens = reasoning === null ? 0 : countText(reasoning);
    const completion = countText(answer) + reasoningTokens;
    const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, estimated: true };
    if (reasoningTokens > 0)
        usage.reasoning_tokens = reasoningTokens;
    return usage;
}
function count(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}


/***/ }),

/***/ 1804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   Rk: () => (/* binding */ CallFailure),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   Yy: () => (/* binding */ QuotaWaitTooLong),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   zv: () => (/* binding */ callWithRetries)
/* harmony export */ });
/* unused harmony exports parseDuration, backoffMs */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

const DEFAULT_RETRY_POLICY = { retries: 5, maxRetryWaitMs: 60_000, baseBackoffMs: 500, maxBackoffMs: 30_000 };
/** HTTP statuses worth retrying: timeout, conflict, rate limit, server errors (529 is Anthropic's "overloaded"). */
function isTransientStatus(status) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
}
/** A failed call, classified by the provider so that the runner can decide whether to retry it. */
class CallFailure extends Error {
    transient;
    status;
    /** Wait the API asked for before the next attempt, in ms. */
    retryAfterMs;
    /** Every other call of the model would fail the same way (a config error), so the model is stopped. */
    stopsModel;
    /** No connection could be made or kept (refused, reset, DNS); no HTTP response arrived. */
    connection;
    constructor(message, options) {
        super(message);
        this.name = 'CallFailure';
        this.transient = options.transient;
        this.status = options.status;
        this.retryAfterMs = options.retryAfterMs;
        this.stopsModel = options.stopsModel === true;
        this.connection = options.connection === true;
    }
}
/** The API asked for a wait longer than the policy allows, such as a daily quota; the model is stopped. */
class QuotaWaitTooLong extends Error {
    waitMs;
    maxWaitMs;
    constructor(waitMs, maxWaitMs, cause) {
        super(`the API asked to wait ${formatSeconds(waitMs)} before retrying (${cause.message}), more than max_retry_wait_s ` +
            `(${formatSeconds(maxWaitMs)}); a quota is probably used up, so this model's remaining cases were not run`);
        this.waitMs = waitMs;
        this.maxWaitMs = maxWaitMs;
        this.name = 'QuotaWaitTooLong';
    }
}
function formatSeconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
/**
 * Reads how long the server wants the client to wait, in ms: `retry-after-ms`, `Retry-After` (seconds or
 * an HTTP date, RFC 9110 section 10.2.3), else the longer of OpenAI's `x-ratelimit-reset-requests` and
 * `x-ratelimit-reset-tokens` (durations such as `1s`, `6m0s`, `20ms`). Returns undefined when none is set.
 */
function retryAfterMs(headers, now = Date.now()) {
    if (!headers)
        return undefined;
    const milliseconds = Number(headers.get('retry-after-ms'));
    if (headers.get('retry-after-ms') !== null && Number.isFinite(milliseconds) && milliseconds >= 0)
        return milliseconds;
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null) {
        const seconds = Number(retryAfter);
        if (retryAfter.trim() !== '' && Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']
        .map((name) => parseDuration(headers.get(name)))
        .filter((value) => value !== undefined);
    return resets.length > 0 ? Math.max(...resets) : undefined;
}
/** Parses Go-style durations as OpenAI writes them (`1h2m3.5s`, `250ms`); a bare number is seconds. */
function parseDuration(text) {
    if (text === null || text.trim() === '')
        return undefined;
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed) * 1000;
    const units = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
    let total = 0;
    let rest = trimmed;
    while (rest.length > 0) {
        const match = /^(\d+(?:\.\d+)?)(ms|h|m|s)/.exec(rest);
        if (!match)
            return undefined;
        total += Number(match[1]) * units[match[2]];
        rest = rest.slice(match[0].length);
    }
    return total;
}
/** Exponential backoff with full jitter: a uniform wait in [0, min(max, base × 2^attempt)). */
function backoffMs(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** attempt);
    return Math.floor(random() * ceiling);
}
/**
 * Runs `call` until it succeeds, fails with a non-transient CallFailure, or the retries are used up.
 * A wait asked by the server is honoured (never less than the jittered backoff); one above
 * `maxRetryWaitMs` throws QuotaWaitTooLong at once instead of hanging. Returns the value and the
 * number of retries made; a final failure is rethrown with that count in `retries`.
 */
async function callWithRetries(call, policy, hooks = {}) {
    const sleep = hooks.sleep ?? ((ms) => wait(ms, hooks.signal));
    for (let attempt = 0;; attempt++) {
        try {
            return { value: await call(), retries: attempt };
        }
        catch (error) {
            if (!(error instanceof CallFailure) || !error.transient || attempt >= policy.retries) {
                throw Object.assign(error, { retries: attempt });
            }
            if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryWaitMs) {
                throw Object.assign(new QuotaWaitTooLong(error.retryAfterMs, policy.maxRetryWaitMs, error), { retries: attempt });
            }
            const waitMs = Math.max(error.retryAfterMs ?? 0, backoffMs(attempt, policy, hooks.random));
            hooks.onRetry?.(error, waitMs, attempt + 1);
            await sleep(waitMs);
        }
    }
}
/** Waits `ms` milliseconds, or less when `signal` aborts first. */
async function wait(ms, signal) {
    try {
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal });
    }
    catch (error) {
        if (error.name !== 'AbortError')
            throw error;
    }
}


/***/ }),

/***/ 2547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ displayPath),
/* harmony export */   t: () => (/* binding */ expandSuiteEntry)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);




/** Extensions of suite files found in a folder: YAML case files and JSONL files of cases. */
const SUITE_FILE_GLOB = '**/*.{yml,yaml,jsonl}';
/**
 * Expands one `suite:` entry (a file, a folder or a glob, relative to the config's folder) into
 * sorted absolute file paths. A pattern that matches nothing is an error, not an empty suite.
 */
async function expandSuiteEntry(pattern, configDir, entrySource) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(configDir, pattern);
    let files;
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .isDynamicPattern */ .ey)(pattern)) {
        files = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .glob */ .TI)(pattern, { cwd: configDir, absolute: true, onlyFiles: true });
    }
    else {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(absolute).catch(() => undefined);
        if (info?.isDirectory()) {
            files = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .glob */ .TI)(SUITE_FILE_GLOB, { cwd: absolute, absolute: true, onlyFiles: true });
        }
        else {
            files = info ? [absolute] : [];
        }
    }
    if (files.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz({
            ...entrySource,
            field: 'suite',
            problem: `"${pattern}" matches no suite files (looked in ${absolute})`,
            fix: 'check the path; it is relative to the folder of the config file, and folders are searched for .yml, .yaml and .jsonl files',
        });
    }
    return files.map((file) => node_path__WEBPACK_IMPORTED_MODULE_1___default().normalize(file)).sort();
}
/** Path shown in messages and stored in results: relative to the working directory, with `/`. */
function displayPath(file) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(process.cwd(), file);
    return (relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative) ? file : relative).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}


/***/ })

};

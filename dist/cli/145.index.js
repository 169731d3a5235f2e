export const id = 145;
export const ids = [145];
export const modules = {

/***/ 8145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./src/types.ts
// Shared shapes of the pipeline: config → cases → completions → scored rows → model summaries.
// Field names of the results file (`RunResults` and below) are snake_case because that file is a
// documented public format (docs/results-format.md); in-memory config and cases are camelCase.
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
    provider: schemas/* enum */.k5n(['openai']).default('openai'),
    base_url: schemas/* string */.YjP().min(1).optional(),
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
    retries: schemas/* number */.aig().int().min(0).max(20).default(5),
    max_retry_wait_s: schemas/* number */.aig().min(0).max(86_400).default(60),
    budget_usd: schemas/* number */.aig().positive().optional(),
    cache: schemas/* string */.YjP().min(1).optional(),
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
        text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
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
    return issues.map((issue) => {
        const path = [...prefix, ...issue.path];
        const value = valueAt(root, path);
        if (issue.code === 'unrecognized_keys') {
            const key = issue.keys[0] ?? '';
            const known = options.knownKeys?.(issue.path) ?? [];
            const suggestion = closestWord(key, known);
            return new src_errors/* InputError */.dz({
                file: source.file,
                line: source.lineOf([...path, key], { key: true }),
                field: formatPath([...path, key], options.fieldPrefix),
                problem: `unknown key ${(0,src_errors/* showValue */.vp)(key)}${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => (0,src_errors/* showValue */.vp)(k)).join(', ')})` : ''}`,
                fix: suggestion
                    ? `did you mean "${suggestion}"?`
                    : known.length > 0
                        ? `remove it; the keys allowed here are ${known.join(', ')}`
                        : 'remove it',
            });
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
function describeIssue(issue, value) {
    if (value === undefined && issue.code === 'invalid_type')
        return 'missing required value';
    if (issue.code === 'invalid_type')
        return `expected ${issue.expected}, got ${(0,src_errors/* showValue */.vp)(value)}`;
    if (issue.code === 'invalid_value')
        return `invalid value ${(0,src_errors/* showValue */.vp)(value)}`;
    if (issue.code === 'too_small' || issue.code === 'too_big')
        return `${(0,src_errors/* showValue */.vp)(value)} is out of range (${issue.message})`;
    return `${issue.message}${value === undefined ? '' : `; got ${(0,src_errors/* showValue */.vp)(value)}`}`;
}
function fixFor(issue) {
    if (issue.code === 'invalid_value')
        return `use one of ${issue.values.map((v) => String(v)).join(', ')}`;
    if (issue.code === 'too_small' && 'minimum' in issue)
        return `use a value of at least ${String(issue.minimum)}`;
    if (issue.code === 'too_big' && 'maximum' in issue)
        return `use a value of at most ${String(issue.maximum)}`;
    if (issue.code === 'invalid_type')
        return `give a ${issue.expected}`;
    return undefined;
}
/** The known word within edit distance 2 of `word`, for "did you mean" hints. */
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
 * Reads and validates a config file. Every problem found is reported at once, each with file, line,
 * field, value and fix; nothing is called before the whole config is valid.
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
        if (model.base_url === undefined)
            at(index, 'base_url', 'missing: a model that calls an API needs base_url', 'set base_url (e.g. https://api.openai.com/v1), or set outputs: FILE to score recorded answers');
        if (model.model === undefined)
            at(index, 'model', 'missing: a model that calls an API needs the model id', 'set model (the id the API expects, e.g. gpt-5-chat)');
        for (const name of unsetVariables(model.base_url ?? '', env)) {
            at(index, 'base_url', `environment variable ${name} used in ${(0,src_errors/* showValue */.vp)(model.base_url)} is not set`, `set ${name} in the environment, or write the URL out`);
        }
        if (options.requireKeys !== false && model.api_key_env !== undefined && !env[model.api_key_env]) {
            at(index, 'api_key_env', `environment variable ${model.api_key_env} is not set`, `set ${model.api_key_env} in the job's env from a secret (env: { ${model.api_key_env}: \${{ secrets.${model.api_key_env} }} }), or remove the model`);
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
function unsetVariables(text, env) {
    return [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]).filter((name) => env[name] === undefined);
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
        cacheDir: raw.cache === undefined ? undefined : external_node_path_default().resolve(dir, raw.cache),
    };
}
function toModel(model, raw, dir, env) {
    return {
        name: model.name,
        provider: model.provider,
        baseUrl: model.base_url === undefined ? undefined : expandVariables(model.base_url, env),
        apiKeyEnv: model.api_key_env,
        model: model.model,
        params: model.params,
        pricing: model.pricing && { inputPerMtok: model.pricing.input_per_mtok, outputPerMtok: model.pricing.output_per_mtok },
        outputs: model.outputs === undefined ? undefined : external_node_path_default().resolve(dir, model.outputs),
        concurrency: model.concurrency,
        samples: model.samples,
        rpm: model.rpm,
        tpm: model.tpm,
        retries: model.retries ?? raw.retries,
        maxRetryWaitS: model.max_retry_wait_s ?? raw.max_retry_wait_s,
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

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/suite/files.ts




/** Extensions of suite files found in a folder: YAML case files and JSONL files of cases. */
const SUITE_FILE_GLOB = '**/*.{yml,yaml,jsonl}';
/**
 * Expands one `suite:` entry (a file, a folder or a glob, relative to the config's folder) into
 * sorted absolute file paths. A pattern that matches nothing is an error, not an empty suite.
 */
async function expandSuiteEntry(pattern, configDir, entrySource) {
    const absolute = external_node_path_default().resolve(configDir, pattern);
    let files;
    if ((0,tinyglobby_dist/* isDynamicPattern */.ey)(pattern)) {
        files = await (0,tinyglobby_dist/* glob */.TI)(pattern, { cwd: configDir, absolute: true, onlyFiles: true });
    }
    else {
        const info = await (0,promises_.stat)(absolute).catch(() => undefined);
        if (info?.isDirectory()) {
            files = await (0,tinyglobby_dist/* glob */.TI)(SUITE_FILE_GLOB, { cwd: absolute, absolute: true, onlyFiles: true });
        }
        else {
            files = info ? [absolute] : [];
        }
    }
    if (files.length === 0) {
        throw new src_errors/* InputError */.dz({
            ...entrySource,
            field: 'suite',
            problem: `"${pattern}" matches no suite files (looked in ${absolute})`,
            fix: 'check the path; it is relative to the folder of the config file, and folders are searched for .yml, .yaml and .jsonl files',
        });
    }
    return files.map((file) => external_node_path_default().normalize(file)).sort();
}
/** Path shown in messages and stored in results: relative to the working directory, with `/`. */
function displayPath(file) {
    const relative = external_node_path_default().relative(process.cwd(), file);
    return (relative.startsWith('..') || external_node_path_default().isAbsolute(relative) ? file : relative).split((external_node_path_default()).sep).join('/');
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
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
    return quantileSorted(sortFinite(values), p / 100);
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
function summarizeModel(model, rows, stopped = null) {
    const passed = rows.filter((row) => row.pass).length;
    const errors = rows.filter((row) => row.error !== null).length;
    const latency = latencySummary(rows.flatMap((row) => (row.latency_ms === null ? [] : [row.latency_ms])));
    const costs = rows.flatMap((row) => (row.cost_usd === null ? [] : [row.cost_usd]));
    return {
        name: model.name,
        model: model.outputs !== undefined ? null : (model.model ?? null),
        total: rows.length,
        passed,
        failed: rows.length - passed - errors,
        errors,
        pass_rate: rate(passed, rows.length),
        error_rate: rate(errors, rows.length),
        retries: sum(rows.map((row) => row.retries)),
        stopped,
        by_type: breakdown(rows, (row) => [row.type]),
        by_tag: breakdown(rows, (row) => row.tags),
        latency_ms: { mean: round(latency.mean), p50: round(latency.p50), p95: round(latency.p95) },
        tokens: {
            prompt: sum(rows.map((row) => row.usage?.prompt_tokens ?? 0)),
            completion: sum(rows.map((row) => row.usage?.completion_tokens ?? 0)),
            total: sum(rows.map((row) => row.usage?.total_tokens ?? 0)),
        },
        cost_usd: model.pricing ? sum(costs) : null,
    };
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
    const models = config.models.map((model) => summarizeModel(model, outcome.rows.filter((row) => row.model === model.name), outcome.stopped[model.name] ?? null));
    const gate = evaluateThresholds(models, config.thresholds);
    return {
        schema_version: 1,
        tool: { name: 'llm-bench', version: version/* VERSION */.x },
        run: {
            id: run.id ?? (0,external_node_crypto_.randomUUID)(),
            started_at: run.startedAt.toISOString(),
            finished_at: run.finishedAt.toISOString(),
            config: displayPath(config.file),
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
    const records = results.cases.map((row) => toRecord(results, row));
    return (0,sync/* stringify */.A)(records, {
        bom: true,
        header: true,
        columns: [...CSV_COLUMNS],
        record_delimiter: 'windows',
        // Set explicitly because csv-stringify turns it off when `record_delimiter` is given, and a
        // field holding a bare `\n` would then be written unquoted.
        quote_record_delimiter: true,
        escape_formulas: true,
        cast: {
            boolean: (value) => (value ? 'true' : 'false'),
        },
    });
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
    const suites = results.models.map((model) => renderSuite(results, model));
    const totals = countTotals(results.cases);
    const attributes = formatAttributes({
        name: results.tool.name,
        tests: totals.tests,
        failures: totals.failures,
        errors: totals.errors,
        time: formatSeconds(totals.latencyMs),
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes}>\n${suites.join('')}</testsuites>\n`;
}
function renderSuite(results, model) {
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
    const testcases = rows.map((row) => renderTestcase(row, sampled.has(row.id)));
    return `  <testsuite${attributes}>\n${testcases.join('')}  </testsuite>\n`;
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
    const body = row.output === null ? '' : escapeText(truncateCodePoints(row.output, FAILURE_BODY_MAX_CHARS));
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
;// CONCATENATED MODULE: ./src/report/format.ts
// Number formats shared by the reports. Fixed to English digits and separators so that a report
// renders the same on every runner, whatever its locale.
const NO_VALUE = '—';
const INTEGER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
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
/** Formats a token count with thousands separators (`12,345`). */
function formatCount(count) {
    return INTEGER_FORMAT.format(count);
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

;// CONCATENATED MODULE: ./src/report/baseline.ts
// The report's optional comparison with a baseline run. The comparison is computed by
// src/baseline, which adds a `baseline` field to each model summary of the results file. This
// file reads only the fields it renders and checks their types, so a results file written by
// another version still renders.



/** Newly failing case ids listed per model; the rest are counted. */
const MAX_LISTED_IDS = 5;
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
        pass_rate: finiteOrUndefined(fields.pass_rate),
        head_pass_rate: finiteOrUndefined(fields.head_pass_rate),
        delta: finiteOrUndefined(fields.delta),
        newly_failing: stringsOrUndefined(fields.newly_failing),
        newly_passing: stringsOrUndefined(fields.newly_passing),
        p_value: finiteOrUndefined(fields.p_value),
        verdict: typeof fields.verdict === 'string' ? fields.verdict : undefined,
        reason: typeof fields.reason === 'string' ? fields.reason : undefined,
    };
}
/** Renders the "Compared with baseline" section, or '' when no model has a baseline. */
function renderBaselineSection(models) {
    const rows = [];
    for (const model of models) {
        const baseline = readBaseline(model);
        if (baseline !== undefined) {
            rows.push(renderBaselineRow(model, baseline));
        }
    }
    if (rows.length === 0) {
        return '';
    }
    const header = ['Model', 'Baseline', 'Now', 'Change', 'Verdict', 'Newly failing'];
    const table = (0,markdown_table/* markdownTable */.Q)([header, ...rows], { alignDelimiters: false, align: ['l', 'r', 'r', 'r', 'l', 'l'] });
    return `### Compared with baseline\n\n${table}`;
}
function renderBaselineRow(model, baseline) {
    const before = baseline.pass_rate === undefined ? NO_VALUE : formatPercent(baseline.pass_rate);
    const now = formatPercent(baseline.head_pass_rate ?? model.pass_rate);
    return [
        escapeMarkdown(model.name),
        before,
        now,
        formatChange(baseline.delta),
        formatVerdict(baseline),
        formatIds(baseline.newly_failing),
    ];
}
function formatChange(delta) {
    if (delta === undefined) {
        return NO_VALUE;
    }
    if (delta > 0) {
        return `▲ ${formatPointDelta(delta)}`;
    }
    if (delta < 0) {
        return `▼ ${formatPointDelta(delta)}`;
    }
    return formatPointDelta(delta);
}
function formatVerdict(baseline) {
    const parts = [];
    if (baseline.verdict !== undefined) {
        const icon = VERDICT_ICONS[baseline.verdict];
        const word = `**${escapeMarkdown(baseline.verdict, { maxChars: 40 })}**`;
        parts.push(icon === undefined ? word : `${icon} ${word}`);
    }
    if (baseline.reason !== undefined) {
        parts.push(escapeMarkdown(baseline.reason, { maxChars: 160 }));
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
function formatPValue(p) {
    return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
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

;// CONCATENATED MODULE: ./src/report/failing.ts
// The report's "Failing cases" section: one table per model, filled row by row, taking turns
// between models, until the size budget runs out.



/** Failing rows a model may have before its table is folded into a `<details>` block. */
const FOLD_AFTER_ROWS = 10;
const REASON_MAX_CHARS = 160;
const ANSWER_MAX_CHARS = 100;
const ID_MAX_CHARS = 80;
/** Counts the rows that did not pass, errors included. */
function countFailing(cases) {
    return cases.filter((row) => !row.pass).length;
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
    const omitted = blocks.reduce((sum, block) => sum + block.rows.length - block.keptRows, 0);
    if (rendered.length === 0) {
        return { markdown: '', omitted };
    }
    return { markdown: [title, ...rendered].join('\n\n'), omitted };
}
/** Groups the rows that did not pass by model, in the order the models ran. */
function groupFailingRows(cases) {
    const groups = new Map();
    for (const row of cases) {
        if (row.pass) {
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
    const header = ['Case', 'Type', 'Reason', 'Answer'];
    const cells = rows.map((row) => renderCells(row, sampled.has(sampleKey(row)), sourceUrl));
    const lines = (0,markdown_table/* markdownTable */.Q)([header, ...cells], { alignDelimiters: false }).split('\n');
    return { model, head: lines.slice(0, 2), rows: lines.slice(2), keptRows: 0, included: false };
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
    const answer = row.output === null ? '—' : escapeMarkdown(row.output, { maxChars: ANSWER_MAX_CHARS });
    return [label, escapeMarkdown(row.type), escapeMarkdown(reason, { maxChars: REASON_MAX_CHARS }), answer];
}
/** Takes rows for the included blocks in turn until none fits. */
function fillRows(blocks, budget) {
    const open = new Set(blocks.filter((block) => block.included && block.rows.length > 0));
    while (open.size > 0) {
        for (const block of open) {
            if (!budget.take(block.rows[block.keptRows] + '\n')) {
                open.delete(block);
                continue;
            }
            block.keptRows++;
            if (block.keptRows === block.rows.length) {
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
    const total = block.rows.length;
    const omitted = total - block.keptRows;
    const table = [...block.head, ...block.rows.slice(0, block.keptRows)].join('\n');
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
        renderBaselineSection(results.models),
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
    const verdict = gate.passed
        ? '✅ **Gate passed**'
        : `❌ **Gate failed** (${plural(gate.failures.length, 'threshold')} not met)`;
    const caseCount = new Set(cases.map((row) => row.id)).size;
    const parts = [verdict, plural(models.length, 'model'), plural(caseCount, 'case')];
    if (cases.some((row) => row.sample > 0)) {
        parts.push(plural(cases.length, 'answer'));
    }
    parts.push(`run ${escapeMarkdown(results.run.id)}`);
    if (results.run.partial) {
        parts.push('⚠️ partial run');
    }
    return parts.join(' · ');
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
            notes.push(`⚠️ ${escapeMarkdown(model.name)} stopped early: ${escapeMarkdown(model.stopped, { maxChars: 200 })}.`);
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
    const header = ['Model', 'Pass rate', 'Errors', 'By type', 'p95 latency', 'Tokens', 'Cost', 'Verdict'];
    const rows = results.models.map((model) => [
        escapeMarkdown(model.name),
        `${formatPercent(model.pass_rate)} (${formatCount(model.passed)}/${formatCount(model.total)})`,
        formatErrors(model),
        formatByType(model),
        formatLatency(model.latency_ms.p95),
        formatCount(model.tokens.total),
        formatCost(model.cost_usd),
        markdown_formatVerdict(model.name, results.gate.failures),
    ]);
    return (0,markdown_table/* markdownTable */.Q)([header, ...rows], { alignDelimiters: false, align: ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'l'] });
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
function markdown_formatVerdict(model, failures) {
    const own = failures.filter((failure) => failure.model === model);
    if (own.length === 0) {
        return '✅ pass';
    }
    const missed = own.map((failure) => {
        const metric = metricOf(failure);
        const comparison = metric === 'error_rate' ? '>' : '<';
        return `${formatScope(failure.scope)} ${METRIC_LABELS[metric]} ${comparison} ${formatPercent(failure.threshold)}`;
    });
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
    const more = rest > 0 ? `\n\n${plural(rest, 'more gate failure')} not listed.` : '';
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
    return `_${plural(count, 'more failing answer')} not shown to stay within GitHub's size limit; all are in ${where}._`;
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
function plural(count, noun) {
    return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/results/write.ts





/** Writes results.json, results.csv, the Markdown report and JUnit XML; returns the report's text. */
async function writeResults(results, paths, reportOptions = {}) {
    const report = renderReport(results, reportOptions);
    const files = [
        [paths.json, `${JSON.stringify(results, null, 2)}\n`],
        [paths.csv, renderCsv(results)],
        [paths.report, report],
        [paths.junit, renderJunit(results)],
    ];
    for (const [file, text] of files) {
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,promises_.writeFile)(file, text, 'utf8');
    }
    return report;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 152 modules
var openai = __webpack_require__(3674);
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

;// CONCATENATED MODULE: ./src/runner/retry.ts
const DEFAULT_RETRY_POLICY = { retries: 5, maxRetryWaitMs: 60_000, baseBackoffMs: 500, maxBackoffMs: 30_000 };
/** HTTP statuses worth retrying: timeout, conflict, rate limit, server errors (529 is Anthropic's "overloaded"). */
function isTransientStatus(status) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
}
/** A failed call, classified by the provider so that the runner knows whether to retry it. */
class CallFailure extends Error {
    transient;
    status;
    /** Wait the API asked for before the next attempt, in ms. */
    retryAfterMs;
    constructor(message, options) {
        super(message);
        this.name = 'CallFailure';
        this.transient = options.transient;
        this.status = options.status;
        this.retryAfterMs = options.retryAfterMs;
    }
}
/** The API asked for a wait longer than the policy allows, such as a daily quota; the model is stopped. */
class QuotaWaitTooLong extends Error {
    waitMs;
    maxWaitMs;
    constructor(waitMs, maxWaitMs, cause) {
        super(`the API asked to wait ${retry_formatSeconds(waitMs)} before retrying (${cause.message}), more than max_retry_wait_s ` +
            `(${retry_formatSeconds(maxWaitMs)}); a quota is probably used up, so this model's remaining cases were not run`);
        this.waitMs = waitMs;
        this.maxWaitMs = maxWaitMs;
        this.name = 'QuotaWaitTooLong';
    }
}
function retry_formatSeconds(ms) {
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
    const sleep = hooks.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
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

;// CONCATENATED MODULE: ./src/providers/openai.ts



/**
 * Calls an OpenAI-compatible chat-completions API through the `openai` package. `params` are passed
 * through as request fields. The package's own retries are off: the runner retries with its policy,
 * counts every retry and honours the server's requested waits. A failed call throws a CallFailure
 * that says whether it is worth retrying; the message never contains the API key.
 */
function createOpenAiProvider(model, options) {
    const client = new openai/* default */.Ay({
        baseURL: model.baseUrl,
        // Local servers often need no key; the package insists on one, so send a placeholder.
        apiKey: options.apiKey ?? 'no-key',
        timeout: options.timeoutS * 1000,
        maxRetries: 0,
    });
    return {
        async complete(request) {
            const started = performance.now();
            let response;
            try {
                response = await client.chat.completions.create({
                    ...model.params,
                    model: model.model,
                    messages: request.messages,
                    stream: false,
                }, { signal: request.signal });
            }
            catch (error) {
                throw toCallFailure(error, options.timeoutS, options.apiKey);
            }
            return readChoice(response, performance.now() - started);
        },
    };
}
/**
 * Reads the first choice. A body that is not a chat completion (an HTML error page, no `choices`)
 * is a transient failure, as proxies send those under load; an empty or filtered answer is not: it
 * is scored like any other answer, and its finish reason is kept on the row.
 */
function readChoice(response, latencyMs) {
    if (response === null || typeof response !== 'object') {
        throw new CallFailure(`malformed response: expected a JSON chat completion, got ${describeBody(response)}`, { transient: true });
    }
    const body = response;
    const choice = body.choices?.[0];
    if (!choice)
        throw new CallFailure('malformed response: no choices', { transient: true });
    const usage = body.usage
        ? { prompt_tokens: body.usage.prompt_tokens ?? 0, completion_tokens: body.usage.completion_tokens ?? 0, total_tokens: body.usage.total_tokens ?? 0 }
        : null;
    const content = choice.message?.content;
    return { output: typeof content === 'string' ? content : '', usage, finishReason: choice.finish_reason ?? null, latencyMs, error: null };
}
function describeBody(body) {
    const text = typeof body === 'string' ? body : String(body);
    return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
/** Classifies an error of the openai package: HTTP status, timeout, connection or unreadable body. */
function toCallFailure(error, timeoutS, apiKey) {
    const clean = (text) => redact(firstLine(text), [apiKey]);
    if (error instanceof openai/* default.APIConnectionTimeoutError */.Ay.APIConnectionTimeoutError) {
        return new CallFailure(`request timed out after ${timeoutS} s`, { transient: true });
    }
    if (error instanceof openai/* default.APIConnectionError */.Ay.APIConnectionError) {
        const cause = error.cause instanceof Error ? error.cause.message : error.message;
        return new CallFailure(clean(`connection failed: ${cause}`), { transient: true });
    }
    if (error instanceof openai/* default.APIError */.Ay.APIError && error.status !== undefined) {
        return new CallFailure(clean(`HTTP ${error.status}: ${error.message}`), {
            transient: isTransientStatus(error.status),
            status: error.status,
            retryAfterMs: retryAfterMs(error.headers),
        });
    }
    // Checked by name, not instanceof: JSON.parse's SyntaxError may come from another realm (jest's VM).
    const { name, message } = (error ?? {});
    if (name === 'SyntaxError') {
        return new CallFailure(clean(`malformed response: the body is not valid JSON (${String(message)})`), { transient: true });
    }
    return new CallFailure(clean(typeof message === 'string' ? message : String(error)), { transient: false });
}
function firstLine(text) {
    const line = text.split('\n')[0] ?? '';
    return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

;// CONCATENATED MODULE: ./src/suite/jsonl.ts


/**
 * Reads a JSONL file into objects. Blank lines are skipped; a line that is not a JSON object is an
 * error naming its line number. A UTF-8 byte-order mark at the start is ignored.
 */
async function readJsonl(file, shown) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const problem = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`;
        return { lines: [], errors: [new src_errors/* InputError */.dz({ file: shown, problem, fix: 'check the path; it is relative to the folder of the config file' })] };
    }
    const lines = [];
    const errors = [];
    const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    rows.forEach((row, position) => {
        if (row.trim() === '')
            return;
        const line = position + 1;
        let value;
        try {
            value = JSON.parse(row);
        }
        catch (error) {
            errors.push(new src_errors/* InputError */.dz({ file: shown, line, problem: `invalid JSON: ${error.message}`, fix: 'write one JSON object per line' }));
            return;
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            errors.push(new src_errors/* InputError */.dz({ file: shown, line, problem: 'expected a JSON object on this line', fix: 'write one JSON object per line' }));
            return;
        }
        lines.push({ line, index: lines.length + errors.length, value: value });
    });
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
    const shown = displayPath(model.outputs);
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
    const shown = displayPath(file);
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
 */
async function createProvider(model, config, env) {
    if (model.outputs !== undefined)
        return createReplayProvider(model);
    const apiKey = model.apiKeyEnv === undefined ? undefined : env[model.apiKeyEnv];
    return createOpenAiProvider(model, { apiKey, timeoutS: config.timeoutS });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
 * A missing file gives no rows; a line cut short by a crash is skipped.
 */
async function readRowLog(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return new Map();
        throw error;
    }
    const rows = new Map();
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            const row = JSON.parse(line);
            rows.set(rowKey(row.model, row.id, row.sample), row);
        }
        catch {
            // A line cut short when the earlier run was killed; that row is run again.
        }
    }
    return rows;
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
    // code: scoreCode, from src/scorers/code.ts, once it exists.
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
 * requests in flight, plus its own estimate stays within the limit; once one is refused, the budget
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
    /** Reserves `estimateUsd` for a request about to start; false when it would pass the limit. */
    tryReserve(estimateUsd) {
        if (this.closed || this.spentUsd + this.reservedUsd + estimateUsd > this.limitUsd) {
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
 * Responses on disk, one JSON file per request, keyed on the SHA-256 of the base URL, model id,
 * messages, parameters and sample index (so the samples of a case stay distinct). Keep the folder
 * between CI runs with actions/cache to skip requests whose inputs did not change.
 */
class ResponseCache {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    key(model, messages, sample) {
        const identity = JSON.stringify({ base_url: model.baseUrl, model: model.model, messages, params: model.params, sample });
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
        const entry = { output: completion.output, usage: completion.usage, finishReason: completion.finishReason, latencyMs: completion.latencyMs };
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
    return estimateCost(usage.prompt_tokens, usage.completion_tokens, pricing);
}

;// CONCATENATED MODULE: ./src/runner/progress.ts
/** Least time between two progress lines in a log, so that CI logs stay readable on long runs. */
const PROGRESS_INTERVAL_MS = 5000;
/** Counts finished rows and logs done/total, rate, ETA and errors at most every few seconds. */
class Progress {
    total;
    log;
    done = 0;
    errors = 0;
    started = performance.now();
    lastLogged = performance.now();
    constructor(total, log) {
        this.total = total;
        this.log = log;
    }
    record(failedCall) {
        this.done += 1;
        if (failedCall)
            this.errors += 1;
        const now = performance.now();
        if (this.done === this.total || now - this.lastLogged >= PROGRESS_INTERVAL_MS) {
            this.lastLogged = now;
            this.log(this.line(now));
        }
    }
    line(now) {
        const seconds = (now - this.started) / 1000;
        const rate = seconds > 0 ? this.done / seconds : 0;
        const eta = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
        const percent = Math.floor((100 * this.done) / this.total);
        return `${this.done}/${this.total} done (${percent}%), ${rate.toFixed(1)}/s, ETA ${eta} s, ${this.errors} errors`;
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
        this.limit = (0,p_limit/* default */.A)(maximum);
    }
    get current() {
        return this.limit.concurrency;
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
    const jobs = planJobs(lanes, cases, config);
    // Every request in flight adds listeners to the signal, so the leak warning (default: over 10) would
    // fire on any busy run; 0 turns it off for this signal only.
    if (options.signal)
        (0,external_node_events_.setMaxListeners)(0, options.signal);
    const previous = options.resume ? await readRowLog(config.output.jsonl) : new Map();
    const rowLog = new RowLog(config.output.jsonl, { append: options.resume === true });
    const context = {
        config,
        global: (0,p_limit/* default */.A)(config.concurrency),
        budget: config.budgetUsd === undefined ? undefined : new Budget(config.budgetUsd),
        cache: config.cacheDir === undefined ? undefined : new ResponseCache(config.cacheDir),
        signal: options.signal,
        debug: options.debug ?? (() => { }),
    };
    warnAboutUnpricedModels(context, lanes, options.warn);
    const progress = new Progress(jobs.length, log);
    const finished = [];
    let reused = 0;
    try {
        await Promise.all(jobs.map(async (job) => {
            const earlier = previous.get(rowKey(job.lane.model.name, job.kase.id, job.sample));
            const row = earlier && earlier.error === null ? (reused++, earlier) : await job.lane.concurrency.limit(() => runJob(job, context));
            if (row === undefined)
                return;
            if (row !== earlier)
                rowLog.write(row);
            finished.push({ job, row });
            progress.record(row.error !== null);
        }));
    }
    finally {
        rowLog.close();
    }
    if (reused > 0)
        log(`Resumed: ${reused} rows reused from ${config.output.jsonl}`);
    reportRetries(lanes, options.warn);
    finished.sort((a, b) => a.job.lane.index - b.job.lane.index || a.job.caseIndex - b.job.caseIndex || a.job.sample - b.job.sample);
    const notRun = jobs.length - finished.length;
    return {
        rows: finished.map(({ row }) => row),
        stopped: Object.fromEntries(lanes.flatMap((lane) => (lane.stopped ? [[lane.model.name, lane.stopped]] : []))),
        partialReason: partialReason(context, notRun),
        budget: context.budget ? { limit_usd: context.budget.limitUsd, spent_usd: context.budget.spent } : null,
    };
}
async function createLanes(config, env, backoff) {
    const lanes = [];
    for (const [index, model] of config.models.entries()) {
        lanes.push({
            model,
            index,
            provider: await createProvider(model, config, env),
            concurrency: new AdaptiveConcurrency(Math.min(model.concurrency ?? config.concurrency, config.concurrency)),
            rpm: model.rpm === undefined ? undefined : new TokenBucket(model.rpm),
            tpm: model.tpm === undefined ? undefined : new TokenBucket(model.tpm),
            outputTokens: new OutputTokenEstimate(outputTokenCap(model)),
            policy: { ...DEFAULT_RETRY_POLICY, ...backoff, retries: model.retries, maxRetryWaitMs: model.maxRetryWaitS * 1000 },
            retriesByCause: new Map(),
        });
    }
    return lanes;
}
function planJobs(lanes, cases, config) {
    const jobs = [];
    for (const lane of lanes) {
        for (const [caseIndex, kase] of cases.entries()) {
            const samples = kase.samples ?? lane.model.samples ?? lane.provider.sampleCount?.(kase) ?? config.samples;
            for (let sample = 0; sample < samples; sample++)
                jobs.push({ lane, kase, caseIndex, sample });
        }
    }
    return jobs;
}
/** Returns the scored row, or undefined when the job was never started (budget reached, cancelled). */
async function runJob(job, context) {
    const { lane } = job;
    const messages = conversation(context.config, job.kase);
    const cacheKey = context.cache?.key(lane.model, messages, job.sample);
    const cached = cacheKey === undefined ? undefined : await context.cache.get(cacheKey);
    if (cached)
        return scoreRow(job, cached);
    if (lane.stopped)
        return scoreRow(job, failedCompletion(lane.stopped, 0));
    if (context.signal?.aborted)
        return undefined;
    const promptTokens = estimatePromptTokens(messages);
    const reservation = lane.model.pricing && context.budget ? estimateCost(promptTokens, lane.outputTokens.value, lane.model.pricing) : 0;
    if (context.budget && lane.model.pricing && !context.budget.tryReserve(reservation))
        return undefined;
    let completion;
    try {
        const { value, retries } = await callWithRetries(() => attempt(job, messages, promptTokens, context), lane.policy, {
            onRetry: (failure, waitMs, number) => {
                const cause = failure.status === undefined ? failure.message.split(':')[0] : `HTTP ${failure.status}`;
                lane.retriesByCause.set(cause, (lane.retriesByCause.get(cause) ?? 0) + 1);
                context.debug(`${lane.model.name} ${job.kase.id}#${job.sample}: retry ${number} in ${waitMs} ms after ${failure.message}`);
            },
        });
        completion = { ...value, retries };
    }
    catch (error) {
        const retries = error.retries ?? 0;
        if (error instanceof QuotaWaitTooLong)
            lane.stopped ??= `${lane.model.name} stopped: ${error.message}`;
        if (context.signal?.aborted) {
            context.budget?.settle(reservation, 0);
            return undefined;
        }
        completion = failedCompletion(error instanceof Error ? error.message : String(error), retries);
    }
    const row = await scoreRow(job, completion);
    context.budget?.settle(reservation, row.cost_usd ?? 0);
    if (cacheKey !== undefined && completion.error === null)
        await context.cache.put(cacheKey, completion);
    return row;
}
/** One request: waits for the model's rate limits, then for a global slot, then calls. */
async function attempt(job, messages, promptTokens, context) {
    const { lane } = job;
    if (context.signal?.aborted)
        throw new CallFailure('cancelled', { transient: false });
    if (lane.stopped)
        throw new CallFailure(lane.stopped, { transient: false });
    const tokenEstimate = promptTokens + lane.outputTokens.value;
    await lane.rpm?.take(1);
    await lane.tpm?.take(tokenEstimate);
    try {
        const completion = await context.global(() => lane.provider.complete({ kase: job.kase, messages, sample: job.sample, signal: context.signal }));
        lane.concurrency.onSuccess();
        if (completion.usage) {
            lane.outputTokens.observe(completion.usage.completion_tokens);
            lane.tpm?.adjust(completion.usage.total_tokens - tokenEstimate);
        }
        return completion;
    }
    catch (error) {
        if (error instanceof CallFailure && error.status === 429)
            lane.concurrency.onRateLimited();
        throw error;
    }
}
function failedCompletion(error, retries) {
    return { output: null, usage: null, finishReason: null, latencyMs: null, error, retries };
}
function conversation(config, kase) {
    const hasSystem = kase.messages[0]?.role === 'system';
    return config.system && !hasSystem ? [{ role: 'system', content: config.system }, ...kase.messages] : kase.messages;
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
        latency_ms: completion.latencyMs === null ? null : Math.round(completion.latencyMs * 10) / 10,
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
        return `budget_usd ${context.budget.limitUsd} reached after spending $${context.budget.spent.toFixed(4)}; ${notRun} rows were not run`;
    }
    if (context.signal?.aborted)
        return `cancelled; ${notRun} rows were not run`;
    return `${notRun} rows were not run`;
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


/** Default sandbox timeout for code cases, in seconds. */
const DEFAULT_CODE_TIMEOUT_S = 10;
/**
 * Checks the type-specific rules of one schema-valid case and builds the typed `Case`. Returns the
 * errors instead of throwing, so that a suite file reports all of its problems in one run.
 */
function toCase(raw, site) {
    const errors = [];
    const fail = (key, problem, fix) => {
        errors.push(new src_errors/* InputError */.dz({ file: site.file, line: site.lineOf(key) ?? site.line, field: site.field ? `${site.field}.${key}` : key, problem, fix }));
    };
    const type = raw.type;
    for (const [key, types] of Object.entries(TYPE_OPTIONS)) {
        if (raw[key] !== undefined && !types.includes(type)) {
            fail(key, `"${key}" applies to ${types.join(' and ')} cases, not ${type}`, `remove it, or change type to ${types[0]}`);
        }
    }
    const messages = buildMessages(raw, fail);
    const base = {
        id: String(raw.id),
        messages,
        tags: raw.tags.map(String),
        source: { file: site.file, line: site.line },
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
        ...base,
        type: 'math',
        expected: expected === undefined || Array.isArray(expected) ? '' : String(expected),
        extract: typeof extract === 'string' ? { kind: 'last' } : extract,
        tolerance: raw.tolerance ?? 0,
        compare,
    };
}
/** Parses `first | last | boxed | regex:<pattern>`; returns a problem description when invalid. */
function parseExtract(text) {
    if (text === 'first' || text === 'last' || text === 'boxed')
        return { kind: text };
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
    return { ...base, type: 'qa', expected, match };
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
    return { ...base, type: 'summary', mustInclude, maxChars: raw.max_chars, minChars: raw.min_chars };
}
function buildCode(raw, base, fail) {
    if (raw.language === undefined)
        fail('language', 'missing: a code case needs the language its answer is written in', 'add language: python (or javascript)');
    if (raw.tests === undefined)
        fail('tests', 'missing: a code case needs tests to run against the answer', 'add tests: | with assertions that import from the solution module');
    return {
        ...base,
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
/** Reads a JSONL data set in one of the known formats into cases. */
async function readDataset(entry, configDir) {
    const file = external_node_path_default().resolve(configDir, entry.path);
    const shown = displayPath(file);
    const read = await readJsonl(file, shown);
    if (read.errors.length > 0 && read.lines.length === 0) {
        return { cases: [], errors: read.errors.map((error) => (error.line ? error : new src_errors/* InputError */.dz({ ...entry.source, field: 'suite.path', problem: `${shown}: ${error.message}` }))) };
    }
    const lines = entry.limit === undefined ? read.lines : read.lines.slice(0, entry.limit);
    const loaded = entry.format === 'gsm8k' ? gsm8k(entry, lines, shown) : entry.format === 'humaneval' ? humaneval(entry, lines, shown) : generic(entry, lines, shown);
    return { cases: loaded.cases, errors: [...read.errors, ...loaded.errors] };
}
function idFor(entry, id) {
    return `${entry.idPrefix ?? ''}${id}`;
}
/**
 * GSM8K: `question` is the prompt; the expected value is the text after `#### ` in `answer` with
 * commas dropped (the data set authors' rule). Cases are named by their 0-based line.
 */
function gsm8k(entry, lines, file) {
    return mapLines(entry, lines, file, (value, line) => {
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
function humaneval(entry, lines, file) {
    const timeoutS = typeof entry.defaults['timeout_s'] === 'number' ? entry.defaults['timeout_s'] : DEFAULT_CODE_TIMEOUT_S;
    const cases = [];
    const errors = [];
    for (const line of lines) {
        const { task_id: taskId, prompt, test, entry_point: entryPoint } = line.value;
        if (typeof taskId !== 'string' || typeof prompt !== 'string' || typeof test !== 'string' || typeof entryPoint !== 'string') {
            errors.push(new src_errors/* InputError */.dz({ file, line: line.line, problem: 'expected string fields "task_id", "prompt", "test" and "entry_point" (HumanEval format)', fix: 'use the HumanEval JSONL format, or format: jsonl with a field mapping' }));
            continue;
        }
        cases.push({
            id: idFor(entry, taskId),
            type: 'code',
            messages: [{ role: 'user', content: `${HUMANEVAL_INSTRUCTION}\n\n\`\`\`python\n${prompt}\`\`\`` }],
            tags: tagsFrom(entry),
            source: { file, line: line.line },
            index: line.index,
            language: 'python',
            codePrefix: prompt,
            tests: test,
            entryPoint,
            timeoutS,
        });
    }
    return { cases, errors };
}
/**
 * Generic JSONL: with `prompt_field`, each line is mapped (`prompt_field`, `expected_field`,
 * `id_field`, the entry's `type` and `defaults`); without it, each line is a case in the suite format.
 */
function generic(entry, lines, file) {
    return mapLines(entry, lines, file, (value, line) => {
        if (entry.promptField === undefined)
            return { ...value, id: value['id'] ?? idFor(entry, String(line.index)) };
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
/** Validates each mapped line as a suite case merged over the entry's defaults. */
function mapLines(entry, lines, file, map) {
    const cases = [];
    const errors = [];
    for (const line of lines) {
        const mapped = map(line.value, line);
        if (typeof mapped === 'string') {
            errors.push(new src_errors/* InputError */.dz({ file, line: line.line, problem: mapped, fix: `check the line against the ${entry.format} format` }));
            continue;
        }
        const merged = { ...entry.defaults, ...mapped };
        const parsed = rawCaseSchema.safeParse(merged);
        const site = { file, lineOf: () => line.line };
        if (!parsed.success) {
            errors.push(...issuesToErrors(site, merged, parsed.error.issues, { knownKeys: () => CASE_KEYS }));
            continue;
        }
        const result = toCase(parsed.data, { ...site, line: line.line, field: '' });
        errors.push(...result.errors);
        if (result.case)
            cases.push({ ...result.case, index: line.index });
    }
    return { cases, errors };
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
    const shown = displayPath(file);
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
                cases.push(...loaded.cases);
                errors.push(...loaded.errors);
                continue;
            }
            for (const file of await expandSuiteEntry(entry.pattern, config.dir, entry.source)) {
                const loaded = file.endsWith('.jsonl') ? await readCaseLines(file) : await readYamlCases(file);
                cases.push(...loaded.cases);
                errors.push(...loaded.errors);
            }
        }
        catch (error) {
            if (error instanceof src_errors/* InputError */.dz)
                errors.push(error);
            else if (error instanceof src_errors/* InputErrors */.G)
                errors.push(...error.errors);
            else
                throw error;
        }
    }
    errors.push(...duplicateIds(cases));
    if (errors.length > 0)
        throw new src_errors/* InputErrors */.G(errors);
    if (cases.length === 0) {
        throw new src_errors/* InputError */.dz({ file: displayPath(config.file), field: 'suite', problem: 'the suite has no cases', fix: 'add cases to the suite files' });
    }
    return cases;
}
/** A `.jsonl` file found through a folder or glob holds one suite-format case per line. */
function readCaseLines(file) {
    const entry = { kind: 'dataset', path: file, format: 'jsonl', defaults: {}, source: { file: displayPath(file), line: 1 } };
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

;// CONCATENATED MODULE: ./src/engine.ts





/**
 * The whole pipeline that both the action and the CLI run: validate config and suite, call and
 * score every case, aggregate, gate, and write the result files.
 */
async function runEngine(options) {
    const log = options.log ?? (() => { });
    const config = await loadConfig(options.configPath, { env: options.env });
    options.onConfig?.(config);
    const cases = await loadSuite(config);
    log(`Loaded ${cases.length} cases for ${config.models.length} model(s) from ${config.suite.length} suite entr${config.suite.length === 1 ? 'y' : 'ies'}`);
    const startedAt = new Date();
    const outcome = await runBenchmark(config, cases, { env: options.env, log, warn: options.warn, debug: options.debug, signal: options.signal, resume: options.resume });
    const results = buildResults(config, outcome, { id: options.runId, startedAt, finishedAt: new Date() });
    const paths = { ...config.output, ...options.outputs };
    const report = await writeResults(results, paths, options.reportOptions);
    return { config, results, paths, report };
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
    process.stdout.write(`${options.configPath} is valid: ${cases.length} cases, ${config.models.length} model(s).\n`);
    return exit_codes/* EXIT */.d.passed;
}
/**
 * `llm-bench run`: the whole pipeline. SIGINT or SIGTERM stops new requests and cancels those in
 * flight; the rows finished so far are still written, and `--resume` completes the run later.
 */
async function run(options) {
    const outputs = Object.fromEntries(Object.entries(options.outputs).filter(([, value]) => value !== undefined));
    const controller = new AbortController();
    let signalName;
    const onSignal = (name) => {
        signalName = name;
        process.stderr.write(`${name} received: stopping; finished rows are kept (--resume continues the run)\n`);
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
            log: (line) => process.stderr.write(`${line}\n`),
            warn: (line) => process.stderr.write(`warning: ${line}\n`),
            debug: options.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
        });
        if (!options.quiet)
            process.stdout.write(`${report}\n`);
        process.stdout.write(`\nResults: ${paths.json}\nRows as they finished: ${paths.jsonl}\nCSV: ${paths.csv}\nReport: ${paths.report}\nJUnit: ${paths.junit}\n`);
        for (const failure of results.gate.failures) {
            const comparison = failure.metric === 'error_rate' ? '>' : '<';
            process.stderr.write(`threshold not met: ${failure.model} ${failure.scope} ${failure.metric} ${failure.value.toFixed(3)} ${comparison} ${failure.threshold}\n`);
        }
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


/***/ })

};

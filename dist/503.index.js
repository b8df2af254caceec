export const id = 503;
export const ids = [503];
export const modules = {

/***/ 69503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
;// CONCATENATED MODULE: ./src/report/run-report.ts





function buildReport(options) {
    const finishedAt = new Date();
    const error = options.error;
    return {
        reportVersion: 1,
        action: { name: constants/* ACTION_NAME */.px, version: constants/* ACTION_VERSION */.Yt },
        mode: options.mode,
        startedAt: options.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - options.startedAt.getTime(),
        outcome: error ? 'failure' : 'success',
        error: error
            ? error instanceof errors/* ActionError */.lZ
                ? { code: error.code, message: error.message, hint: error.hint }
                : { message: error instanceof Error ? error.message : String(error) }
            : null,
        ...options.sections
    };
}
/** Writes the report; every string in it passes through the secret scrubber first. */
function writeReport(path, report) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    const text = JSON.stringify(report, (_key, value) => (typeof value === 'string' ? (0,secrets/* scrub */._I)(value) : value), 2);
    (0,external_node_fs_.writeFileSync)(path, text + '\n', { mode: 0o600 });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/util/repo-files.ts
var repo_files = __webpack_require__(81556);
// EXTERNAL MODULE: ./src/settings/input.ts
var input = __webpack_require__(54781);
// EXTERNAL MODULE: ./src/settings/lock-settings.ts
var lock_settings = __webpack_require__(35418);
// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
// EXTERNAL MODULE: ./src/migrate/prisma-schema.ts
var prisma_schema = __webpack_require__(32545);
// EXTERNAL MODULE: ./src/migrate/prisma-version.ts
var prisma_version = __webpack_require__(71048);
;// CONCATENATED MODULE: ./src/settings/migrate-project.ts







/** `migrations-dir` as an absolute path; a folder the user named explicitly must exist (Prisma: "no migrations"). */
function explicitMigrationsDir(read, workingDirectory, files) {
    const explicit = read('migrations-dir');
    if (!explicit)
        return undefined;
    const path = (0,external_node_path_.isAbsolute)(explicit) ? explicit : (0,external_node_path_.resolve)(workingDirectory, explicit);
    const kind = files.inspect(path, { input: 'migrations-dir' });
    if (kind === 'missing')
        throw new errors/* InputError */.dz('migrations-dir', `"${explicit}" does not exist (${path}).`, 'Set it relative to `working-directory`, e.g. prisma/migrations, or leave it empty to find it the way Prisma does.');
    if (kind === 'file')
        throw new errors/* InputError */.dz('migrations-dir', `"${explicit}" is a file, not a folder.`, 'Point it at the folder that holds the <timestamp>_<name>/migration.sql directories.');
    return path;
}
/** The datasource's `schemas` and the log lines that say where the schema, datasource and config came from. */
function datasourceAndNotes(layout, workingDirectory, files) {
    const notes = [];
    let schemas;
    if (layout.schema) {
        const datasource = (0,prisma_schema/* findDatasource */.j6)(layout.schema.path, files);
        const shown = (0,external_node_path_.relative)(workingDirectory, datasource?.file ?? layout.schema.path) || '.';
        if (!datasource)
            notes.push(`Schema: ${layout.schema.reason}; no datasource block found in it.`);
        else if (datasource.schemasUnreadable)
            notes.push(`Datasource in ${shown}: \`schemas\` is not a list of string literals and is not used.`);
        else if (datasource.schemas) {
            schemas = datasource.schemas;
            notes.push(`Datasource in ${shown}: schemas ${datasource.schemas.join(', ')} (multiSchema).`);
        }
    }
    if (layout.externalTables?.length)
        notes.push(`tables.external in ${(0,external_node_path_.relative)(workingDirectory, layout.configFile ?? '')}: ${layout.externalTables.join(', ')}.`);
    notes.push(...layout.notes
        .filter((note) => !layout.migrationsDir.reason.includes(note))
        .map((note) => `Note: ${note}.`));
    return { schemas, notes };
}
/** The Prisma project of the three migrate modes: its Prisma version, migrations folder, schema and config. */
async function readMigrateProject(read, run) {
    const prisma = await (0,prisma_version/* detectPrismaVersion */.k6)(run.workingDirectory, run.workspace, (0,prisma_version/* readVersionInput */.tY)(read('prisma-version')));
    const files = new repo_files/* RepositoryFiles */.Yn(run.workspace);
    const explicitPath = explicitMigrationsDir(read, run.workingDirectory, files);
    const layout = (0,migrations_dir/* resolveProjectLayout */.kK)(run.workingDirectory, explicitPath, files, {
        prisma7: (0,prisma_version/* isPrisma7 */.Kh)(prisma.version),
        prisma7ConfigNames: (0,prisma_version/* hasPrisma7ConfigNames */.om)(prisma.version)
    });
    const { schemas, notes } = datasourceAndNotes(layout, run.workingDirectory, files);
    return {
        migrationsDir: layout.migrationsDir,
        prisma: { ...prisma, execution: (0,prisma_version/* executionFor */.OC)(prisma.version) },
        schemas,
        externalTables: layout.externalTables,
        layoutNotes: notes
    };
}
/** `resolve-applied` / `resolve-rolled-back`: exactly one for migrate-resolve, neither for another mode. */
function readResolveTarget(read, mode) {
    const hint = 'Remove it, or set mode: migrate-resolve.';
    const applied = (0,input/* onlyFor */.Wj)(read, 'resolve-applied', mode, 'migrate-resolve', hint);
    const rolledBack = (0,input/* onlyFor */.Wj)(read, 'resolve-rolled-back', mode, 'migrate-resolve', hint);
    if (mode !== 'migrate-resolve')
        return undefined;
    if (applied && rolledBack) {
        throw new errors/* InputError */.dz('resolve-applied', 'and `resolve-rolled-back` are both set; pass exactly one of them.', 'Use resolve-rolled-back after undoing a failed migration by hand, resolve-applied after finishing it by hand or to baseline.');
    }
    if (applied)
        return { migration: applied, as: 'applied' };
    if (rolledBack)
        return { migration: rolledBack, as: 'rolled-back' };
    throw new errors/* InputError */.dz('resolve-applied', 'or `resolve-rolled-back` is required for mode migrate-resolve.', 'Set one of them to the full migration directory name, e.g. resolve-rolled-back: 20240102000000_add_post.');
}

// EXTERNAL MODULE: ./src/util/edit-distance.ts
var edit_distance = __webpack_require__(38732);
;// CONCATENATED MODULE: ./src/settings/declared-inputs.ts
// Generated from action.yml by `npm run docs` (scripts/action-docs.mjs): do not edit.
/** The inputs action.yml declares, in its order. */
const DECLARED_INPUTS = [
    'mode',
    'database-url',
    'working-directory',
    'migrations-dir',
    'prisma-version',
    'resolve-applied',
    'resolve-rolled-back',
    'fail-on-pending',
    'expected-plan-id',
    'allow-destructive',
    'fail-on',
    'rules',
    'comment',
    'github-token',
    'base-ref',
    'lock-timeout',
    'lock-retry-window',
    'statement-timeout',
    'backup-before-deploy',
    'destination',
    's3-endpoint',
    's3-region',
    's3-force-path-style',
    'retention-days',
    'format',
    'pg-dump-args',
    'pg-dump-path',
    'install-client',
    'verify',
    'encrypt-to',
    'allow-unencrypted',
    'keep-last',
    'keep-days',
    'backup-uri',
    'age-identity',
    'target-database-url',
    'target-clean'
];

;// CONCATENATED MODULE: ./src/settings/unknown-inputs.ts



/** The environment variable the runner sets for an input given in `with:` (and for each declared default). */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
const canonicalName = (name) => name.toLowerCase().replace(/[_ ]/g, '-');
/** The declared input an unknown name most likely meant. */
function closestInput(name, declared = DECLARED_INPUTS) {
    const wanted = canonicalName(name);
    let best = declared[0];
    let bestDistance = Infinity;
    for (const candidate of declared) {
        const distance = (0,edit_distance/* editDistance */.Y)(wanted, canonicalName(candidate));
        if (distance < bestDistance)
            [best, bestDistance] = [candidate, distance];
    }
    return best;
}
/**
 * Fails on an `INPUT_*` variable that names no input of action.yml. The runner only warns ("Unexpected input(s)")
 * and runs the step anyway, with the input ignored: `database_url:` instead of `database-url:` turns a comparison
 * with the database into an offline review, `backup_before_deploy:` deploys without the backup that was asked
 * for. A step that would silently do something other than what its workflow says stops here instead. The values
 * are never shown (they are often secrets).
 */
function checkUnknownInputs(env = process.env, declared = DECLARED_INPUTS) {
    const known = new Set(declared.map(inputVariable));
    const unknown = Object.keys(env)
        .filter((key) => key.startsWith('INPUT_') && !known.has(key))
        .map((key) => key.slice('INPUT_'.length).toLowerCase())
        .sort();
    if (unknown.length === 0)
        return;
    const [first, ...others] = unknown;
    const closest = closestInput(first, declared);
    const also = others.length ? ` Also unknown: ${others.map((n) => `\`${n}\``).join(', ')}.` : '';
    throw new errors/* InputError */.dz(first, `is not an input of this action; did you mean \`${closest}\`? An unknown input would be ignored, and the step would do something else than the workflow asks (without \`database-url\`, migrate-status reviews offline instead of comparing with the database).${also}`, `Rename it to \`${closest}\` in the step's \`with:\` (input names use hyphens), or remove it. The inputs are listed in the README and action.yml.`);
}

;// CONCATENATED MODULE: ./src/settings/get-settings.ts
/**
 * The one place that reads the action's inputs (actions/checkout's input-helper is the model): `getSettings`
 * registers every secret, refuses unknown inputs, then parses and checks what the mode uses into its member of
 * the `Settings` union. Backup and review inputs are loaded only by the modes that use them (start-up time).
 */











function readMode(read) {
    const raw = read('mode');
    if (raw === '')
        throw new errors/* InputError */.dz('mode', `is required. Accepted values: ${constants/* MODES */.FN.join(', ')}.`);
    const mode = constants/* MODES */.FN.find((m) => m === raw.toLowerCase());
    if (!mode)
        throw new errors/* InputError */.dz('mode', `has the unknown value "${raw}". Accepted values: ${constants/* MODES */.FN.join(', ')}.`);
    return mode;
}
/**
 * Registers every secret input, in each form it can appear in, before anything else happens, so that no later
 * log line, error or report can show one.
 */
function registerSecretInputs(read) {
    for (const name of ['database-url', 'target-database-url']) {
        const raw = read(name);
        if (raw)
            for (const secret of (0,connection_url/* secretsOfDatabaseUrl */.lH)(raw))
                (0,secrets/* registerSecret */.cl)(secret);
    }
    (0,secrets/* registerSecret */.cl)(read('github-token'));
    const ageIdentity = read('age-identity');
    (0,secrets/* registerSecret */.cl)(ageIdentity);
    for (const line of ageIdentity.split(/\r?\n/))
        (0,secrets/* registerSecret */.cl)(line.trim());
}
/**
 * Secrets registered, unknown inputs refused, then the inputs every run has: the mode, the working directory and
 * where the report goes.
 */
function readRunSettings(read, env = process.env, progress = {}) {
    registerSecretInputs(read);
    checkUnknownInputs(env);
    const mode = readMode(read);
    progress.mode = mode;
    const files = repo_files/* RepositoryFiles */.Yn.forWorkspace(env);
    const workingDirectory = (0,external_node_path_.resolve)(files.root, read('working-directory') || '.');
    // Outside the workspace, through a link or into .git: refused, naming the input.
    if (files.inspect(workingDirectory, { input: 'working-directory' }) !== 'directory') {
        throw new errors/* InputError */.dz('working-directory', `"${read('working-directory') || '.'}" is not a directory in the workspace (${workingDirectory}).`, 'Set it to the folder of the Prisma project (the one with package.json or prisma.config.ts), relative to the repository root, and check out the repository first (actions/checkout).');
    }
    const runnerTemp = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const reportName = `pg-ops-report-${mode}-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${process.pid}.json`;
    progress.reportPath = (0,external_node_path_.join)(runnerTemp, reportName);
    return { mode, workspace: files.root, workingDirectory, reportPath: progress.reportPath };
}
/** `database-url`, required by every mode but migrate-status (which reviews offline without it). */
function readConnection(read, mode) {
    const databaseUrl = read('database-url');
    if (mode === 'migrate-status')
        return { mode, connection: databaseUrl ? (0,connection_url/* parseDatabaseUrl */.mx)(databaseUrl) : undefined };
    if (!databaseUrl) {
        throw new errors/* InputError */.dz('database-url', `is required for mode ${mode}.`, 'Pass the database URL from a secret, e.g. `database-url: ${{ secrets.DATABASE_URL }}` (on Railway: the DATABASE_PUBLIC_URL of the Postgres service).');
    }
    return { mode, connection: (0,connection_url/* parseDatabaseUrl */.mx)(databaseUrl) };
}
async function readMigrateModeSettings(read, run, target) {
    const project = await readMigrateProject(read, run);
    const resolveTarget = readResolveTarget(read, run.mode);
    const expectedPlanId = (0,input/* onlyFor */.Wj)(read, 'expected-plan-id', run.mode, 'migrate-deploy', 'Pass the `plan-id` output of the reviewed migrate-status step to the migrate-deploy step.');
    const failOnPending = (0,input/* parseBool */.q6)(read, 'fail-on-pending', false);
    if (target.mode === 'migrate-resolve' && resolveTarget)
        return { ...run, mode: target.mode, connection: target.connection, project, resolve: resolveTarget };
    const { readReviewInputs } = await Promise.all(/* import() */[__webpack_require__.e(608), __webpack_require__.e(247)]).then(__webpack_require__.bind(__webpack_require__, 67247));
    const review = readReviewInputs(read);
    if (target.mode === 'migrate-status') {
        const { rules, failOn, comment, githubToken, baseRef } = review;
        return {
            ...run,
            mode: target.mode,
            connection: target.connection,
            project,
            failOnPending,
            review: { rules, failOn },
            pullRequest: { comment, githubToken, baseRef }
        };
    }
    const { readPreDeployBackup } = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 35805));
    const backup = readPreDeployBackup(read);
    return {
        ...run,
        mode: 'migrate-deploy',
        connection: target.connection,
        project,
        expectedPlanId,
        review: { rules: review.rules, allowDestructive: review.allowDestructive },
        lockSafety: (0,lock_settings/* readLockSafetySettings */.j)(read),
        backup
    };
}
/** The mode's own inputs, parsed and checked, on top of `run` (from readRunSettings). */
async function readModeSettings(read, run) {
    const target = readConnection(read, run.mode);
    switch (target.mode) {
        case 'migrate-status':
        case 'migrate-deploy':
        case 'migrate-resolve':
            return readMigrateModeSettings(read, run, target);
        case 'backup': {
            const { readBackupSettings } = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 35805));
            return { ...run, mode: target.mode, connection: target.connection, backup: readBackupSettings(read) };
        }
        case 'restore-drill': {
            const { readDrillSettings } = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 35805));
            return { ...run, mode: target.mode, connection: target.connection, drill: readDrillSettings(read) };
        }
    }
}
/** Every input, parsed once: the settings of this run's mode. `progress` says how far it got (for failures). */
async function getSettings(read, env = process.env, progress = {}) {
    return readModeSettings(read, readRunSettings(read, env, progress));
}

// EXTERNAL MODULE: ./src/render/fit.ts
var fit = __webpack_require__(91363);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(42495);
;// CONCATENATED MODULE: ./src/render/run-failure.ts

/** The summary of a run that failed before its mode could report: the error, each line as inline markdown. */
function renderRunFailure(mode, message, code) {
    // Messages quote names and server text: each line as inline markdown, so that none of it renders as markup.
    const lines = message
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => (0,markdown/* inline */.mG)(line));
    const suffix = code ? ` (${code})` : '';
    return [`### ❌ ${(0,markdown/* text */.Qq)(mode ?? 'prisma-postgres-ops')} failed${(0,markdown/* text */.Qq)(suffix)}`, ...lines].join('\n\n') + '\n';
}
/**
 * Notes about results that could not be written (the report, the outputs), appended to the summary: our own
 * sentence around a system error, kept readable as written (paths with `_`), HTML escaped, on one line.
 */
function renderSinkFailures(failures) {
    return failures.map((f) => `\n> ⚠️ ${(0,markdown/* foldLines */.r7)((0,markdown/* escapeHtml */.ZD)(f))}\n`).join('');
}

// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/main.ts









/**
 * Installs source-map support for stack traces (dist/sourcemap-register.cjs, next to the bundle), only when a
 * stack is about to be shown: loading it up front costs every run about 20 ms (see bench/, start-up), and only
 * unexpected errors print a stack. Outside the bundle (tests) there is no such file and nothing to map.
 */
function mapStackTraces() {
    try {
        ;
        globalThis.require?.('./sourcemap-register.cjs');
    }
    catch {
        // not bundled: the stack is already in terms of the sources
    }
}
/**
 * A migrate mode's connection request, sent before the mode's code is loaded so that its round trips are answered
 * meanwhile (src/modes/early-connection.ts). The mode takes it, or closes it unused when it stops first.
 */
async function sendConnectionRequest(settings) {
    const { connectEarly } = await __webpack_require__.e(/* import() */ 200).then(__webpack_require__.bind(__webpack_require__, 27200));
    return connectEarly(settings);
}
/** The mode's module, imported; a request sent for it is closed if that fails. */
async function load(early, mode) {
    try {
        return await mode();
    }
    catch (error) {
        early?.discard();
        throw error;
    }
}
// Each mode is imported when it runs: a backup never loads the SQL parser or Octokit, a migrate mode never loads
// the AWS SDK. Start-up time counts against every run (see bench/).
async function dispatch(settings) {
    switch (settings.mode) {
        case 'migrate-status': {
            const early = await sendConnectionRequest(settings);
            const { runMigrateStatus } = await load(early, () => Promise.all(/* import() */[__webpack_require__.e(608), __webpack_require__.e(100), __webpack_require__.e(48), __webpack_require__.e(721), __webpack_require__.e(253)]).then(__webpack_require__.bind(__webpack_require__, 76253)));
            return runMigrateStatus(settings, early);
        }
        case 'migrate-deploy': {
            const early = await sendConnectionRequest(settings);
            const { runMigrateDeploy } = await load(early, () => Promise.all(/* import() */[__webpack_require__.e(608), __webpack_require__.e(100), __webpack_require__.e(868), __webpack_require__.e(48), __webpack_require__.e(721), __webpack_require__.e(552)]).then(__webpack_require__.bind(__webpack_require__, 86552)));
            return runMigrateDeploy(settings, early);
        }
        case 'migrate-resolve': {
            const early = await sendConnectionRequest(settings);
            const { runMigrateResolve } = await load(early, () => Promise.all(/* import() */[__webpack_require__.e(608), __webpack_require__.e(100), __webpack_require__.e(721), __webpack_require__.e(227)]).then(__webpack_require__.bind(__webpack_require__, 25227)));
            return runMigrateResolve(settings, early);
        }
        case 'backup': {
            const { runBackupMode } = await __webpack_require__.e(/* import() */ 868).then(__webpack_require__.bind(__webpack_require__, 15868));
            return runBackupMode(settings);
        }
        case 'restore-drill': {
            const { runRestoreDrillMode } = await Promise.all(/* import() */[__webpack_require__.e(868), __webpack_require__.e(848)]).then(__webpack_require__.bind(__webpack_require__, 75848));
            return runRestoreDrillMode(settings);
        }
    }
}
async function writeSummary(markdown) {
    if (!markdown)
        return;
    if (!process.env.GITHUB_STEP_SUMMARY) {
        // Local runs (demo, CLI, local-action without a summary file): show it in the log instead.
        (0,log/* info */.p)((0,secrets/* scrub */._I)(markdown));
        return;
    }
    // Whatever a mode rendered and whatever was appended to it: never over GitHub's limit for a job summary.
    await core/* summary */.z.addRaw((0,fit/* fitDocument */.VC)((0,secrets/* scrub */._I)(markdown), constants/* MAX_SUMMARY_BYTES */.Q0, fit/* bytes */.ee), true).write();
}
function failureMarkdown(mode, error) {
    const code = error instanceof errors/* ActionError */.lZ && error.code ? error.code : undefined;
    return renderRunFailure(mode, (0,errors/* getErrorMessage */.u1)(error), code);
}
/**
 * Hand a mode's result to every sink, each on its own: a full or unwritable RUNNER_TEMP (the report, and on
 * GitHub's runners the output and summary files too) must not hide what the run did. A sink that fails is named,
 * the step fails, and the message repeats what the run completed (e.g. "Backup stored as …"), so that at least
 * the log tells the truth.
 */
async function deliver(result, sinks) {
    const failed = [];
    const attempt = async (what, sink) => {
        try {
            await sink();
            return true;
        }
        catch (error) {
            failed.push(`writing ${what} failed: ${(0,errors/* getErrorMessage */.u1)(error)}`);
            return false;
        }
    };
    const reportWritten = await attempt('the JSON report (report-path in RUNNER_TEMP)', sinks.report);
    await attempt('the step outputs (GITHUB_OUTPUT)', () => sinks.outputs(reportWritten));
    const notes = renderSinkFailures(failed);
    await attempt('the job summary (GITHUB_STEP_SUMMARY)', () => sinks.summary(notes));
    if (!result.failure && failed.length === 0)
        return;
    const parts = [];
    if (result.failure)
        parts.push((0,errors/* getErrorMessage */.u1)(result.failure));
    if (failed.length > 0)
        parts.push(`${result.completed ?? 'The run finished'}; but ${failed.join('; ')}`);
    core/* setFailed */.C1((0,secrets/* scrub */._I)(parts.join('\n')));
}
/** The action's one entry point: the only try/catch around a whole run and the only `setFailed`. */
async function run(read = (name) => core/* getInput */.V4(name)) {
    const startedAt = new Date();
    const known = {};
    try {
        const settings = await getSettings(read, process.env, known);
        const { mode, reportPath: path } = settings;
        const result = await dispatch(settings);
        await deliver(result, {
            report: () => writeReport(path, buildReport({ mode, startedAt, sections: result.report, error: result.failure })),
            outputs: (reportWritten) => {
                for (const [name, value] of Object.entries(result.outputs))
                    core/* setOutput */.uH(name, (0,secrets/* scrub */._I)(value));
                if (reportWritten)
                    core/* setOutput */.uH('report-path', path);
            },
            summary: (notes) => writeSummary(result.markdown + notes)
        });
    }
    catch (error) {
        const message = (0,secrets/* scrub */._I)((0,errors/* getErrorMessage */.u1)(error));
        const mode = known.mode ?? null;
        try {
            if (known.reportPath) {
                writeReport(known.reportPath, buildReport({ mode, startedAt, sections: {}, error }));
                core/* setOutput */.uH('report-path', known.reportPath);
            }
            await writeSummary(failureMarkdown(mode, error));
        }
        catch (reportError) {
            core/* warning */.$e(`Could not write the report: ${(0,secrets/* scrub */._I)((0,errors/* getErrorMessage */.u1)(reportError))}`);
        }
        if (!(error instanceof errors/* ActionError */.lZ) && error instanceof Error) {
            // A bug: its stack in terms of src/ (V8 formats a stack when it is first read, so installing now is enough).
            mapStackTraces();
            if (error.stack)
                core/* debug */.Yz((0,secrets/* scrub */._I)(error.stack));
        }
        core/* setFailed */.C1(message);
    }
}


/***/ }),

/***/ 71048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ describePrismaVersion),
/* harmony export */   Kh: () => (/* binding */ isPrisma7),
/* harmony export */   OC: () => (/* binding */ executionFor),
/* harmony export */   k6: () => (/* binding */ detectPrismaVersion),
/* harmony export */   om: () => (/* binding */ hasPrisma7ConfigNames),
/* harmony export */   tY: () => (/* binding */ readVersionInput)
/* harmony export */ });
/* unused harmony exports parseVersion, withoutTrailingCommas */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_repo_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81556);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68946);
/**
 * Which Prisma version the repository uses, read as data: the `prisma-version` input, else the installed
 * `node_modules/prisma/package.json`, else the lockfile (npm, pnpm, yarn v1 and berry, bun's text lockfile). What it
 * decides (prisma-migrate-compat.md §5.1, §9): from 7.4 a migration.sql is sent statement by statement; from 7.0
 * the 7.x directory rules apply; from 7.10 `prisma7.config.*` is looked for first.
 */




const INPUT = 'prisma-version';
function parseVersion(text) {
    // Lockfiles may add a peer suffix ("7.4.0(typescript@5.6.3)") or a pre-release ("7.4.0-dev.3").
    const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
    if (!match)
        return undefined;
    return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: text.trim() };
}
/** The `prisma-version` input: empty or `auto` to detect, else at least major.minor (7.4 changed execution). */
function readVersionInput(raw) {
    const value = raw.trim();
    if (value === '' || value.toLowerCase() === 'auto')
        return undefined;
    const version = /^\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/.test(value) ? parseVersion(value) : undefined;
    if (!version)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `must be a Prisma version such as 6.19.3 or 7.4 (at least major.minor), or auto; got "${raw}".`, 'Leave it empty to read the version from node_modules/prisma or the lockfile; state it when neither is in the repository.');
    return version;
}
/** The execution Prisma uses for a migration.sql: statement by statement from 7.4 on. */
function executionFor(version) {
    if (!version)
        return 'whole-file';
    return version.major > 7 || (version.major === 7 && version.minor >= 4) ? 'per-statement' : 'whole-file';
}
function isPrisma7(version) {
    return version !== undefined && version.major >= 7;
}
/** 7.10 looks for `prisma7.config.*` and `.config/prisma7.*` before the legacy names. */
function hasPrisma7ConfigNames(version) {
    return version !== undefined && (version.major > 7 || (version.major === 7 && version.minor >= 10));
}
/** The working directory and its parents up to the workspace root (both included), nearest first. */
function upTo(workingDirectory, root) {
    const out = [];
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workingDirectory);
    const top = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root);
    for (;;) {
        out.push(dir);
        if (dir === top || !`${dir}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`.startsWith(`${top}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`))
            break;
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    return out;
}
function npmLock(text, relativeWd) {
    let lock;
    try {
        lock = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const versions = [];
    let forWorkingDirectory;
    if (lock.packages) {
        for (const [key, entry] of Object.entries(lock.packages)) {
            if ((key === 'node_modules/prisma' || key.endsWith('/node_modules/prisma')) && entry.version)
                versions.push(entry.version);
        }
        // Node's resolution from the working directory: its node_modules, then each parent's.
        const parts = relativeWd ? relativeWd.split('/') : [];
        for (let i = parts.length; i >= 0 && !forWorkingDirectory; i--) {
            const key = [...parts.slice(0, i), 'node_modules', 'prisma'].join('/');
            forWorkingDirectory = lock.packages[key]?.version;
        }
    }
    else if (lock.dependencies?.prisma?.version) {
        versions.push(lock.dependencies.prisma.version);
        forWorkingDirectory = lock.dependencies.prisma.version;
    }
    return { versions, forWorkingDirectory };
}
let yaml;
/** The YAML parser (290 KB of bundle, about 7 ms to load), loaded only for the lockfiles written in YAML. */
async function parseYaml(text, options) {
    yaml ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    return yaml.parse(text, options);
}
async function pnpmLock(text, relativeWd) {
    let lock;
    try {
        lock = (await parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 }));
    }
    catch {
        return undefined;
    }
    if (!lock || typeof lock !== 'object')
        return undefined;
    const versions = new Set();
    for (const key of Object.keys(lock.packages ?? {})) {
        // `/prisma@6.19.0` (lockfile v6), `prisma@6.19.0` (v9), `/prisma/4.16.2` (v5)
        const match = /^\/?prisma[@/](\d[^(/:\s]*)/.exec(key);
        if (match)
            versions.add(match[1]);
    }
    const importerVersion = (importer) => {
        for (const group of ['dependencies', 'devDependencies', 'optionalDependencies']) {
            const entry = importer?.[group]?.prisma;
            const version = typeof entry === 'string' ? entry : entry?.version;
            if (version && parseVersion(version))
                return version;
        }
        return undefined;
    };
    const importers = lock.importers ?? { '.': lock };
    const forWorkingDirectory = importerVersion(importers[relativeWd || '.']);
    return { versions: [...versions], forWorkingDirectory };
}
async function yarnLock(text) {
    const versions = new Set();
    if (/^__metadata:/m.test(text)) {
        // Yarn berry: the lockfile is YAML; keys are comma-separated descriptors, e.g. "prisma@npm:^6.19.0".
        let lock;
        try {
            lock = (await parseYaml(text));
        }
        catch {
            return undefined;
        }
        for (const [key, entry] of Object.entries(lock ?? {})) {
            if (key.split(',').some((d) => /^prisma@npm:/.test(d.trim())) && entry?.version)
                versions.add(entry.version);
        }
        return { versions: [...versions] };
    }
    // Yarn v1: an entry header lists its descriptors (`prisma@^6.19.0, prisma@6.19.0:`), its body `  version "6.19.0"`.
    let inPrisma = false;
    for (const line of text.split(/\r?\n/)) {
        if (line && !line.startsWith(' ') && !line.startsWith('#')) {
            inPrisma = line
                .replace(/:$/, '')
                .split(',')
                .some((d) => /^"?prisma@/.test(d.trim()));
        }
        else if (inPrisma) {
            const match = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line);
            if (match) {
                versions.add(match[1]);
                inPrisma = false;
            }
        }
    }
    return { versions: [...versions] };
}
/** bun.lock is JSON with trailing commas. */
function bunLock(text) {
    let lock;
    try {
        lock = JSON.parse(withoutTrailingCommas(text));
    }
    catch {
        return undefined;
    }
    const versions = new Set();
    let forWorkingDirectory;
    for (const [key, entry] of Object.entries(lock.packages ?? {})) {
        if (key !== 'prisma' && !key.endsWith('/prisma'))
            continue;
        const ident = Array.isArray(entry) ? entry[0] : undefined;
        const match = typeof ident === 'string' ? /^prisma@(.+)$/.exec(ident) : null;
        if (!match)
            continue;
        versions.add(match[1]);
        if (key === 'prisma')
            forWorkingDirectory = match[1];
    }
    return { versions: [...versions], forWorkingDirectory };
}
/** Removes commas that directly precede `}` or `]` outside strings (JSONC as bun writes it). */
function withoutTrailingCommas(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\') {
                out += text[i + 1] ?? '';
                i++;
            }
            else if (ch === '"')
                inString = false;
            continue;
        }
        if (ch === '"') {
            inString = true;
            out += ch;
            continue;
        }
        if (ch === ',') {
            let j = i + 1;
            while (j < text.length && /\s/.test(text[j]))
                j++;
            if (text[j] === '}' || text[j] === ']')
                continue;
        }
        out += ch;
    }
    return out;
}
const LOCKFILES = [
    { name: 'package-lock.json', read: npmLock },
    { name: 'npm-shrinkwrap.json', read: npmLock },
    { name: 'pnpm-lock.yaml', read: pnpmLock },
    { name: 'yarn.lock', read: (text) => yarnLock(text) },
    { name: 'bun.lock', read: (text) => bunLock(text) }
];
function isRegularFile(files, path) {
    try {
        return files.inspect(path) === 'file';
    }
    catch {
        return false;
    }
}
/**
 * The Prisma version of the project in `workingDirectory`: the input, else node_modules/prisma (in the working
 * directory or a parent up to the workspace root, as Node resolves it), else the nearest lockfile.
 */
async function detectPrismaVersion(workingDirectory, workspaceRoot, explicit) {
    if (explicit)
        return { version: explicit, source: `input \`${INPUT}\``, notes: [] };
    const notes = [];
    const files = new _util_repo_files_js__WEBPACK_IMPORTED_MODULE_2__/* .RepositoryFiles */ .Yn(workspaceRoot);
    const dirs = upTo(workingDirectory, workspaceRoot);
    for (const dir of dirs) {
        const text = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readProjectFile */ .SI)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, 'node_modules', 'prisma', 'package.json'), files);
        if (text === undefined)
            continue;
        try {
            const pkg = JSON.parse(text);
            const version = pkg.name === 'prisma' && typeof pkg.version === 'string' ? parseVersion(pkg.version) : undefined;
            if (version)
                return {
                    version,
                    source: shown(workingDirectory, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, 'node_modules/prisma/package.json')),
                    notes
                };
        }
        catch {
            notes.push(`${shown(workingDirectory, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, 'node_modules/prisma/package.json'))} is not valid JSON`);
        }
    }
    for (const dir of dirs) {
        const relativeWd = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(dir, workingDirectory).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
        for (const lockfile of LOCKFILES) {
            const text = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readProjectFile */ .SI)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, lockfile.name), files);
            if (text === undefined)
                continue;
            const name = shown(workingDirectory, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, lockfile.name));
            const found = await lockfile.read(text, relativeWd);
            if (!found) {
                notes.push(`${name} could not be read as a lockfile`);
                continue;
            }
            const distinct = [...new Set(found.versions.map((v) => parseVersion(v)?.text ?? v))];
            const chosen = found.forWorkingDirectory ?? (distinct.length === 1 ? distinct[0] : undefined);
            const version = chosen ? parseVersion(chosen) : undefined;
            if (version)
                return { version, source: name, notes };
            if (distinct.length > 1)
                notes.push(`${name} has several prisma versions (${distinct.join(', ')}) and does not say which one this project uses`);
            else
                notes.push(`${name} has no prisma package`);
        }
        if (isRegularFile(files, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, 'bun.lockb')))
            notes.push(`${shown(workingDirectory, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, 'bun.lockb'))} is bun's binary lockfile, which is not read; commit the text lockfile (bun.lock, bun ≥ 1.2) or set \`${INPUT}\``);
    }
    return { source: 'not found', notes };
}
function shown(workingDirectory, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(workingDirectory, path).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
    return rel || path;
}
/** One log line: what was found and what it means for how migrations are run. */
function describePrismaVersion(info) {
    if (!info.version)
        return (`Prisma version: not found (no node_modules/prisma, no lockfile with prisma${info.notes.length ? `; ${info.notes.join('; ')}` : ''}). ` +
            `Behaving as Prisma 6.x: each migration.sql runs as one transaction. Set \`${INPUT}\` if the project uses Prisma 7.`);
    const v = info.version;
    const execution = executionFor(v) === 'per-statement'
        ? 'each statement of a migration.sql runs on its own (Prisma ≥ 7.4)'
        : 'each migration.sql runs as one transaction (Prisma ≤ 7.3)';
    return `Prisma ${v.major}.${v.minor}.${v.patch} (from ${info.source}): ${execution}; ${isPrisma7(v) ? '7.x' : '6.x'} config and directory rules.`;
}


/***/ }),

/***/ 54781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Wj: () => (/* binding */ onlyFor),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   q6: () => (/* binding */ parseBool)
/* harmony export */ });
/* unused harmony export readerFromMap */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

function readerFromMap(values) {
    return (name) => (values[name] ?? '').trim();
}
const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];
function parseBool(read, name, fallback) {
    const raw = read(name).toLowerCase();
    if (raw === '')
        return fallback;
    if (TRUE.includes(raw))
        return true;
    if (FALSE.includes(raw))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `must be true or false, got "${read(name)}".`);
}
function parseChoice(read, name, choices, fallback) {
    const raw = read(name);
    if (raw === '')
        return fallback;
    const found = choices.find((c) => c === raw.toLowerCase());
    if (!found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `has the unknown value "${raw}". Accepted values: ${choices.join(', ')}.`);
    return found;
}
function parseInteger(read, name, options) {
    const raw = read(name);
    if (raw === '')
        return options.fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < options.min || (options.max !== undefined && value > options.max)) {
        const range = options.max === undefined ? `≥ ${options.min}` : `from ${options.min} to ${options.max}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `must be a whole number ${range}, got "${raw}".`);
    }
    return value;
}
/** A list given as comma- or newline-separated values; empty items are dropped. */
function parseList(read, name) {
    return read(name)
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
/** An input that only one mode reads, given to another: refused rather than ignored. */
function onlyFor(read, name, mode, used, hint) {
    const value = read(name) || undefined;
    if (value && mode !== used)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is only used by mode ${used}, but mode is ${mode}.`, hint);
    return value;
}


/***/ }),

/***/ 35418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readLockSafetySettings),
/* harmony export */   n: () => (/* binding */ sessionTimeouts)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The lock-safety inputs of `migrate-deploy`: `lock-timeout`, `statement-timeout`, `lock-retry-window`.
 * Durations are written as PostgreSQL writes them (`500ms`, `1s`, `2min`, `1h`; a bare number is milliseconds).
 */

const DEFAULT_LOCK_TIMEOUT = '1s';
const DEFAULT_LOCK_RETRY_WINDOW = '60s';
/** PostgreSQL's limit for both timeouts (INT_MAX milliseconds). */
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_WINDOW_MS = 6 * 3_600_000;
const UNITS = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };
/** Milliseconds of a duration input, or an InputError naming it. */
function parseDuration(read, name, fallback, maxMs) {
    const raw = read(name) || fallback;
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|h)?$/i.exec(raw);
    const exact = match ? Number(match[1]) * UNITS[(match[2] ?? 'ms').toLowerCase()] : NaN;
    // A positive duration never rounds down to 0, which would mean "off".
    const ms = exact > 0 ? Math.max(1, Math.round(exact)) : exact;
    if (!Number.isFinite(ms) || ms > maxMs) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, match
            ? `is too long ("${raw}"); the most is ${maxMs / 1000} s.`
            : `must be a duration such as 500ms, 1s or 2min, got "${raw}".`, 'Write a number with the unit ms, s, min or h (a bare number is milliseconds, as in PostgreSQL); 0 turns it off.');
    }
    return ms;
}
function readLockSafetySettings(read) {
    return {
        lockTimeoutMs: parseDuration(read, 'lock-timeout', DEFAULT_LOCK_TIMEOUT, MAX_TIMEOUT_MS),
        statementTimeoutMs: parseDuration(read, 'statement-timeout', '0', MAX_TIMEOUT_MS),
        retryWindowMs: parseDuration(read, 'lock-retry-window', DEFAULT_LOCK_RETRY_WINDOW, MAX_WINDOW_MS)
    };
}
/**
 * The run-time parameters of the deploy's session: sent as startup options with the connection request (no extra
 * round trip), and only that session gets them (not pg_dump, not the lock monitor). Values are digits (ms).
 */
function sessionTimeouts(settings) {
    const out = {};
    if (settings.lockTimeoutMs > 0)
        out.lock_timeout = String(settings.lockTimeoutMs);
    if (settings.statementTimeoutMs > 0)
        out.statement_timeout = String(settings.statementTimeoutMs);
    return Object.keys(out).length > 0 ? out : undefined;
}


/***/ }),

/***/ 84537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony exports base64Cores, resetSecrets */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);

/**
 * Every secret value seen this run, in each form it could appear in: raw, URL-encoded, URL-decoded, and the base64
 * text of each of those at any alignment (standard and URL-safe alphabet). `core.setSecret` masks them in the
 * runner's log; `scrub` removes them from text we write elsewhere (summary, PR comment, report file, outputs,
 * error messages).
 */
const known = new Set();
/** `known`, longest first (a secret that contains another is replaced whole); rebuilt when one is added. */
let ordered;
/** Shorter base64 runs would match unrelated text too often (a 6-byte secret has 8 characters of its own). */
const MIN_BASE64_CORE = 8;
function forms(value) {
    const out = new Set([value]);
    out.add(encodeURIComponent(value));
    try {
        out.add(decodeURIComponent(value));
    }
    catch {
        // not valid percent-encoding: the raw form is enough
    }
    return [...out].filter((v) => v.length >= 3);
}
/**
 * The base64 characters that encode `value` alone wherever it sits in a longer text: one run per alignment (0, 1
 * or 2 bytes before it), without the edge characters it shares with its neighbours, in the standard and the
 * URL-safe alphabet. `.git/config` keeps the checkout token as base64("x-access-token:<token>"), for instance.
 */
function base64Cores(value) {
    const bytes = Buffer.from(value, 'utf8');
    const cores = new Set();
    for (const offset of [0, 1, 2]) {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const run = encoded.slice([0, 2, 3][offset], Math.floor((offset + bytes.length) / 3) * 4);
        if (run.length < MIN_BASE64_CORE)
            continue;
        cores.add(run);
        cores.add(run.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return [...cores];
}
function remember(value) {
    if (known.has(value))
        return;
    known.add(value);
    ordered = undefined;
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 3)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
}
function registerSecret(value) {
    if (!value)
        return;
    for (const form of forms(value)) {
        remember(form);
        // The runner masks base64(value) and base64 of the value without its first one or two bytes, each with its
        // padding: that catches a secret at the end of a base64 text only, and never the URL-safe alphabet. The
        // alignment-free runs below catch it anywhere.
        for (const encoded of base64Cores(form))
            remember(encoded);
    }
}
function scrub(text) {
    // Called for every string of a report: the order is computed once, and text without a secret is not copied.
    ordered ??= [...known].sort((a, b) => b.length - a.length);
    let out = text;
    for (const secret of ordered)
        if (out.includes(secret))
            out = out.split(secret).join('***');
    return out;
}
/** For tests: forget every registered secret. */
function resetSecrets() {
    known.clear();
    ordered = undefined;
}


/***/ })

};

//# sourceMappingURL=503.index.js.map
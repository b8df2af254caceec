export const id = 277;
export const ids = [277];
export const modules = {

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Q0: () => (/* binding */ MAX_SUMMARY_BYTES),
/* harmony export */   VK: () => (/* binding */ MAX_COMMENT_CHARS),
/* harmony export */   Yt: () => (/* binding */ ACTION_VERSION),
/* harmony export */   bh: () => (/* binding */ PRISMA_ADVISORY_LOCK_KEY),
/* harmony export */   jB: () => (/* binding */ MAX_ANNOTATIONS_PER_LEVEL),
/* harmony export */   px: () => (/* binding */ ACTION_NAME),
/* harmony export */   q$: () => (/* binding */ PRISMA_ADVISORY_LOCK_TIMEOUT_MS)
/* harmony export */ });
const MODES = ['migrate-status', 'migrate-deploy', 'migrate-resolve', 'backup', 'restore-drill'];
/** Injected at build time would be nicer; package.json is the one source of truth and the tests check this. */
const ACTION_NAME = 'prisma-postgres-ops-action';
const ACTION_VERSION = '0.1.0';
/** GitHub's limits. */
const MAX_COMMENT_CHARS = 65536;
const MAX_SUMMARY_BYTES = 1024 * 1024;
const MAX_ANNOTATIONS_PER_LEVEL = 10;
/** Prisma Migrate's advisory lock key and its client-side timeout. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const PRISMA_ADVISORY_LOCK_TIMEOUT_MS = 10_000;


/***/ }),

/***/ 90564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ toLibpqEnv),
/* harmony export */   Nd: () => (/* binding */ toPgConfig),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl)
/* harmony export */ });
/* unused harmony export redactUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



const INPUT = 'database-url';
function parseDatabaseUrl(raw, inputName = INPUT) {
    const text = raw.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, 'is not a valid URL.', 'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).');
    }
    if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has the scheme "${url.protocol.replace(/:$/, '')}", but this action needs a PostgreSQL URL.`, 'It must start with postgresql:// or postgres:// (Prisma Accelerate and prisma+postgres:// URLs cannot run migrations or pg_dump).');
    }
    const params = url.searchParams;
    const decode = (value, what) => {
        try {
            return decodeURIComponent(value);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has a ${what} with invalid percent-encoding.`, 'Percent-encode it with encodeURIComponent.');
        }
    };
    const host = params.get('host') ?? decode(url.hostname.replace(/^\[(.*)\]$/, '$1'), 'host');
    if (!host)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, 'has no host.', 'Add the host name after "@".');
    const port = url.port ? Number(url.port) : 5432;
    const database = decode(url.pathname.replace(/^\//, ''), 'database name') || 'postgres';
    const schemaParam = params.get('schema') ?? undefined;
    const sslmodeParam = (params.get('sslmode') ?? 'prefer').toLowerCase();
    // quaint: disable / prefer / require; anything else (verify-full, verify-ca, allow) silently becomes prefer.
    const sslmode = sslmodeParam === 'disable' ? 'disable' : sslmodeParam === 'require' ? 'require' : 'prefer';
    // quaint: `accept_invalid_certs` is the default; any other value than that means strict.
    const sslaccept = params.get('sslaccept');
    const connectTimeout = params.get('connect_timeout');
    let connectTimeoutSec = 5;
    if (connectTimeout !== null) {
        connectTimeoutSec = Number(connectTimeout);
        if (!Number.isInteger(connectTimeoutSec) || connectTimeoutSec < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has connect_timeout=${connectTimeout}; it must be a whole number of seconds (0 = none).`);
        }
    }
    return {
        host,
        port,
        user: decode(url.username, 'user name') || 'postgres',
        password: decode(url.password, 'password'),
        database,
        schema: schemaParam,
        defaultSchema: schemaParam ?? 'public',
        sslmode,
        sslAcceptInvalidCerts: sslaccept === null || sslaccept === 'accept_invalid_certs',
        sslCaPath: params.get('sslcert') ?? undefined,
        sslIdentityPath: params.get('sslidentity') ?? undefined,
        sslPassword: params.get('sslpassword') ?? undefined,
        connectTimeoutSec,
        applicationName: params.get('application_name') ?? undefined,
        options: params.get('options') ?? undefined,
        pgbouncer: params.get('pgbouncer') === 'true'
    };
}
/** The URL with its password replaced, for logs and reports. */
function redactUrl(raw) {
    try {
        const url = new URL(raw.trim());
        if (url.password)
            url.password = '***';
        for (const key of ['sslpassword', 'password'])
            if (url.searchParams.has(key))
                url.searchParams.set(key, '***');
        return url.toString();
    }
    catch {
        return '<unparseable database URL>';
    }
}
/** A short, secret-free name of the target for reports: host:port/database (schema). */
function describeTarget(settings) {
    const schema = settings.schema ? ` (schema ${settings.schema})` : '';
    return `${settings.host}:${settings.port}/${settings.database}${schema}`;
}
function tlsOptions(settings, baseDir) {
    if (settings.sslmode === 'disable')
        return false;
    const tls = { rejectUnauthorized: !settings.sslAcceptInvalidCerts };
    const read = (path, what) => {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(baseDir, path);
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(INPUT, `names ${what} file "${path}" that cannot be read.`, `Check the path (relative paths are resolved against ${baseDir}).`);
        }
    };
    if (settings.sslCaPath)
        tls.ca = read(settings.sslCaPath, 'the sslcert (server CA)');
    if (settings.sslIdentityPath) {
        tls.pfx = read(settings.sslIdentityPath, 'the sslidentity');
        if (settings.sslPassword)
            tls.passphrase = settings.sslPassword;
    }
    // With strict verification pg would also check the host name, as Prisma does.
    return tls;
}
/**
 * Options for `pg.Client`, built field by field so that pg never reads the raw URL, PG* variables or
 * ~/.pgpass and so behaves like Prisma. `prefer` is attempted with TLS first, then without (see connect.ts).
 */
function toPgConfig(settings, baseDir, useTls) {
    const config = {
        host: settings.host,
        port: settings.port,
        user: settings.user,
        password: settings.password,
        database: settings.database,
        connectionTimeoutMillis: settings.connectTimeoutSec * 1000,
        keepAlive: true,
        application_name: settings.applicationName ?? 'prisma-postgres-ops-action',
        ssl: useTls ? tlsOptions(settings, baseDir) : false
    };
    if (settings.options)
        config.options = settings.options;
    return config;
}
/**
 * libpq environment for pg_dump/pg_restore/psql children: every field explicit, the password only in
 * PGPASSWORD (never argv). TLS mirrors Prisma's meaning of the URL as closely as libpq allows.
 */
function toLibpqEnv(settings, baseDir) {
    const env = {
        PGHOST: settings.host,
        PGPORT: String(settings.port),
        PGUSER: settings.user,
        PGDATABASE: settings.database,
        PGCONNECT_TIMEOUT: String(settings.connectTimeoutSec || 0),
        PGAPPNAME: settings.applicationName ?? 'prisma-postgres-ops-action'
    };
    if (settings.password)
        env.PGPASSWORD = settings.password;
    if (settings.sslmode === 'disable')
        env.PGSSLMODE = 'disable';
    else if (!settings.sslAcceptInvalidCerts && settings.sslCaPath) {
        env.PGSSLMODE = 'verify-full';
        env.PGSSLROOTCERT = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(settings.sslCaPath) ? settings.sslCaPath : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(baseDir, settings.sslCaPath);
    }
    else
        env.PGSSLMODE = settings.sslmode;
    if (settings.options)
        env.PGOPTIONS = settings.options;
    return env;
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage)
/* harmony export */ });
/**
 * A failure the user can act on. The message names the input, file or migration involved and says what to do;
 * `code` carries Prisma's error code (P1001, P3009, ...) when the failure is one Prisma would report too.
 */
class ActionError extends Error {
    code;
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ActionError';
        this.code = options.code;
        this.hint = options.hint;
    }
    /** The one-paragraph text shown to the user: code, message and next step. */
    describe() {
        const head = this.code ? `${this.code}: ${this.message}` : this.message;
        return this.hint ? `${head}\n${this.hint}` : head;
    }
}
/** An input that is missing, malformed or in conflict with another input. */
class InputError extends ActionError {
    input;
    constructor(input, message, hint) {
        super(`Input \`${input}\`: ${message}`, { hint });
        this.name = 'InputError';
        this.input = input;
    }
}
function getErrorMessage(error) {
    if (error instanceof ActionError)
        return error.describe();
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return `Unexpected non-Error value thrown: ${JSON.stringify(error)}`;
    }
    catch {
        return `Unexpected non-Error value thrown: ${String(error)}`;
    }
}


/***/ }),

/***/ 48277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
;// CONCATENATED MODULE: ./src/report/report.ts





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
// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
// EXTERNAL MODULE: ./src/settings/input.ts
var input = __webpack_require__(54781);
;// CONCATENATED MODULE: ./src/settings/get-settings.ts









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
 * Registers every secret input before anything else happens, so that no later log line, error or report can
 * show one. Called first thing in `run()`.
 */
function registerSecretInputs(read) {
    for (const name of ['database-url', 'target-database-url']) {
        const raw = read(name);
        if (!raw)
            continue;
        (0,secrets/* registerSecret */.cl)(raw);
        try {
            const url = new URL(raw);
            (0,secrets/* registerSecret */.cl)(url.password);
            (0,secrets/* registerSecret */.cl)(url.searchParams.get('sslpassword') ?? undefined);
        }
        catch {
            // an unparseable URL is reported by the settings parser, already masked as a whole
        }
    }
    for (const name of ['github-token', 'age-identity'])
        (0,secrets/* registerSecret */.cl)(read(name));
}
function readCommonSettings(read, env = process.env) {
    const mode = readMode(read);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const workingDirectory = (0,external_node_path_.resolve)(workspace, read('working-directory') || '.');
    if (!(0,external_node_fs_.existsSync)(workingDirectory) || !(0,external_node_fs_.statSync)(workingDirectory).isDirectory()) {
        throw new errors/* InputError */.dz('working-directory', `"${read('working-directory') || '.'}" is not a directory in the workspace (${workingDirectory}).`, 'Set it to the folder of the Prisma project (the one with package.json or prisma.config.ts), relative to the repository root, and check out the repository first (actions/checkout).');
    }
    const databaseUrl = read('database-url');
    if (!databaseUrl && mode !== 'migrate-status') {
        throw new errors/* InputError */.dz('database-url', `is required for mode ${mode}.`, 'Pass the database URL from a secret, e.g. `database-url: ${{ secrets.DATABASE_URL }}` (on Railway: the DATABASE_PUBLIC_URL of the Postgres service).');
    }
    const runnerTemp = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const reportName = `pg-ops-report-${mode}-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${process.pid}.json`;
    return {
        mode,
        workingDirectory,
        databaseUrl,
        connection: databaseUrl ? (0,connection_url/* parseDatabaseUrl */.mx)(databaseUrl) : undefined,
        reportPath: (0,external_node_path_.join)(runnerTemp, reportName)
    };
}
function readMigrateSettings(read, common) {
    const explicit = read('migrations-dir');
    const explicitPath = explicit ? ((0,external_node_path_.isAbsolute)(explicit) ? explicit : (0,external_node_path_.resolve)(common.workingDirectory, explicit)) : undefined;
    if (explicitPath) {
        // Prisma treats a missing folder as "no migrations"; a folder the user named explicitly must exist.
        if (!(0,external_node_fs_.existsSync)(explicitPath))
            throw new errors/* InputError */.dz('migrations-dir', `"${explicit}" does not exist (${explicitPath}).`, 'Set it relative to `working-directory`, e.g. prisma/migrations, or leave it empty to find it the way Prisma does.');
        if (!(0,external_node_fs_.statSync)(explicitPath).isDirectory())
            throw new errors/* InputError */.dz('migrations-dir', `"${explicit}" is a file, not a folder.`, 'Point it at the folder that holds the <timestamp>_<name>/migration.sql directories.');
    }
    const migrationsDir = (0,migrations_dir/* resolveMigrationsDir */.xM)(common.workingDirectory, explicitPath);
    const resolveApplied = read('resolve-applied') || undefined;
    const resolveRolledBack = read('resolve-rolled-back') || undefined;
    if (common.mode === 'migrate-resolve') {
        if (resolveApplied && resolveRolledBack) {
            throw new errors/* InputError */.dz('resolve-applied', 'and `resolve-rolled-back` are both set; pass exactly one of them.', 'Use resolve-rolled-back after undoing a failed migration by hand, resolve-applied after finishing it by hand or to baseline.');
        }
        if (!resolveApplied && !resolveRolledBack) {
            throw new errors/* InputError */.dz('resolve-applied', 'or `resolve-rolled-back` is required for mode migrate-resolve.', 'Set one of them to the full migration directory name, e.g. resolve-rolled-back: 20240102000000_add_post.');
        }
    }
    else if (resolveApplied || resolveRolledBack) {
        throw new errors/* InputError */.dz(resolveApplied ? 'resolve-applied' : 'resolve-rolled-back', `is only used by mode migrate-resolve, but mode is ${common.mode}.`, 'Remove it, or set mode: migrate-resolve.');
    }
    const expectedPlanId = read('expected-plan-id') || undefined;
    if (expectedPlanId && common.mode !== 'migrate-deploy') {
        throw new errors/* InputError */.dz('expected-plan-id', `is only used by mode migrate-deploy, but mode is ${common.mode}.`, 'Pass the `plan-id` output of the reviewed migrate-status step to the migrate-deploy step.');
    }
    return {
        migrationsDir,
        failOnPending: (0,input/* parseBool */.q6)(read, 'fail-on-pending', false),
        resolveApplied,
        resolveRolledBack,
        expectedPlanId
    };
}

;// CONCATENATED MODULE: ./src/main.ts





// Each mode is imported when it runs: a backup never loads the SQL parser or Octokit, a migrate mode never loads
// the AWS SDK. Start-up time counts against every run (see bench/).
async function dispatch(common, read) {
    switch (common.mode) {
        case 'migrate-status': {
            const { runMigrateStatus } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(281), __webpack_require__.e(216), __webpack_require__.e(509), __webpack_require__.e(550)]).then(__webpack_require__.bind(__webpack_require__, 33472));
            return runMigrateStatus(common, readMigrateSettings(read, common), read);
        }
        case 'migrate-deploy': {
            const { runMigrateDeploy } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(539), __webpack_require__.e(281), __webpack_require__.e(242), __webpack_require__.e(216), __webpack_require__.e(509), __webpack_require__.e(86)]).then(__webpack_require__.bind(__webpack_require__, 48086));
            return runMigrateDeploy(common, readMigrateSettings(read, common), read);
        }
        case 'migrate-resolve': {
            const { runMigrateResolve } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(281), __webpack_require__.e(509), __webpack_require__.e(169)]).then(__webpack_require__.bind(__webpack_require__, 25227));
            return runMigrateResolve(common, readMigrateSettings(read, common));
        }
        case 'backup':
        case 'restore-drill': {
            const [{ readBackupSettings }, modes] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(539), __webpack_require__.e(378)]).then(__webpack_require__.bind(__webpack_require__, 74378)),
                common.mode === 'backup' ? Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(539), __webpack_require__.e(242), __webpack_require__.e(280)]).then(__webpack_require__.bind(__webpack_require__, 38280)) : Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(539), __webpack_require__.e(242), __webpack_require__.e(959)]).then(__webpack_require__.bind(__webpack_require__, 9959))
            ]);
            const context = { connection: common.connection, databaseUrl: common.databaseUrl, workingDirectory: common.workingDirectory, settings: readBackupSettings(read, common.mode) };
            return 'runBackupMode' in modes ? modes.runBackupMode(context) : modes.runRestoreDrillMode(context);
        }
    }
}
async function writeSummary(markdown) {
    if (!markdown)
        return;
    if (!process.env.GITHUB_STEP_SUMMARY) {
        // Local runs (demo, CLI, local-action without a summary file): show it in the log instead.
        core/* info */.pq((0,secrets/* scrub */._I)(markdown));
        return;
    }
    await core/* summary */.z.addRaw((0,secrets/* scrub */._I)(markdown), true).write();
}
function failureMarkdown(mode, error) {
    const code = error instanceof errors/* ActionError */.lZ && error.code ? ` (${error.code})` : '';
    const lines = [`### ❌ ${mode ?? 'prisma-postgres-ops'} failed${code}`, '', (0,errors/* getErrorMessage */.u1)(error).replace(/</g, '&lt;')];
    return lines.join('\n') + '\n';
}
/** The action's one entry point: the only try/catch around a whole run and the only `setFailed`. */
async function run(read = (name) => core/* getInput */.V4(name)) {
    const startedAt = new Date();
    let mode = null;
    let reportPath;
    try {
        registerSecretInputs(read);
        mode = readMode(read);
        const common = readCommonSettings(read);
        reportPath = common.reportPath;
        const result = await dispatch(common, read);
        for (const [name, value] of Object.entries(result.outputs))
            core/* setOutput */.uH(name, (0,secrets/* scrub */._I)(value));
        core/* setOutput */.uH('report-path', reportPath);
        writeReport(reportPath, buildReport({ mode, startedAt, sections: result.report, error: result.failure }));
        await writeSummary(result.markdown);
        if (result.failure)
            core/* setFailed */.C1((0,secrets/* scrub */._I)((0,errors/* getErrorMessage */.u1)(result.failure)));
    }
    catch (error) {
        const message = (0,secrets/* scrub */._I)((0,errors/* getErrorMessage */.u1)(error));
        try {
            if (reportPath) {
                writeReport(reportPath, buildReport({ mode, startedAt, sections: {}, error }));
                core/* setOutput */.uH('report-path', reportPath);
            }
            await writeSummary(failureMarkdown(mode, error));
        }
        catch (reportError) {
            core/* warning */.$e(`Could not write the report: ${(0,secrets/* scrub */._I)((0,errors/* getErrorMessage */.u1)(reportError))}`);
        }
        if (!(error instanceof errors/* ActionError */.lZ) && error instanceof Error && error.stack)
            core/* debug */.Yz((0,secrets/* scrub */._I)(error.stack));
        core/* setFailed */.C1(message);
    }
}


/***/ }),

/***/ 11702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ migrationChecksum),
/* harmony export */   I: () => (/* binding */ scriptMatchesChecksum)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The `_prisma_migrations.checksum` of a migration script, computed and compared exactly as Prisma's schema
 * engine does (prisma-migrate-compat.md §2): SHA-256 of the UTF-8 text as Node reads it, lowercase hex.
 */

function sha256(script) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(script, 'utf8').digest();
}
/** The 64-character rendering Prisma stores. */
function migrationChecksum(script) {
    return sha256(script).toString('hex');
}
/** Tables written by Prisma before 2.15 hold digests whose bytes were rendered without zero padding. */
function legacyChecksum(digest) {
    let out = '';
    for (const byte of digest)
        out += byte.toString(16);
    return out;
}
/**
 * Whether a local script still matches a stored checksum, tolerating line-ending conversions (a checkout with
 * `core.autocrlf` must not look like an edit). Mirrors `script_matches_checksum`, including its quirk of turning
 * an existing `\r\n` into `\r\r\n` in the LF-to-CRLF candidate.
 */
function scriptMatchesChecksum(script, stored) {
    if (stored.length === 0)
        return false;
    const render = stored.length === 64 ? (digest) => digest.toString('hex') : legacyChecksum;
    const candidates = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
    return candidates.some((candidate) => render(sha256(candidate)) === stored);
}


/***/ }),

/***/ 99658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bw: () => (/* binding */ applyFailedMessage),
/* harmony export */   F$: () => (/* binding */ notFailedError),
/* harmony export */   L2: () => (/* binding */ applyFailedHint),
/* harmony export */   OO: () => (/* binding */ neverAppliedError),
/* harmony export */   U4: () => (/* binding */ MigrationRunError),
/* harmony export */   WR: () => (/* binding */ migrationNotFoundError),
/* harmony export */   XX: () => (/* binding */ providerSwitchedError),
/* harmony export */   at: () => (/* binding */ nonEmptyDatabaseError),
/* harmony export */   eL: () => (/* binding */ formatPrismaTimestamp),
/* harmony export */   gk: () => (/* binding */ alreadyAppliedError),
/* harmony export */   mX: () => (/* binding */ missingScriptError),
/* harmony export */   rB: () => (/* binding */ lockTimeoutError),
/* harmony export */   tc: () => (/* binding */ failedMigrationsError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/**
 * Prisma's user-facing errors for migrate deploy/status/resolve (prisma-migrate-compat.md §11), with the exact
 * message text Prisma prints and a hint naming the next step in terms of THIS action's inputs.
 */


/** A deploy that stopped. `applied` lists what this run applied before it stopped; those stay applied. */
class MigrationRunError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    applied;
    failedMigration;
    constructor(message, options) {
        super(message, options);
        this.name = 'MigrationRunError';
        this.applied = options.applied ?? [];
        this.failedMigration = options.failedMigration;
    }
    /**
     * Attaches what this run applied to an error raised on the way (lock file, lock, P3005, a failed script).
     * Errors without a Prisma code (e.g. a lost connection during bookkeeping) are returned unchanged.
     */
    static from(error, applied, failedMigration) {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ) || !error.code)
            return error;
        const failed = error instanceof MigrationRunError ? (error.failedMigration ?? failedMigration) : failedMigration;
        return new MigrationRunError(error.message, {
            code: error.code,
            hint: error.hint,
            cause: error instanceof MigrationRunError ? error.cause : error,
            applied: [...applied],
            failedMigration: failed
        });
    }
}
const RESOLVE_DOCS = 'https://pris.ly/d/migrate-resolve';
const BASELINE_DOCS = 'https://pris.ly/d/migrate-baseline';
function resolveInput(kind, name) {
    return `\`mode: migrate-resolve\` and \`resolve-${kind}: "${name}"\``;
}
/**
 * chrono's `DateTime<Utc>` Display, which Prisma uses in P3009: the fraction is omitted when zero, otherwise
 * printed with 3 or 6 digits (Postgres keeps microseconds).
 */
function formatPrismaTimestamp(date, microsOfSecond = date.getUTCMilliseconds() * 1000) {
    const base = date.toISOString().slice(0, 19).replace('T', ' ');
    if (microsOfSecond === 0)
        return `${base} UTC`;
    const fraction = microsOfSecond % 1000 === 0
        ? String(microsOfSecond / 1000).padStart(3, '0')
        : String(microsOfSecond).padStart(6, '0');
    return `${base}.${fraction} UTC`;
}
function nonEmptyDatabaseError(firstMigration, migrationsDir) {
    const hint = firstMigration
        ? `The database already has tables but no migration history. If the migrations in ${migrationsDir} describe ` +
            `the current schema, baseline it: run this action with ${resolveInput('applied', firstMigration)} (once ` +
            `for each migration the database already reflects); later deploys then apply only newer migrations. ` +
            `See ${BASELINE_DOCS}.`
        : `The database already has tables but no migration history, and ${migrationsDir} has no migrations to ` +
            `baseline it with. Point \`database-url\` at the right database, or create a baseline migration first. ` +
            `See ${BASELINE_DOCS}.`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The database schema is not empty. Read more about how to baseline an existing production database: ${BASELINE_DOCS}`, { code: 'P3005', hint });
}
function failedMigrationsError(failed) {
    const details = failed
        .map((row) => `The \`${row.name}\` migration started at ${formatPrismaTimestamp(row.startedAt, row.startedAtMicros)} failed\n`)
        .join('');
    const first = failed[0]?.name ?? '<name>';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`migrate found failed migrations in the target database, new migrations will not be applied. Read more about how to resolve migration issues in a production database: ${RESOLVE_DOCS}\n${details}`, {
        code: 'P3009',
        hint: `Check what the failed migration left in the database. If its changes are not there (Postgres rolled the ` +
            `file back), fix its migration.sql and run this action with ${resolveInput('rolled-back', first)}, then ` +
            `deploy again. If you completed the change by hand, run it with ${resolveInput('applied', first)} instead.`
    });
}
/** The text of Prisma's P3018 (§5.2) without the Rust debug dump; also what we store in `logs`. */
function applyFailedMessage(name, error) {
    const lines = [`ERROR: ${error.message ?? String(error)}`];
    if (error.detail)
        lines.push(`DETAIL: ${error.detail}`);
    if (error.hint)
        lines.push(`HINT: ${error.hint}`);
    return (`A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: ${RESOLVE_DOCS}\n\n` +
        `Migration name: ${name}\n\n` +
        `Database error code: ${error.code && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : 'none'}\n\n` +
        `Database error:\n${lines.join('\n')}\n`);
}
function applyFailedHint(name) {
    return (`Postgres rolled back this migration's statements (the file runs as one transaction, unless it contains its ` +
        `own BEGIN/COMMIT), but _prisma_migrations now records it as failed, so every deploy stops with P3009 until ` +
        `it is resolved. Fix migration.sql, run this action with ${resolveInput('rolled-back', name)}, then deploy again.`);
}
function missingScriptError(name, migrationsDir) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('Could not find the migration file at migration.sql. Please delete the directory or restore the migration file.', {
        code: 'P3015',
        hint: `Migration \`${name}\` has no readable migration.sql in ${migrationsDir}. Restore the file, or delete the directory if the migration was abandoned.`
    });
}
function alreadyAppliedError(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The migration \`${name}\` is already recorded as applied in the database.`, {
        code: 'P3008',
        hint: `Nothing to resolve. Check the name in \`resolve-applied\`; run \`mode: migrate-status\` to see each migration's state.`
    });
}
function neverAppliedError(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration name? (example: "20201207184859_initial_migration")`, {
        code: 'P3011',
        hint: '`resolve-rolled-back` must be the whole directory name of a migration recorded in _prisma_migrations; run `mode: migrate-status` to list them.'
    });
}
function notFailedError(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
        code: 'P3012',
        hint: 'Only a failed migration can be marked as rolled back. To undo an applied migration, write and deploy a new migration that reverts it.'
    });
}
function migrationNotFoundError(name, migrationsDir) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The migration ${name} could not be found. Please make sure that the migration exists, and that you included the whole name of the directory. (example: "20201207184859_initial_migration")`, {
        code: 'P3017',
        hint: `\`resolve-applied\` must name a directory of ${migrationsDir} that contains migration.sql; check the name and \`migrations-dir\`.`
    });
}
function providerSwitchedError(found, lockfilePath) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The datasource provider \`postgresql\` specified in your schema does not match the one specified in the migration_lock.toml, \`${found}\`. Please remove your current migration directory and start a new migration history with prisma migrate dev. Read more: https://pris.ly/d/migrate-provider-switch`, {
        code: 'P3019',
        hint: `This action runs PostgreSQL migrations; ${lockfilePath} must contain the line \`provider = "postgresql"\` exactly as \`prisma migrate dev\` writes it (Prisma reads it literally), or point \`migrations-dir\` at the PostgreSQL migrations.`
    });
}
function lockTimeoutError(timeoutMs) {
    const context = `Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})). Timeout: ${timeoutMs}ms. See https://pris.ly/d/migrate-advisory-locking for details.`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The database server was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at the configured address.\n\nContext: ${context}\n`, {
        code: 'P1002',
        hint: `Another \`prisma migrate\` or run of this action holds the migration lock on this database. Wait for it ` +
            `to finish and run again; \`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh}\` ` +
            `shows the session. Through a PgBouncer transaction pooler the lock cannot work: use a direct connection URL.`
    });
}


/***/ }),

/***/ 26724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* binding */ checkLockfile),
  _: () => (/* binding */ readMigrationsFolder),
  xM: () => (/* binding */ resolveMigrationsDir)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/migrate/checksum.ts
var checksum = __webpack_require__(11702);
// EXTERNAL MODULE: ./src/migrate/errors.ts
var migrate_errors = __webpack_require__(99658);
;// CONCATENATED MODULE: ./src/migrate/lockfile.ts
/**
 * `migration_lock.toml`, read with the schema engine's literal parser (prisma-migrate-compat.md §3.3): not TOML,
 * just the first line starting with `provider`, with `provider = ` and surrounding quotes trimmed.
 */

const LOCKFILE_NAME = 'migration_lock.toml';
const PROVIDER_NOT_FOUND = '<PROVIDER NOT FOUND>';
/** The provider as Prisma reads it. */
function lockfileProvider(content) {
    // Rust's `str::lines` splits on \n and drops one trailing \r per line.
    const line = content
        .split('\n')
        .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
        .find((l) => l.startsWith('provider'));
    if (line === undefined)
        return PROVIDER_NOT_FOUND;
    let value = line;
    while (value.startsWith('provider = '))
        value = value.slice('provider = '.length);
    return value.replace(/^"+|"+$/g, '');
}
/** Prisma's connector type for both `postgresql` and its alias `postgres`. */
const CONNECTOR_TYPE = 'postgresql';
/** Throws P3019 when the lock file names another provider; an absent lock file is not checked (like Prisma). */
function checkLockfileContent(content, path) {
    if (content === null)
        return;
    const provider = lockfileProvider(content);
    if (provider !== CONNECTOR_TYPE)
        throw (0,migrate_errors/* providerSwitchedError */.XX)(provider, path);
}

;// CONCATENATED MODULE: ./src/migrate/prisma-config.ts
/**
 * Where Prisma would look for migrations, found WITHOUT executing the user's code: `prisma.config.*` is read as
 * text and only string literals are taken (prisma-migrate-compat.md §9).
 */


/** Prisma 6/7 config file names, in c12's lookup order. */
const CONFIG_FILE_CANDIDATES = [
    'prisma.config.ts',
    'prisma.config.mts',
    'prisma.config.cts',
    'prisma.config.js',
    'prisma.config.mjs',
    'prisma.config.cjs',
    '.config/prisma.ts',
    '.config/prisma.mts',
    '.config/prisma.cts',
    '.config/prisma.js',
    '.config/prisma.mjs',
    '.config/prisma.cjs'
];
/** The source without comments, strings kept, so a commented-out `migrations: {...}` is not taken. */
function stripComments(source) {
    let out = '';
    let i = 0;
    while (i < source.length) {
        const ch = source[i];
        const next = source[i + 1];
        if (ch === '/' && next === '/') {
            while (i < source.length && source[i] !== '\n')
                i++;
        }
        else if (ch === '/' && next === '*') {
            const end = source.indexOf('*/', i + 2);
            i = end < 0 ? source.length : end + 2;
            out += ' ';
        }
        else if (ch === '"' || ch === "'" || ch === '`') {
            let j = i + 1;
            while (j < source.length && source[j] !== ch)
                j += source[j] === '\\' ? 2 : 1;
            out += source.slice(i, j + 1);
            i = j + 1;
        }
        else {
            out += ch;
            i++;
        }
    }
    return out;
}
const STRING_LITERAL = String.raw `(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|\x60((?:[^\x60\\$]|\\.)*)\x60)`;
function prisma_config_unescape(raw) {
    return raw.replace(/\\(.)/g, '$1');
}
function lookup(source, pattern, anyValue) {
    const match = pattern.exec(source);
    if (match)
        return { found: 'literal', value: prisma_config_unescape(match[1] ?? match[2] ?? match[3] ?? '') };
    return anyValue.test(source) ? { found: 'expression' } : { found: 'absent' };
}
/** `migrations: { ..., path: '<literal>' }` */
function findMigrationsPath(configSource) {
    const source = stripComments(configSource);
    return lookup(source, new RegExp(String.raw `\bmigrations\s*:\s*\{[^{}]*?\bpath\s*:\s*${STRING_LITERAL}\s*[,}]`), /\bmigrations\s*:\s*\{[^{}]*?\bpath\b/);
}
/** The top-level `schema: '<literal>'` of the config (a key at any depth named schema is rare enough). */
function findSchemaPath(configSource) {
    const source = stripComments(configSource);
    return lookup(source, new RegExp(String.raw `(?:^|[{,\s])schema\s*:\s*${STRING_LITERAL}\s*[,}\n]`), /(?:^|[{,\s])schema\s*:/);
}
function findConfigFile(workingDirectory) {
    return CONFIG_FILE_CANDIDATES.map((name) => (0,external_node_path_.join)(workingDirectory, name)).find((path) => (0,external_node_fs_.existsSync)(path));
}
function listPrismaFiles(folder) {
    const out = [];
    for (const entry of (0,external_node_fs_.readdirSync)(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = (0,external_node_path_.join)(folder, entry.name);
        if (entry.isDirectory())
            out.push(...listPrismaFiles(path));
        else if (entry.isFile() && entry.name.endsWith('.prisma'))
            out.push(path);
    }
    return out;
}
/**
 * Prisma 6: migrations live next to the file that holds the `datasource` block; for a single-file schema that
 * is the schema's directory, for a schema folder the folder itself unless the datasource sits deeper.
 */
function migrationsDirForSchema(schemaPath) {
    let isFolder = false;
    try {
        isFolder = (0,external_node_fs_.statSync)(schemaPath).isDirectory();
    }
    catch {
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(schemaPath), 'migrations');
    }
    if (!isFolder)
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(schemaPath), 'migrations');
    try {
        const withDatasource = listPrismaFiles(schemaPath).find((file) => /^\s*datasource\s+\w+\s*\{/m.test((0,external_node_fs_.readFileSync)(file, 'utf8')));
        return (0,external_node_path_.join)(withDatasource ? (0,external_node_path_.dirname)(withDatasource) : schemaPath, 'migrations');
    }
    catch {
        return (0,external_node_path_.join)(schemaPath, 'migrations');
    }
}
function packageJsonSchema(workingDirectory) {
    try {
        const pkg = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workingDirectory, 'package.json'), 'utf8'));
        return typeof pkg.prisma?.schema === 'string' ? pkg.prisma.schema : undefined;
    }
    catch {
        return undefined;
    }
}
function displayPath(workingDirectory, path) {
    const rel = (0,external_node_path_.relative)(workingDirectory, path);
    return rel && !rel.startsWith('..') ? rel : (0,external_node_path_.resolve)(path);
}

;// CONCATENATED MODULE: ./src/migrate/migrations-dir.ts
/**
 * The local migration history: where it is (resolveMigrationsDir) and what is in it (readMigrationsFolder), both
 * as Prisma sees them (prisma-migrate-compat.md §3, §9), so that "pending" means the same thing to both tools.
 */






const INPUT = 'migrations-dir';
/**
 * The migrations directory: the `migrations-dir` input, else where Prisma 6 would look. The reason says which
 * rule decided, for the log.
 */
function resolveMigrationsDir(workingDirectory, explicit) {
    const wd = (0,external_node_path_.resolve)(workingDirectory);
    if (explicit && explicit.trim())
        return { path: (0,external_node_path_.resolve)(wd, explicit.trim()), reason: `input \`${INPUT}\`` };
    const notes = [];
    const configFile = findConfigFile(wd);
    if (configFile) {
        const configName = displayPath(wd, configFile);
        const configDir = (0,external_node_path_.dirname)(configFile);
        const source = readTextOrEmpty(configFile);
        const migrationsPath = findMigrationsPath(source);
        if (migrationsPath.found === 'literal') {
            return { path: (0,external_node_path_.resolve)(configDir, migrationsPath.value), reason: `migrations.path in ${configName}` };
        }
        if (migrationsPath.found === 'expression') {
            notes.push(`migrations.path in ${configName} is not a string literal and is not evaluated; set \`${INPUT}\` if this is wrong`);
        }
        const schema = findSchemaPath(source);
        if (schema.found === 'literal') {
            const schemaPath = (0,external_node_path_.resolve)(configDir, schema.value);
            return withNotes(migrationsDirForSchema(schemaPath), `next to the schema ${schema.value} named in ${configName}`, notes);
        }
        if (schema.found === 'expression')
            notes.push(`schema in ${configName} is not a string literal and is not evaluated`);
    }
    const fromPackage = packageJsonSchema(wd);
    if (fromPackage) {
        return withNotes(migrationsDirForSchema((0,external_node_path_.resolve)(wd, fromPackage)), `next to the schema ${fromPackage} named by "prisma.schema" in package.json`, notes);
    }
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(wd, 'schema.prisma'))) {
        return withNotes((0,external_node_path_.join)(wd, 'migrations'), 'next to schema.prisma in the working directory', notes);
    }
    return withNotes((0,external_node_path_.join)(wd, 'prisma', 'migrations'), "Prisma's default prisma/migrations", notes);
}
function withNotes(path, reason, notes) {
    return { path, reason: notes.length > 0 ? `${reason} (${notes.join('; ')})` : reason };
}
function readTextOrEmpty(path) {
    try {
        // Synchronous on purpose: the config is tiny and this runs once, while settings are parsed.
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
// Synchronous on purpose: hundreds of small files read in a loop take a millisecond, while as many async reads
// queue on libuv's four threads and take tens of milliseconds. Nothing else runs meanwhile in the action.
function readUtf8(path) {
    try {
        return { text: (0,external_node_fs_.readFileSync)(path, { encoding: 'utf-8' }) };
    }
    catch (error) {
        return { error: error.message };
    }
}
/**
 * Lists migrations with the CLI's rules (`listMigrations.ts`): only real directories (symlinks and files are
 * skipped, hidden directories count), a missing folder is an empty history, and names are ordered with
 * `localeCompare` (ICU collation, like the CLI on the same runner).
 */
async function readMigrationsFolder(path) {
    const lockfilePath = (0,external_node_path_.join)(path, LOCKFILE_NAME);
    let info;
    try {
        info = (0,external_node_fs_.statSync)(path);
    }
    catch {
        info = undefined;
    }
    if (info && !info.isDirectory()) {
        throw new errors/* InputError */.dz(INPUT, `points at ${path}, which is a file, not a directory.`, 'Set it to the directory that contains the <timestamp>_<name>/migration.sql folders (usually prisma/migrations).');
    }
    const lock = readUtf8(lockfilePath);
    const folder = {
        path,
        exists: info !== undefined,
        lockfile: { path: lockfilePath, content: 'text' in lock ? lock.text : null },
        migrations: []
    };
    let entries = [];
    try {
        entries = (0,external_node_fs_.readdirSync)(path, { withFileTypes: true });
    }
    catch {
        entries = [];
    }
    const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    names.sort((a, b) => a.localeCompare(b));
    folder.migrations = names.map((name) => {
        const directory = (0,external_node_path_.join)(path, name);
        const sqlPath = (0,external_node_path_.join)(directory, 'migration.sql');
        const read = readUtf8(sqlPath);
        if ('error' in read)
            return { name, directory, sqlPath, script: null, readError: read.error, checksum: null };
        return { name, directory, sqlPath, script: read.text, checksum: (0,checksum/* migrationChecksum */.C)(read.text) };
    });
    return folder;
}
/** P3019 when `migration_lock.toml` names another provider (Prisma checks before touching the database). */
function checkLockfile(folder) {
    checkLockfileContent(folder.lockfile.content, displayLockfile(folder));
}
function displayLockfile(folder) {
    return (0,external_node_path_.join)((0,external_node_path_.basename)(folder.path), LOCKFILE_NAME);
}


/***/ }),

/***/ 54781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   HU: () => (/* binding */ parseChoice),
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


/***/ }),

/***/ 84537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony export resetSecrets */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);

/**
 * Every secret value seen this run, in each form it could appear in (raw, URL-encoded, URL-decoded).
 * `core.setSecret` masks them in the runner's log; `scrub` removes them from text we write elsewhere
 * (summary, PR comment, report file, outputs, error messages).
 */
const known = new Set();
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
function registerSecret(value) {
    if (!value)
        return;
    for (const form of forms(value)) {
        if (known.has(form))
            continue;
        known.add(form);
        for (const line of form.split(/\r?\n/))
            if (line.trim().length >= 3)
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
    }
}
function scrub(text) {
    let out = text;
    const ordered = [...known].sort((a, b) => b.length - a.length);
    for (const secret of ordered)
        out = out.split(secret).join('***');
    return out;
}
/** For tests: forget every registered secret. */
function resetSecrets() {
    known.clear();
}


/***/ })

};

//# sourceMappingURL=277.index.js.map
export const id = 277;
export const ids = [277];
export const modules = {

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
        env.PGSSLROOTCERT = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(settings.sslCaPath)
            ? settings.sslCaPath
            : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(baseDir, settings.sslCaPath);
    }
    else
        env.PGSSLMODE = settings.sslmode;
    if (settings.options)
        env.PGOPTIONS = settings.options;
    return env;
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
    const explicitPath = explicit
        ? (0,external_node_path_.isAbsolute)(explicit)
            ? explicit
            : (0,external_node_path_.resolve)(common.workingDirectory, explicit)
        : undefined;
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
            const { runMigrateStatus } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(281), __webpack_require__.e(402), __webpack_require__.e(509), __webpack_require__.e(550)]).then(__webpack_require__.bind(__webpack_require__, 33472));
            return runMigrateStatus(common, readMigrateSettings(read, common), read);
        }
        case 'migrate-deploy': {
            const { runMigrateDeploy } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(281), __webpack_require__.e(242), __webpack_require__.e(402), __webpack_require__.e(509), __webpack_require__.e(86)]).then(__webpack_require__.bind(__webpack_require__, 48086));
            return runMigrateDeploy(common, readMigrateSettings(read, common), read);
        }
        case 'migrate-resolve': {
            const { runMigrateResolve } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(281), __webpack_require__.e(509), __webpack_require__.e(169)]).then(__webpack_require__.bind(__webpack_require__, 25227));
            return runMigrateResolve(common, readMigrateSettings(read, common));
        }
        case 'backup':
        case 'restore-drill': {
            const [{ readBackupSettings }, modes] = await Promise.all([
                __webpack_require__.e(/* import() */ 378).then(__webpack_require__.bind(__webpack_require__, 74378)),
                common.mode === 'backup' ? Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(242), __webpack_require__.e(280)]).then(__webpack_require__.bind(__webpack_require__, 38280)) : Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(242), __webpack_require__.e(959)]).then(__webpack_require__.bind(__webpack_require__, 9959))
            ]);
            const context = {
                connection: common.connection,
                workingDirectory: common.workingDirectory,
                settings: readBackupSettings(read, common.mode)
            };
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
    const lines = [
        `### ❌ ${mode ?? 'prisma-postgres-ops'} failed${code}`,
        '',
        (0,errors/* getErrorMessage */.u1)(error).replace(/</g, '&lt;')
    ];
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
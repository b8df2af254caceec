export const id = 724;
export const ids = [724];
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
const MODES = [
    'migrate-status',
    'migrate-deploy',
    'migrate-resolve',
    'backup',
    'restore-drill'
];
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


/***/ })

};

//# sourceMappingURL=724.index.js.map
export const id = 645;
export const ids = [645];
export const modules = {

/***/ 74378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BACKUP_BEFORE_DEPLOY: () => (/* binding */ BACKUP_BEFORE_DEPLOY),
  DUMP_FORMATS: () => (/* binding */ DUMP_FORMATS),
  readBackupSettings: () => (/* binding */ readBackupSettings)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/settings/input.ts
var input = __webpack_require__(54781);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
// EXTERNAL MODULE: ./src/backup/destination.ts
var backup_destination = __webpack_require__(28962);
;// CONCATENATED MODULE: ./src/backup/dump-args.ts

const INPUT = 'pg-dump-args';
/**
 * Options that narrow or shape what is dumped. Everything that decides where the dump goes, how it connects or
 * which format it has is ours (`-f`, `-F`, `-d`, `-h`, `-U`, `-j`, `--snapshot`, ...), so it is not accepted here.
 */
const ALLOWED = [
    { long: 'schema', short: 'n', takesValue: true },
    { long: 'exclude-schema', short: 'N', takesValue: true },
    { long: 'table', short: 't', takesValue: true },
    { long: 'exclude-table', short: 'T', takesValue: true },
    { long: 'table-and-children', takesValue: true },
    { long: 'exclude-table-and-children', takesValue: true },
    { long: 'exclude-table-data', takesValue: true },
    { long: 'exclude-table-data-and-children', takesValue: true },
    { long: 'extension', short: 'e', takesValue: true },
    { long: 'exclude-extension', takesValue: true },
    { long: 'section', takesValue: true },
    { long: 'encoding', short: 'E', takesValue: true },
    { long: 'lock-wait-timeout', takesValue: true },
    { long: 'role', takesValue: true },
    { long: 'compress', short: 'Z', takesValue: true, format: 'custom' },
    { long: 'rows-per-insert', takesValue: true, format: 'plain' },
    { long: 'no-owner', short: 'O', takesValue: false },
    { long: 'no-privileges', short: 'x', takesValue: false },
    { long: 'no-acl', takesValue: false },
    { long: 'no-comments', takesValue: false },
    { long: 'no-publications', takesValue: false },
    { long: 'no-subscriptions', takesValue: false },
    { long: 'no-security-labels', takesValue: false },
    { long: 'no-tablespaces', takesValue: false },
    { long: 'no-table-access-method', takesValue: false },
    { long: 'no-toast-compression', takesValue: false },
    { long: 'no-unlogged-table-data', takesValue: false },
    { long: 'no-large-objects', takesValue: false },
    { long: 'large-objects', short: 'b', takesValue: false },
    { long: 'blobs', takesValue: false },
    { long: 'no-blobs', short: 'B', takesValue: false },
    { long: 'quote-all-identifiers', takesValue: false },
    { long: 'load-via-partition-root', takesValue: false },
    { long: 'enable-row-security', takesValue: false },
    { long: 'strict-names', takesValue: false },
    { long: 'serializable-deferrable', takesValue: false },
    { long: 'no-sync', takesValue: false },
    { long: 'clean', short: 'c', takesValue: false, format: 'plain' },
    { long: 'if-exists', takesValue: false, format: 'plain' },
    { long: 'create', short: 'C', takesValue: false },
    { long: 'inserts', takesValue: false, format: 'plain' },
    { long: 'column-inserts', takesValue: false, format: 'plain' },
    { long: 'attribute-inserts', takesValue: false, format: 'plain' },
    { long: 'on-conflict-do-nothing', takesValue: false, format: 'plain' },
    { long: 'disable-dollar-quoting', takesValue: false },
    { long: 'disable-triggers', takesValue: false }
];
const byLong = new Map(ALLOWED.map((f) => [f.long, f]));
const byShort = new Map(ALLOWED.filter((f) => f.short).map((f) => [f.short, f]));
/** Split like a shell would for words and quotes, without any expansion (no shell ever runs these). */
function splitArgs(text) {
    const out = [];
    let current = '';
    let inWord = false;
    let quote = null;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = null;
            else if (ch === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\'))
                current += text[++i];
            else
                current += ch;
        }
        else if (ch === '"' || ch === "'") {
            quote = ch;
            inWord = true;
        }
        else if (/\s/.test(ch)) {
            if (inWord)
                out.push(current);
            current = '';
            inWord = false;
        }
        else {
            current += ch;
            inWord = true;
        }
    }
    if (quote)
        throw new errors/* InputError */.dz(INPUT, 'has an unterminated quote.');
    if (inWord)
        out.push(current);
    return out;
}
function refuse(arg, format) {
    const names = ALLOWED.filter((f) => !f.format || f.format === format).map((f) => `--${f.long}`);
    throw new errors/* InputError */.dz(INPUT, `does not accept "${arg}".`, `Allowed options with format ${format}: ${names.join(', ')}. Connection, output file and format are set by the action.`);
}
/**
 * Validate the extra pg_dump options against the allow-list and return them in one canonical form
 * (`--long=value` / `--long`), so what runs is exactly what the manifest records.
 */
function parseDumpArgs(text, format) {
    const words = splitArgs(text);
    const out = [];
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        let spec;
        let value;
        if (word.startsWith('--')) {
            const eq = word.indexOf('=');
            const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
            spec = byLong.get(name);
            if (eq !== -1)
                value = word.slice(eq + 1);
        }
        else if (/^-[A-Za-z]/.test(word)) {
            spec = byShort.get(word[1]);
            if (word.length > 2)
                value = word.slice(2);
        }
        if (!spec || (spec.format && spec.format !== format))
            refuse(word, format);
        if (spec.takesValue) {
            if (value === undefined) {
                value = words[++i];
                if (value === undefined)
                    throw new errors/* InputError */.dz(INPUT, `needs a value after "${word}".`);
            }
            if (value === '')
                throw new errors/* InputError */.dz(INPUT, `has an empty value for "${word}".`);
            out.push(`--${spec.long}=${value}`);
        }
        else {
            if (value !== undefined)
                refuse(word, format);
            out.push(`--${spec.long}`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/backup/settings.ts






const BACKUP_BEFORE_DEPLOY = ['never', 'always', 'destructive'];
const DUMP_FORMATS = ['custom', 'plain'];
const AGE_RECIPIENT = /^age1[0-9a-z]+$/;
const BECH32_DATA = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/;
function defaultRegion() {
    return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}
/** An s3:// or artifact:// `backup-uri` must name a plain key: checked before anything connects. */
function checkBackupUri(uri) {
    const s3 = /^s3:\/\/[^/]*\/?(.*)$/is.exec(uri);
    if (s3) {
        if (s3[1] === '')
            throw new errors/* InputError */.dz('backup-uri', 'names no object key.', 'Use s3://bucket/key as printed by the backup step.');
        (0,backup_destination/* checkKeyPath */.R_)(s3[1], 'backup-uri', 'key');
    }
    const artifact = /^artifact:\/\/(.+)$/is.exec(uri);
    if (artifact)
        (0,backup_destination/* checkKeyPath */.R_)(artifact[1].split('__').join('/'), 'backup-uri', 'artifact name');
}
function readEncryptTo(read) {
    const recipients = (0,input/* parseList */.E1)(read, 'encrypt-to').flatMap((item) => item.split(/\s+/));
    for (const r of recipients) {
        if (r.startsWith('AGE-SECRET-KEY-')) {
            (0,secrets/* registerSecret */.cl)(r);
            throw new errors/* InputError */.dz('encrypt-to', 'holds a secret key (AGE-SECRET-KEY-…), not a public key.', 'Give the public key (age1…) here and rotate the exposed secret key.');
        }
        // The shape only (bech32's alphabet after the last `1`): age-encryption itself checks the key before the
        // backup connects (checkRecipients), and is loaded only by runs that encrypt.
        if (!AGE_RECIPIENT.test(r) || !BECH32_DATA.test(r.slice(r.lastIndexOf('1') + 1)))
            throw new errors/* InputError */.dz('encrypt-to', `has "${r}", which is not an age public key.`, 'Use keys printed by `age-keygen -y` (age1…), separated by commas or new lines.');
    }
    return [...new Set(recipients)];
}
/** Read and check the backup-related inputs for `mode`; the inputs that mode does not use are not required. */
function readBackupSettings(read, mode) {
    const ageIdentity = read('age-identity') || undefined;
    (0,secrets/* registerSecret */.cl)(ageIdentity);
    for (const line of ageIdentity?.split(/\r?\n/) ?? [])
        (0,secrets/* registerSecret */.cl)(line.trim());
    const targetDatabaseUrl = read('target-database-url') || undefined;
    let targetConnection;
    if (targetDatabaseUrl) {
        (0,secrets/* registerSecret */.cl)(targetDatabaseUrl);
        targetConnection = (0,connection_url/* parseDatabaseUrl */.mx)(targetDatabaseUrl, 'target-database-url');
        (0,secrets/* registerSecret */.cl)(targetConnection.password);
    }
    // Inputs with a fixed syntax (choices, booleans, numbers) first: their messages are the most specific.
    const backupBeforeDeploy = (0,input/* parseChoice */.HU)(read, 'backup-before-deploy', BACKUP_BEFORE_DEPLOY, 'never');
    const format = (0,input/* parseChoice */.HU)(read, 'format', DUMP_FORMATS, 'custom');
    const s3ForcePathStyle = (0,input/* parseBool */.q6)(read, 's3-force-path-style', false);
    const retentionDays = (0,input/* parseInteger */.cG)(read, 'retention-days', { min: 1, max: 400 });
    const installClient = (0,input/* parseBool */.q6)(read, 'install-client', false);
    const verify = (0,input/* parseBool */.q6)(read, 'verify', true);
    const allowUnencrypted = (0,input/* parseBool */.q6)(read, 'allow-unencrypted', false);
    const keepLast = (0,input/* parseInteger */.cG)(read, 'keep-last', { min: 1 });
    const keepDays = (0,input/* parseInteger */.cG)(read, 'keep-days', { min: 1 });
    const targetClean = (0,input/* parseBool */.q6)(read, 'target-clean', false);
    const destinationRaw = read('destination');
    const needsDestination = mode === 'backup' || (mode === 'migrate-deploy' && backupBeforeDeploy !== 'never');
    if (needsDestination && !destinationRaw) {
        throw new errors/* InputError */.dz('destination', mode === 'backup'
            ? 'is required for mode backup.'
            : `is required when backup-before-deploy is ${backupBeforeDeploy}.`, 'Use s3://bucket/prefix, artifact, or a directory path.');
    }
    const destination = destinationRaw ? (0,backup_destination/* parseDestination */.G2)(destinationRaw) : undefined;
    const s3Endpoint = read('s3-endpoint') || undefined;
    if (s3Endpoint) {
        let url;
        try {
            url = new URL(s3Endpoint);
        }
        catch {
            url = undefined;
        }
        if (!url || !/^https?:$/.test(url.protocol))
            throw new errors/* InputError */.dz('s3-endpoint', 'must be an http(s) URL, e.g. https://<account>.r2.cloudflarestorage.com.');
        if (url.username || url.password)
            throw new errors/* InputError */.dz('s3-endpoint', 'must not contain credentials.', 'Pass them as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.');
    }
    const settings = {
        destination,
        s3Endpoint,
        s3Region: read('s3-region') || defaultRegion(),
        s3ForcePathStyle,
        retentionDays,
        format,
        pgDumpArgs: parseDumpArgs(read('pg-dump-args'), format),
        pgDumpPath: read('pg-dump-path') || undefined,
        installClient,
        verify,
        encryptTo: readEncryptTo(read),
        allowUnencrypted,
        keepLast,
        keepDays,
        backupUri: read('backup-uri') || undefined,
        ageIdentity,
        targetDatabaseUrl,
        targetConnection,
        targetClean,
        backupBeforeDeploy
    };
    if (needsDestination && destination?.kind === 'artifact') {
        if (settings.encryptTo.length === 0 && !settings.allowUnencrypted) {
            throw new errors/* InputError */.dz('encrypt-to', 'is required with destination artifact: anyone with read access to the repository can download artifacts.', 'Give an age public key (age1…), or set `allow-unencrypted: true` if the repository is private and that is acceptable.');
        }
        if (settings.keepLast !== undefined || settings.keepDays !== undefined) {
            const name = settings.keepLast !== undefined ? 'keep-last' : 'keep-days';
            throw new errors/* InputError */.dz(name, 'does not apply to artifacts: they cannot be listed across runs without a token and expire after `retention-days`.', 'Use `retention-days` for artifacts.');
        }
    }
    if (settings.pgDumpPath && !settings.pgDumpPath.startsWith('/')) {
        throw new errors/* InputError */.dz('pg-dump-path', 'must be an absolute path to a pg_dump binary.');
    }
    if (mode === 'restore-drill') {
        if (!settings.backupUri)
            throw new errors/* InputError */.dz('backup-uri', 'is required for mode restore-drill.', 'Give the backup-uri output of a backup step, or `latest` together with `destination`.');
        if (settings.backupUri === 'latest' && !destination) {
            throw new errors/* InputError */.dz('destination', 'is required with backup-uri latest.', 'Give the same destination as the backup step.');
        }
        if (!targetConnection) {
            throw new errors/* InputError */.dz('target-database-url', 'is required for mode restore-drill.', 'Point it at a scratch database, e.g. a `services: postgres` container.');
        }
        // Whether the target is the source is proven by connecting to both (restore-drill.ts), not by comparing
        // spellings: one database has many URLs.
        checkBackupUri(settings.backupUri);
    }
    return settings;
}


/***/ }),

/***/ 53969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Td: () => (/* binding */ isLockTimeout),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   o2: () => (/* binding */ retryOnLockTimeout),
/* harmony export */   tt: () => (/* binding */ LockRetriesExhausted)
/* harmony export */ });
/* unused harmony exports LOCK_NOT_AVAILABLE, backoffDelay */
const LOCK_NOT_AVAILABLE = '55P03';
/** PostgreSQL cancelled the statement at `lock_timeout` (or `NOWAIT` found the lock taken). */
function isLockTimeout(error) {
    return error?.code === LOCK_NOT_AVAILABLE;
}
const DEFAULT_BACKOFF = { baseDelayMs: 500, maxDelayMs: 10_000 };
/** The unit was cancelled at lock_timeout on every attempt the policy allowed. */
class LockRetriesExhausted extends Error {
    attempts;
    elapsedMs;
    constructor(attempts, elapsedMs) {
        super(`canceled at lock_timeout on ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} (SQLSTATE ${LOCK_NOT_AVAILABLE})`, { cause: attempts.at(-1)?.error });
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
        this.name = 'LockRetriesExhausted';
    }
    /** The blockers of the latest attempt that saw any. */
    get blockers() {
        for (let i = this.attempts.length - 1; i >= 0; i--)
            if (this.attempts[i].blockers.length > 0)
                return this.attempts[i].blockers;
        return [];
    }
}
/** The nominal delay after blocked attempt `attempt` (1-based), with jitter in [50 %, 100 %] of it. */
function backoffDelay(policy, attempt, random) {
    const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(nominal * (0.5 + random() * 0.5));
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Runs `run` until it succeeds, fails with something other than 55P03, or the retry window is used up. Each
 * blocked attempt is reported to `onBlocked` (with its blockers and the delay before the next one) before the
 * wait. Other errors pass through unchanged; when the window is used up, `LockRetriesExhausted` is thrown.
 */
async function retryOnLockTimeout(policy, run, onBlocked, options = {}) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const startedAt = now();
    const blocked = [];
    for (let attempt = 1;; attempt++) {
        const watch = options.watcher?.watch((sample) => options.onSample?.(sample, attempt));
        let error;
        try {
            const result = await run(attempt);
            await watch?.stop();
            return result;
        }
        catch (caught) {
            error = caught;
        }
        const blockers = (await watch?.stop()) ?? [];
        if (!isLockTimeout(error))
            throw error;
        const elapsedMs = now() - startedAt;
        const left = policy.retryWindowMs - elapsedMs;
        const retryInMs = left > 0 ? Math.min(backoffDelay(policy, attempt, random), left) : undefined;
        const event = { attempt, error, blockers, elapsedMs, retryInMs };
        blocked.push(event);
        await onBlocked?.(event);
        if (retryInMs === undefined)
            throw new LockRetriesExhausted(blocked, elapsedMs);
        await sleep(retryInMs);
    }
}


/***/ }),

/***/ 61106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ acquireMigrateLock)
/* harmony export */ });
/* unused harmony export advisoryLockDisabled */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27242);
/* harmony import */ var _blockers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6158);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99658);
/* harmony import */ var _lock_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53969);




/** Prisma's switch, forwarded to its engine: any value but '' or '0' disables the lock. */
function advisoryLockDisabled(env = process.env) {
    const value = env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
    return value !== undefined && value !== '' && value !== '0';
}
/**
 * Waits for the lock at most `timeoutMs`, then fails with P1002 naming the session that holds it. The wait is
 * bounded by the server (`lock_timeout`, set for this one statement together with `statement_timeout = 0`, in
 * the same message), so it is Prisma's 10 s whatever timeouts the session has, and the connection stays usable
 * afterwards: the caller can still read the history and report. (Ending the connection on a client-side timer,
 * as before, made the deploy's report fail with "Client was closed and is not queryable" instead of P1002.)
 */
async function acquireMigrateLock(client, timeoutMs = _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .PRISMA_ADVISORY_LOCK_TIMEOUT_MS */ .q$) {
    if (advisoryLockDisabled())
        return async () => undefined;
    try {
        // One simple query = one implicit transaction: the SET LOCALs end with it; the session-level lock stays.
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}; SET LOCAL statement_timeout = 0; SELECT pg_advisory_lock(${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})`);
    }
    catch (error) {
        if (!(0,_lock_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isLockTimeout */ .Td)(error))
            throw error;
        let holders;
        try {
            holders = await (0,_blockers_js__WEBPACK_IMPORTED_MODULE_0__/* .advisoryLockHolders */ .wh)(client);
        }
        catch {
            holders = undefined;
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .lockTimeoutError */ .rB)(timeoutMs, holders);
    }
    return async () => {
        // Ending the connection would release it too; unlocking explicitly frees it even if the caller keeps the client.
        await client.query(`SELECT pg_advisory_unlock(${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})`).catch(() => undefined);
    };
}


/***/ }),

/***/ 36645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateDeploy: () => (/* binding */ runMigrateDeploy)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/render/markdown.ts
var render_markdown = __webpack_require__(42495);
// EXTERNAL MODULE: ./src/backup/report.ts
var report = __webpack_require__(20806);
// EXTERNAL MODULE: ./src/backup/run-backup.ts + 4 modules
var run_backup = __webpack_require__(42019);
;// CONCATENATED MODULE: ./src/backup/pre-deploy.ts




/**
 * The backup migrate-deploy takes before applying migrations (`backup-before-deploy`). It throws an ActionError
 * when the backup fails, so that the deploy does not go ahead without one (a failed retention after the backup is
 * stored is only a warning); whether to call it at all (always, or
 * only for destructive SQL) is the deploy mode's decision.
 */
async function backupBeforeDeploy(ctx) {
    const result = await (0,run_backup/* runBackup */.Q3)({
        connection: ctx.connection,
        workingDirectory: ctx.workingDirectory,
        settings: ctx.settings
    });
    // The deploy has its backup: a retention that cannot delete is worth a warning, not a blocked deploy.
    const retentionFailed = result.retention?.failed;
    if (retentionFailed !== undefined)
        core/* warning */.$e(`Backup before deploy stored as ${result.uri}, but retention failed: ${retentionFailed}`);
    const markdown = [
        '#### Backup before deploy',
        '',
        `${(0,render_markdown/* code */.aY)(result.uri, render_markdown/* MAX_PROSE_CHARS */.LO)} · ${(0,report/* formatBytes */.z3)(result.size)} · sha256 ${(0,render_markdown/* code */.aY)(result.sha256)} · verified: ${result.verification.passed ? 'yes' : 'no'}`,
        ...(retentionFailed === undefined ? [] : ['', `⚠️ Retention failed: ${(0,render_markdown/* quote */.hD)(retentionFailed)}`]),
        '',
        'To roll back, set `DATABASE_URL` to the database and run:',
        '',
        (0,render_markdown/* fence */.EU)(result.restoreCommand, 'sh')
    ].join('\n');
    return {
        uri: result.uri,
        manifestUri: result.manifestUri,
        sha256: result.sha256,
        size: result.size,
        restoreCommand: result.restoreCommand,
        markdown: markdown + '\n'
    };
}

// EXTERNAL MODULE: ./src/backup/settings.ts + 1 modules
var backup_settings = __webpack_require__(74378);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/annotations.ts
var annotations = __webpack_require__(34793);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/migrate/errors.ts
var migrate_errors = __webpack_require__(99658);
// EXTERNAL MODULE: ./src/migrate/execute.ts
var execute = __webpack_require__(77690);
// EXTERNAL MODULE: ./src/sql/parse.ts
var parse = __webpack_require__(24159);
// EXTERNAL MODULE: ./src/migrate/history.ts
var migrate_history = __webpack_require__(53909);
// EXTERNAL MODULE: ./src/migrate/initialize.ts
var initialize = __webpack_require__(48499);
// EXTERNAL MODULE: ./src/migrate/lock.ts
var migrate_lock = __webpack_require__(61106);
// EXTERNAL MODULE: ./src/migrate/lock-retry.ts
var lock_retry = __webpack_require__(53969);
// EXTERNAL MODULE: ./src/migrate/blockers.ts
var migrate_blockers = __webpack_require__(6158);
// EXTERNAL MODULE: ./src/db/connect.ts + 1 modules
var connect = __webpack_require__(92059);
;// CONCATENATED MODULE: ./src/migrate/invalid-indexes.ts

const INVALID_SQL = `SELECT t.ord, n.nspname AS schema, ic.relname AS name, tc.relname AS "table"
FROM unnest($1::text[], $2::bool[], $3::text[], $4::int[]) AS t(rel, is_index, idx, ord)
JOIN pg_index i ON i.indrelid = CASE
    WHEN t.is_index THEN (SELECT x.indrelid FROM pg_index x WHERE x.indexrelid = to_regclass(t.rel))
    ELSE to_regclass(t.rel) END
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE NOT i.indisvalid AND (t.idx IS NULL OR ic.relname = t.idx)
ORDER BY t.ord, ic.relname`;
/** The INVALID indexes on the relations of `targets` (by name when the statement names its index). */
async function findInvalidIndexes(client, targets) {
    if (targets.length === 0)
        return [];
    const { rows } = await client.query(INVALID_SQL, [
        targets.map((t) => t.relation),
        targets.map((t) => t.relationIsIndex),
        targets.map((t) => t.indexName ?? null),
        targets.map((_, i) => i)
    ]);
    const seen = new Set();
    const found = [];
    for (const row of rows) {
        const key = `${row.schema}.${row.name}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const target = targets[row.ord];
        found.push({
            schema: row.schema,
            name: row.name,
            table: row.table,
            line: target.line,
            statement: target.statement,
            dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${(0,connect/* quoteIdent */.v4)(row.schema)}.${(0,connect/* quoteIdent */.v4)(row.name)};`
        });
    }
    return found;
}

// EXTERNAL MODULE: ./src/migrate/script-shape.ts
var script_shape = __webpack_require__(56938);
;// CONCATENATED MODULE: ./src/migrate/lock-safety.ts



/** A unit that may not be retried: a 55P03 still names the blockers, then fails like any error. */
const NO_RETRY = { lockTimeoutMs: 0, retryWindowMs: 0, baseDelayMs: 0, maxDelayMs: 0 };
/** Opens the lock monitor's connection, once per deploy, when the first migration is about to run. */
async function openLockContext(client, connection, safety) {
    if (!safety)
        return undefined;
    // Asked rather than taken from the connection's BackendKeyData, which a connection pooler makes up.
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    // Several samples during one lock_timeout wait, at most one a second.
    const interval = safety.policy.lockTimeoutMs > 0 ? Math.min(1000, Math.max(50, safety.policy.lockTimeoutMs / 4)) : 1000;
    return { options: safety, monitor: await migrate_blockers/* BlockerMonitor */.R4.open(connection, safety.baseDir, pid, interval) };
}
/** What a failed migration left, for the summary: committed statements and INVALID indexes (best effort). */
async function describeAfterFailure(client, migration, shape, error, state, blockers, 
/** What is known to be committed (the statement-by-statement mode tracks it); else read from the file. */
committed) {
    const script = migration.script ?? '';
    const resolved = shape ?? (await (0,script_shape/* scriptShape */.pj)(script).catch(() => undefined));
    const invalidIndexes = resolved?.indexTargets.length
        ? await findInvalidIndexes(client, resolved.indexTargets).catch(() => [])
        : [];
    let committedStatements = committed ?? 'unknown';
    if (state === 'pending')
        committedStatements = 'none';
    else if (committed === undefined && resolved)
        committedStatements = (0,script_shape/* committedAfterFailure */.Bq)(resolved, script, error);
    return { migration: migration.name, state, committedStatements, invalidIndexes, blockers };
}

// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
// EXTERNAL MODULE: ./src/migrate/non-transactional.ts
var non_transactional = __webpack_require__(42206);
// EXTERNAL MODULE: ./src/migrate/plan.ts
var plan = __webpack_require__(74590);
// EXTERNAL MODULE: ./src/migrate/server.ts
var server = __webpack_require__(53774);
;// CONCATENATED MODULE: ./src/migrate/deploy.ts
/**
 * `prisma migrate deploy` with pg, step for step (prisma-migrate-compat.md §6.1, §5): lock-file check, advisory
 * lock, table initialisation (P3005), failed-migration check (P3009), then each unapplied migration with its
 * row inserted and committed before its script runs, as Prisma's version sends it (execute.ts).
 */
















/**
 * A file sent as one batch that mixes a statement PostgreSQL refuses in a transaction block: Prisma would run it
 * until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before applying anything, so the database
 * is left exactly as it was. Files sent statement by statement (Prisma 7.4+) are not refused.
 */
async function refuseNonTransactional(client, pending) {
    let version;
    for (const { migration, plan } of pending) {
        if (migration.script === null || plan.mode !== 'whole-file')
            continue;
        version ??= await (0,server/* serverVersionNum */.o)(client);
        const found = await (0,non_transactional/* findNonTransactional */.se)(migration.script, version);
        if (found.length === 0)
            continue;
        const where = found.map((s) => `line ${s.line}: ${s.reason} (${s.statement})`).join('; ');
        const why = plan.fallback
            ? `Prisma 7.4+ would send this file as one batch (one transaction), because ${(0,execute/* describeFallback */.Mw)(plan.fallback)}`
            : 'Prisma runs each migration.sql as one transaction';
        throw new migrate_errors/* MigrationRunError */.U4(`Migration \`${migration.name}\` mixes a statement that cannot run inside a transaction block with other statements (${where}). ` +
            `${why}, so it would fail with "25001: cannot run inside a transaction block" ` +
            'and be recorded as failed (P3018). Nothing was applied.', {
            code: 'P3018',
            failedMigration: migration.name,
            hint: 'Move each such statement into a migration of its own (a migration.sql that contains only that statement), then deploy again.'
        });
    }
}
/** The line of migration.sql where Postgres says the failing unit went wrong (its 1-based character offset). */
function failingLine(unit, position) {
    if (!unit)
        return undefined;
    const offset = Number(position);
    if (!Number.isInteger(offset) || offset < 1)
        return unit.startLine;
    return unit.startLine + unit.text.slice(0, offset - 1).split('\n').length - 1;
}
async function recordFailure(client, id, migration, error, progress) {
    const dbError = error;
    const line = failingLine(progress.failedUnit, dbError.position);
    const committed = (0,execute/* committedStatements */.r)(progress, error);
    const text = (0,migrate_errors/* applyFailedMessage */.Bw)(migration.name, dbError) +
        (line !== undefined && dbError.position
            ? `\nPosition: line ${line} of migration.sql: ${(migration.script ?? '').split('\n')[line - 1]?.trim() ?? ''}\n`
            : '') +
        (progress.plan.mode === 'per-statement'
            ? `\nSent statement by statement (Prisma 7.4+). Committed before the failure: ${(0,execute/* describeStatementsForLog */.Jo)(committed)}\n`
            : '');
    try {
        // A script with its own BEGIN that failed leaves the session in an aborted transaction block, where every
        // statement fails with 25P02; Prisma's `UPDATE ... logs` then fails and its row keeps logs NULL. We end the
        // block first so the row gets its logs (the failed state is the same). Outside a block this is a warning only.
        await client.query('ROLLBACK');
        await (0,migrate_history/* setLogs */.CM)(client, id, text);
        return text;
    }
    catch {
        // The connection is gone (killed, network): the row stays failed without logs, exactly as after a crash.
        return `${text}\nThe connection was lost, so the failure could not be written to _prisma_migrations.logs; the migration is still recorded as failed.\n`;
    }
}
/** Statements PostgreSQL refuses in a transaction block (CREATE INDEX CONCURRENTLY...), by their first line. */
function nonTransactionalLines(shape) {
    const lines = new Set();
    for (const statement of shape?.statements ?? [])
        if ((0,non_transactional/* nonTransactionalReason */.TJ)(statement.kind, statement.node))
            lines.add(statement.startLine);
    return lines;
}
/**
 * Applies one migration: its row inserted and committed first (as Prisma does), then its plan unit by unit, then
 * the row finished. With lock safety, a unit cancelled at lock_timeout (55P03) that applied nothing is retried:
 * - one batch (Prisma ≤ 7.3): the whole attempt is retried, and this run's row is taken back before each wait
 *   (same session, still under the migrate lock), so that when retries run out the migration is pending, not
 *   failed;
 * - statement by statement (Prisma 7.4+): each statement commits on its own, so only the statement that was
 *   cancelled is retried (not inside the file's own BEGIN block); when retries run out before anything was
 *   committed, the row is taken back too.
 * A lone CONCURRENTLY statement runs without lock_timeout: it never makes the application's queries wait, but
 * under a short timeout it would fail and leave an INVALID index.
 */
async function applyOne(client, migration, plan, folder, options, lock) {
    if (migration.script === null || migration.checksum === null || !plan)
        throw (0,migrate_errors/* missingScriptError */.mX)(migration.name, folder.path);
    const script = migration.script;
    const checksum = migration.checksum;
    options.onApplying?.(migration.name);
    const policy = lock?.options.policy;
    // Parsed only with lock safety on (the review has parsed the file already, so this is a cache hit).
    const shape = policy ? await (0,script_shape/* scriptShape */.pj)(script).catch(() => undefined) : undefined;
    const perStatement = plan.mode === 'per-statement';
    const concurrentLines = perStatement ? nonTransactionalLines(shape) : new Set();
    const shortTimeout = policy !== undefined && policy.lockTimeoutMs > 0;
    const retryOptions = {
        watcher: lock?.monitor,
        onSample: lock?.options.onSample
            ? (blockers) => lock.options.onSample?.(migration.name, blockers)
            : undefined
    };
    const onBlocked = lock?.options.onBlocked
        ? (event) => lock.options.onBlocked?.(migration.name, event)
        : undefined;
    const withoutLockTimeout = async (exempt, run) => {
        if (!exempt)
            return run();
        await client.query('SET lock_timeout = 0');
        try {
            return await run();
        }
        finally {
            // Back to the session's lock_timeout (the startup option). A lost connection is reported by the caller.
            await client.query('RESET lock_timeout').catch(() => undefined);
        }
    };
    let row;
    let progress = (0,execute/* newProgress */.gu)(plan);
    const insertRow = async () => {
        const started = { id: (0,external_node_crypto_.randomUUID)(), startedAt: new Date(), clock: external_node_perf_hooks_.performance.now() };
        await (0,migrate_history/* insertStartedRow */.Rj)(client, {
            id: started.id,
            checksum,
            startedAt: started.startedAt,
            name: migration.name
        });
        row = started;
    };
    const takeRowBack = async () => {
        // Nothing of the file was applied: take back the row Prisma's protocol committed before the script.
        await client.query('ROLLBACK');
        if (row)
            await (0,migrate_history/* removeStartedRow */.m7)(client, row.id);
        row = undefined;
    };
    const nothingCommitted = () => progress.committed.length === 0 && progress.inOpenTransaction.length === 0 && !progress.uncertain;
    try {
        if (!perStatement) {
            const atomic = policy !== undefined && shape?.atomic === true;
            await withoutLockTimeout(shortTimeout && shape?.nonTransactional !== undefined, () => (0,lock_retry/* retryOnLockTimeout */.o2)(
            // Not atomic: the blockers are still named, but a 55P03 fails the migration like any error.
            atomic ? policy : NO_RETRY, async () => {
                await insertRow();
                progress = (0,execute/* newProgress */.gu)(plan);
                try {
                    await (0,execute/* executePlan */.vY)(client, plan, progress);
                }
                catch (error) {
                    if (atomic && (0,lock_retry/* isLockTimeout */.Td)(error))
                        await takeRowBack();
                    throw error;
                }
            }, onBlocked, retryOptions));
        }
        else {
            await insertRow();
            await (0,execute/* executePlan */.vY)(client, plan, progress, (c, unit) => {
                // Each statement commits on its own; a cancelled one applied nothing and is sent again.
                const retriable = policy !== undefined &&
                    unit.transaction === undefined &&
                    unit.kind !== 'CallStmt' &&
                    !concurrentLines.has(unit.startLine) &&
                    progress.inOpenTransaction.length === 0;
                return withoutLockTimeout(shortTimeout && concurrentLines.has(unit.startLine), () => (0,lock_retry/* retryOnLockTimeout */.o2)(retriable ? policy : NO_RETRY, () => (0,execute/* runUnit */.iY)(c, unit), onBlocked, retryOptions));
            });
        }
    }
    catch (caught) {
        const exhausted = caught instanceof lock_retry/* LockRetriesExhausted */.tt ? caught : undefined;
        const error = exhausted ? (exhausted.cause ?? caught) : caught;
        const blockers = exhausted?.blockers ?? [];
        if (exhausted && row !== undefined && perStatement && nothingCommitted())
            await takeRowBack().catch(() => undefined);
        if (row === undefined && exhausted) {
            throw (0,migrate_errors/* lockRetriesExhaustedError */.fq)(migration.name, exhausted, policy?.lockTimeoutMs ?? 0, {
                afterFailure: await describeAfterFailure(client, migration, shape, error, 'pending', blockers)
            });
        }
        if (row === undefined)
            throw caught;
        // Whether a failed batch had its own COMMIT is read from the file, only now.
        await (0,parse/* loadParser */.qd)();
        const message = await recordFailure(client, row.id, migration, error, progress);
        const committed = perStatement ? (0,execute/* committedStatements */.r)(progress, error) : undefined;
        // The statement's first line; the exact position is in the message.
        const line = perStatement ? progress.failedUnit?.startLine : undefined;
        const afterFailure = {
            ...(await describeAfterFailure(client, migration, shape, error, 'failed', blockers, committed)),
            execution: plan.mode
        };
        throw new migrate_errors/* MigrationRunError */.U4(message, {
            code: 'P3018',
            hint: (0,migrate_errors/* applyFailedHint */.L2)(migration.name, afterFailure.committedStatements, plan.mode, line),
            cause: error,
            failedMigration: migration.name,
            afterFailure,
            execution: plan.mode
        });
    }
    const finishedAt = new Date();
    const finished = row;
    await (0,migrate_history/* recordFinished */.Kx)(client, finished.id, finishedAt);
    return {
        name: migration.name,
        checksum,
        startedAt: finished.startedAt,
        finishedAt,
        durationMs: external_node_perf_hooks_.performance.now() - finished.clock
    };
}
async function deploy(client, folder, options) {
    const applied = [];
    let current;
    let release;
    let lock;
    try {
        (0,migrations_dir/* checkLockfile */.Ew)(folder);
        release = await (0,migrate_lock/* acquireMigrateLock */.J)(client, options.lockTimeoutMs);
        await (0,initialize/* initialize */.n)(client, folder, { ...options, defaultSchema: options.connection.defaultSchema });
        const rows = (await (0,migrate_history/* readHistory */.Lu)(client)) ?? [];
        const failed = rows.filter(migrate_history/* isFailed */.Ix);
        const strategy = options.execution ?? 'whole-file';
        if (failed.length > 0)
            throw (0,migrate_errors/* failedMigrationsError */.tc)(failed.map((row) => ({ ...row, name: row.migrationName })), strategy);
        const pending = (0,plan/* unappliedMigrations */.S)(folder.migrations, rows);
        const plans = new Map();
        for (const migration of pending) {
            if (migration.script === null)
                continue;
            const plan = await (0,execute/* planExecution */.w$)(migration.script, strategy);
            plans.set(migration.name, plan);
            if (plan.fallback)
                options.onFallback?.(migration.name, plan.fallback);
        }
        await refuseNonTransactional(client, pending.flatMap((migration) => {
            const plan = plans.get(migration.name);
            return plan ? [{ migration, plan }] : [];
        }));
        if (pending.length > 0)
            lock = await openLockContext(client, options.connection, options.lockSafety);
        for (const migration of pending) {
            current = migration.name;
            applied.push(await applyOne(client, migration, plans.get(migration.name), folder, options, lock));
        }
        return { applied, alreadyUpToDate: applied.length === 0 };
    }
    catch (error) {
        throw migrate_errors/* MigrationRunError */.U4.from(error, applied, current);
    }
    finally {
        await lock?.monitor?.close();
        await release?.();
    }
}

;// CONCATENATED MODULE: ./src/migrate/lock-report.ts
/**
 * How lock safety shows up in the log, the job summary and the JSON report: each blocked attempt with the
 * sessions in the way, the sessions a migration waits for when it has no lock_timeout, and what a failed
 * migration left (committed statements, INVALID indexes).
 */

function duration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** Collects blocked attempts per migration, logs each one, and says what happened for the summary. */
class LockWaitLog {
    settings;
    log;
    now;
    waits = new Map();
    lastWaitingLog = new Map();
    constructor(settings, log, now = Date.now) {
        this.settings = settings;
        this.log = log;
        this.now = now;
    }
    /** After each attempt cancelled at lock_timeout. */
    blocked(migration, event) {
        const wait = this.waits.get(migration) ?? { migration, blockedAttempts: 0, waitedMs: 0, blockers: [] };
        wait.blockedAttempts = event.attempt;
        wait.waitedMs = event.elapsedMs;
        if (event.blockers.length > 0)
            wait.blockers = event.blockers;
        this.waits.set(migration, wait);
        const who = event.blockers.length > 0
            ? `it was waiting for ${(0,migrate_blockers/* describeSessions */.Pj)(event.blockers)}`
            : 'the sessions it waited for were gone before they could be named';
        const next = event.retryInMs === undefined
            ? `no time is left in lock-retry-window (${duration(this.settings.retryWindowMs)})`
            : `attempt ${event.attempt + 1} in ${duration(event.retryInMs)}`;
        this.log(`⏳ \`${migration}\`: attempt ${event.attempt} cancelled at lock_timeout${this.settings.lockTimeoutMs > 0 ? ` (${duration(this.settings.lockTimeoutMs)})` : ''}, nothing applied; ${who}; ${next}.`);
    }
    /** Each blocker sample; without a lock_timeout the wait can be long, so say who is in the way every 10 s. */
    sample(migration, blockers) {
        if (blockers.length === 0 || this.settings.lockTimeoutMs > 0)
            return;
        const last = this.lastWaitingLog.get(migration);
        if (last !== undefined && this.now() - last < 10_000)
            return;
        this.lastWaitingLog.set(migration, this.now());
        this.log(`⏳ \`${migration}\` is waiting for a lock (lock-timeout 0: no limit); it waits for ${(0,migrate_blockers/* describeSessions */.Pj)(blockers)}.`);
    }
    get all() {
        return [...this.waits.values()];
    }
    /** Summary lines for the migrations that were applied after waiting. */
    appliedNotes(applied) {
        return applied.flatMap((name) => {
            const wait = this.waits.get(name);
            if (!wait)
                return [];
            const who = wait.blockers.length > 0 ? ` It waited for ${(0,migrate_blockers/* describeSessions */.Pj)(wait.blockers)}.` : '';
            return [
                `⏳ \`${name}\` was applied on attempt ${wait.blockedAttempts + 1}: ${wait.blockedAttempts} attempt${wait.blockedAttempts === 1 ? ' was' : 's were'} cancelled at lock_timeout first (nothing applied, no row left), over ${duration(wait.waitedMs)}.${who}`
            ];
        });
    }
}
function code(text) {
    return (0,migrate_blockers/* dbText */.uS)(text);
}
/** Summary lines about what a failed migration left behind. */
function afterFailureNotes(after) {
    const notes = [];
    const committed = after.committedStatements;
    if (after.state === 'pending') {
        notes.push(`\`${after.migration}\` is still pending: none of its statements was committed and no failed row was left.`);
    }
    else if (committed === 'none') {
        notes.push(`Committed statements of \`${after.migration}\`: none. ${after.invalidIndexes.length > 0 ? 'A failed CONCURRENTLY statement still leaves its INVALID index behind (below).' : 'PostgreSQL rolled back everything the file did.'}`);
    }
    else if (committed === 'unknown') {
        notes.push(`Committed statements of \`${after.migration}\`: unknown. The file does not run as one transaction (its own COMMIT, or a lone statement that commits as it goes), so part of it may be committed: inspect the database before resolving.`);
    }
    else {
        const list = committed.map((s) => `line ${s.line} ${code(s.text)}`).join('; ');
        notes.push(`Committed statements of \`${after.migration}\`: ${committed.length === 0 ? 'none' : list}. ${committed.length === 0 ? '' : after.execution === 'per-statement' ? 'They stay applied; the failing statement and the ones after it did not run.' : 'They stay applied; the rest was rolled back.'}`.trimEnd());
    }
    for (const index of after.invalidIndexes) {
        notes.push(`⚠️ Line ${index.line} (${code(index.statement)}) left the INVALID index ${code(`${index.schema}.${index.name}`)} on ${code(index.table)}: queries do not use it, writes still maintain it, and re-running the migration fails with "already exists". ` +
            `Fix: run ${code(index.dropSql)} (with psql: it cannot run inside a transaction), then \`mode: migrate-resolve\` with \`resolve-rolled-back: ${after.migration}\`, then deploy again.`);
    }
    return notes;
}
/** The JSON report's `lockSafety` section. */
function lockSafetyReport(settings, waits) {
    return {
        lockTimeoutMs: settings.lockTimeoutMs,
        statementTimeoutMs: settings.statementTimeoutMs,
        retryWindowMs: settings.retryWindowMs,
        waits
    };
}

// EXTERNAL MODULE: ./src/migrate/status.ts + 1 modules
var migrate_status = __webpack_require__(61935);
// EXTERNAL MODULE: ./src/render/migration-report.ts + 3 modules
var migration_report = __webpack_require__(58293);
// EXTERNAL MODULE: ./src/review/review.ts + 8 modules
var review_review = __webpack_require__(44831);
// EXTERNAL MODULE: ./src/review/settings.ts
var review_settings = __webpack_require__(8107);
// EXTERNAL MODULE: ./src/review/json-report.ts
var json_report = __webpack_require__(59155);
;// CONCATENATED MODULE: ./src/settings/lock-settings.ts
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
        throw new errors/* InputError */.dz(name, match
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

// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/modes/migrate-shared.ts
var migrate_shared = __webpack_require__(11647);
;// CONCATENATED MODULE: ./src/modes/deploy-connection-loss.ts




/**
 * After the deploy's connection broke (a killed backend, a restart, the network): read the state again on a new
 * connection, read-only, and find out whether the session that ran the script is still open on the server (then
 * the script may still commit). Never throws: what cannot be read is said to be unknown.
 */
async function afterConnectionLoss(opts) {
    const { common, folder, failure, pid } = opts;
    const name = failure.failedMigration;
    const facts = {
        migration: name,
        // P3018 comes from the script itself; the row was committed before it ran.
        duringScript: failure.code === 'P3018',
        reason: (0,migrate_errors/* serverReason */._L)(failure.cause),
        pid
    };
    let diagnosis;
    try {
        const session = await (0,connect/* connect */.Ng)(common.connection, {
            baseDir: common.workingDirectory,
            ensureSchema: false,
            attempts: 2,
            baseDelayMs: 500
        });
        try {
            diagnosis = await (0,migrate_status/* diagnose */.h)(session.client, folder);
            if (pid) {
                const { rows } = await session.client.query('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid]);
                if (rows[0])
                    facts.sessionStillOpen = { pid, state: rows[0].state ?? 'state not visible' };
            }
        }
        finally {
            await session.close();
        }
        const state = diagnosis.migrations.find((m) => m.name === name)?.state;
        facts.row = state === 'failed' ? 'failed' : state === 'applied' ? 'applied' : 'absent';
    }
    catch (error) {
        facts.rereadError = (0,errors/* getErrorMessage */.u1)(error).split('\n')[0];
    }
    const { text, hint } = (0,migrate_errors/* describeConnectionLoss */.lJ)(facts);
    return {
        diagnosis,
        failure: new migrate_errors/* MigrationRunError */.U4(`${failure.message.trimEnd()}\n\n${text}`, {
            code: failure.code ?? 'P1017',
            hint,
            cause: failure.cause,
            applied: failure.applied,
            failedMigration: facts.row === 'failed' || (facts.row === undefined && facts.duringScript) ? name : undefined
        })
    };
}
/**
 * When the state could not be read again: the migrations as this run knows them (the state read before the
 * deploy, with what it applied and the migration whose script it lost marked), for the summary's table.
 */
function knownMigrations(before, applied, failed) {
    return before.map((m) => applied.has(m.name)
        ? { ...m, state: 'applied' }
        : m.name === failed
            ? { ...m, state: 'failed' }
            : m);
}

// EXTERNAL MODULE: ./src/modes/migrate-status.ts + 5 modules
var modes_migrate_status = __webpack_require__(33472);
;// CONCATENATED MODULE: ./src/modes/migrate-deploy.ts
























function gateNotes(gate) {
    const harmless = gate.allowedBy.filter((a) => a.by === 'database').length;
    const notes = gate.allowedBy
        .filter((a) => a.by !== 'database')
        .map((a) => `${(0,render_markdown/* code */.aY)(a.finding.rule)} in ${(0,render_markdown/* code */.aY)(a.finding.migration)} line ${a.finding.line} allowed by ${a.by === 'input' ? 'the allow-destructive input' : `an acknowledgement in the file${a.reason ? `: ${(0,render_markdown/* quote */.hD)(a.reason)}` : ''}`}.`);
    if (harmless)
        notes.push(`${harmless} destructive finding(s) destroy nothing in this database: each works on an object created earlier in this deploy (the review says which, per finding).`);
    return notes;
}
/**
 * Review → gate → optional backup → apply, in that order: nothing is applied (and the advisory lock is not even
 * taken) when the plan changed since it was reviewed, when a file cannot run as Prisma runs it, or when the
 * review finds unacknowledged destructive changes.
 */
async function runMigrateDeploy(common, settings, read) {
    const reviewSettings = (0,review_settings/* readReviewSettings */.M1)(read);
    const backupSettings = (0,backup_settings.readBackupSettings)(read, 'migrate-deploy');
    const lockSettings = readLockSafetySettings(read);
    const folder = await (0,migrate_shared/* loadMigrationsFolder */.Et)(settings, common);
    // lock_timeout / statement_timeout for this session only, sent with the connection request.
    const session = await (0,migrate_shared/* openSession */.fA)(common, sessionTimeouts(lockSettings));
    const lockWaits = new LockWaitLog(lockSettings, log/* info */.p);
    const target = (0,connection_url/* describeTarget */.ff)(common.connection);
    const migrationsDir = (0,external_node_path_.relative)(common.workingDirectory, folder.path) || '.';
    let applied = [];
    let failure;
    let backup;
    let gate;
    try {
        const scope = (0,migrate_shared/* prismaScope */.rM)(common, settings);
        const before = await core/* group */.Os('Compare with _prisma_migrations', () => (0,migrate_status/* diagnose */.h)(session.client, folder, scope));
        const id = (0,plan/* planId */.r)(before.pending);
        const review = await core/* group */.Os('Review pending SQL', () => (0,review_review/* reviewMigrations */.sd)({
            migrations: (0,migrate_shared/* pendingForReview */.Zf)(before, common.workingDirectory),
            settings: reviewSettings,
            client: session.client,
            execution: settings.prisma.execution,
            allowDestructive: reviewSettings.allowDestructive
        }));
        (0,log/* info */.p)(review.headline);
        (0,annotations/* annotateFindings */.d)(review.findings);
        gate = (0,review_review/* gateDecision */.eU)(review, reviewSettings.allowDestructive);
        if (settings.expectedPlanId && settings.expectedPlanId !== id) {
            failure = new errors/* ActionError */.lZ(`The pending migrations changed since they were reviewed: plan ${id} is pending now, but expected-plan-id is ${settings.expectedPlanId}. Nothing was applied.`, {
                hint: 'Run the review (migrate-status) again and approve the new plan; pass its plan-id output to expected-plan-id.'
            });
        }
        else if (before.nonTransactional.length > 0) {
            const first = before.nonTransactional[0];
            const fallback = before.fallbacks.find((f) => f.migration === first.migration);
            const why = fallback
                ? `Prisma 7.4+ sends this file as one batch (one transaction) because ${(0,execute/* describeFallback */.Mw)(fallback.fallback)}`
                : 'Prisma runs a migration file as one transaction';
            failure = new errors/* ActionError */.lZ(`Migration ${(0,render_markdown/* code */.aY)(first.migration)} line ${first.line} has ${(0,render_markdown/* code */.aY)(first.statement)}, which cannot run inside a transaction, together with other statements; ${why}, so it would fail (SQLSTATE 25001). Nothing was applied.`, { hint: 'Move the statement into a migration directory of its own, as its only statement.' });
        }
        else if (!gate.allowed) {
            failure = new errors/* ActionError */.lZ(`Deploy refused: ${gate.reason} Nothing was applied.`, {
                hint: 'Read the findings in the job summary. To go ahead, acknowledge each finding in the migration file (a comment line directly above the statement naming the rule and a reason), or re-run with allow-destructive: true.'
            });
        }
        if (!failure && before.pending.length > 0 && before.failed.length === 0) {
            const wanted = backupSettings.backupBeforeDeploy;
            if (wanted === 'always' || (wanted === 'destructive' && review.destructiveCount > 0)) {
                backup = await core/* group */.Os('Backup before deploy', () => backupBeforeDeploy({
                    connection: common.connection,
                    workingDirectory: common.workingDirectory,
                    settings: backupSettings
                }));
            }
        }
        // The backend's pid, to tell later whether a session whose connection broke is still running on the server.
        const pid = session.client.processID;
        if (!failure) {
            try {
                const result = await core/* group */.Os('Apply migrations', () => deploy(session.client, folder, {
                    ...scope,
                    connection: common.connection,
                    onApplying: (name) => (0,log/* info */.p)(`Applying migration ${(0,render_markdown/* code */.aY)(name)}`),
                    onFallback: (name, fallback) => (0,log/* info */.p)(`${(0,render_markdown/* code */.aY)(name)} is sent as one batch (Prisma 7.4+ would): ${(0,execute/* describeFallback */.Mw)(fallback)}.`),
                    lockSafety: {
                        policy: {
                            lockTimeoutMs: lockSettings.lockTimeoutMs,
                            retryWindowMs: lockSettings.retryWindowMs,
                            ...lock_retry/* DEFAULT_BACKOFF */.VU
                        },
                        baseDir: common.workingDirectory,
                        onBlocked: (name, event) => lockWaits.blocked(name, event),
                        onSample: (name, blockers) => lockWaits.sample(name, blockers)
                    }
                }));
                applied = result.applied;
                (0,log/* info */.p)(applied.length > 0
                    ? `All migrations have been successfully applied (${applied.length}).`
                    : 'No pending migrations to apply.');
            }
            catch (error) {
                if (!(error instanceof migrate_errors/* MigrationRunError */.U4))
                    throw error;
                applied = error.applied;
                failure = error;
            }
        }
        // A broken connection cannot read the state again: a new one does, or the report says what this run knows.
        let after;
        if (failure instanceof migrate_errors/* MigrationRunError */.U4 && (0,migrate_errors/* isConnectionLost */.pb)(failure)) {
            const lost = failure;
            const recovered = await core/* group */.Os('Read the state again after the lost connection', () => afterConnectionLoss({ common, folder, failure: lost, pid }));
            failure = recovered.failure;
            after = recovered.diagnosis;
        }
        else
            after = await (0,migrate_status/* diagnose */.h)(session.client, folder, scope);
        const failedNow = failure instanceof migrate_errors/* MigrationRunError */.U4 ? failure.failedMigration : undefined;
        const appliedNames = new Set(applied.map((m) => m.name));
        const known = after ?? {
            ...before,
            pending: before.pending.filter((m) => !appliedNames.has(m.name) && m.name !== failedNow),
            failed: [],
            migrations: knownMigrations(before.migrations, appliedNames, failedNow)
        };
        const afterFailure = failure instanceof migrate_errors/* MigrationRunError */.U4 ? failure.afterFailure : undefined;
        const notes = [
            ...(failure
                ? [`❌ ${failure.describe()}`]
                : applied.length > 0
                    ? [`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`]
                    : []),
            ...(afterFailure ? afterFailureNotes(afterFailure) : []),
            ...lockWaits.appliedNotes(applied.map((m) => m.name)),
            ...gateNotes(gate),
            ...(backup
                ? [
                    `Backup taken before the deploy: ${(0,render_markdown/* code */.aY)(backup.uri, render_markdown/* MAX_PROSE_CHARS */.LO)} (SHA-256 ${(0,render_markdown/* code */.aY)(backup.sha256)}). Restore with: ${(0,render_markdown/* code */.aY)(backup.restoreCommand, render_markdown/* MAX_PROSE_CHARS */.LO)}`
                ]
                : []),
            ...(after ? (0,migrate_shared/* nextSteps */.Zn)(after) : [])
        ];
        const renderInput = {
            mode: common.mode,
            target,
            migrationsDir,
            rows: (0,migrate_shared/* statusRows */.O5)(known, applied, failedNow),
            nextSteps: notes,
            review,
            docsBaseUrl: (0,migrate_shared/* rulesDocsUrl */.qq)()
        };
        return {
            outputs: {
                ...(0,migrate_shared/* migrateOutputs */.Uj)({
                    status: after?.status ?? 'unknown',
                    pending: known.pending.map((m) => m.name),
                    applied: applied.map((m) => m.name),
                    failed: after ? after.failed.map((f) => f.name) : failedNow ? [failedNow] : []
                }),
                'plan-id': id,
                ...(0,json_report/* reviewOutputs */.p)(review),
                ...(backup
                    ? {
                        'backup-uri': backup.uri,
                        'manifest-uri': backup.manifestUri,
                        'backup-sha256': backup.sha256,
                        'backup-size': String(backup.size)
                    }
                    : {})
            },
            markdown: (0,migration_report/* renderMigrationReport */.J)({ ...renderInput, appendix: backup ? [backup.markdown] : undefined }),
            report: {
                target,
                migrationsDir: { path: folder.path, reason: settings.migrationsDir.reason },
                status: after?.status ?? 'unknown',
                planId: id,
                expectedPlanId: settings.expectedPlanId ?? null,
                pending: known.pending.map((m) => ({
                    name: m.name,
                    file: (0,migrate_shared/* relativeSqlPath */.iS)(common.workingDirectory, m.sqlPath),
                    checksum: m.checksum
                })),
                applied,
                failed: after ? after.failed : failedNow ? [{ name: failedNow }] : [],
                lockSafety: lockSafetyReport(lockSettings, lockWaits.all),
                prisma: (0,modes_migrate_status/* prismaReport */.f)(settings),
                // What the migration that failed in this run left: committed statements (per statement with Prisma 7.4+),
                // INVALID indexes, blockers.
                afterFailure: afterFailure ?? null,
                edited: known.edited,
                missingLocally: known.missingLocally,
                migrations: known.migrations,
                gate: {
                    allowed: gate.allowed,
                    reason: gate.reason,
                    allowedBy: gate.allowedBy.map((a) => ({
                        rule: a.finding.rule,
                        migration: a.finding.migration,
                        line: a.finding.line,
                        by: a.by,
                        reason: a.reason
                    }))
                },
                backup: backup
                    ? {
                        uri: backup.uri,
                        manifestUri: backup.manifestUri,
                        sha256: backup.sha256,
                        size: backup.size,
                        restoreCommand: backup.restoreCommand
                    }
                    : null,
                review: (0,json_report/* reviewJson */.j)(review)
            },
            failure
        };
    }
    finally {
        await session.close();
    }
}


/***/ })

};

//# sourceMappingURL=645.index.js.map
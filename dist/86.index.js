export const id = 86;
export const ids = [86];
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
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
function sameServerAndDatabase(a, b) {
    const host = (h) => (LOOPBACK.has(h.toLowerCase()) ? 'loopback' : h.toLowerCase());
    return host(a.host) === host(b.host) && a.port === b.port && a.database === b.database;
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
        const source = read('database-url');
        if (source && sameServerAndDatabase((0,connection_url/* parseDatabaseUrl */.mx)(source), targetConnection)) {
            throw new errors/* InputError */.dz('target-database-url', 'names the same server and database as `database-url`; a restore drill never restores into the source.', 'Use a scratch database (another server or another database name).');
        }
    }
    return settings;
}


/***/ }),

/***/ 34793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ annotateFindings)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _review_headline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10670);



const EMIT = {
    error: (m, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(m, p),
    warning: (m, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m, p),
    notice: (m, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, p)
};
function text(f) {
    const stake = (0,_review_headline_js__WEBPACK_IMPORTED_MODULE_1__/* .stakeText */ ._N)(f.rowsAtStake);
    const allowed = f.acknowledged
        ? ` Allowed: ${f.acknowledged.by === 'input' ? 'allow-destructive' : f.acknowledged.reason}.`
        : '';
    return `${f.message}${stake ? ` Data at stake: ${stake}.` : ''}${allowed} Safe alternative: ${f.fix} (${f.docs})`;
}
/**
 * One annotation per finding on its migration.sql line, errors first, at most MAX_ANNOTATIONS_PER_LEVEL per level
 * (GitHub shows about ten per level and step), then a single notice pointing to the job summary.
 */
function annotateFindings(findings, summaryHint = 'the job summary') {
    if (findings.length === 0)
        return;
    let shown = 0;
    for (const level of ['error', 'warning', 'notice']) {
        // keep room for the closing notice among the notices
        const cap = level === 'notice' ? _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ANNOTATIONS_PER_LEVEL */ .jB - 1 : _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ANNOTATIONS_PER_LEVEL */ .jB;
        const chosen = findings.filter((f) => f.severity === level).slice(0, cap);
        for (const f of chosen)
            EMIT[level](text(f), {
                title: `${f.rule} (${f.migration})`,
                file: f.file,
                startLine: f.line,
                endLine: f.endLine ?? f.line
            });
        shown += chosen.length;
    }
    const omitted = findings.length - shown;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(omitted > 0
        ? `${findings.length} migration review findings; ${omitted} are not annotated here. See ${summaryHint} for all of them with the SQL.`
        : `${findings.length} migration review finding(s). See ${summaryHint} for the report with the SQL.`, { title: 'Migration review' });
}


/***/ }),

/***/ 61106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ acquireMigrateLock)
/* harmony export */ });
/* unused harmony export advisoryLockDisabled */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99658);


/** Prisma's switch, forwarded to its engine: any value but '' or '0' disables the lock. */
function advisoryLockDisabled(env = process.env) {
    const value = env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
    return value !== undefined && value !== '' && value !== '0';
}
/**
 * Waits for the lock at most `timeoutMs` (client-side, like Prisma's tokio timeout). On timeout the connection is
 * closed, because the server would otherwise keep waiting and take the lock later, and P1002 is thrown.
 */
async function acquireMigrateLock(client, timeoutMs = _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PRISMA_ADVISORY_LOCK_TIMEOUT_MS */ .q$) {
    if (advisoryLockDisabled())
        return async () => undefined;
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const locked = client
        .query(`SELECT pg_advisory_lock(${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})`)
        .then(() => 'locked');
    try {
        const outcome = await Promise.race([locked, timedOut]);
        if (outcome === 'timeout') {
            // The pending query rejects once the connection is gone; nobody waits for it any more.
            locked.catch(() => undefined);
            await client.end().catch(() => undefined);
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .lockTimeoutError */ .rB)(timeoutMs);
        }
    }
    finally {
        clearTimeout(timer);
    }
    return async () => {
        // Ending the connection would release it too; unlocking explicitly frees it even if the caller keeps the client.
        await client.query(`SELECT pg_advisory_unlock(${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})`).catch(() => undefined);
    };
}


/***/ }),

/***/ 48086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateDeploy: () => (/* binding */ runMigrateDeploy)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/backup/report.ts
var report = __webpack_require__(20806);
// EXTERNAL MODULE: ./src/backup/run-backup.ts + 4 modules
var run_backup = __webpack_require__(42019);
;// CONCATENATED MODULE: ./src/backup/pre-deploy.ts


/**
 * The backup migrate-deploy takes before applying migrations (`backup-before-deploy`). It throws an ActionError
 * when the backup fails, so that the deploy does not go ahead without one; whether to call it at all (always, or
 * only for destructive SQL) is the deploy mode's decision.
 */
async function backupBeforeDeploy(ctx) {
    const result = await (0,run_backup/* runBackup */.Q)({
        connection: ctx.connection,
        workingDirectory: ctx.workingDirectory,
        settings: ctx.settings
    });
    const markdown = [
        '#### Backup before deploy',
        '',
        `${(0,report/* codeCell */.MZ)(result.uri)} · ${(0,report/* formatBytes */.z3)(result.size)} · sha256 ${(0,report/* codeCell */.MZ)(result.sha256)} · verified: ${result.verification.passed ? 'yes' : 'no'}`,
        '',
        'To roll back, set `DATABASE_URL` to the database and run:',
        '',
        (0,report/* fenced */.OF)(result.restoreCommand, 'sh')
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
// EXTERNAL MODULE: ./src/migrate/history.ts
var migrate_history = __webpack_require__(53909);
// EXTERNAL MODULE: ./src/migrate/initialize.ts
var initialize = __webpack_require__(48499);
// EXTERNAL MODULE: ./src/migrate/lock.ts
var lock = __webpack_require__(61106);
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
 * row inserted and committed before its script runs as one simple query.
 */











/**
 * Prisma would run such a file until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before
 * applying anything, so the database is left exactly as it was.
 */
async function refuseNonTransactional(client, pending) {
    let version;
    for (const migration of pending) {
        if (migration.script === null)
            continue;
        version ??= await (0,server/* serverVersionNum */.o)(client);
        const found = await (0,non_transactional/* findNonTransactional */.se)(migration.script, version);
        if (found.length === 0)
            continue;
        const where = found.map((s) => `line ${s.line}: ${s.reason} (${s.statement})`).join('; ');
        throw new migrate_errors/* MigrationRunError */.U4(`Migration \`${migration.name}\` mixes a statement that cannot run inside a transaction block with other statements (${where}). ` +
            'Prisma runs each migration.sql as one transaction, so it would fail with "25001: cannot run inside a transaction block" ' +
            'and be recorded as failed (P3018). Nothing was applied.', {
            code: 'P3018',
            failedMigration: migration.name,
            hint: 'Move each such statement into a migration of its own (a migration.sql that contains only that statement), then deploy again.'
        });
    }
}
function lineOfPosition(script, position) {
    const offset = Number(position);
    if (!Number.isInteger(offset) || offset < 1)
        return undefined;
    // Postgres reports a 1-based character offset into the query text.
    const before = script.slice(0, offset - 1);
    const line = before.split('\n').length;
    return `\nPosition: line ${line} of migration.sql: ${script.split('\n')[line - 1]?.trim() ?? ''}\n`;
}
async function recordFailure(client, id, migration, error) {
    const dbError = error;
    const text = (0,migrate_errors/* applyFailedMessage */.Bw)(migration.name, dbError) +
        (lineOfPosition(migration.script ?? '', dbError.position) ?? '');
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
async function applyOne(client, migration, folder, options) {
    if (migration.script === null || migration.checksum === null)
        throw (0,migrate_errors/* missingScriptError */.mX)(migration.name, folder.path);
    options.onApplying?.(migration.name);
    const id = (0,external_node_crypto_.randomUUID)();
    const startedAt = new Date();
    const clock = external_node_perf_hooks_.performance.now();
    await (0,migrate_history/* insertStartedRow */.Rj)(client, { id, checksum: migration.checksum, startedAt, name: migration.name });
    try {
        // No parameters: node-postgres uses the simple protocol, so the whole file is one implicit transaction.
        await client.query(migration.script);
    }
    catch (error) {
        const message = await recordFailure(client, id, migration, error);
        throw new migrate_errors/* MigrationRunError */.U4(message, {
            code: 'P3018',
            hint: (0,migrate_errors/* applyFailedHint */.L2)(migration.name),
            cause: error,
            failedMigration: migration.name
        });
    }
    const finishedAt = new Date();
    await (0,migrate_history/* recordFinished */.Kx)(client, id, finishedAt);
    return {
        name: migration.name,
        checksum: migration.checksum,
        startedAt,
        finishedAt,
        durationMs: external_node_perf_hooks_.performance.now() - clock
    };
}
async function deploy(client, folder, options) {
    const applied = [];
    let current;
    let release;
    try {
        (0,migrations_dir/* checkLockfile */.Ew)(folder);
        release = await (0,lock/* acquireMigrateLock */.J)(client, options.lockTimeoutMs);
        await (0,initialize/* initialize */.n)(client, folder, { ...options, defaultSchema: options.connection.defaultSchema });
        const rows = (await (0,migrate_history/* readHistory */.Lu)(client)) ?? [];
        const failed = rows.filter(migrate_history/* isFailed */.Ix);
        if (failed.length > 0)
            throw (0,migrate_errors/* failedMigrationsError */.tc)(failed.map((row) => ({ ...row, name: row.migrationName })));
        const pending = (0,plan/* unappliedMigrations */.S)(folder.migrations, rows);
        await refuseNonTransactional(client, pending);
        for (const migration of pending) {
            current = migration.name;
            applied.push(await applyOne(client, migration, folder, options));
        }
        return { applied, alreadyUpToDate: applied.length === 0 };
    }
    catch (error) {
        throw migrate_errors/* MigrationRunError */.U4.from(error, applied, current);
    }
    finally {
        await release?.();
    }
}

// EXTERNAL MODULE: ./src/migrate/status.ts + 1 modules
var migrate_status = __webpack_require__(61935);
// EXTERNAL MODULE: ./src/render/migration-report.ts + 3 modules
var migration_report = __webpack_require__(25281);
// EXTERNAL MODULE: ./src/review/review.ts + 6 modules
var review_review = __webpack_require__(3241);
// EXTERNAL MODULE: ./src/review/settings.ts
var review_settings = __webpack_require__(8107);
// EXTERNAL MODULE: ./src/review/json-report.ts
var json_report = __webpack_require__(59155);
// EXTERNAL MODULE: ./src/modes/migrate-shared.ts
var migrate_shared = __webpack_require__(11647);
;// CONCATENATED MODULE: ./src/modes/migrate-deploy.ts















function gateNotes(gate) {
    return gate.allowedBy.map((a) => `\`${a.finding.rule}\` in \`${a.finding.migration}\` line ${a.finding.line} allowed by ${a.by === 'input' ? 'the allow-destructive input' : `an acknowledgement in the file${a.reason ? `: "${a.reason}"` : ''}`}.`);
}
/**
 * Review → gate → optional backup → apply, in that order: nothing is applied (and the advisory lock is not even
 * taken) when the plan changed since it was reviewed, when a file cannot run as Prisma runs it, or when the
 * review finds unacknowledged destructive changes.
 */
async function runMigrateDeploy(common, settings, read) {
    const reviewSettings = (0,review_settings/* readReviewSettings */.M1)(read);
    const backupSettings = (0,backup_settings.readBackupSettings)(read, 'migrate-deploy');
    const folder = await (0,migrate_shared/* loadMigrationsFolder */.Et)(settings, common.workingDirectory);
    const session = await (0,migrate_shared/* openSession */.fA)(common);
    const target = (0,connection_url/* describeTarget */.ff)(common.connection);
    const migrationsDir = (0,external_node_path_.relative)(common.workingDirectory, folder.path) || '.';
    let applied = [];
    let failure;
    let backup;
    let gate;
    try {
        const before = await core/* group */.Os('Compare with _prisma_migrations', () => (0,migrate_status/* diagnose */.h)(session.client, folder));
        const id = (0,plan/* planId */.r)(before.pending);
        const review = await core/* group */.Os('Review pending SQL', () => (0,review_review/* reviewMigrations */.sd)({
            migrations: (0,migrate_shared/* pendingForReview */.Zf)(before, common.workingDirectory),
            settings: reviewSettings,
            client: session.client,
            allowDestructive: reviewSettings.allowDestructive
        }));
        core/* info */.pq(review.headline);
        (0,annotations/* annotateFindings */.d)(review.findings);
        gate = (0,review_review/* gateDecision */.eU)(review, reviewSettings.allowDestructive);
        if (settings.expectedPlanId && settings.expectedPlanId !== id) {
            failure = new errors/* ActionError */.lZ(`The pending migrations changed since they were reviewed: plan ${id} is pending now, but expected-plan-id is ${settings.expectedPlanId}. Nothing was applied.`, {
                hint: 'Run the review (migrate-status) again and approve the new plan; pass its plan-id output to expected-plan-id.'
            });
        }
        else if (before.nonTransactional.length > 0) {
            const first = before.nonTransactional[0];
            failure = new errors/* ActionError */.lZ(`Migration \`${first.migration}\` line ${first.line} has \`${first.statement}\`, which cannot run inside a transaction, together with other statements; Prisma runs a migration file as one transaction, so it would fail (SQLSTATE 25001). Nothing was applied.`, { hint: 'Move the statement into a migration directory of its own, as its only statement.' });
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
        if (!failure) {
            try {
                const result = await core/* group */.Os('Apply migrations', () => deploy(session.client, folder, {
                    connection: common.connection,
                    onApplying: (name) => core/* info */.pq(`Applying migration \`${name}\``)
                }));
                applied = result.applied;
                core/* info */.pq(applied.length > 0
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
        const after = await (0,migrate_status/* diagnose */.h)(session.client, folder);
        const failedNow = failure instanceof migrate_errors/* MigrationRunError */.U4 ? failure.failedMigration : undefined;
        const notes = [
            ...(failure
                ? [`❌ ${failure.describe()}`]
                : applied.length > 0
                    ? [`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`]
                    : []),
            ...gateNotes(gate),
            ...(backup
                ? [
                    `Backup taken before the deploy: \`${backup.uri}\` (SHA-256 \`${backup.sha256}\`). Restore with: \`${backup.restoreCommand}\``
                ]
                : []),
            ...(0,migrate_shared/* nextSteps */.Zn)(after)
        ];
        const renderInput = {
            mode: common.mode,
            target,
            migrationsDir,
            rows: (0,migrate_shared/* statusRows */.O5)(after, applied, failedNow),
            nextSteps: notes,
            review,
            docsBaseUrl: (0,migrate_shared/* rulesDocsUrl */.qq)()
        };
        return {
            outputs: {
                ...(0,migrate_shared/* migrateOutputs */.Uj)({
                    status: after.status,
                    pending: after.pending.map((m) => m.name),
                    applied: applied.map((m) => m.name),
                    failed: after.failed.map((f) => f.name)
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
            markdown: (0,migration_report/* renderMigrationReport */.J)(renderInput) + (backup ? `\n${backup.markdown}` : ''),
            report: {
                target,
                migrationsDir: { path: folder.path, reason: settings.migrationsDir.reason },
                status: after.status,
                planId: id,
                expectedPlanId: settings.expectedPlanId ?? null,
                pending: after.pending.map((m) => ({
                    name: m.name,
                    file: (0,migrate_shared/* relativeSqlPath */.iS)(common.workingDirectory, m.sqlPath),
                    checksum: m.checksum
                })),
                applied,
                failed: after.failed,
                edited: after.edited,
                missingLocally: after.missingLocally,
                migrations: after.migrations,
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


/***/ }),

/***/ 8107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M1: () => (/* binding */ readReviewSettings)
/* harmony export */ });
/* harmony import */ var _settings_input_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54781);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84537);
/* harmony import */ var _rule_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45488);




function readReviewSettings(read) {
    const githubToken = read('github-token');
    (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(githubToken);
    const baseRef = read('base-ref');
    return {
        allowDestructive: (0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBool */ .q6)(read, 'allow-destructive', false),
        failOn: (0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU)(read, 'fail-on', _rule_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .FAIL_ON */ .d$, 'error'),
        rules: (0,_rule_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRuleOverrides */ .Lc)((0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1)(read, 'rules')),
        comment: (0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBool */ .q6)(read, 'comment', true),
        githubToken,
        baseRef: baseRef || undefined
    };
}


/***/ })

};

//# sourceMappingURL=86.index.js.map
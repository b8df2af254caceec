export const id = 169;
export const ids = [169];
export const modules = {

/***/ 92059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ng: () => (/* binding */ connect),
  v4: () => (/* binding */ quoteIdent)
});

// UNUSED EXPORTS: classifyConnectError, isRetryableConnectError

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/util/retry.ts
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function withRetry(operation, options) {
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !options.isRetryable(error))
                throw error;
            const delay = Math.round(options.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
            options.onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}

// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
;// CONCATENATED MODULE: ./src/db/connect.ts





const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);
// cannot_connect_now (server starting), too_many_connections, admin_shutdown / crash_shutdown
const TRANSIENT_SQLSTATES = new Set(['57P03', '53300', '57P01', '57P02']);
const TLS_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER'
]);
function isTimeout(error) {
    return /timeout/i.test(error.message ?? '') && !error.code;
}
function isRetryableConnectError(error) {
    const e = error;
    if (e.code && (TRANSIENT_NODE_CODES.has(e.code) || TRANSIENT_SQLSTATES.has(e.code)))
        return true;
    return isTimeout(e) || /Connection terminated unexpectedly/.test(e.message ?? '');
}
const RAILWAY_HINT = "Hosts ending in .railway.internal exist only inside Railway's private network and cannot be reached from a GitHub-hosted runner. Use the public URL instead: the DATABASE_PUBLIC_URL variable of the Postgres service (a *.proxy.rlwy.net host), stored as a repository or environment secret.";
/** Turn a low-level connection failure into the user-facing error Prisma would report, plus what to do. */
function classifyConnectError(error, settings) {
    const e = error;
    const target = (0,connection_url/* describeTarget */.ff)(settings);
    const where = `${settings.host}:${settings.port}`;
    const railway = settings.host.endsWith('.railway.internal');
    const code = e.code ?? '';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
        return new errors/* ActionError */.lZ(`Can't reach database server at \`${where}\`: the host name could not be resolved (DNS lookup failed).`, {
            code: 'P1001',
            hint: railway
                ? RAILWAY_HINT
                : 'Check the host in `database-url`; a private or internal host name is not resolvable from GitHub-hosted runners.',
            cause: error
        });
    }
    if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code)) {
        return new errors/* ActionError */.lZ(`Can't reach database server at \`${where}\` (${code}).`, {
            code: 'P1001',
            hint: railway
                ? RAILWAY_HINT
                : 'Check the host and port in `database-url`, that the server is running, and that it accepts connections from the runner (firewall, allow-list, public proxy).',
            cause: error
        });
    }
    if (code === '28P01' || (code === '28000' && /password|authentication/i.test(e.message ?? ''))) {
        return new errors/* ActionError */.lZ(`Authentication failed against database server at \`${where}\`: the credentials for user \`${settings.user}\` are not valid.`, {
            code: 'P1000',
            hint: 'Check the user and password in `database-url` (percent-encode special characters); the secret may be stale after a password rotation.',
            cause: error
        });
    }
    if (code === '28000') {
        return new errors/* ActionError */.lZ(`User \`${settings.user}\` was denied access on the database server at \`${where}\`.`, {
            code: 'P1010',
            hint: 'The server refused the connection (pg_hba.conf or a role without LOGIN). Check the user, the database and whether TLS is required (`?sslmode=require`).',
            cause: error
        });
    }
    if (code === '3D000') {
        return new errors/* ActionError */.lZ(`Database \`${settings.database}\` does not exist on the database server at \`${where}\`.`, {
            code: 'P1003',
            hint: 'Check the database name in the path of `database-url` (Railway calls it "railway"), or create the database first.',
            cause: error
        });
    }
    if (TLS_CODES.has(code) || /SSL|TLS|certificate/i.test(e.message ?? '')) {
        return new errors/* ActionError */.lZ(`Error opening a TLS connection to \`${where}\`: ${e.message ?? code}.`, {
            code: 'P1011',
            hint: "With a self-signed server certificate (Railway, most proxies) keep Prisma's default `sslaccept=accept_invalid_certs`, or pass the server CA with `sslcert=<path>` and `sslaccept=strict`. Use `sslmode=disable` only on a trusted network.",
            cause: error
        });
    }
    if (isTimeout(e)) {
        return new errors/* ActionError */.lZ(`Timed out connecting to the database server at \`${where}\` after ${settings.connectTimeoutSec}s.`, {
            code: 'P1001',
            hint: railway
                ? RAILWAY_HINT
                : 'The server did not answer in time. Check the host and port, or raise `connect_timeout` in `database-url`.',
            cause: error
        });
    }
    return new errors/* ActionError */.lZ(`Could not connect to ${target}: ${e.message ?? String(error)}`, { cause: error });
}
async function openClient(settings, baseDir) {
    const attempt = async (useTls) => {
        const client = new esm/* default.Client */.Ay.Client((0,connection_url/* toPgConfig */.Nd)(settings, baseDir, useTls));
        // An idle client whose server goes away emits 'error'; without a listener Node would crash the process.
        client.on('error', (err) => core/* debug */.Yz(`database connection error: ${err.message}`));
        try {
            await client.connect();
            return client;
        }
        catch (error) {
            await client.end().catch(() => undefined);
            throw error;
        }
    };
    if (settings.sslmode !== 'prefer')
        return attempt(settings.sslmode === 'require');
    try {
        return await attempt(true);
    }
    catch (error) {
        // libpq's `prefer`: a server without TLS support gets a plain connection.
        if (/does not support SSL/i.test(error.message ?? ''))
            return attempt(false);
        throw error;
    }
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
async function connect(settings, options) {
    const client = await withRetry(() => openClient(settings, options.baseDir), {
        attempts: options.attempts ?? 3,
        baseDelayMs: options.baseDelayMs ?? 1000,
        isRetryable: isRetryableConnectError,
        onRetry: (error, attempt, delay) => core/* info */.pq(`Connecting to ${(0,connection_url/* describeTarget */.ff)(settings)} failed (${error.code ?? error.message}); attempt ${attempt + 1} in ${delay} ms`)
    }).catch((error) => {
        throw classifyConnectError(error, settings);
    });
    try {
        if (settings.schema && options.setSearchPath !== false)
            await client.query(`SET search_path = ${quoteIdent(settings.schema)}`);
        const { rows } = await client.query(`SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1) AS exists, current_setting('server_version_num') AS num, current_setting('server_version') AS version`, [settings.defaultSchema]);
        if (!rows[0].exists && options.ensureSchema)
            await client.query(`CREATE SCHEMA ${quoteIdent(settings.defaultSchema)}`);
        return {
            client,
            settings,
            serverVersionNum: Number(rows[0].num),
            serverVersion: rows[0].version.split(' ')[0],
            close: async () => {
                await client.end().catch(() => undefined);
            }
        };
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
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

/***/ 25227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateResolve: () => (/* binding */ runMigrateResolve)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/migrate/errors.ts
var migrate_errors = __webpack_require__(99658);
// EXTERNAL MODULE: ./src/migrate/history.ts
var migrate_history = __webpack_require__(53909);
// EXTERNAL MODULE: ./src/migrate/lock.ts
var lock = __webpack_require__(61106);
// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
;// CONCATENATED MODULE: ./src/migrate/resolve.ts
/**
 * `prisma migrate resolve --applied / --rolled-back` with pg (prisma-migrate-compat.md §8), same checks, same
 * order, same rows.
 */






/**
 * Records `name` as applied without running it: after a hotfix by hand, or to baseline a database that already
 * has the schema (the table is then created without Prisma's emptiness check).
 */
async function resolveApplied(client, folder, name, options = {}) {
    (0,migrations_dir/* checkLockfile */.Ew)(folder);
    const release = await (0,lock/* acquireMigrateLock */.J)(client, options.lockTimeoutMs);
    try {
        const migration = folder.migrations.find((m) => m.name === name);
        if (!migration || migration.script === null || migration.checksum === null)
            throw (0,migrate_errors/* migrationNotFoundError */.WR)(name, folder.path);
        let rows = await (0,migrate_history/* readHistory */.Lu)(client);
        if (rows === null) {
            await (0,migrate_history/* createMigrationsTable */.gP)(client);
            rows = [];
        }
        const sameName = rows.filter((row) => row.migrationName === name);
        if (sameName.some((row) => row.finishedAt !== null))
            throw (0,migrate_errors/* alreadyAppliedError */.gk)(name);
        const now = new Date();
        for (const row of sameName.filter(migrate_history/* isFailed */.Ix))
            await (0,migrate_history/* setRolledBackAt */.pT)(client, row.id, now);
        await (0,migrate_history/* insertResolvedAppliedRow */.FJ)(client, { id: (0,external_node_crypto_.randomUUID)(), checksum: migration.checksum, at: now, name });
    }
    finally {
        await release();
    }
}
/**
 * Marks the failed attempt(s) of `name` as rolled back, so the next deploy applies the migration again. No
 * local directory is needed and the lock file is not checked (as in Prisma).
 */
async function resolveRolledBack(client, folder, name, options = {}) {
    void folder;
    const release = await (0,lock/* acquireMigrateLock */.J)(client, options.lockTimeoutMs);
    try {
        const rows = await (0,migrate_history/* readHistory */.Lu)(client);
        if (rows === null) {
            throw new errors/* ActionError */.lZ('Invariant violation: called markMigrationRolledBack on a database without migrations table.', {
                hint: `This database has no _prisma_migrations table, so no migration can have failed in it. Check \`database-url\` (and its ?schema=), then run \`mode: migrate-status\`.`
            });
        }
        const sameName = rows.filter((row) => row.migrationName === name);
        if (sameName.length === 0)
            throw (0,migrate_errors/* neverAppliedError */.OO)(name);
        if (sameName.every((row) => row.finishedAt !== null))
            throw (0,migrate_errors/* notFailedError */.F$)(name);
        // Rows already rolled back stay as they are; with none left to mark this is a silent success, like Prisma.
        const now = new Date();
        for (const row of sameName.filter(migrate_history/* isFailed */.Ix))
            await (0,migrate_history/* setRolledBackAt */.pT)(client, row.id, now);
    }
    finally {
        await release();
    }
}

// EXTERNAL MODULE: ./src/migrate/status.ts + 1 modules
var migrate_status = __webpack_require__(61935);
// EXTERNAL MODULE: ./src/render/migration-report.ts + 3 modules
var migration_report = __webpack_require__(25281);
// EXTERNAL MODULE: ./src/modes/migrate-shared.ts
var migrate_shared = __webpack_require__(11647);
;// CONCATENATED MODULE: ./src/modes/migrate-resolve.ts







async function runMigrateResolve(common, settings) {
    const folder = await (0,migrate_shared/* loadMigrationsFolder */.Et)(settings, common.workingDirectory);
    const session = await (0,migrate_shared/* openSession */.fA)(common);
    try {
        const name = (settings.resolveApplied ?? settings.resolveRolledBack);
        const how = settings.resolveApplied ? 'applied' : 'rolled back';
        await core/* group */.Os(`Mark ${name} as ${how}`, async () => {
            if (settings.resolveApplied)
                await resolveApplied(session.client, folder, name);
            else
                await resolveRolledBack(session.client, folder, name);
            core/* info */.pq(`Migration ${name} marked as ${how}.`);
        });
        const after = await (0,migrate_status/* diagnose */.h)(session.client, folder);
        const target = (0,connection_url/* describeTarget */.ff)(common.connection);
        return {
            outputs: (0,migrate_shared/* migrateOutputs */.Uj)({
                status: after.status,
                pending: after.pending.map((m) => m.name),
                failed: after.failed.map((f) => f.name)
            }),
            markdown: (0,migration_report/* renderMigrationReport */.J)({
                mode: common.mode,
                target,
                migrationsDir: (0,external_node_path_.relative)(common.workingDirectory, folder.path) || '.',
                rows: (0,migrate_shared/* statusRows */.O5)(after),
                nextSteps: [`Migration \`${name}\` marked as ${how}.`, ...(0,migrate_shared/* nextSteps */.Zn)(after)]
            }),
            report: {
                target,
                resolved: { migration: name, as: settings.resolveApplied ? 'applied' : 'rolled-back' },
                status: after.status,
                pending: after.pending.map((m) => m.name),
                failed: after.failed,
                migrations: after.migrations
            }
        };
    }
    finally {
        await session.close();
    }
}


/***/ })

};

//# sourceMappingURL=169.index.js.map
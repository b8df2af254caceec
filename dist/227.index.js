export const id = 227;
export const ids = [227];
export const modules = {

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
/* harmony export */   Gn: () => (/* binding */ UNLOCK_SQL),
/* harmony export */   JV: () => (/* binding */ acquireMigrateLock),
/* harmony export */   bw: () => (/* binding */ lockAndRead),
/* harmony export */   tC: () => (/* binding */ advisoryLockDisabled)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27242);
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92059);
/* harmony import */ var _blockers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6158);
/* harmony import */ var _prisma_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47573);
/* harmony import */ var _lock_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53969);





/** Prisma's switch, forwarded to its engine: any value but '' or '0' disables the lock. */
function advisoryLockDisabled(env = process.env) {
    const value = env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
    return value !== undefined && value !== '' && value !== '0';
}
/** Releases the lock; sent together with the deploy's last bookkeeping when there is some. */
const UNLOCK_SQL = `SELECT pg_advisory_unlock(${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})`;
/**
 * Waits for the lock at most `timeoutMs`, then fails with P1002 naming the session that holds it. The wait is
 * bounded by the server (`lock_timeout`, set for this one statement together with `statement_timeout = 0`, in
 * the same message), so it is Prisma's 10 s whatever timeouts the session has, and the connection stays usable
 * afterwards: the caller can still read the history and report. (Ending the connection on a client-side timer,
 * as before, made the deploy's report fail with "Client was closed and is not queryable" instead of P1002.)
 */
async function acquireMigrateLock(client, timeoutMs = _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PRISMA_ADVISORY_LOCK_TIMEOUT_MS */ .q$) {
    return (await lockAndRead(client, timeoutMs)).release;
}
/**
 * `acquireMigrateLock`, with `reads` (statements that need the lock, e.g. the history) in the same message: one
 * round trip. The reads run under the lock's 10 s lock_timeout. When a read fails, the lock is still held (a
 * session-level advisory lock outlives the transaction that took it): the error is returned with `release`.
 */
async function lockAndRead(client, timeoutMs = _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PRISMA_ADVISORY_LOCK_TIMEOUT_MS */ .q$, reads) {
    const release = async () => {
        // Ending the connection would release it too; unlocking explicitly frees it even if the caller keeps the client.
        await client.query(UNLOCK_SQL).catch(() => undefined);
    };
    const run = (text) => (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .queryAll */ .YG)(client, text, reads?.types);
    if (advisoryLockDisabled()) {
        if (!reads)
            return { release: async () => undefined };
        try {
            return { release: async () => undefined, reads: { results: await run(reads.text) } };
        }
        catch (error) {
            return { release: async () => undefined, reads: { error } };
        }
    }
    // One simple query = one implicit transaction: the SET LOCALs end with it; the session-level lock stays.
    const lock = `SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}; SET LOCAL statement_timeout = 0; SELECT pg_advisory_lock(${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})`;
    try {
        const results = await run(reads ? `${lock};\n${reads.text}` : lock);
        return { release, reads: reads ? { results: results.slice(3) } : undefined };
    }
    catch (error) {
        // The lock statement or one of the reads failed: whether this session holds the lock now tells them apart.
        if (!reads || !(await holdsLock(client).catch(() => false))) {
            if ((0,_lock_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isLockTimeout */ .Td)(error))
                throw await lockTimeout(client, timeoutMs);
            throw error;
        }
        return { release, reads: { error } };
    }
}
async function holdsLock(client) {
    const { rows } = await client.query(`SELECT EXISTS(SELECT 1 FROM pg_locks l WHERE l.pid = pg_backend_pid() AND ${(0,_blockers_js__WEBPACK_IMPORTED_MODULE_1__/* .prismaLockCondition */ .Zj)('l')}) AS held`);
    return rows[0]?.held === true;
}
async function lockTimeout(client, timeoutMs) {
    let holders;
    try {
        holders = await (0,_blockers_js__WEBPACK_IMPORTED_MODULE_1__/* .advisoryLockHolders */ .wh)(client);
    }
    catch {
        holders = undefined;
    }
    return (0,_prisma_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .lockTimeoutError */ .rB)(timeoutMs, holders);
}


/***/ }),

/***/ 25227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateResolve: () => (/* binding */ runMigrateResolve)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/migrate/prisma-errors.ts
var prisma_errors = __webpack_require__(47573);
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
    const release = await (0,lock/* acquireMigrateLock */.JV)(client, options.lockTimeoutMs);
    try {
        const migration = folder.migrations.find((m) => m.name === name);
        if (!migration || migration.script === null || migration.checksum === null)
            throw (0,prisma_errors/* migrationNotFoundError */.WR)(name, folder.path);
        let rows = await (0,migrate_history/* readHistory */.Lu)(client);
        if (rows === null) {
            await (0,migrate_history/* createMigrationsTable */.gP)(client);
            rows = [];
        }
        const sameName = rows.filter((row) => row.migrationName === name);
        if (sameName.some((row) => row.finishedAt !== null))
            throw (0,prisma_errors/* alreadyAppliedError */.gk)(name);
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
    const release = await (0,lock/* acquireMigrateLock */.JV)(client, options.lockTimeoutMs);
    try {
        const rows = await (0,migrate_history/* readHistory */.Lu)(client);
        if (rows === null) {
            throw new errors/* ActionError */.lZ('Invariant violation: called markMigrationRolledBack on a database without migrations table.', {
                hint: `This database has no _prisma_migrations table, so no migration can have failed in it. Check \`database-url\` (and its ?schema=), then run \`mode: migrate-status\`.`
            });
        }
        const sameName = rows.filter((row) => row.migrationName === name);
        if (sameName.length === 0)
            throw (0,prisma_errors/* neverAppliedError */.OO)(name);
        if (sameName.every((row) => row.finishedAt !== null))
            throw (0,prisma_errors/* notFailedError */.F$)(name);
        // Rows already rolled back stay as they are; with none left to mark this is a silent success, like Prisma.
        const now = new Date();
        for (const row of sameName.filter(migrate_history/* isFailed */.Ix))
            await (0,migrate_history/* setRolledBackAt */.pT)(client, row.id, now);
    }
    finally {
        await release();
    }
}

// EXTERNAL MODULE: ./src/migrate/status.ts + 2 modules
var migrate_status = __webpack_require__(9464);
// EXTERNAL MODULE: ./src/render/migrate-summary.ts + 1 modules
var migrate_summary = __webpack_require__(22755);
// EXTERNAL MODULE: ./src/modes/migrate-session.ts
var migrate_session = __webpack_require__(76816);
// EXTERNAL MODULE: ./src/modes/migrate-results.ts
var migrate_results = __webpack_require__(48934);
// EXTERNAL MODULE: ./src/render/next-steps.ts
var next_steps = __webpack_require__(88877);
// EXTERNAL MODULE: ./src/render/status-table.ts
var status_table = __webpack_require__(78197);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(42495);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/modes/migrate-resolve.ts












async function runMigrateResolve(settings, early) {
    const folder = await (0,migrate_session/* loadMigrationsFolder */.Et)(settings, early);
    const session = await (0,migrate_session/* openSession */.fA)(settings, { early });
    try {
        const name = settings.resolve.migration;
        const how = settings.resolve.as === 'applied' ? 'applied' : 'rolled back';
        await core/* group */.Os(`Mark ${name} as ${how}`, async () => {
            if (settings.resolve.as === 'applied')
                await resolveApplied(session.client, folder, name);
            else
                await resolveRolledBack(session.client, folder, name);
            (0,log/* info */.p)(`Migration ${name} marked as ${how}.`);
        });
        const target = (0,connection_url/* describeTarget */.ff)(settings.connection);
        let after;
        try {
            after = await (0,migrate_status/* diagnose */.h)(session.client, folder, (0,migrate_session/* prismaScope */.rM)(settings, session));
        }
        catch (error) {
            // resolve --rolled-back does not check migration_lock.toml (Prisma neither); the status that follows does.
            if (!(error instanceof errors/* ActionError */.lZ) || error.code !== 'P3019')
                throw error;
            core/* warning */.$e(`Migration ${name} was marked as ${how}, but the status cannot be shown: ${error.describe()}`);
            return {
                outputs: (0,migrate_results/* migrateOutputs */.Uj)({ status: 'unknown', pending: [] }),
                markdown: (0,migrate_summary/* renderMigrationReport */.J)({
                    mode: settings.mode,
                    target,
                    migrationsDir: (0,migrate_results/* shownMigrationsDir */.oA)(settings.workingDirectory, folder.path),
                    nextSteps: [`Migration \`${name}\` marked as ${how}.`, `Status not shown: ${error.describe()}`]
                }),
                report: {
                    target,
                    resolved: { migration: name, as: settings.resolve.as },
                    status: 'unknown'
                }
            };
        }
        return {
            outputs: (0,migrate_results/* migrateOutputs */.Uj)({
                status: after.status,
                pending: after.pending.map((m) => m.name),
                failed: after.failed.map((f) => f.name)
            }),
            markdown: (0,migrate_summary/* renderMigrationReport */.J)({
                mode: settings.mode,
                target,
                migrationsDir: (0,migrate_results/* shownMigrationsDir */.oA)(settings.workingDirectory, folder.path),
                rows: (0,status_table/* statusRows */.O5)(after),
                nextSteps: [`Migration ${(0,markdown/* code */.aY)(name)} marked as ${how}.`, ...(0,next_steps/* nextSteps */.Z)(after)]
            }),
            report: {
                target,
                resolved: { migration: name, as: settings.resolve.as },
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

//# sourceMappingURL=227.index.js.map
export const id = 552;
export const ids = [552];
export const modules = {

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ getPullRequestContext),
/* harmony export */   q: () => (/* binding */ rulesDocsUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The pull request of this run, from the event payload; undefined on other events or when the payload lacks one. */
function getPullRequestContext(env = process.env) {
    if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH)
        return undefined;
    let payload;
    try {
        payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        return undefined;
    }
    const pr = payload.pull_request;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? '').split('/');
    if (!pr?.number || !owner || !repo)
        return undefined;
    return {
        owner,
        repo,
        number: pr.number,
        baseRef: pr.base?.ref ?? env.GITHUB_BASE_REF ?? '',
        baseSha: pr.base?.sha ?? '',
        headSha: pr.head?.sha ?? env.GITHUB_SHA ?? ''
    };
}
/**
 * Absolute links to the rule docs for the summary and the PR comment: the relative `docs/rules.md` would resolve
 * in the user's repository. The runner names the action's own repository and ref (empty for `uses: ./`).
 */
function rulesDocsUrl(env = process.env) {
    const repository = env.GITHUB_ACTION_REPOSITORY;
    if (!repository)
        return undefined;
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}/blob/${env.GITHUB_ACTION_REF || 'main'}/docs/rules.md`;
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

/***/ 30881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ annotateFindings)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/github/annotations.ts


const EMIT = {
    error: (m, p) => core/* error */.z3(m, p),
    warning: (m, p) => core/* warning */.$e(m, p),
    notice: (m, p) => core/* notice */.lm(m, p)
};
/**
 * The annotations, errors first, at most MAX_ANNOTATIONS_PER_LEVEL per level (GitHub shows about ten per level and
 * step), then a single notice that says how many there are and where to read all of them (`summary.title`,
 * `summary.noun` e.g. "migration review findings", `summary.where` e.g. "the job summary").
 */
function emitAnnotations(annotations, summary) {
    if (annotations.length === 0)
        return;
    let shown = 0;
    for (const level of ['error', 'warning', 'notice']) {
        // keep room for the closing notice among the notices
        const cap = level === 'notice' ? constants/* MAX_ANNOTATIONS_PER_LEVEL */.jB - 1 : constants/* MAX_ANNOTATIONS_PER_LEVEL */.jB;
        const chosen = annotations.filter((a) => a.level === level).slice(0, cap);
        for (const a of chosen)
            EMIT[level](a.message, { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine });
        shown += chosen.length;
    }
    const omitted = annotations.length - shown;
    core/* notice */.lm(omitted > 0
        ? `${annotations.length} ${summary.noun}s; ${omitted} are not annotated here. See ${summary.where} for all of them with the SQL.`
        : `${annotations.length} ${summary.noun}(s). See ${summary.where} for the report with the SQL.`, { title: summary.title });
}

// EXTERNAL MODULE: ./src/review/headline.ts
var headline = __webpack_require__(10670);
;// CONCATENATED MODULE: ./src/render/annotations.ts

function message(f) {
    const stake = (0,headline/* stakeText */._N)(f.rowsAtStake);
    const allowed = f.acknowledged
        ? ` Allowed: ${f.acknowledged.by === 'input' ? 'allow-destructive' : f.acknowledged.reason}.`
        : '';
    const elsewhere = f.elsewhere ? ` Nothing in this database, but it ${f.elsewhere}.` : '';
    return `${f.message}${stake ? ` Data at stake: ${stake}.` : ''}${elsewhere}${allowed} Safe alternative: ${f.fix} (${f.docs})`;
}
/** A finding that destroys nothing in the compared database is shown as a notice, whatever its rule's level. */
const levelOf = (f) => (f.acknowledged?.by === 'database' ? 'notice' : f.severity);
/** One annotation per finding, on its migration.sql line. */
function findingAnnotations(findings) {
    return findings.map((f) => ({
        level: levelOf(f),
        message: message(f),
        title: `${f.rule} (${f.migration})`,
        file: f.file,
        startLine: f.line,
        endLine: f.endLine ?? f.line
    }));
}
/** How the closing notice names the findings. */
const FINDINGS_SUMMARY = {
    title: 'Migration review',
    noun: 'migration review finding',
    where: 'the job summary'
};

;// CONCATENATED MODULE: ./src/modes/annotate-findings.ts


/** The review's findings as annotations on their migration.sql lines, capped per level, with a closing notice. */
function annotateFindings(findings) {
    emitAnnotations(findingAnnotations(findings), FINDINGS_SUMMARY);
}


/***/ }),

/***/ 86552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateDeploy: () => (/* binding */ runMigrateDeploy)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/modes/annotate-findings.ts + 2 modules
var annotate_findings = __webpack_require__(30881);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/db/connect.ts + 1 modules
var connect = __webpack_require__(92059);
// EXTERNAL MODULE: ./src/migrate/prisma-errors.ts
var prisma_errors = __webpack_require__(47573);
// EXTERNAL MODULE: ./src/migrate/execute.ts
var execute = __webpack_require__(77690);
// EXTERNAL MODULE: ./src/migrate/history.ts
var migrate_history = __webpack_require__(53909);
// EXTERNAL MODULE: ./src/migrate/initialize.ts
var initialize = __webpack_require__(48499);
// EXTERNAL MODULE: ./src/migrate/lock.ts
var lock = __webpack_require__(61106);
// EXTERNAL MODULE: ./src/migrate/blockers.ts
var migrate_blockers = __webpack_require__(6158);
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

// EXTERNAL MODULE: ./src/migrate/non-transactional.ts
var non_transactional = __webpack_require__(42206);
// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(32693);
// EXTERNAL MODULE: ./src/sql/parse.ts
var parse = __webpack_require__(24159);
;// CONCATENATED MODULE: ./src/migrate/script-shape.ts
/**
 * What a failed migration.sql can have left behind when it ran as ONE simple query (Prisma ≤ 7.3, and this
 * action's default): PostgreSQL runs a multi-statement query as one implicit transaction, unless the text has its
 * own transaction control (a COMMIT before the end commits what came before it), and a lone statement that cannot
 * run in a transaction (CREATE INDEX CONCURRENTLY...) runs on its own. Decided on the real parser's AST.
 */




const ENDS_TRANSACTION = new Set([
    'TRANS_STMT_COMMIT',
    'TRANS_STMT_ROLLBACK',
    'TRANS_STMT_PREPARE',
    'TRANS_STMT_COMMIT_PREPARED',
    'TRANS_STMT_ROLLBACK_PREPARED'
]);
function transactionKind(statement) {
    if (statement.kind !== 'TransactionStmt')
        return undefined;
    return statement.node.TransactionStmt.kind;
}
/** A statement on one line, at most 160 characters: how summaries and reports show it. */
function statementRef(statement) {
    return { line: statement.startLine, text: (0,format/* shortenSql */.AS)(statement.text) };
}
function relationName(rel) {
    if (!rel?.relname)
        return undefined;
    return rel.schemaname ? `${(0,connect/* quoteIdent */.v4)(rel.schemaname)}.${(0,connect/* quoteIdent */.v4)(rel.relname)}` : (0,connect/* quoteIdent */.v4)(rel.relname);
}
function indexTarget(statement) {
    const node = statement.node;
    if (statement.kind === 'IndexStmt') {
        const body = node.IndexStmt;
        const relation = relationName(body.relation);
        if (!body.concurrent || !relation)
            return undefined;
        return {
            relation,
            relationIsIndex: false,
            indexName: body.idxname,
            line: statement.startLine,
            statement: (0,format/* shortenSql */.AS)(statement.text)
        };
    }
    if (statement.kind === 'ReindexStmt') {
        const body = node.ReindexStmt;
        const concurrent = (body.params ?? []).some((p) => p.DefElem?.defname?.toLowerCase() === 'concurrently');
        const relation = relationName(body.relation);
        if (!concurrent || !relation)
            return undefined;
        return {
            relation,
            relationIsIndex: body.kind === 'REINDEX_OBJECT_INDEX',
            line: statement.startLine,
            statement: (0,format/* shortenSql */.AS)(statement.text)
        };
    }
    return undefined;
}
/** Parses `script` (cached per run) and says what a failure of it can have committed. */
async function scriptShape(script, serverVersionNum = 0) {
    await (0,parse/* loadParser */.qd)();
    const parsed = (0,parse/* parseScript */.tl)(script);
    if (parsed.error) {
        return {
            statementCount: 0,
            atomic: false,
            reason: `the file does not parse (${parsed.error.message}, line ${parsed.error.line})`,
            indexTargets: [],
            statements: []
        };
    }
    const statements = parsed.statements;
    const indexTargets = statements.map(indexTarget).filter((t) => t !== undefined);
    const shape = { statementCount: statements.length, atomic: true, indexTargets, statements };
    if (statements.length === 1) {
        const only = statements[0];
        const reason = (0,non_transactional/* nonTransactionalReason */.TJ)(only.kind, only.node, serverVersionNum);
        if (reason) {
            shape.nonTransactional = reason;
            shape.atomic = false;
            shape.reason = `its only statement, \`${reason}\`, runs outside a transaction and can leave work behind when it fails`;
        }
        else if (only.kind === 'DoStmt' || only.kind === 'CallStmt') {
            shape.atomic = false;
            shape.reason = `its only statement is a ${only.kind === 'DoStmt' ? 'DO block' : 'CALL'}, which may COMMIT inside`;
        }
        return shape;
    }
    const early = statements.slice(0, -1).find((s) => ENDS_TRANSACTION.has(transactionKind(s) ?? ''));
    if (early) {
        shape.atomic = false;
        shape.reason = `line ${early.startLine} ends a transaction (\`${(0,format/* shortenSql */.AS)(early.text)}\`), so the statements before it commit on their own`;
    }
    return shape;
}
/** The statement containing a 1-based character `position` of the script (what PostgreSQL reports). */
function statementAtPosition(script, statements, position) {
    const offset = Number(position);
    if (!Number.isInteger(offset) || offset < 1)
        return undefined;
    const byte = Buffer.byteLength(script.slice(0, offset - 1), 'utf8');
    let found;
    for (let i = 0; i < statements.length; i++)
        if (statements[i].byteStart <= byte)
            found = i;
    return found;
}
/**
 * Which statements a failure of the whole file left committed. Atomic files and single statements: none. With
 * COMMITs inside, and PostgreSQL naming the failing statement (an error `position`): everything up to the last
 * COMMIT before it, when every transaction end before it is a COMMIT. Otherwise unknown.
 */
function committedAfterFailure(shape, script, error) {
    if (shape.atomic)
        return 'none';
    if (shape.statementCount === 1)
        return shape.nonTransactional ? 'none' : 'unknown';
    if (shape.statements.length === 0)
        return 'unknown';
    const failing = statementAtPosition(script, shape.statements, error.position);
    if (failing === undefined)
        return 'unknown';
    let lastCommit = -1;
    for (let i = 0; i < failing; i++) {
        const kind = transactionKind(shape.statements[i]);
        if (kind === undefined || !ENDS_TRANSACTION.has(kind))
            continue;
        if (kind !== 'TRANS_STMT_COMMIT')
            return 'unknown';
        lastCommit = i;
    }
    if (lastCommit < 0)
        return 'none';
    return shape.statements
        .slice(0, lastCommit + 1)
        .filter((s) => s.kind !== 'TransactionStmt')
        .map(statementRef);
}

;// CONCATENATED MODULE: ./src/migrate/lock-safety.ts




/** A unit that may not be retried: a 55P03 still names the blockers, then fails like any error. */
const NO_RETRY = { lockTimeoutMs: 0, retryWindowMs: 0, baseDelayMs: 0, maxDelayMs: 0 };
function lockHooks(lock, migration) {
    return {
        onBlocked: lock?.options.onBlocked ? (event) => lock.options.onBlocked?.(migration, event) : undefined,
        retryOptions: {
            watcher: lock?.monitor,
            onSample: lock?.options.onSample
                ? (blockers) => lock.options.onSample?.(migration, blockers)
                : undefined
        }
    };
}
/**
 * What a lone statement that cannot run in a transaction block (CREATE INDEX CONCURRENTLY...) runs with: no
 * lock_timeout. It never makes the application's queries wait, but under a short timeout it would fail and leave
 * an INVALID index.
 */
const LIFT_LOCK_TIMEOUT = 'SET lock_timeout = 0';
/** Whether the session has a short lock_timeout of ours (a policy with a timeout). */
function shortLockTimeout(policy) {
    return policy !== undefined && policy.lockTimeoutMs > 0;
}
/** Whether a file sent whole runs without the session's short lock_timeout: it is one CONCURRENTLY statement. */
function liftsLockTimeout(policy, shape) {
    return shortLockTimeout(policy) && !!shape?.nonTransactional;
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
 * Whether a statement sent on its own (Prisma 7.4+) and cancelled at lock_timeout is sent again: it commits on its
 * own, so the cancelled attempt applied nothing; not inside the file's own BEGIN block, not a CALL (which may
 * commit inside) and not a statement that runs outside a transaction block.
 */
function statementRetriable(unit, progress, nonTransactional) {
    return (unit.transaction === undefined &&
        unit.kind !== 'CallStmt' &&
        !nonTransactional.has(unit.startLine) &&
        progress.inOpenTransaction.length === 0);
}
/** Runs `run` without lock_timeout when `exempt`, then back to the session's (the startup option). */
async function withoutLockTimeout(client, exempt, run) {
    if (!exempt)
        return run();
    await client.query(LIFT_LOCK_TIMEOUT);
    try {
        return await run();
    }
    finally {
        // A lost connection is reported by the caller.
        await client.query('RESET lock_timeout').catch(() => undefined);
    }
}
/**
 * Starts the lock monitor's connection, once per deploy with pending migrations, in the background (it is only
 * needed for a sample one interval into an attempt). `pid` is the deploy session's backend, asked with
 * `pg_backend_pid()` rather than taken from the connection's BackendKeyData, which a connection pooler makes up.
 */
function openLockContext(pid, connection, safety) {
    if (!safety)
        return undefined;
    // Several samples during one lock_timeout wait, at most one a second.
    const interval = safety.policy.lockTimeoutMs > 0 ? Math.min(1000, Math.max(50, safety.policy.lockTimeoutMs / 4)) : 1000;
    return { options: safety, monitor: migrate_blockers/* BlockerMonitor */.R4.start(connection, safety.baseDir, pid, interval) };
}
/** What a failed migration left, for the summary: committed statements and INVALID indexes (best effort). */
async function describeAfterFailure(client, migration, shape, error, state, blockers, 
/** What is known to be committed (the statement-by-statement mode tracks it); else read from the file. */
committed) {
    const script = migration.script ?? '';
    const resolved = shape ?? (await scriptShape(script).catch(() => undefined));
    const invalidIndexes = resolved?.indexTargets.length
        ? await findInvalidIndexes(client, resolved.indexTargets).catch(() => [])
        : [];
    let committedStatements = committed ?? 'unknown';
    if (state === 'pending')
        committedStatements = 'none';
    else if (committed === undefined && resolved)
        committedStatements = committedAfterFailure(resolved, script, error);
    return { migration: migration.name, state, committedStatements, invalidIndexes, blockers };
}

// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/migrate/lock-retry.ts
var lock_retry = __webpack_require__(53969);
// EXTERNAL MODULE: ./src/sql/ast.ts
var ast = __webpack_require__(13080);
;// CONCATENATED MODULE: ./src/migrate/fast-path.ts
/**
 * One round trip per migration (issue 10): a migration.sql that PostgreSQL runs as one transaction travels with its
 * bookkeeping in ONE simple query, which PostgreSQL runs as one implicit transaction:
 *
 *     INSERT INTO "_prisma_migrations" (...) VALUES (...);   -- the row Prisma inserts first ("started")
 *     <migration.sql>
 *     ;
 *     UPDATE _prisma_migrations SET applied_steps_count = ..., finished_at = ... WHERE id = ...   -- Prisma's finish
 *
 * The committed row is field for field the one Prisma writes (uuid v4 id, checksum, name, logs NULL, rolled_back_at
 * NULL, applied_steps_count 1, finished_at after started_at), and nobody ever sees the states in between. What
 * changes is what a failure or a crash leaves: PostgreSQL rolls the whole message back, row included, so a process
 * killed mid-script leaves no row at all (the migration is pending again, as if the deploy had not started it),
 * where Prisma's protocol leaves a started row that every later deploy refuses (P3009). A script that fails is then
 * recorded as Prisma records it (a row with finished_at NULL, applied_steps_count 0 and the P3018 text in logs),
 * by one more statement after the rollback.
 *
 * Both timestamps come from the server's clock (`clock_timestamp()` at the insert, and at the update, never before
 * started_at): the end of a script that runs inside one message can only be timestamped by the server, and one clock
 * for both keeps finished_at >= started_at whatever the runner's clock says.
 *
 * Which files may take this path is decided on the real parser's AST (`fastPathBlocker`): anything that would behave
 * differently once preceded by an INSERT in the same transaction, or whose text could change the meaning of what is
 * appended to it, keeps Prisma's protocol (prisma-protocol.ts): files with their own transaction control, a lone statement
 * that cannot run in a transaction block (CREATE INDEX CONCURRENTLY...) or a lone DO/CALL (which may COMMIT when run
 * alone), `SET LOCAL`/`SET TRANSACTION`/`set_config`, and files that do not parse.
 *
 * What is appended after the script can never be swallowed into something the script left open: the parser proved
 * the script complete (every string, identifier, comment and dollar quote closed), a newline ends a trailing `--`
 * comment, `;` ends a trailing statement without one, and the appended text uses no quote character, no backslash
 * and no comment marker: its literals are dollar-quoted with a tag the script does not contain. Even where the
 * server's lexer could read the script differently from the parser (`standard_conforming_strings = off` turns `\'`
 * into an escaped quote), a string, identifier, comment or dollar quote the script left open stays open to the end
 * of the message, which then fails as the script alone would: nothing runs.
 */





/** Prisma's column limit: a longer name makes the INSERT fail, which Prisma reports as such (not as P3018). */
const MAX_NAME_LENGTH = 255;
/**
 * Why `script` must keep Prisma's protocol (row committed first), or undefined when it can travel with its row.
 * `known`: its `scriptShape(script, serverVersionNum)` when the caller has it already (computed here otherwise).
 */
async function fastPathBlocker(script, name, serverVersionNum = 0, known) {
    if ([...name].length > MAX_NAME_LENGTH)
        return `its name is longer than ${MAX_NAME_LENGTH} characters`;
    await (0,parse/* loadParser */.qd)();
    const parsed = (0,parse/* parseScript */.tl)(script);
    if (parsed.error)
        return `it does not parse (line ${parsed.error.line})`;
    const shape = known ?? (await scriptShape(script, serverVersionNum));
    if (shape.nonTransactional)
        return `its only statement is ${shape.nonTransactional}`;
    if (!shape.atomic)
        return shape.reason ?? 'it may commit part of itself';
    for (const statement of parsed.statements) {
        const node = statement.node[statement.kind];
        if (statement.kind === 'TransactionStmt')
            return `line ${statement.startLine} controls the transaction itself`;
        if (statement.kind === 'VariableSetStmt' && (node?.is_local || node?.kind === 'VAR_SET_MULTI'))
            return `line ${statement.startLine} changes settings of the current transaction only`;
        if ((0,ast/* calledFunctions */.Bm)(node).has('set_config'))
            return `line ${statement.startLine} calls set_config, which can change settings of the transaction`;
    }
    return undefined;
}
/** A dollar-quote tag that occurs in none of `texts`. */
function dollarTag(texts) {
    for (;;) {
        const tag = `$pgops${(0,external_node_crypto_.randomBytes)(6).toString('hex')}$`;
        if (!texts.some((text) => text.includes(tag)))
            return tag;
    }
}
/** `value` as a dollar-quoted literal with `tag` (which it does not contain). */
function dollar(tag, value) {
    return `${tag}${value}${tag}`;
}
/** Marks the result rows of our own statements inside a message that also carries a script. */
const FINISHED_MARK = 'pgops_finished';
const STARTED_MARK = 'pgops_started';
/**
 * The finish of a migration whose script ran in an earlier message: Prisma's two updates in one, idempotent (a
 * second run changes nothing), so that it can be sent again when it is not known whether it committed.
 */
function finishStatement(client, id) {
    return (`UPDATE "_prisma_migrations" SET "applied_steps_count" = CASE WHEN "finished_at" IS NULL THEN "applied_steps_count" + 1 ELSE "applied_steps_count" END, ` +
        `"finished_at" = COALESCE("finished_at", greatest(clock_timestamp(), "started_at")) WHERE "id" = ${client.escapeLiteral(id)} ` +
        `RETURNING "id" AS ${FINISHED_MARK}, "started_at", "finished_at"`);
}
/** Prisma's started row (its first bookkeeping statement), its values as escaped literals. */
function startedRowInsert(client, row) {
    return `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES (${client.escapeLiteral(row.id)},${client.escapeLiteral(row.checksum)},clock_timestamp(),${client.escapeLiteral(row.name)})`;
}
/** The started row of a migration on Prisma's protocol, returning its id (marked) and started_at. */
function startedRowStatement(client, row) {
    return `${startedRowInsert(client, row)} RETURNING "id" AS ${STARTED_MARK}, "started_at"`;
}
/**
 * The row Prisma leaves for a script that failed (finished_at NULL, applied_steps_count 0, the P3018 text in logs),
 * written after PostgreSQL rolled back the message that carried the script with its row: started when the attempt
 * was sent, `secondsAgo` by the server's clock.
 */
function failedRowStatement(client, row, secondsAgo, logs) {
    return `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name","logs") VALUES (${client.escapeLiteral(row.id)},${client.escapeLiteral(row.checksum)},clock_timestamp() - make_interval(secs => ${secondsAgo}),${client.escapeLiteral(row.name)},${client.escapeLiteral(logs)})`;
}
/** Statements committed on their own at the start of a message: `BEGIN; ...; COMMIT;`. */
function committedFirst(statements) {
    return statements.length === 0 ? '' : `BEGIN;\n${statements.join(';\n')};\nCOMMIT;\n`;
}
/**
 * The one message of a migration on the fast path: `before` (bookkeeping of earlier migrations, committed first on
 * its own), the started row, the script, the finish, and `next` (the started row of the next migration when it
 * keeps Prisma's protocol, and its session settings; committed with this one).
 */
function fastMessage(client, row, script, options = {}) {
    const head = committedFirst(options.before ?? []) + `${startedRowInsert(client, row)};\n`;
    // After the script: no quote, backslash or comment marker; literals dollar-quoted with a tag the script lacks.
    const next = options.next;
    const tag = dollarTag([script, ...(next ? [next.name, next.checksum, next.id] : [])]);
    const tail = [
        '\n;',
        migrate_history/* NO_SESSION_TIMEOUTS */.kk,
        `UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = greatest(clock_timestamp(), started_at) WHERE id = ${dollar(tag, row.id)} RETURNING id AS ${FINISHED_MARK}, started_at, finished_at`,
        ...(next
            ? [
                `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES (${dollar(tag, next.id)}, ${dollar(tag, next.checksum)}, clock_timestamp(), ${dollar(tag, next.name)}) RETURNING id AS ${STARTED_MARK}, started_at`
            ]
            : []),
        ...(options.nextSettings ?? [])
    ].join('\n;\n');
    const scriptStart = [...head].length;
    return { text: head + script + tail, scriptStart, scriptEnd: scriptStart + [...script].length };
}
/**
 * A failed message's error position, moved to the script (what PostgreSQL would report for the script alone), or
 * removed when it points into our own statements. Mutates the error: everything downstream reads the script's.
 */
function moveErrorPosition(error, message) {
    const e = error;
    if (!e || typeof e !== 'object' || e.position === undefined)
        return;
    const at = Number(e.position);
    if (Number.isInteger(at) && at > message.scriptStart && at <= message.scriptEnd)
        e.position = String(at - message.scriptStart);
    else
        delete e.position;
}
/** The rows our marked statements returned, from the results of a multi-statement message. */
function markedRows(results, mark) {
    const list = Array.isArray(results) ? results : [results];
    const rows = [];
    for (const result of list) {
        if (!result.fields?.some((f) => f.name === mark))
            continue;
        for (const row of result.rows)
            rows.push({
                id: String(row[mark]),
                startedAt: (0,migrate_history/* asDate */.D5)(row.started_at),
                finishedAt: row.finished_at === null || row.finished_at === undefined ? undefined : (0,migrate_history/* asDate */.D5)(row.finished_at)
            });
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/migrate/migration-failure.ts






/** The line of migration.sql where Postgres says the failing unit went wrong (its 1-based character offset). */
function failingLine(unit, position) {
    if (!unit)
        return undefined;
    const offset = Number(position);
    if (!Number.isInteger(offset) || offset < 1)
        return unit.startLine;
    return unit.startLine + unit.text.slice(0, offset - 1).split('\n').length - 1;
}
/** Prisma's P3018 text for `_prisma_migrations.logs`, with the failing line and what 7.4+ committed. */
function failureText(migration, error, progress) {
    const dbError = error;
    const line = failingLine(progress.failedUnit, dbError.position);
    const committed = (0,execute/* committedStatements */.r)(progress, error);
    return ((0,prisma_errors/* applyFailedMessage */.Bw)(migration.name, dbError) +
        (line !== undefined && dbError.position
            ? `\nPosition: line ${line} of migration.sql: ${(migration.script ?? '').split('\n')[line - 1]?.trim() ?? ''}\n`
            : '') +
        (progress.plan.mode === 'per-statement'
            ? `\nSent statement by statement (Prisma 7.4+). Committed before the failure: ${(0,execute/* describeStatementsForLog */.Jo)(committed)}\n`
            : ''));
}
async function recordFailure(client, id, migration, error, progress) {
    const text = failureText(migration, error, progress);
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
function unwrapFailure(caught) {
    const exhausted = caught instanceof lock_retry/* LockRetriesExhausted */.tt ? caught : undefined;
    return {
        exhausted,
        error: exhausted ? (exhausted.cause ?? caught) : caught,
        blockers: exhausted?.blockers ?? []
    };
}
/** Lock retries ran out and nothing of the migration is recorded: it is still pending. */
async function stillPendingError(client, migration, shape, failure, exhausted, lockTimeoutMs) {
    return (0,prisma_errors/* lockRetriesExhaustedError */.fq)(migration.name, exhausted, lockTimeoutMs, {
        afterFailure: await describeAfterFailure(client, migration, shape, failure.error, 'pending', failure.blockers)
    });
}
/**
 * A script that failed after its row was committed (Prisma's protocol): the P3018 text written to the row's logs,
 * then `tidy` (the runner's own clean-up), then the error the deploy stops with. Statement by statement, it names
 * what was committed and the failing statement's first line (the exact position is in the message).
 */
async function recordedFailureError(client, rowId, migration, failure, progress, shape, tidy) {
    const { error, blockers } = failure;
    const mode = progress.plan.mode;
    // Whether a failed batch had its own COMMIT is read from the file, only now.
    await (0,parse/* loadParser */.qd)();
    const message = await recordFailure(client, rowId, migration, error, progress);
    await tidy?.();
    const committed = mode === 'per-statement' ? (0,execute/* committedStatements */.r)(progress, error) : undefined;
    const line = mode === 'per-statement' ? progress.failedUnit?.startLine : undefined;
    const afterFailure = {
        ...(await describeAfterFailure(client, migration, shape, error, 'failed', blockers, committed)),
        execution: mode
    };
    return new prisma_errors/* MigrationRunError */.U4(message, {
        code: 'P3018',
        hint: (0,prisma_errors/* applyFailedHint */.L2)(migration.name, afterFailure.committedStatements, mode, line),
        cause: error,
        failedMigration: migration.name,
        afterFailure,
        execution: mode
    });
}

;// CONCATENATED MODULE: ./src/migrate/prisma-protocol.ts
/**
 * Prisma's protocol for one migration (prisma-migrate-compat.md §6.1): its row inserted and committed first, then
 * the script, then the finish. `ProtocolAttempt` holds what both strategies share: the started row, the plan's
 * progress, taking the row back when a whole-file attempt cancelled at lock_timeout applied nothing (so that retries,
 * or running out of them, leave the migration pending, not failed), and the failure. `applyOnPrismaProtocol` is
 * Prisma ≤ 7.3's version, for the files that may not travel with their row (fast-path.ts): its started row and its
 * finish ride on the neighbouring messages (carried-bookkeeping.ts). Prisma 7.4+'s is per-statement-runner.ts.
 */








class ProtocolAttempt {
    client;
    plan;
    insert;
    /** The started row while it is committed and not taken back. */
    row;
    progress;
    /** `insert` writes the started row, each runner its own way. */
    constructor(client, plan, insert) {
        this.client = client;
        this.plan = plan;
        this.insert = insert;
        this.progress = (0,execute/* newProgress */.gu)(plan);
    }
    async insertRow() {
        const row = await this.insert();
        this.row = row;
        return row;
    }
    /** Nothing of the file was applied: take back the row Prisma's protocol committed before the script. */
    async takeRowBack() {
        await this.client.query('ROLLBACK');
        if (this.row)
            await (0,migrate_history/* removeStartedRow */.m7)(this.client, this.row.id);
        this.row = undefined;
    }
    /** Whether nothing of the plan is committed, nor pending in the file's own open transaction. */
    nothingCommitted() {
        const progress = this.progress;
        return progress.committed.length === 0 && progress.inOpenTransaction.length === 0 && !progress.uncertain;
    }
    /**
     * One attempt at a file sent whole: its row, then the file. When `atomic`, a cancelled attempt takes its row back
     * (it applied nothing) before it is retried. Not atomic: the blockers are still named, but a 55P03 fails the
     * migration like any error.
     */
    async wholeFile(atomic) {
        const row = await this.insertRow();
        this.progress = (0,execute/* newProgress */.gu)(this.plan);
        try {
            await (0,execute/* executePlan */.vY)(this.client, this.plan, this.progress);
        }
        catch (error) {
            if (atomic && (0,lock_retry/* isLockTimeout */.Td)(error))
                await this.takeRowBack();
            throw error;
        }
        return row;
    }
    /**
     * The file sent whole under `lock`'s safety: retried as a whole when it is atomic (`shape`) and a policy is set,
     * otherwise one attempt whose blockers are still named. Both runners send a whole file this way.
     */
    wholeFileRetried(shape, lock, name) {
        const policy = lock?.options.policy;
        const atomic = policy !== undefined && shape?.atomic === true;
        const hooks = lockHooks(lock, name);
        return (0,lock_retry/* retryOnLockTimeout */.o2)(atomic && policy ? policy : NO_RETRY, () => this.wholeFile(atomic), hooks.onBlocked, hooks.retryOptions);
    }
    /**
     * Stops the deploy with what `caught` left: without a row, `tidy` (the runner's clean-up) and the error as it came,
     * or "still pending" when lock retries ran out; with a row, the failure recorded as Prisma records it.
     */
    async fail(caught, migration, shape, lockTimeoutMs, tidy) {
        const failure = unwrapFailure(caught);
        const row = this.row;
        if (row === undefined) {
            await tidy?.();
            if (!failure.exhausted)
                throw caught;
            throw await stillPendingError(this.client, migration, shape, failure, failure.exhausted, lockTimeoutMs);
        }
        throw await recordedFailureError(this.client, row.id, migration, failure, this.progress, shape, tidy);
    }
}
/** pg 8.x reports the transaction status of the last ReadyForQuery ('I': idle). */
function transactionStatus(client) {
    return client.getTransactionStatus?.();
}
/**
 * The started row of a migration on Prisma ≤ 7.3's protocol: the one the previous message committed for it (once),
 * or its own message, which first commits what waits and lifts lock_timeout when the file needs it.
 */
function startedRowWriter(ctx, migration, lift) {
    const { client, carry } = ctx;
    let preInserted = carry.takePreInserted(migration.name);
    if (preInserted)
        lift.done = preInserted.lockTimeoutLifted;
    return async () => {
        if (preInserted) {
            const row = { id: preInserted.id, startedAt: preInserted.startedAt, clock: external_node_perf_hooks_.performance.now() };
            preInserted = undefined;
            return row;
        }
        const id = (0,external_node_crypto_.randomUUID)();
        const results = (await client.query(carry.head() +
            startedRowStatement(client, { id, checksum: migration.checksum, name: migration.name }) +
            (lift.needed && !lift.done ? `;\n${LIFT_LOCK_TIMEOUT}` : '')));
        carry.confirm(results);
        if (lift.needed)
            lift.done = true;
        const started = markedRows(results, STARTED_MARK).find((r) => r.id === id);
        return { id, startedAt: started?.startedAt ?? new Date(), clock: external_node_perf_hooks_.performance.now() };
    };
}
/**
 * Prisma ≤ 7.3's protocol for a file that may not travel with its row: the row committed first (or already, by the
 * previous message), the script alone, then the finish, which waits for the next message, unless the file left a
 * transaction open (its bookkeeping then runs now, inside it, as Prisma's does).
 */
async function applyOnPrismaProtocol(ctx, migration, plan, classified) {
    const { client, carry } = ctx;
    const policy = ctx.lock?.options.policy;
    const shape = policy ? classified.shape : undefined;
    const lift = { needed: classified.liftsLockTimeout, done: false };
    const attempt = new ProtocolAttempt(client, plan, startedRowWriter(ctx, migration, lift));
    const restoreLockTimeout = `SET lock_timeout = ${policy?.lockTimeoutMs ?? 0}`;
    let row;
    try {
        row = await attempt.wholeFileRetried(shape, ctx.lock, migration.name);
    }
    catch (caught) {
        // Back to the session's lock_timeout, and the previous migration's finish, before the deploy stops.
        return attempt.fail(caught, migration, shape, policy?.lockTimeoutMs ?? 0, async () => {
            if (lift.done)
                await client.query(restoreLockTimeout).catch(() => undefined);
            await carry.settle().catch(() => undefined);
        });
    }
    const durationMs = external_node_perf_hooks_.performance.now() - row.clock;
    if (transactionStatus(client) !== 'I') {
        // The file left a transaction open (or the status is unknown): its bookkeeping runs now, inside it, as Prisma's.
        if (lift.done)
            await client.query(restoreLockTimeout);
        const finishedAt = new Date(Math.max(Date.now(), row.startedAt.getTime()));
        await (0,migrate_history/* recordFinished */.Kx)(client, row.id, finishedAt);
        ctx.applied.push({
            name: migration.name,
            checksum: migration.checksum,
            startedAt: row.startedAt,
            finishedAt,
            durationMs
        });
        return;
    }
    carry.defer(migration, row.id, durationMs, [
        finishStatement(client, row.id),
        ...(lift.done ? [restoreLockTimeout] : [])
    ]);
}

;// CONCATENATED MODULE: ./src/migrate/per-statement-runner.ts
/**
 * Prisma 7.4+'s strategy for one migration, on Prisma's protocol (prisma-protocol.ts): its row inserted and
 * committed first, then its plan unit by unit, then the row finished, each its own round trip as Prisma sends them.
 * With lock safety, a unit cancelled at lock_timeout (55P03) that applied nothing is retried:
 * - a file Prisma's parser cannot split is sent as one batch: the whole attempt is retried, and this run's row is
 *   taken back before each wait (same session, still under the migrate lock), so that when retries run out the
 *   migration is pending, not failed;
 * - statement by statement: each statement commits on its own, so only the statement that was cancelled is retried
 *   (not inside the file's own BEGIN block); when retries run out before anything was committed, the row is taken
 *   back too.
 * A lone CONCURRENTLY statement runs without lock_timeout (`LIFT_LOCK_TIMEOUT`).
 */








/** A file sent as one batch (Prisma's parser cannot split it): the whole attempt is retried when it is atomic. */
function runAsOneBatch(run) {
    const { client, attempt, shape, lock } = run;
    return withoutLockTimeout(client, liftsLockTimeout(lock?.options.policy, shape), () => attempt.wholeFileRetried(shape, lock, run.name));
}
/** Statement by statement: each commits on its own; a cancelled one applied nothing and is sent again. */
async function runStatementByStatement(run, plan) {
    const { client, attempt, shape, lock } = run;
    const policy = lock?.options.policy;
    const concurrentLines = nonTransactionalLines(shape);
    const hooks = lockHooks(lock, run.name);
    const row = await attempt.insertRow();
    await (0,execute/* executePlan */.vY)(client, plan, attempt.progress, (c, unit) => {
        const retriable = policy !== undefined && statementRetriable(unit, attempt.progress, concurrentLines);
        return withoutLockTimeout(client, shortLockTimeout(policy) && concurrentLines.has(unit.startLine), () => (0,lock_retry/* retryOnLockTimeout */.o2)(retriable && policy ? policy : NO_RETRY, () => (0,execute/* runUnit */.iY)(c, unit), hooks.onBlocked, hooks.retryOptions));
    });
    return row;
}
/** Applies one migration as Prisma 7.4+ sends it (a statement-by-statement plan, or one batch when it falls back). */
async function applyWithPerStatementStrategy(client, migration, plan, lock) {
    const policy = lock?.options.policy;
    // Parsed only with lock safety on (the review has parsed the file already, so this is a cache hit).
    const shape = policy ? await scriptShape(migration.script).catch(() => undefined) : undefined;
    const attempt = new ProtocolAttempt(client, plan, async () => {
        const started = { id: (0,external_node_crypto_.randomUUID)(), startedAt: new Date(), clock: external_node_perf_hooks_.performance.now() };
        await (0,migrate_history/* insertStartedRow */.Rj)(client, {
            id: started.id,
            checksum: migration.checksum,
            startedAt: started.startedAt,
            name: migration.name
        });
        return started;
    });
    const run = { client, attempt, shape, lock, name: migration.name };
    const perStatement = plan.mode === 'per-statement';
    let row;
    try {
        row = perStatement ? await runStatementByStatement(run, plan) : await runAsOneBatch(run);
    }
    catch (caught) {
        if (caught instanceof lock_retry/* LockRetriesExhausted */.tt &&
            attempt.row !== undefined &&
            perStatement &&
            attempt.nothingCommitted())
            await attempt.takeRowBack().catch(() => undefined);
        return attempt.fail(caught, migration, shape, policy?.lockTimeoutMs ?? 0);
    }
    const finishedAt = new Date();
    await (0,migrate_history/* recordFinished */.Kx)(client, row.id, finishedAt);
    return {
        name: migration.name,
        checksum: migration.checksum,
        startedAt: row.startedAt,
        finishedAt,
        durationMs: external_node_perf_hooks_.performance.now() - row.clock
    };
}

// EXTERNAL MODULE: ./src/migrate/plan.ts
var plan = __webpack_require__(74590);
;// CONCATENATED MODULE: ./src/migrate/carried-bookkeeping.ts


class CarriedBookkeeping {
    client;
    applied;
    /** Bookkeeping to commit at the start of the next message: the finish of the last migration on Prisma's protocol. */
    before = [];
    unfinished;
    /** The started row the previous message committed for the next migration. */
    preInserted;
    constructor(client, applied) {
        this.client = client;
        this.applied = applied;
    }
    /** The statements that wait, for a message that commits them first (`fastMessage`'s `before`). */
    get waiting() {
        return this.before;
    }
    /** `BEGIN; <what waits>; COMMIT;`, or nothing: how the next message starts. */
    head() {
        return committedFirst(this.before);
    }
    /** Records the finish of the last migration on Prisma's protocol when a message's results show it committed. */
    confirm(results) {
        const waiting = this.unfinished;
        if (!waiting) {
            this.before = [];
            return;
        }
        const row = markedRows(results, FINISHED_MARK).find((r) => r.id === waiting.id);
        if (!row?.finishedAt)
            return;
        this.applied.push({
            name: waiting.migration.name,
            checksum: waiting.migration.checksum ?? '',
            startedAt: row.startedAt,
            finishedAt: row.finishedAt,
            durationMs: waiting.durationMs
        });
        this.unfinished = undefined;
        this.before = [];
    }
    /**
     * Commits what waits for the next message, with `extra` after it (the unlock, a read) in the same message;
     * nothing to send, nothing sent. Returns the message's results.
     */
    async settle(extra = '', types) {
        if (this.before.length === 0 && !extra)
            return [];
        const results = await (0,connect/* queryAll */.YG)(this.client, this.head() + extra, types);
        this.confirm(results);
        return results;
    }
    /** A migration whose script ran alone: its finish (`statements`) waits for the next message. */
    defer(migration, id, durationMs, statements) {
        this.before.push(...statements);
        this.unfinished = { migration, id, durationMs };
    }
    /** Remembers the started row a message committed for the next migration. */
    preInsert(row) {
        this.preInserted = row;
    }
    /** The started row the previous message committed for `name`, if any; asked once per migration. */
    takePreInserted(name) {
        const row = this.preInserted?.name === name ? this.preInserted : undefined;
        this.preInserted = undefined;
        return row;
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/migrate/one-message-runner.ts
/**
 * Prisma ≤ 7.3's whole file at one round trip: a file that may travel with its row (`fastPathBlocker`) is ONE
 * message (fast-path.ts builds it): what waits from earlier migrations, the started row, the script, the finish, and
 * the started row of the next migration when that one keeps Prisma's protocol. PostgreSQL runs it as one
 * transaction, so a cancelled attempt left nothing and is simply sent again, and a failed one is recorded as Prisma
 * records it by one more statement.
 */









async function applyInOneMessage(ctx, migration, plan, classified) {
    const row = { id: (0,external_node_crypto_.randomUUID)(), checksum: migration.checksum, name: migration.name };
    const next = classified.next;
    const nextSettings = next?.liftsLockTimeout ? [LIFT_LOCK_TIMEOUT] : [];
    const progress = (0,execute/* newProgress */.gu)(plan);
    progress.failedUnit = plan.units[0];
    let sentAt = external_node_perf_hooks_.performance.now();
    let results = [];
    const attempt = async () => {
        const message = fastMessage(ctx.client, row, migration.script, {
            before: ctx.carry.waiting,
            next: next?.row,
            nextSettings
        });
        sentAt = external_node_perf_hooks_.performance.now();
        try {
            results = (await ctx.client.query(message.text));
        }
        catch (error) {
            moveErrorPosition(error, message);
            throw error;
        }
    };
    const policy = ctx.lock?.options.policy;
    const hooks = lockHooks(ctx.lock, row.name);
    try {
        // The whole message is one transaction: a cancelled attempt left nothing, so it is simply sent again.
        if (policy)
            await (0,lock_retry/* retryOnLockTimeout */.o2)(policy, attempt, hooks.onBlocked, hooks.retryOptions);
        else
            await attempt();
    }
    catch (caught) {
        return oneMessageFailed(ctx, migration, classified.shape, caught, progress, sentAt);
    }
    ctx.carry.confirm(results);
    const done = markedRows(results, FINISHED_MARK).find((r) => r.id === row.id);
    if (!done?.finishedAt)
        throw new Error(`The finish of migration ${migration.name} returned no row.`);
    ctx.applied.push({
        name: migration.name,
        checksum: migration.checksum,
        startedAt: done.startedAt,
        finishedAt: done.finishedAt,
        durationMs: done.finishedAt.getTime() - done.startedAt.getTime()
    });
    const started = next && markedRows(results, STARTED_MARK).find((r) => r.id === next.row.id);
    if (next && started)
        ctx.carry.preInsert({
            name: next.row.name,
            id: next.row.id,
            startedAt: started.startedAt,
            lockTimeoutLifted: nextSettings.length > 0
        });
}
/**
 * The message of a migration that travelled with its row failed: PostgreSQL rolled all of it back, row included. A
 * script that failed is then recorded as Prisma records it: a row with finished_at NULL, applied_steps_count 0 and
 * the P3018 text in logs (its started_at: when the attempt started, by the server's clock). A cancelled attempt whose
 * retries ran out leaves no row: the migration is pending.
 */
async function oneMessageFailed(ctx, migration, shape, caught, progress, sentAt) {
    const { client, carry } = ctx;
    const failure = unwrapFailure(caught);
    const { error, blockers, exhausted } = failure;
    if (exhausted) {
        await carry.settle().catch(() => undefined);
        throw await stillPendingError(client, migration, shape, failure, exhausted, ctx.lock?.options.policy.lockTimeoutMs ?? 0);
    }
    let text = failureText(migration, error, progress);
    let state = 'failed';
    if ((0,prisma_errors/* isConnectionLost */.pb)(error) || !(0,execute/* isServerError */.GQ)(error)) {
        text +=
            '\nThe connection was lost before PostgreSQL answered. The row in _prisma_migrations and the script were one transaction: either all of it was committed (the row says applied) or none of it (no row: the migration is still pending).\n';
    }
    else {
        const seconds = ((external_node_perf_hooks_.performance.now() - sentAt) / 1000).toFixed(6);
        try {
            const failedRow = { id: (0,external_node_crypto_.randomUUID)(), checksum: migration.checksum, name: migration.name };
            const results = await client.query(carry.head() + failedRowStatement(client, failedRow, seconds, text));
            carry.confirm(results);
        }
        catch (writeError) {
            state = 'pending';
            text += `\nThe failure could not be recorded in _prisma_migrations (${(0,errors/* getErrorMessage */.u1)(writeError).split('\n')[0]}): PostgreSQL rolled the migration back with its row, so it is still pending.\n`;
        }
    }
    const afterFailure = {
        ...(await describeAfterFailure(client, migration, shape, error, state, blockers)),
        execution: progress.plan.mode
    };
    throw new prisma_errors/* MigrationRunError */.U4(text, {
        code: 'P3018',
        hint: state === 'pending'
            ? `Nothing of \`${migration.name}\` was applied and no row was written, so it is still pending: fix the cause above and deploy again.`
            : (0,prisma_errors/* applyFailedHint */.L2)(migration.name, afterFailure.committedStatements, progress.plan.mode),
        cause: error,
        failedMigration: migration.name,
        afterFailure,
        execution: progress.plan.mode,
        rowWithScript: true
    });
}

;// CONCATENATED MODULE: ./src/migrate/whole-file-runner.ts
/**
 * Prisma ≤ 7.3's whole-file strategy at one round trip per migration. A file that may travel with its row
 * (`fastPathBlocker`) is one message: row, script and finish, one transaction (one-message-runner.ts). Any other
 * file keeps Prisma's protocol (row committed before the script, script alone, then the finish:
 * prisma-protocol.ts), and its bookkeeping rides on the neighbouring messages instead of costing round trips of its
 * own (carried-bookkeeping.ts): its started row is committed with the previous migration's message when that one
 * travelled with its row, and its finish is committed at the start of the next message, which is sent as soon as
 * the script's answer arrives, exactly when Prisma would send its update.
 */








class WholeFileRunner {
    ctx;
    classified;
    constructor(ctx, classified) {
        this.ctx = ctx;
        this.classified = classified;
    }
    /** Reads each pending file once: whether it may travel with its row, and its shape. */
    static async prepare(client, lock, applied, pending, serverVersionNum) {
        const classified = new Map();
        for (const migration of pending) {
            if (migration.script === null)
                continue;
            const shape = await scriptShape(migration.script, serverVersionNum).catch(() => undefined);
            const fast = (await fastPathBlocker(migration.script, migration.name, serverVersionNum, shape)) === undefined;
            classified.set(migration.name, { fast, shape });
        }
        const carry = new CarriedBookkeeping(client, applied);
        return new WholeFileRunner({ client, lock, applied, carry }, classified);
    }
    /** A lone CONCURRENTLY statement runs without the session's short lock_timeout. */
    liftsLockTimeout(name) {
        return liftsLockTimeout(this.ctx.lock?.options.policy, this.classified.get(name)?.shape);
    }
    /** The next migration's started row, when it keeps Prisma's protocol: committed with this migration's message. */
    nextStartedRow(next) {
        if (!next || !(0,migrations_dir/* isReadable */.hS)(next))
            return undefined;
        if (this.classified.get(next.name)?.fast !== false)
            return undefined;
        return {
            row: { id: (0,external_node_crypto_.randomUUID)(), checksum: next.checksum, name: next.name },
            liftsLockTimeout: this.liftsLockTimeout(next.name)
        };
    }
    /** Applies `migration`; `next` is the migration after it, whose started row may ride on its message. */
    async apply(migration, plan, next) {
        const classified = this.classified.get(migration.name);
        if (classified?.fast)
            await applyInOneMessage(this.ctx, migration, plan, {
                shape: classified.shape,
                next: this.nextStartedRow(next)
            });
        else
            await applyOnPrismaProtocol(this.ctx, migration, plan, {
                shape: classified?.shape,
                liftsLockTimeout: this.liftsLockTimeout(migration.name)
            });
    }
    /**
     * Commits what waits for the next message, with `extra` after it (the unlock, a read) in the same message;
     * nothing to send, nothing sent. Returns the message's results.
     */
    settle(extra = '', types) {
        return this.ctx.carry.settle(extra, types);
    }
}

;// CONCATENATED MODULE: ./src/migrate/deploy.ts












/**
 * How each pending migration will be sent, with what it mixes in that cannot run in a transaction block; a 7.4+
 * file sent whole after all is reported to `onFallback`.
 */
async function planPending(pending, strategy, version, onFallback) {
    const planned = [];
    for (const migration of pending) {
        const entry = await (0,plan/* inspectPendingFile */.CM)(migration, strategy, async () => version);
        planned.push(entry);
        if (entry.plan?.fallback)
            onFallback?.(migration.name, entry.plan.fallback);
    }
    return planned;
}
/** The migration with its readable script and its plan, or Prisma's error for a migration.sql it cannot read. */
function readyToApply(pending, folder) {
    const { migration, plan } = pending;
    if (!(0,migrations_dir/* isReadable */.hS)(migration) || !plan)
        throw (0,prisma_errors/* missingScriptError */.mX)(migration.name, folder.path);
    return { migration, plan };
}
/**
 * A file sent as one batch that mixes a statement PostgreSQL refuses in a transaction block: Prisma would run it
 * until PostgreSQL rejects it with 25001, leaving a failed row; we refuse before applying anything, so the database
 * is left exactly as it was.
 */
function nonTransactionalRefusal(name, plan, found) {
    const where = found.map((s) => `line ${s.line}: ${s.reason} (${s.statement})`).join('; ');
    const why = plan.fallback
        ? `Prisma 7.4+ would send this file as one batch (one transaction), because ${(0,execute/* describeFallback */.Mw)(plan.fallback)}`
        : 'Prisma runs each migration.sql as one transaction';
    return new prisma_errors/* MigrationRunError */.U4(`Migration \`${name}\` mixes a statement that cannot run inside a transaction block with other statements (${where}). ` +
        `${why}, so it would fail with "25001: cannot run inside a transaction block" ` +
        'and be recorded as failed (P3018). Nothing was applied.', {
        code: 'P3018',
        failedMigration: name,
        hint: 'Move each such statement into a migration of its own (a migration.sql that contains only that statement), then deploy again.'
    });
}
/** Refuses the first file sent as one batch that mixes in a non-transactional statement (files sent statement by statement are not refused). */
function refuseNonTransactional(pending) {
    for (const { migration, plan, nonTransactional } of pending)
        if (plan && nonTransactional.length > 0)
            throw nonTransactionalRefusal(migration.name, plan, nonTransactional);
}
/**
 * What deploy reads once it holds the lock, in the lock's own message: the tables (Prisma's emptiness check), its
 * backend pid and the server's version, and the history unless it is known to be missing (then a history found
 * in the tables after all is read in a second message).
 */
async function lockAndReadState(client, scope, timeoutMs, expectHistory) {
    const base = `${(0,migrate_history/* listTablesSql */.e0)((0,initialize/* scopeSchemas */.zn)(scope))};\nSELECT pg_backend_pid() AS pid, current_setting('server_version_num') AS num`;
    const session = (result) => ({
        pid: Number(result?.rows[0]?.pid ?? 0),
        serverVersionNum: Number(result?.rows[0]?.num) || 0
    });
    const { release, reads } = await (0,lock/* lockAndRead */.bw)(client, timeoutMs, {
        text: expectHistory ? `${base};\n${migrate_history/* HISTORY_SQL */.Uz}` : base,
        types: migrate_history/* HISTORY_TYPES */.vf
    });
    try {
        if (reads && 'results' in reads) {
            const [tables, pid, history] = reads.results;
            const state = { release, tables: (0,migrate_history/* tablesOf */.tI)(tables), ...session(pid) };
            if (history)
                return { ...state, rows: (0,migrate_history/* historyRows */.U4)(history) };
            if (!(0,initialize/* judgeTables */.lm)(state.tables, scope).hasMigrationsTable)
                return { ...state, rows: null };
            // Created since the state was read before the deploy (another deployer): read it now.
            return { ...state, rows: await (0,migrate_history/* readHistory */.Lu)(client) };
        }
        // No history table after all (a first deploy): the message stopped there; read the rest again without it.
        const error = reads?.error;
        if (!(0,migrate_history/* isMissingTable */.J0)(error))
            throw error;
        const [tables, pid] = (await client.query(base));
        return { release, tables: (0,migrate_history/* tablesOf */.tI)(tables), ...session(pid), rows: null };
    }
    catch (error) {
        await release();
        throw error;
    }
}
/** Applies the pending migrations in order, each as the Prisma version's strategy sends it. */
async function applyMigrations(client, folder, pending, options, run, serverVersionNum) {
    const start = (entry) => {
        run.current = entry.migration.name;
        const ready = readyToApply(entry, folder);
        options.onApplying?.(entry.migration.name);
        return ready;
    };
    if (options.execution === 'per-statement') {
        for (const entry of pending) {
            const { migration, plan } = start(entry);
            run.applied.push(await applyWithPerStatementStrategy(client, migration, plan, run.lock));
        }
        return;
    }
    const migrations = pending.map((entry) => entry.migration);
    run.runner = await WholeFileRunner.prepare(client, run.lock, run.applied, migrations, serverVersionNum);
    for (const [i, entry] of pending.entries()) {
        const { migration, plan } = start(entry);
        await run.runner.apply(migration, plan, migrations[i + 1]);
    }
}
/** The last migration's finish, the unlock and the history as it is now, in one message: its results. */
async function finishDeploy(client, options, runner) {
    const last = [
        ...((0,lock/* advisoryLockDisabled */.tC)() ? [] : [lock/* UNLOCK_SQL */.Gn]),
        ...(options.readHistoryAfter ? [migrate_history/* HISTORY_SQL */.Uz] : [])
    ].join(';\n');
    if (runner)
        return runner.settle(last, migrate_history/* HISTORY_TYPES */.vf);
    return last ? (0,connect/* queryAll */.YG)(client, last, migrate_history/* HISTORY_TYPES */.vf) : [];
}
async function deploy(client, folder, options) {
    const run = { applied: [] };
    try {
        (0,migrations_dir/* checkLockfile */.Ew)(folder);
        const scope = { ...options, defaultSchema: options.connection.defaultSchema };
        const state = await lockAndReadState(client, scope, options.lockTimeoutMs, options.expectHistory ?? true);
        run.release = state.release;
        await (0,initialize/* initializeFrom */.dl)(client, folder, (0,initialize/* judgeTables */.lm)(state.tables, scope));
        const rows = state.rows ?? [];
        const failed = rows.filter(migrate_history/* isFailed */.Ix);
        const strategy = options.execution ?? 'whole-file';
        if (failed.length > 0)
            throw (0,prisma_errors/* failedMigrationsError */.tc)(failed.map((row) => ({ ...row, name: row.migrationName })), strategy);
        const version = options.serverVersionNum ?? state.serverVersionNum;
        const pending = await planPending((0,plan/* unappliedMigrations */.S3)(folder.migrations, rows), strategy, version, options.onFallback);
        refuseNonTransactional(pending);
        if (pending.length > 0)
            run.lock = openLockContext(state.pid, options.connection, options.lockSafety);
        await applyMigrations(client, folder, pending, options, run, version);
        const results = await finishDeploy(client, options, run.runner);
        run.release = undefined;
        const history = options.readHistoryAfter ? results.at(-1) : undefined;
        return {
            applied: run.applied,
            alreadyUpToDate: run.applied.length === 0,
            ...(history ? { historyAfter: (0,migrate_history/* historyRows */.U4)(history) } : {})
        };
    }
    catch (error) {
        // A migration on Prisma's protocol that ran before the failure still gets its finish.
        await run.runner?.settle().catch(() => undefined);
        throw prisma_errors/* MigrationRunError */.U4.from(error, run.applied, run.current);
    }
    finally {
        await run.lock?.monitor?.close();
        await run.release?.();
    }
}

;// CONCATENATED MODULE: ./src/migrate/lock-report.ts
/**
 * How lock safety shows up in the log, the job summary and the JSON report: each blocked attempt with the
 * sessions in the way, the sessions a migration waits for when it has no lock_timeout, and what a failed
 * migration left (committed statements, INVALID indexes).
 */


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
            ? `no time is left in lock-retry-window (${(0,format/* formatMs */._V)(this.settings.retryWindowMs)})`
            : `attempt ${event.attempt + 1} in ${(0,format/* formatMs */._V)(event.retryInMs)}`;
        this.log(`⏳ \`${migration}\`: attempt ${event.attempt} cancelled at lock_timeout${this.settings.lockTimeoutMs > 0 ? ` (${(0,format/* formatMs */._V)(this.settings.lockTimeoutMs)})` : ''}, nothing applied; ${who}; ${next}.`);
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
                `⏳ \`${name}\` was applied on attempt ${wait.blockedAttempts + 1}: ${wait.blockedAttempts} attempt${wait.blockedAttempts === 1 ? ' was' : 's were'} cancelled at lock_timeout first (nothing applied, no row left), over ${(0,format/* formatMs */._V)(wait.waitedMs)}.${who}`
            ];
        });
    }
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
        const list = committed.map((s) => `line ${s.line} ${(0,migrate_blockers/* dbText */.uS)(s.text)}`).join('; ');
        notes.push(`Committed statements of \`${after.migration}\`: ${committed.length === 0 ? 'none' : list}. ${committed.length === 0 ? '' : after.execution === 'per-statement' ? 'They stay applied; the failing statement and the ones after it did not run.' : 'They stay applied; the rest was rolled back.'}`.trimEnd());
    }
    for (const index of after.invalidIndexes) {
        notes.push(`⚠️ Line ${index.line} (${(0,migrate_blockers/* dbText */.uS)(index.statement)}) left the INVALID index ${(0,migrate_blockers/* dbText */.uS)(`${index.schema}.${index.name}`)} on ${(0,migrate_blockers/* dbText */.uS)(index.table)}: queries do not use it, writes still maintain it, and re-running the migration fails with "already exists". ` +
            `Fix: run ${(0,migrate_blockers/* dbText */.uS)(index.dropSql)} (with psql: it cannot run inside a transaction), then \`mode: migrate-resolve\` with \`resolve-rolled-back: ${after.migration}\`, then deploy again.`);
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

// EXTERNAL MODULE: ./src/migrate/status.ts + 2 modules
var migrate_status = __webpack_require__(9464);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(42495);
// EXTERNAL MODULE: ./src/render/migrate-summary.ts + 1 modules
var migrate_summary = __webpack_require__(22755);
// EXTERNAL MODULE: ./src/render/next-steps.ts
var next_steps = __webpack_require__(88877);
// EXTERNAL MODULE: ./src/render/status-table.ts
var status_table = __webpack_require__(78197);
// EXTERNAL MODULE: ./src/review/gate.ts
var review_gate = __webpack_require__(28281);
// EXTERNAL MODULE: ./src/report/review-section.ts
var review_section = __webpack_require__(75578);
// EXTERNAL MODULE: ./src/review/review.ts + 7 modules
var review_review = __webpack_require__(64593);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/modes/backup.ts + 4 modules
var backup = __webpack_require__(15868);
;// CONCATENATED MODULE: ./src/modes/deploy-connection-loss.ts




/**
 * After the deploy's connection broke (a killed backend, a restart, the network): read the state again on a new
 * connection, read-only, and find out whether the session that ran the script is still open on the server (then
 * the script may still commit). Never throws: what cannot be read is said to be unknown.
 */
async function afterConnectionLoss(opts) {
    const { settings, folder, failure, pid } = opts;
    const name = failure.failedMigration;
    const facts = {
        migration: name,
        // P3018 comes from the script itself; the row was committed before it ran, or travels with it (rowWithScript).
        duringScript: failure.code === 'P3018',
        reason: (0,prisma_errors/* serverReason */._L)(failure.cause),
        pid,
        rowWithScript: failure.rowWithScript === true
    };
    let diagnosis;
    try {
        const session = await (0,connect/* connect */.Ng)(settings.connection, {
            baseDir: settings.workingDirectory,
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
    const { text, hint } = (0,prisma_errors/* describeConnectionLoss */.lJ)(facts);
    return {
        diagnosis,
        failure: new prisma_errors/* MigrationRunError */.U4(`${failure.message.trimEnd()}\n\n${text}`, {
            code: failure.code ?? 'P1017',
            hint,
            cause: failure.cause,
            applied: failure.applied,
            failedMigration: facts.row === 'failed' || (facts.row === undefined && facts.duringScript && !facts.rowWithScript)
                ? name
                : undefined,
            rowWithScript: failure.rowWithScript
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

;// CONCATENATED MODULE: ./src/modes/deploy-decision.ts



/** The first reason to apply nothing: a changed plan, a file that cannot run as Prisma runs it, the gate. */
function refusalOf(facts) {
    if (facts.expectedPlanId && facts.expectedPlanId !== facts.planId)
        return new errors/* ActionError */.lZ(`The pending migrations changed since they were reviewed: plan ${facts.planId} is pending now, but expected-plan-id is ${facts.expectedPlanId}. Nothing was applied.`, {
            hint: 'Run the review (migrate-status) again and approve the new plan; pass its plan-id output to expected-plan-id.'
        });
    const first = facts.nonTransactional[0];
    if (first) {
        const fallback = facts.fallbacks.find((f) => f.migration === first.migration);
        const why = fallback
            ? `Prisma 7.4+ sends this file as one batch (one transaction) because ${(0,execute/* describeFallback */.Mw)(fallback.fallback)}`
            : 'Prisma runs a migration file as one transaction';
        return new errors/* ActionError */.lZ(`Migration ${(0,markdown/* code */.aY)(first.migration)} line ${first.line} has ${(0,markdown/* code */.aY)(first.statement)}, which cannot run inside a transaction, together with other statements; ${why}, so it would fail (SQLSTATE 25001). Nothing was applied.`, { hint: 'Move the statement into a migration directory of its own, as its only statement.' });
    }
    if (!facts.gate.allowed)
        return new errors/* ActionError */.lZ(`Deploy refused: ${facts.gate.reason} Nothing was applied.`, {
            hint: 'Read the findings in the job summary. To go ahead, acknowledge each finding in the migration file (a comment line directly above the statement naming the rule and a reason), or re-run with allow-destructive: true.'
        });
    return undefined;
}
/**
 * Pure: what the deploy does. A backup is taken only when something will be applied (pending, no failed
 * migration blocking, nothing refused) and `backup-before-deploy` asks for it: `always`, or `destructive` with a
 * destructive finding.
 */
function decideDeploy(facts) {
    const refusal = refusalOf(facts);
    const applies = !refusal && facts.pendingCount > 0 && facts.failedCount === 0;
    const wanted = facts.backupBeforeDeploy === 'always' ||
        (facts.backupBeforeDeploy === 'destructive' && facts.destructiveCount > 0);
    return { refusal, backup: applies && wanted };
}

// EXTERNAL MODULE: ./src/modes/migrate-results.ts
var migrate_results = __webpack_require__(48934);
// EXTERNAL MODULE: ./src/modes/migrate-session.ts
var migrate_session = __webpack_require__(76816);
;// CONCATENATED MODULE: ./src/modes/migrate-deploy.ts
























function gateNotes(gate) {
    const harmless = gate.allowedBy.filter((a) => a.by === 'database').length;
    const notes = gate.allowedBy
        .filter((a) => a.by !== 'database')
        .map((a) => `${(0,markdown/* code */.aY)(a.finding.rule)} in ${(0,markdown/* code */.aY)(a.finding.migration)} line ${a.finding.line} allowed by ${a.by === 'input' ? 'the allow-destructive input' : `an acknowledgement in the file${a.reason ? `: ${(0,markdown/* quote */.hD)(a.reason)}` : ''}`}.`);
    if (harmless)
        notes.push(`${harmless} destructive finding(s) destroy nothing in this database: each works on an object created earlier in this deploy (the review says which, per finding).`);
    return notes;
}
/** Compare with `_prisma_migrations`, review what is pending, and judge it. */
async function reviewPending(settings, session, folder) {
    // The history was read in the connection's first message: this comparison costs no round trip.
    const before = await core/* group */.Os('Compare with _prisma_migrations', () => (0,migrate_status/* diagnose */.h)(session.client, folder, { ...(0,migrate_session/* prismaScope */.rM)(settings, session), ...(0,migrate_session/* firstHistory */.hZ)(session) }));
    const review = await core/* group */.Os('Review pending SQL', () => (0,review_review/* reviewMigrations */.sd)({
        migrations: (0,migrate_results/* pendingForReview */.Zf)(before, settings.workingDirectory),
        settings: settings.review,
        client: session.client,
        execution: settings.project.prisma.execution,
        allowDestructive: settings.review.allowDestructive
    }));
    (0,log/* info */.p)(review.headline);
    (0,annotate_findings/* annotateFindings */.d)(review.findings);
    const gate = (0,review_gate/* gateDecision */.eU)(review, settings.review.allowDestructive);
    return { before, planId: (0,plan/* planId */.rY)(before.pending), review, gate };
}
/** Apply the pending migrations exactly as `prisma migrate deploy`; a migration's failure is kept, not thrown. */
async function applyPending(run) {
    const { settings, lockWaits } = run;
    try {
        const result = await core/* group */.Os('Apply migrations', () => deploy(run.session.client, run.folder, {
            ...(0,migrate_session/* prismaScope */.rM)(settings, run.session),
            connection: settings.connection,
            expectHistory: run.before.hasMigrationsTable,
            readHistoryAfter: true,
            onApplying: (name) => (0,log/* info */.p)(`Applying migration ${(0,markdown/* code */.aY)(name)}`),
            onFallback: (name, fallback) => (0,log/* info */.p)(`${(0,markdown/* code */.aY)(name)} is sent as one batch (Prisma 7.4+ would): ${(0,execute/* describeFallback */.Mw)(fallback)}.`),
            lockSafety: {
                policy: {
                    lockTimeoutMs: settings.lockSafety.lockTimeoutMs,
                    retryWindowMs: settings.lockSafety.retryWindowMs,
                    ...lock_retry/* DEFAULT_BACKOFF */.VU
                },
                baseDir: settings.workingDirectory,
                onBlocked: (name, event) => lockWaits.blocked(name, event),
                onSample: (name, blockers) => lockWaits.sample(name, blockers)
            }
        }));
        run.applied = result.applied;
        run.historyAfter = result.historyAfter;
        (0,log/* info */.p)(run.applied.length > 0
            ? `All migrations have been successfully applied (${run.applied.length}).`
            : 'No pending migrations to apply.');
    }
    catch (error) {
        if (!(error instanceof prisma_errors/* MigrationRunError */.U4))
            throw error;
        run.applied = error.applied;
        run.failure = error;
    }
}
/** A broken connection cannot read the state again: a new one does, or the report says what this run knows. */
async function readOutcome(run, pid) {
    let after;
    const failure = run.failure;
    if (failure instanceof prisma_errors/* MigrationRunError */.U4 && (0,prisma_errors/* isConnectionLost */.pb)(failure)) {
        const recovered = await core/* group */.Os('Read the state again after the lost connection', () => afterConnectionLoss({ settings: run.settings, folder: run.folder, failure, pid }));
        run.failure = recovered.failure;
        after = recovered.diagnosis;
    }
    else
        after = await (0,migrate_status/* diagnose */.h)(run.session.client, run.folder, {
            ...(0,migrate_session/* prismaScope */.rM)(run.settings, run.session),
            history: run.historyAfter
        });
    const failedNow = run.failure instanceof prisma_errors/* MigrationRunError */.U4 ? run.failure.failedMigration : undefined;
    const appliedNames = new Set(run.applied.map((m) => m.name));
    const known = after ?? {
        ...run.before,
        pending: run.before.pending.filter((m) => !appliedNames.has(m.name) && m.name !== failedNow),
        failed: [],
        migrations: knownMigrations(run.before.migrations, appliedNames, failedNow)
    };
    return { after, known, failedNow };
}
/** The lines under the report's title: the outcome, what a failure left, lock waits, the gate, the backup. */
function deployNotes(run, outcome) {
    const { failure, applied, backup } = run;
    const afterFailure = failure instanceof prisma_errors/* MigrationRunError */.U4 ? failure.afterFailure : undefined;
    return [
        ...(failure
            ? [`❌ ${failure.describe()}`]
            : applied.length > 0
                ? [`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`]
                : []),
        ...(afterFailure ? afterFailureNotes(afterFailure) : []),
        ...run.lockWaits.appliedNotes(applied.map((m) => m.name)),
        ...gateNotes(run.gate),
        ...(backup
            ? [
                `Backup taken before the deploy: ${(0,markdown/* code */.aY)(backup.uri, markdown/* MAX_PROSE_CHARS */.LO)} (SHA-256 ${(0,markdown/* code */.aY)(backup.sha256)}). Restore with: ${(0,markdown/* code */.aY)(backup.restoreCommand, markdown/* MAX_PROSE_CHARS */.LO)}`
            ]
            : []),
        ...(outcome.after ? (0,next_steps/* nextSteps */.Z)(outcome.after) : [])
    ];
}
function deployOutputs(run, outcome) {
    const { after, known, failedNow } = outcome;
    const backup = run.backup;
    return {
        ...(0,migrate_results/* migrateOutputs */.Uj)({
            status: after?.status ?? 'unknown',
            pending: known.pending.map((m) => m.name),
            applied: run.applied.map((m) => m.name),
            failed: after ? after.failed.map((f) => f.name) : failedNow ? [failedNow] : []
        }),
        'plan-id': run.planId,
        ...(0,review_section/* reviewOutputs */.p)(run.review),
        ...(backup
            ? {
                'backup-uri': backup.uri,
                'manifest-uri': backup.manifestUri,
                'backup-sha256': backup.sha256,
                'backup-size': String(backup.size)
            }
            : {})
    };
}
function deployReport(run, outcome, target) {
    const { settings, gate, backup, failure } = run;
    const { after, known, failedNow } = outcome;
    return {
        target,
        migrationsDir: { path: run.folder.path, reason: settings.project.migrationsDir.reason },
        status: after?.status ?? 'unknown',
        planId: run.planId,
        expectedPlanId: settings.expectedPlanId ?? null,
        pending: known.pending.map((m) => ({
            name: m.name,
            file: (0,migrate_results/* relativeSqlPath */.iS)(settings.workingDirectory, m.sqlPath),
            checksum: m.checksum
        })),
        applied: run.applied,
        failed: after ? after.failed : failedNow ? [{ name: failedNow }] : [],
        lockSafety: lockSafetyReport(settings.lockSafety, run.lockWaits.all),
        prisma: (0,migrate_results/* prismaReport */.fq)(settings.project),
        // What the migration that failed in this run left: committed statements (per statement with Prisma 7.4+),
        // INVALID indexes, blockers.
        afterFailure: (failure instanceof prisma_errors/* MigrationRunError */.U4 ? failure.afterFailure : undefined) ?? null,
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
        review: (0,review_section/* reviewJson */.j)(run.review)
    };
}
function deployResult(run, outcome) {
    const { settings } = run;
    const target = (0,connection_url/* describeTarget */.ff)(settings.connection);
    return {
        outputs: deployOutputs(run, outcome),
        markdown: (0,migrate_summary/* renderMigrationReport */.J)({
            mode: settings.mode,
            target,
            migrationsDir: (0,migrate_results/* shownMigrationsDir */.oA)(settings.workingDirectory, run.folder.path),
            rows: (0,status_table/* statusRows */.O5)(outcome.known, run.applied, outcome.failedNow),
            nextSteps: deployNotes(run, outcome),
            review: run.review,
            docsBaseUrl: (0,context/* rulesDocsUrl */.q)(),
            appendix: run.backup ? [run.backup.markdown] : undefined
        }),
        report: deployReport(run, outcome, target),
        failure: run.failure
    };
}
/**
 * Review → gate → optional backup → apply, in that order: nothing is applied (and the advisory lock is not even
 * taken) when the plan changed since it was reviewed, when a file cannot run as Prisma runs it, or when the
 * review finds unacknowledged destructive changes (src/modes/deploy-decision.ts decides).
 */
async function runMigrateDeploy(settings, early) {
    const folder = await (0,migrate_session/* loadMigrationsFolder */.Et)(settings, early);
    // lock_timeout / statement_timeout for this session only, sent with the connection request (early-connection.ts).
    const session = await (0,migrate_session/* openSession */.fA)(settings, { readHistory: true, early });
    try {
        const reviewed = await reviewPending(settings, session, folder);
        const lockWaits = new LockWaitLog(settings.lockSafety, log/* info */.p);
        const run = { settings, session, folder, lockWaits, ...reviewed, applied: [] };
        const policy = settings.backup;
        const decision = decideDeploy({
            planId: run.planId,
            expectedPlanId: settings.expectedPlanId,
            nonTransactional: run.before.nonTransactional,
            fallbacks: run.before.fallbacks,
            gate: run.gate,
            pendingCount: run.before.pending.length,
            failedCount: run.before.failed.length,
            destructiveCount: run.review.destructiveCount,
            backupBeforeDeploy: policy.when
        });
        run.failure = decision.refusal;
        if (decision.backup && policy.when !== 'never') {
            const backupSettings = policy.settings;
            run.backup = await core/* group */.Os('Backup before deploy', () => (0,backup/* backupBeforeDeploy */.TM)({
                connection: settings.connection,
                workingDirectory: settings.workingDirectory,
                settings: backupSettings
            }));
        }
        // The backend's pid, to tell later whether a session whose connection broke is still running on the server.
        const pid = session.client.processID;
        if (!run.failure)
            await applyPending(run);
        return deployResult(run, await readOutcome(run, pid));
    }
    finally {
        await session.close();
    }
}


/***/ })

};

//# sourceMappingURL=552.index.js.map
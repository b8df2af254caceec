export const id = 721;
export const ids = [721,200];
export const modules = {

/***/ 53909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ setLogs),
/* harmony export */   D5: () => (/* binding */ asDate),
/* harmony export */   FJ: () => (/* binding */ insertResolvedAppliedRow),
/* harmony export */   GC: () => (/* binding */ historyFromFirstReads),
/* harmony export */   Ix: () => (/* binding */ isFailed),
/* harmony export */   J0: () => (/* binding */ isMissingTable),
/* harmony export */   Kx: () => (/* binding */ recordFinished),
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   Rj: () => (/* binding */ insertStartedRow),
/* harmony export */   U4: () => (/* binding */ historyRows),
/* harmony export */   Uz: () => (/* binding */ HISTORY_SQL),
/* harmony export */   WS: () => (/* binding */ listTables),
/* harmony export */   e0: () => (/* binding */ listTablesSql),
/* harmony export */   gP: () => (/* binding */ createMigrationsTable),
/* harmony export */   kk: () => (/* binding */ NO_SESSION_TIMEOUTS),
/* harmony export */   m7: () => (/* binding */ removeStartedRow),
/* harmony export */   pT: () => (/* binding */ setRolledBackAt),
/* harmony export */   tI: () => (/* binding */ tablesOf),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE),
/* harmony export */   vf: () => (/* binding */ HISTORY_TYPES)
/* harmony export */ });
/* unused harmony export CREATE_MIGRATIONS_TABLE */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83849);
/**
 * The `_prisma_migrations` table: its DDL and every statement Prisma's schema engine runs on it, verbatim
 * (prisma-migrate-compat.md §1, §5, §8). All statements are unqualified, so the session's search_path (set from
 * `?schema=` on connect, like Prisma) decides the schema. Timestamps are client-side and bound as parameters.
 */

const MIGRATIONS_TABLE = '_prisma_migrations';
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;
/** Prisma's definition of a failed migration: started, never finished, never rolled back. */
function isFailed(row) {
    return row.finishedAt === null && row.rolledBackAt === null;
}
const TIMESTAMPTZ = pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].types */ .Ay.types.builtins.TIMESTAMPTZ;
const parseTimestamptz = pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].types */ .Ay.types.getTypeParser(TIMESTAMPTZ, 'text');
// Keep timestamptz as text for this query so the microseconds survive; everything else as usual.
const keepTimestampText = {
    getTypeParser: ((oid, format) => oid === TIMESTAMPTZ
        ? (text) => text
        : pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].types */ .Ay.types.getTypeParser(oid, format))
};
/** A timestamptz value as a Date, whether the message parsed it or kept it as text (`HISTORY_TYPES`). */
function asDate(value) {
    return value instanceof Date ? value : parseTimestamptz(String(value));
}
function microsOf(text) {
    const fraction = /\d\d:\d\d:\d\d\.(\d+)/.exec(text)?.[1] ?? '';
    return fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0;
}
/** Prisma's read of the history, verbatim (unqualified: the session's search_path decides the schema). */
const HISTORY_SQL = 'SELECT "id","checksum","finished_at","migration_name","logs","rolled_back_at","started_at","applied_steps_count" FROM "_prisma_migrations" ORDER BY "started_at" ASC';
/** The history table is missing: Prisma's "not initialized" (42P01); any other error propagates. */
function isMissingTable(error) {
    return error?.code === '42P01';
}
/** The rows of `HISTORY_SQL` run with `HISTORY_TYPES`. */
function historyRows(result) {
    return result.rows.map((row) => ({
        id: row.id,
        checksum: row.checksum,
        finishedAt: row.finished_at === null ? null : parseTimestamptz(row.finished_at),
        migrationName: row.migration_name,
        logs: row.logs,
        rolledBackAt: row.rolled_back_at === null ? null : parseTimestamptz(row.rolled_back_at),
        startedAt: parseTimestamptz(row.started_at),
        startedAtMicros: microsOf(row.started_at),
        appliedStepsCount: row.applied_steps_count
    }));
}
/** Type parsers for a message that reads the history: timestamptz stays text (its microseconds survive). */
const HISTORY_TYPES = keepTimestampText;
/**
 * The history (and, without it, the tables) from the reads that travelled with the connection's first message
 * (`HISTORY_SQL`, falling back to `listTablesSql`): `history` null when the table does not exist, undefined when
 * it was not read or failed otherwise (read it again to get that error).
 */
function historyFromFirstReads(read) {
    if (!read)
        return {};
    if ('error' in read)
        return isMissingTable(read.error)
            ? { history: null, ...(read.fallback[0] ? { tables: tablesOf(read.fallback[0]) } : {}) }
            : {};
    return read.results[0] ? { history: historyRows(read.results[0]) } : {};
}
/** Prisma's read, in `started_at` order; null when the table does not exist (42P01), other errors propagate. */
async function readHistory(client) {
    try {
        return historyRows(await client.query({ text: HISTORY_SQL, types: HISTORY_TYPES }));
    }
    catch (error) {
        if (isMissingTable(error))
            return null;
        throw error;
    }
}
async function createMigrationsTable(client) {
    await client.query(CREATE_MIGRATIONS_TABLE);
}
/**
 * Ordinary tables (relkind 'r') in the given schemas: what Prisma's emptiness check looks at. Literals rather than
 * a parameter, so that it can travel in one message with other reads.
 */
function listTablesSql(schemas) {
    const list = schemas.map((s) => pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].escapeLiteral */ .Ay.escapeLiteral(s)).join(',');
    return `SELECT tbl.relname, namespace.nspname FROM pg_class tbl JOIN pg_namespace namespace ON namespace.oid = tbl.relnamespace WHERE tbl.relkind = 'r' AND namespace.nspname = ANY(ARRAY[${list}]::text[])`;
}
function tablesOf(result) {
    return result.rows.map((row) => ({
        schema: row.nspname,
        table: row.relname
    }));
}
async function listTables(client, schemas) {
    return tablesOf(await client.query(listTablesSql(schemas)));
}
/** A timestamptz literal: the same instant the client-side `Date` parameter would bind. */
function timestampLiteral(at) {
    return `'${at.toISOString()}'`;
}
/**
 * Committed on its own before the script runs, so a crash leaves a failed row behind, as with Prisma. Sent as one
 * simple-protocol message with escaped literals rather than bound parameters: the extended protocol costs five
 * socket writes per statement, which dominated deploys of many small migrations (see bench/migrate-bench.mjs).
 */
async function insertStartedRow(client, row) {
    await client.query(`INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES (${client.escapeLiteral(row.id)},${client.escapeLiteral(row.checksum)},${timestampLiteral(row.startedAt)},${client.escapeLiteral(row.name)})`);
}
/**
 * The deploy session's lock_timeout/statement_timeout (startup options, lock-timeout input) are for the migrations,
 * not for the bookkeeping: a migration that ran must not end up recorded as failed because an update of its row
 * waited. `SET LOCAL` in the same message lasts for its implicit transaction only; no extra round trip. Two
 * statements, without a final `;`: callers put it before theirs (here, and in the fast path's message).
 */
const NO_SESSION_TIMEOUTS = 'SET LOCAL lock_timeout = 0; SET LOCAL statement_timeout = 0';
/**
 * Prisma's two updates after a successful script, verbatim and in order, sent in one message. Prisma commits them
 * one by one; here they commit together, so the row goes straight from "started" to "finished". The state in
 * between (steps 1, finished_at NULL) is a failed migration to every command, as is the state before, so no
 * decision of Prisma's or ours can differ.
 */
async function recordFinished(client, id, finishedAt) {
    const where = `WHERE "id" = ${client.escapeLiteral(id)}`;
    await client.query(`${NO_SESSION_TIMEOUTS}; UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + 1) ${where}; UPDATE "_prisma_migrations" SET "finished_at" = ${timestampLiteral(finishedAt)} ${where}`);
}
/**
 * Takes back the row `insertStartedRow` committed, when the script was cancelled at lock_timeout and applied
 * nothing: the migration is then pending again rather than failed. Only ever the row this run inserted.
 */
async function removeStartedRow(client, id) {
    await client.query(`${NO_SESSION_TIMEOUTS}; DELETE FROM "_prisma_migrations" WHERE "id" = ${client.escapeLiteral(id)} AND "finished_at" IS NULL`);
}
async function setLogs(client, id, logs) {
    await client.query('UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2', [logs, id]);
}
async function setRolledBackAt(client, id, rolledBackAt) {
    await client.query('UPDATE "_prisma_migrations" SET "rolled_back_at" = $1 WHERE "id" = $2', [
        rolledBackAt,
        id
    ]);
}
/** `resolve --applied`: `logs` is '' (not NULL), started_at = finished_at, applied_steps_count keeps its default 0. */
async function insertResolvedAppliedRow(client, row) {
    await client.query('INSERT INTO "_prisma_migrations" ("id","checksum","logs","started_at","finished_at","migration_name") VALUES ($1,$2,$3,$4,$5,$6)', [row.id, row.checksum, '', row.at, row.at, row.name]);
}


/***/ }),

/***/ 48499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gx: () => (/* binding */ inspectTables),
/* harmony export */   dl: () => (/* binding */ initializeFrom),
/* harmony export */   lm: () => (/* binding */ judgeTables),
/* harmony export */   zn: () => (/* binding */ scopeSchemas)
/* harmony export */ });
/* harmony import */ var _prisma_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47573);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53909);


// PostGIS creates these itself; Prisma does not count them as user tables (schema_differ.rs).
const IGNORED_TABLES = new Set([
    'spatial_ref_sys',
    'geometry_columns',
    'geography_columns',
    'raster_columns',
    'raster_overviews'
]);
/** The schemas Prisma's emptiness check looks at: the datasource's `schemas` and the default schema. */
function scopeSchemas(scope) {
    return [...new Set([...(scope.schemas ?? []), scope.defaultSchema])];
}
/** From the ordinary tables of `scopeSchemas(scope)`: whether `_prisma_migrations` exists, and the user tables. */
function judgeTables(tables, scope) {
    const external = new Set(scope.externalTables ?? []);
    const counted = tables.filter((t) => !external.has(`${t.schema}.${t.table}`));
    return {
        hasMigrationsTable: counted.some((t) => t.table === _history_js__WEBPACK_IMPORTED_MODULE_1__/* .MIGRATIONS_TABLE */ .tN),
        userTables: counted
            .filter((t) => !IGNORED_TABLES.has(t.table.toLowerCase()))
            .map((t) => `${t.schema}.${t.table}`)
    };
}
/** Whether `_prisma_migrations` exists, and the tables that make the database "not empty" for Prisma. */
async function inspectTables(client, scope) {
    return judgeTables(await (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .listTables */ .WS)(client, scopeSchemas(scope)), scope);
}
/** Prisma's decision from the inspection: nothing to do, P3005, or create the table (one more round trip). */
async function initializeFrom(client, folder, inspection) {
    if (inspection.hasMigrationsTable)
        return;
    if (inspection.userTables.length > 0)
        throw (0,_prisma_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .nonEmptyDatabaseError */ .at)(folder.migrations[0]?.name, folder.path);
    await (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .createMigrationsTable */ .gP)(client);
}


/***/ }),

/***/ 42206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TJ: () => (/* binding */ nonTransactionalReason),
/* harmony export */   se: () => (/* binding */ findNonTransactional)
/* harmony export */ });
/* unused harmony export nonTransactionalStatements */
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32693);
/* harmony import */ var _sql_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24159);
/**
 * Statements PostgreSQL refuses inside a transaction block. Prisma (≤ 7.3, and this action) sends a whole
 * migration.sql as one simple query, i.e. one implicit transaction, so such a statement only works when it is
 * the file's only statement; mixed with others the migration fails with 25001 after its row is written.
 * Found on the real parser's AST, never by matching text.
 */


function defNames(list) {
    if (!Array.isArray(list))
        return [];
    return list.map((item) => (item.DefElem?.defname ?? '').toLowerCase());
}
function defValue(list, name) {
    if (!Array.isArray(list))
        return undefined;
    for (const item of list) {
        const def = item.DefElem;
        if (def?.defname?.toLowerCase() !== name)
            continue;
        if (def.arg?.Boolean)
            return def.arg.Boolean.boolval ? 'true' : 'false';
        return def.arg?.String?.sval?.toLowerCase() ?? 'true';
    }
    return undefined;
}
const FALSE_VALUES = new Set(['false', 'off', '0', 'no']);
/** The reason `node` cannot run in a transaction block, or undefined. */
function nonTransactionalReason(kind, node, serverVersionNum = 0) {
    const body = (node[kind] ?? {});
    switch (kind) {
        case 'IndexStmt':
            return body.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined;
        case 'DropStmt':
            return body.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined;
        case 'ReindexStmt':
            return defNames(body.params).includes('concurrently') ? 'REINDEX CONCURRENTLY' : undefined;
        case 'VacuumStmt':
            // ANALYZE shares the node but may run in a transaction.
            return body.is_vacuumcmd ? 'VACUUM' : undefined;
        case 'AlterSystemStmt':
            return 'ALTER SYSTEM';
        case 'CreatedbStmt':
            return 'CREATE DATABASE';
        case 'DropdbStmt':
            return 'DROP DATABASE';
        case 'CreateTableSpaceStmt':
            return 'CREATE TABLESPACE';
        case 'DropTableSpaceStmt':
            return 'DROP TABLESPACE';
        case 'AlterDatabaseStmt':
            return defNames(body.options).includes('tablespace') ? 'ALTER DATABASE ... SET TABLESPACE' : undefined;
        case 'CreateSubscriptionStmt': {
            const createSlot = defValue(body.options, 'create_slot');
            return createSlot !== undefined && FALSE_VALUES.has(createSlot)
                ? undefined
                : 'CREATE SUBSCRIPTION (creates a replication slot)';
        }
        case 'ClusterStmt':
            return body.relation ? undefined : 'CLUSTER without a table';
        case 'DiscardStmt':
            return body.target === 'DISCARD_ALL' ? 'DISCARD ALL' : undefined;
        case 'AlterEnumStmt':
            // ADD VALUE is allowed in a transaction since PostgreSQL 12.
            return !body.oldVal && serverVersionNum > 0 && serverVersionNum < 120000
                ? 'ALTER TYPE ... ADD VALUE (before PostgreSQL 12)'
                : undefined;
        case 'AlterTableStmt': {
            const cmds = Array.isArray(body.cmds) ? body.cmds : [];
            const detachConcurrently = cmds.some((cmd) => {
                const c = (cmd.AlterTableCmd ?? {});
                return c.subtype === 'AT_DetachPartition' && c.def?.PartitionCmd?.concurrent === true;
            });
            return detachConcurrently ? 'DETACH PARTITION CONCURRENTLY' : undefined;
        }
        default:
            return undefined;
    }
}
/** Statements of a parsed file that would make it fail; empty when the file has only one statement. */
function nonTransactionalStatements(statements, serverVersionNum = 0) {
    if (statements.length < 2)
        return [];
    const found = [];
    for (const statement of statements) {
        const reason = nonTransactionalReason(statement.kind, statement.node, serverVersionNum);
        if (reason)
            found.push({ line: statement.startLine, statement: (0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .shortenSql */ .AS)(statement.text), reason });
    }
    return found;
}
// Every statement above needs one of these words. Files without any are skipped unparsed: parsing costs about
// half a millisecond per file, which adds up over a long history. The decision itself is always the AST's.
const CANDIDATE_WORDS = /\b(concurrently|vacuum|system|database|tablespace|subscription|cluster|discard)\b/i;
const OLD_SERVER_WORDS = /\bvalue\b/i;
/** Parses `script` and reports its offending statements; a file that does not parse is left to the server. */
async function findNonTransactional(script, serverVersionNum = 0) {
    const oldServer = serverVersionNum > 0 && serverVersionNum < 120000;
    if (!CANDIDATE_WORDS.test(script) && !(oldServer && OLD_SERVER_WORDS.test(script)))
        return [];
    await (0,_sql_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .loadParser */ .qd)();
    const parsed = (0,_sql_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseScript */ .tl)(script);
    return parsed.error ? [] : nonTransactionalStatements(parsed.statements, serverVersionNum);
}


/***/ }),

/***/ 74590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ inspectPendingFile),
/* harmony export */   S3: () => (/* binding */ unappliedMigrations),
/* harmony export */   rY: () => (/* binding */ planId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _execute_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77690);
/* harmony import */ var _non_transactional_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42206);
/**
 * What deploy would apply: the pending migrations, how each is sent and what deploy would refuse in it, and a short,
 * stable identifier of them, so a reviewed plan can be matched to its deploy.
 */



function planId(pending) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    // The separators cannot occur in directory names or hex checksums, so different lists never collide by
    // concatenation; an unreadable script is part of the plan too.
    for (const migration of pending)
        hash.update(`${migration.name}\0${migration.checksum ?? 'unreadable'}\n`);
    return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
/**
 * What `migrate deploy` applies: local migrations, in order, without a row of the same name that is not rolled
 * back. Checksums and database-only rows are ignored, as in Prisma (compat §6.1 step 6).
 */
function unappliedMigrations(local, rows) {
    const present = new Set(rows.filter((row) => row.rolledBackAt === null).map((row) => row.migrationName));
    return local.filter((migration) => !present.has(migration.name));
}
/**
 * How deploy will send `migration` under `strategy`, and what it would refuse in it: deploy and status both judge
 * each pending file so. `version` (the server's) is asked only when a file sent as one batch is checked.
 */
async function inspectPendingFile(migration, strategy, version) {
    if (migration.script === null)
        return { migration, nonTransactional: [] };
    const plan = await (0,_execute_js__WEBPACK_IMPORTED_MODULE_1__/* .planExecution */ .w$)(migration.script, strategy);
    // Sent statement by statement, a non-transactional statement runs outside any transaction block.
    if (plan.mode !== 'whole-file')
        return { migration, plan, nonTransactional: [] };
    return { migration, plan, nonTransactional: await (0,_non_transactional_js__WEBPACK_IMPORTED_MODULE_2__/* .findNonTransactional */ .se)(migration.script, await version()) };
}


/***/ }),

/***/ 9464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ diagnose)
});

// UNUSED EXPORTS: compareWithHistory

// EXTERNAL MODULE: ./src/migrate/checksum.ts
var checksum = __webpack_require__(11702);
// EXTERNAL MODULE: ./src/migrate/prisma-errors.ts
var prisma_errors = __webpack_require__(47573);
// EXTERNAL MODULE: ./src/migrate/history.ts
var migrate_history = __webpack_require__(53909);
// EXTERNAL MODULE: ./src/migrate/initialize.ts
var initialize = __webpack_require__(48499);
// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
// EXTERNAL MODULE: ./src/migrate/plan.ts
var plan = __webpack_require__(74590);
;// CONCATENATED MODULE: ./src/migrate/server.ts
/** e.g. 150018; 0 when the server does not say. */
async function serverVersionNum(client) {
    const { rows } = await client.query("SELECT current_setting('server_version_num') AS num");
    return Number(rows[0]?.num) || 0;
}

;// CONCATENATED MODULE: ./src/migrate/status-message.ts
/**
 * The text `prisma migrate status` prints after its Datasource header, per case of its decision table
 * (prisma-migrate-compat.md §7.2), without colours and with the plain `prisma` command name.
 */
const plural = (names) => (names.length > 1 ? 's' : '');
function migrationsFoundLine(count) {
    return count > 0
        ? `${count} migration${count > 1 ? 's' : ''} found in prisma/migrations`
        : 'No migration found in prisma/migrations';
}
function pendingMessage(names) {
    return (`Following migration${plural(names)} have not yet been applied:\n${names.join('\n')}\n\n` +
        'To apply migrations in development run prisma migrate dev.\nTo apply migrations in production run prisma migrate deploy.');
}
function divergedMessage(history) {
    const unapplied = history.unappliedMigrationNames;
    const unpersisted = history.unpersistedMigrationNames;
    return ('Your local migration history and the migrations table from your database are different:\n\n' +
        `The last common migration is: ${history.lastCommonMigrationName ?? 'null'}\n\n` +
        `The migration${plural(unapplied)} have not yet been applied:\n${unapplied.join('\n')}\n\n` +
        `The migration${plural(unpersisted)} from the database are not found locally in prisma/migrations:\n${unpersisted.join('\n')}`);
}
function notManagedMessage(firstLocal) {
    const baseline = firstLocal
        ? `If you want to keep the current database structure and data and create new migrations, baseline this database with the migration "${firstLocal}":\nprisma migrate resolve --applied "${firstLocal}"\n\n`
        : '';
    return ('The current database is not managed by Prisma Migrate.\n\n' +
        baseline +
        'Read more about how to baseline an existing production database:\nhttps://pris.ly/d/migrate-baseline');
}
function failedMessage(names) {
    return (`Following migration${plural(names)} have failed:\n${names.join('\n')}\n\n` +
        'During development if the failed migration(s) have not been deployed to a production database you can then fix the migration(s) and run prisma migrate dev.\n\n' +
        'The failed migration(s) can be marked as rolled back or applied:\n\n' +
        `- If you rolled back the migration(s) manually:\nprisma migrate resolve --rolled-back "${names[0]}"\n\n` +
        `- If you fixed the database manually (hotfix):\nprisma migrate resolve --applied "${names[0]}"\n\n` +
        'Read more about how to resolve migration issues in a production database:\nhttps://pris.ly/d/migrate-resolve');
}
const UP_TO_DATE_MESSAGE = 'Database schema is up to date!';

;// CONCATENATED MODULE: ./src/migrate/status.ts








function historyDiagnostic(local, fsNotInDb, dbNotInFs) {
    const unapplied = fsNotInDb.map((i) => local[i].name);
    if (unapplied.length === 0 && dbNotInFs.length === 0)
        return null;
    if (dbNotInFs.length === 0)
        return { diagnostic: 'databaseIsBehind', unappliedMigrationNames: unapplied };
    if (unapplied.length === 0)
        return { diagnostic: 'migrationsDirectoryIsBehind', unpersistedMigrationNames: dbNotInFs };
    const firstUnapplied = fsNotInDb[0];
    return {
        diagnostic: 'historiesDiverge',
        lastCommonMigrationName: firstUnapplied > 0 ? local[firstUnapplied - 1].name : null,
        unpersistedMigrationNames: dbNotInFs,
        unappliedMigrationNames: unapplied
    };
}
function decide(history, hasTable, local, failedNames) {
    if (history?.diagnostic === 'databaseIsBehind') {
        return { status: 'pending', prismaExitCode: 1, text: pendingMessage(history.unappliedMigrationNames) };
    }
    if (history?.diagnostic === 'historiesDiverge')
        return { status: 'diverged', prismaExitCode: 1, text: divergedMessage(history) };
    if (!hasTable)
        return { status: 'not-managed', prismaExitCode: 1, text: notManagedMessage(local[0]?.name) };
    if (failedNames.length > 0)
        return { status: 'failed', prismaExitCode: 1, text: failedMessage(failedNames) };
    return { status: 'up-to-date', prismaExitCode: 0, text: `\n${UP_TO_DATE_MESSAGE}` };
}
function stateOf(migration, rows, edited) {
    const failed = rows.find(migrate_history/* isFailed */.Ix);
    const applied = rows.find((row) => row.finishedAt !== null && row.rolledBackAt === null);
    const shown = failed ?? applied ?? rows[rows.length - 1];
    const state = failed
        ? 'failed'
        : applied
            ? 'applied'
            : shown
                ? 'rolled-back'
                : 'pending';
    return {
        name: migration.name,
        state,
        edited,
        startedAt: shown?.startedAt,
        finishedAt: shown?.finishedAt ?? undefined,
        rolledBackAt: shown?.rolledBackAt ?? undefined,
        checksum: migration.checksum
    };
}
/** The rows of each migration name, in the history's order (names in order of their first row). */
function rowsByNameOf(history) {
    const rowsByName = new Map();
    for (const row of history)
        rowsByName.set(row.migrationName, [...(rowsByName.get(row.migrationName) ?? []), row]);
    return rowsByName;
}
/** Local migrations without a row (their indexes), applied ones whose file changed, and unreadable applied ones. */
function checkLocal(local, rowsByName) {
    const fsNotInDb = [];
    const edited = [];
    const unreadableApplied = [];
    local.forEach((migration, index) => {
        const sameName = rowsByName.get(migration.name) ?? [];
        if (sameName.length === 0)
            return void fsNotInDb.push(index);
        // Prisma reads the script of every migration it has a row for, and stops with P3015 when it cannot.
        if (migration.script === null)
            return void unreadableApplied.push(migration.name);
        const applied = sameName.filter((row) => row.finishedAt !== null && row.rolledBackAt === null).at(-1);
        if (applied && !(0,checksum/* scriptMatchesChecksum */.I)(migration.script, applied.checksum))
            edited.push(migration.name);
    });
    return { fsNotInDb, edited, unreadableApplied };
}
/** Rows without a local directory, one state per name (its last row), in the history's order. */
function missingLocallyStates(rowsByName, localNames) {
    const states = [];
    for (const [name, rows] of rowsByName) {
        const last = rows.at(-1);
        if (localNames.has(name) || !last)
            continue;
        states.push({
            name,
            state: 'missing-locally',
            edited: false,
            startedAt: last.startedAt,
            finishedAt: last.finishedAt ?? undefined,
            rolledBackAt: last.rolledBackAt ?? undefined,
            checksum: last.checksum
        });
    }
    return states;
}
/** The local folder against `_prisma_migrations` (null: no such table), as Prisma's diagnoseMigrationHistory. */
function compareWithHistory(local, rows) {
    const history = rows ?? [];
    const rowsByName = rowsByNameOf(history);
    const { fsNotInDb, edited, unreadableApplied } = checkLocal(local, rowsByName);
    const localNames = new Set(local.map((m) => m.name));
    const failedRows = history.filter(migrate_history/* isFailed */.Ix);
    const dbNotInFs = history
        .filter((row) => !localNames.has(row.migrationName))
        .map((row) => row.migrationName);
    const diagnostic = historyDiagnostic(local, fsNotInDb, dbNotInFs);
    const missing = missingLocallyStates(rowsByName, localNames);
    return {
        hasMigrationsTable: rows !== null,
        decision: decide(diagnostic, rows !== null, local, failedRows.map((row) => row.migrationName)),
        history: diagnostic,
        pending: (0,plan/* unappliedMigrations */.S3)(local, history),
        failedRows,
        edited,
        unreadableApplied,
        missingLocally: missing.map((state) => state.name),
        migrations: [
            ...local.map((m) => stateOf(m, rowsByName.get(m.name) ?? [], edited.includes(m.name))),
            ...missing
        ]
    };
}
/** What deploy would refuse among the pending files, and which 7.4+ files it would still send whole. */
async function inspectPending(client, pending, options) {
    const nonTransactional = [];
    const fallbacks = [];
    let known = options.serverVersionNum;
    const version = async () => (known ??= await serverVersionNum(client));
    for (const migration of pending) {
        const inspected = await (0,plan/* inspectPendingFile */.CM)(migration, options.execution ?? 'whole-file', version);
        const fallback = inspected.plan?.fallback;
        if (fallback)
            fallbacks.push({ migration: migration.name, fallback });
        for (const found of inspected.nonTransactional) {
            nonTransactional.push({
                migration: migration.name,
                line: found.line,
                statement: `${found.reason}: ${found.statement}`
            });
        }
    }
    return { nonTransactional, fallbacks };
}
/** Without `_prisma_migrations`: the tables that make deploy stop with P3005 (read unless the caller has them). */
async function tablesWithoutHistory(client, options) {
    const scope = { ...options, defaultSchema: options.connection?.defaultSchema ?? 'public' };
    return (options.tables ? (0,initialize/* judgeTables */.lm)(options.tables, scope) : await (0,initialize/* inspectTables */.Gx)(client, scope)).userTables;
}
/** What `prisma migrate status` prints and exits with: its decision, unless it stops first with P3015. */
function prismaVerdict(compared, folder) {
    const found = migrationsFoundLine(folder.migrations.length);
    const unreadable = compared.unreadableApplied[0];
    if (!unreadable)
        return {
            prismaExitCode: compared.decision.prismaExitCode,
            prismaMessage: `${found}\n${compared.decision.text}`,
            prismaStatusError: undefined
        };
    const error = (0,prisma_errors/* missingScriptError */.mX)(unreadable, folder.path);
    return {
        prismaExitCode: 1,
        prismaMessage: `${found}\nError: ${error.code}\n\n${error.message}`,
        prismaStatusError: error
    };
}
async function diagnose(client, folder, options = {}) {
    (0,migrations_dir/* checkLockfile */.Ew)(folder);
    const rows = options.history !== undefined ? options.history : await (0,migrate_history/* readHistory */.Lu)(client);
    const compared = compareWithHistory(folder.migrations, rows);
    const { nonTransactional, fallbacks } = await inspectPending(client, compared.pending, options);
    const verdict = prismaVerdict(compared, folder);
    const diagnosis = {
        status: compared.decision.status,
        prismaExitCode: verdict.prismaExitCode,
        prismaMessage: verdict.prismaMessage,
        hasMigrationsTable: compared.hasMigrationsTable,
        pending: compared.pending,
        failed: compared.failedRows.map((row) => ({ name: row.migrationName, startedAt: row.startedAt })),
        edited: compared.edited,
        unreadableApplied: compared.unreadableApplied,
        prismaStatusError: verdict.prismaStatusError,
        tablesWithoutHistory: compared.hasMigrationsTable ? [] : await tablesWithoutHistory(client, options),
        fallbacks,
        missingLocally: compared.missingLocally,
        nonTransactional,
        migrations: compared.migrations,
        warnings: [],
        history: compared.history
    };
    diagnosis.warnings = collectWarnings(diagnosis, folder, compared.failedRows);
    return diagnosis;
}
function collectWarnings(d, folder, failedRows) {
    const warnings = [];
    for (const name of d.edited) {
        warnings.push(`Migration \`${name}\` was modified after it was applied: its migration.sql no longer matches the checksum recorded in _prisma_migrations, even allowing for CRLF/LF line endings. ` +
            '`prisma migrate status` does not report this, but `prisma migrate dev` would ask to reset the database. Restore the file as it was deployed and put further changes in a new migration.');
    }
    for (const name of d.missingLocally) {
        warnings.push(`Migration \`${name}\` is recorded in the database but has no directory in ${folder.path}. ` +
            'Check that `migrations-dir` points at the right folder and that no migration directory was renamed or deleted.');
    }
    if (d.status === 'pending' || d.status === 'diverged') {
        for (const row of failedRows) {
            warnings.push(`Migration \`${row.migrationName}\` failed (started at ${(0,prisma_errors/* formatPrismaTimestamp */.eL)(row.startedAt, row.startedAtMicros)}). Prisma's status only lists the pending migrations, ` +
                'but deploy will stop with P3009 until it is resolved with `mode: migrate-resolve`.');
        }
    }
    for (const m of d.migrations) {
        if (m.state === 'rolled-back' && d.status !== 'pending') {
            warnings.push(`Migration \`${m.name}\` is marked as rolled back: Prisma's status counts it as present, but deploy will apply it again.`);
        }
    }
    for (const found of d.nonTransactional) {
        warnings.push(`Migration \`${found.migration}\`, line ${found.line}: ${found.statement} cannot run inside a transaction block, and the file has other statements. ` +
            'Prisma would fail it with P3018 (25001); this action refuses to deploy it. Move the statement into a migration of its own.');
    }
    for (const name of d.unreadableApplied) {
        warnings.push(`Migration \`${name}\` is recorded in the database but its migration.sql cannot be read in ${folder.path}: \`prisma migrate status\` stops with P3015, while deploy ignores it and applies the pending migrations. Restore the file, or delete the directory if the migration was abandoned.`);
    }
    const tables = d.tablesWithoutHistory;
    if (tables.length > 0) {
        warnings.push(`The database has tables (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', ...' : ''}) but no _prisma_migrations history: deploy would stop with P3005. ` +
            (folder.migrations[0]
                ? `Baseline it with \`mode: migrate-resolve\` and \`resolve-applied: "${folder.migrations[0].name}"\` if the migrations describe the current schema.`
                : 'Create a baseline migration first.'));
    }
    return warnings;
}


/***/ }),

/***/ 27200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ migrateStartup),
/* harmony export */   connectEarly: () => (/* binding */ connectEarly)
/* harmony export */ });
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92059);
/* harmony import */ var _settings_lock_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35418);
/**
 * The connection request of a migrate mode, sent before the mode's code is loaded. Through a remote database's
 * public proxy every round trip costs 10–100 ms, and a connection takes three or more (TCP, TLS, authentication)
 * before the first query: sent first, they are answered while the mode loads and the migrations folder is read
 * (see bench/, status through a 20 ms round trip). Only the startup message and the authentication exchange are
 * sent before the folder is accepted: a refused migration file still stops the run before any statement reaches
 * the database, and the request is closed unused (`discard`).
 *
 * Kept small on purpose: importing this module must cost little more than `pg` itself.
 */


/** The startup options of a migrate mode's session (migrate-deploy's lock_timeout / statement_timeout). */
function migrateStartup(settings) {
    return {
        baseDir: settings.workingDirectory,
        sessionSettings: settings.mode === 'migrate-deploy' ? (0,_settings_lock_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .sessionTimeouts */ .n)(settings.lockSafety) : undefined
    };
}
/** The mode's connection request, on its way; undefined without a database (an offline review). */
function connectEarly(settings) {
    return settings.connection ? (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .startConnecting */ .FW)(settings.connection, migrateStartup(settings)) : undefined;
}


/***/ }),

/***/ 48934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uj: () => (/* binding */ migrateOutputs),
/* harmony export */   Zf: () => (/* binding */ pendingForReview),
/* harmony export */   fq: () => (/* binding */ prismaReport),
/* harmony export */   iS: () => (/* binding */ relativeSqlPath),
/* harmony export */   oA: () => (/* binding */ shownMigrationsDir)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/** What the migrate modes hand back: outputs and the parts of the JSON report they share. */

/** Path of a migration's SQL file relative to the working directory: what annotations and reports show. */
function relativeSqlPath(workingDirectory, sqlPath) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(workingDirectory, sqlPath).split('\\').join('/');
}
/**
 * The migrations folder relative to the working directory (`.` for that directory itself): as logs and summaries
 * show it, and where the search for changed migrations looks.
 */
function shownMigrationsDir(workingDirectory, path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(workingDirectory, path) || '.';
}
/** The pending migrations, as the review wants them (readable files only). */
function pendingForReview(diagnosis, workingDirectory) {
    return diagnosis.pending
        .filter((m) => m.script !== null)
        .map((m) => ({
        name: m.name,
        file: relativeSqlPath(workingDirectory, m.sqlPath),
        script: m.script
    }));
}
/** The outputs every migrate mode sets, from what is pending, applied by this run and failed. */
function migrateOutputs(state) {
    return {
        status: state.status,
        'pending-count': String(state.pending.length),
        'pending-migrations': JSON.stringify(state.pending),
        'applied-count': String(state.applied?.length ?? 0),
        'applied-migrations': JSON.stringify(state.applied ?? []),
        'failed-migrations': JSON.stringify(state.failed ?? [])
    };
}
/** The JSON report's `prisma`: the version the run behaved as, where it came from, how it executes. */
function prismaReport(project) {
    const v = project.prisma.version;
    return {
        version: v ? `${v.major}.${v.minor}.${v.patch}` : null,
        source: project.prisma.source,
        execution: project.prisma.execution
    };
}


/***/ }),

/***/ 76816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Et: () => (/* binding */ loadMigrationsFolder),
/* harmony export */   fA: () => (/* binding */ openSession),
/* harmony export */   hZ: () => (/* binding */ firstHistory),
/* harmony export */   rM: () => (/* binding */ prismaScope)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92059);
/* harmony import */ var _db_connection_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90564);
/* harmony import */ var _migrate_history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53909);
/* harmony import */ var _migrate_initialize_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48499);
/* harmony import */ var _migrate_migrations_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26724);
/* harmony import */ var _migrate_prisma_version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71048);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(29906);
/* harmony import */ var _util_repo_files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(81556);
/* harmony import */ var _early_connection_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(27200);
/* harmony import */ var _migrate_results_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(48934);
/** How every migrate mode starts: the migrations folder read as data, then one session on the database. */











/**
 * The local migrations, read as data: only regular files inside the workspace (src/util/repo-files.ts). A
 * migration.sql that is a link, a special file, too large or holds a NUL byte stops every migrate mode here,
 * before any statement is sent to the database, with an error that names the file and never shows its content;
 * `early`, the connection request answered meanwhile (early-connection.ts), is then closed unused.
 */
async function loadMigrationsFolder(settings, early) {
    try {
        return await readFolder(settings);
    }
    catch (error) {
        early?.discard();
        throw error;
    }
}
async function readFolder(settings) {
    const { project } = settings;
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Migrations folder', async () => {
        const shown = (0,_migrate_results_js__WEBPACK_IMPORTED_MODULE_10__/* .shownMigrationsDir */ .oA)(settings.workingDirectory, project.migrationsDir.path);
        (0,_util_log_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .p)((0,_migrate_prisma_version_js__WEBPACK_IMPORTED_MODULE_6__/* .describePrismaVersion */ .K2)(project.prisma));
        // Folder names and the reason (which quotes prisma.config / package.json) come from the repository.
        (0,_util_log_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .p)(`Using ${shown} (${project.migrationsDir.reason})`);
        for (const note of project.layoutNotes)
            (0,_util_log_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .p)(note);
        const folder = await (0,_migrate_migrations_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .readMigrationsFolder */ ._)(project.migrationsDir.path, new _util_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .RepositoryFiles */ .Yn(settings.workspace));
        if (!folder.exists)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The migrations folder ${shown} does not exist; Prisma treats that as no migrations. Set \`migrations-dir\` if your migrations live elsewhere.`);
        for (const name of folder.skippedLinks ?? [])
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${shown}/${(0,_util_repo_files_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$)(name)} is a symbolic link: Prisma lists real directories only, so it is neither reviewed nor applied (by Prisma or by this action). Commit the migration directory itself if it is one.`);
        (0,_util_log_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .p)(`${folder.migrations.length} migration${folder.migrations.length === 1 ? '' : 's'} found`);
        // The lock file's provider is checked where Prisma checks it: deploy, status and resolve --applied, not
        // resolve --rolled-back (prisma-migrate-compat.md §3.3).
        return folder;
    });
}
/**
 * What diagnose and deploy need to decide as the project's Prisma would: scope of P3005 and execution; with a
 * session, what it knows already (the server's version).
 */
function prismaScope(settings, session) {
    return {
        connection: settings.connection,
        schemas: settings.project.schemas,
        externalTables: settings.project.externalTables,
        execution: settings.project.prisma.execution,
        serverVersionNum: session?.serverVersionNum
    };
}
/** The history (or the tables) read with the session's first message (see openSession), for one diagnose. */
function firstHistory(session) {
    return (0,_migrate_history_js__WEBPACK_IMPORTED_MODULE_3__/* .historyFromFirstReads */ .GC)(session.firstReads);
}
/** `listTablesSql` for the project's scope. */
function tablesRead(connection, project) {
    return (0,_migrate_history_js__WEBPACK_IMPORTED_MODULE_3__/* .listTablesSql */ .e0)((0,_migrate_initialize_js__WEBPACK_IMPORTED_MODULE_4__/* .scopeSchemas */ .zn)({ defaultSchema: connection.defaultSchema, schemas: project.schemas }));
}
/**
 * The mode's session: its run-time parameters (migrate-deploy's timeouts) travel with the connection request, which
 * `early` may have sent already. `readHistory`: read `_prisma_migrations` in the connection's first message (no
 * round trip of its own), and without it the tables Prisma's emptiness check looks at: `firstHistory(session)`.
 */
async function openSession(settings, options = {}) {
    const { connection, project } = settings;
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Connect to ${(0,_db_connection_url_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(connection)}`, async () => {
        const session = await (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(connection, {
            ...(0,_early_connection_js__WEBPACK_IMPORTED_MODULE_9__/* .migrateStartup */ .J)(settings),
            ensureSchema: true,
            early: options.early,
            firstReads: options.readHistory
                ? { text: _migrate_history_js__WEBPACK_IMPORTED_MODULE_3__/* .HISTORY_SQL */ .Uz, types: _migrate_history_js__WEBPACK_IMPORTED_MODULE_3__/* .HISTORY_TYPES */ .vf, fallback: tablesRead(connection, project) }
                : undefined
        });
        (0,_util_log_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .p)(`Connected: PostgreSQL ${session.serverVersion}`);
        return session;
    });
}


/***/ }),

/***/ 88877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ nextSteps)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42495);

const codeList = (names) => names.map((n) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(n)).join(', ');
/** What the user should do next, by state; shown in the summary and the PR comment. */
function nextSteps(diagnosis) {
    const steps = [];
    if (diagnosis.failed.length > 0) {
        const first = diagnosis.failed[0].name;
        steps.push(`Migration ${codeList(diagnosis.failed.map((f) => f.name))} failed and blocks every deploy (Prisma P3009). Inspect the database: if you reverted its partial changes, run this action with \`mode: migrate-resolve\` and ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`resolve-rolled-back: ${first}`)} (the next deploy re-applies it); if you completed it by hand, use ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`resolve-applied: ${first}`)}.`);
    }
    if (diagnosis.status === 'diverged') {
        steps.push(`The database has migrations that are not in this folder (${codeList(diagnosis.missingLocally)}) while local ones are pending: another branch deployed to this database. Merge or rebase onto that branch before deploying.`);
    }
    if (diagnosis.status === 'not-managed') {
        steps.push('This database is not managed by Prisma Migrate (no `_prisma_migrations` table and no migrations). To keep its data, baseline it with `mode: migrate-resolve` and `resolve-applied: <first migration>`.');
    }
    if (diagnosis.tablesWithoutHistory.length > 0) {
        const first = diagnosis.pending[0]?.name;
        steps.push(`The database already has tables (${codeList(diagnosis.tablesWithoutHistory.slice(0, 3))}${diagnosis.tablesWithoutHistory.length > 3 ? ', ...' : ''}) but no \`_prisma_migrations\` history, so \`mode: migrate-deploy\` would stop with P3005 and apply nothing. ` +
            (first
                ? `If the migrations describe this schema, baseline it with \`mode: migrate-resolve\` and ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`resolve-applied: ${first}`)} (once for each migration the database already reflects); otherwise check \`database-url\`.`
                : 'Check `database-url`, or create a baseline migration first.'));
    }
    else if (diagnosis.pending.length > 0 && diagnosis.failed.length === 0) {
        steps.push(`${diagnosis.pending.length} migration${diagnosis.pending.length === 1 ? '' : 's'} will be applied by \`mode: migrate-deploy\`.`);
    }
    for (const name of diagnosis.edited) {
        steps.push(`${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(name)} was edited after it was applied (its checksum differs from the database's). Restore the applied version from git; put new changes in a new migration.`);
    }
    for (const name of diagnosis.unreadableApplied) {
        steps.push(`${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(name)} is recorded in the database but its migration.sql is missing: \`prisma migrate status\` stops with P3015 until you restore the file (deploy ignores it).`);
    }
    if (diagnosis.missingLocally.length > 0 && diagnosis.status !== 'diverged') {
        steps.push(`The database has migrations with no local directory: ${codeList(diagnosis.missingLocally)}. Prisma ignores them; check that this branch is up to date.`);
    }
    for (const item of diagnosis.nonTransactional) {
        steps.push(`${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(item.migration)} line ${item.line}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(item.statement)} cannot run inside a transaction, but Prisma runs the whole file as one. Move it into a migration of its own (a single statement).`);
    }
    return steps;
}


/***/ })

};

//# sourceMappingURL=721.index.js.map
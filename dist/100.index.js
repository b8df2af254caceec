export const id = 100;
export const ids = [100];
export const modules = {

/***/ 77690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GQ: () => (/* binding */ isServerError),
/* harmony export */   Jo: () => (/* binding */ describeStatementsForLog),
/* harmony export */   Mw: () => (/* binding */ describeFallback),
/* harmony export */   gu: () => (/* binding */ newProgress),
/* harmony export */   iY: () => (/* binding */ runUnit),
/* harmony export */   r: () => (/* binding */ committedStatements),
/* harmony export */   uc: () => (/* binding */ planWithLoadedParser),
/* harmony export */   vY: () => (/* binding */ executePlan),
/* harmony export */   w$: () => (/* binding */ planExecution)
/* harmony export */ });
/* unused harmony export sqlparserCannotParse */
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32693);
/* harmony import */ var _sql_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24159);
/**
 * How a migration.sql is sent to PostgreSQL, per Prisma version (prisma-migrate-compat.md §5.1):
 *
 * - `whole-file` (Prisma ≤ 7.3, and 7.4+ when its SQL parser cannot split the file): the file is one simple-protocol
 *   query, which PostgreSQL runs as one implicit transaction. A failure rolls back the whole file.
 * - `per-statement` (Prisma ≥ 7.4, prisma-engines#5767): the file is split into statements and each one is sent as
 *   its own simple query, so each commits on its own. `CREATE INDEX CONCURRENTLY` works among other statements, and
 *   a failure leaves the statements before it committed.
 *
 * Prisma splits with the Rust `sqlparser` crate (0.61 in Prisma 7.4) and falls back to `whole-file` when that parser
 * rejects the file (e.g. `DROP INDEX CONCURRENTLY`, prisma-engines#5847). We cannot run sqlparser here, so the split
 * is made with PostgreSQL's own parser (libpg-query) and the fallback is predicted from the statement families
 * sqlparser 0.61 has no grammar for (`sqlparserCannotParse`, read in its parser's statement dispatch). That is an
 * approximation: a finer syntax detail sqlparser rejects inside an otherwise known statement is not predicted, and
 * then we split a file Prisma would send whole. Both end states agree whenever the file succeeds; they differ only in
 * what a failure leaves behind and whether a mixed non-transactional statement is accepted.
 *
 * Every unit (the whole file, or one statement) goes through `runUnit`, so that anything wrapping the execution of
 * a unit (timeouts, retries) wraps exactly what Prisma sends as one query.
 */


/** "Prisma's SQL parser cannot parse `DROP INDEX CONCURRENTLY` (line 3)", for messages. */
function describeFallback(fallback) {
    return fallback.construct === 'syntax error'
        ? `the file does not parse (line ${fallback.line})`
        : `Prisma's SQL parser (sqlparser 0.61) cannot parse \`${fallback.construct}\` (line ${fallback.line})`;
}
function body(statement) {
    return (statement.node[statement.kind] ?? {});
}
/**
 * Statement families sqlparser 0.61 (Prisma 7.4–7.10) has no grammar for with its PostgreSQL dialect; one of them
 * makes Prisma send the whole file as one batch. From `Parser::parse_statement`, `parse_create`, `parse_alter` and
 * `parse_drop` of sqlparser v0.61.0.
 */
const UNPARSED_KINDS = {
    DoStmt: 'DO',
    ReindexStmt: 'REINDEX',
    ClusterStmt: 'CLUSTER',
    RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
    LockStmt: 'LOCK',
    CheckPointStmt: 'CHECKPOINT',
    AlterSeqStmt: 'ALTER SEQUENCE',
    AlterFunctionStmt: 'ALTER FUNCTION',
    AlterDomainStmt: 'ALTER DOMAIN',
    AlterExtensionStmt: 'ALTER EXTENSION',
    AlterExtensionContentsStmt: 'ALTER EXTENSION',
    AlterDefaultPrivilegesStmt: 'ALTER DEFAULT PRIVILEGES',
    AlterDatabaseStmt: 'ALTER DATABASE',
    AlterDatabaseSetStmt: 'ALTER DATABASE',
    AlterDatabaseRefreshCollStmt: 'ALTER DATABASE',
    AlterSystemStmt: 'ALTER SYSTEM',
    AlterObjectSchemaStmt: 'ALTER ... SET SCHEMA',
    AlterOwnerStmt: 'ALTER ... OWNER TO',
    AlterEventTrigStmt: 'ALTER EVENT TRIGGER',
    CreateEventTrigStmt: 'CREATE EVENT TRIGGER',
    CreatePublicationStmt: 'CREATE PUBLICATION',
    AlterPublicationStmt: 'ALTER PUBLICATION',
    CreateSubscriptionStmt: 'CREATE SUBSCRIPTION',
    AlterSubscriptionStmt: 'ALTER SUBSCRIPTION',
    DropSubscriptionStmt: 'DROP SUBSCRIPTION',
    CreateCastStmt: 'CREATE CAST',
    CreateConversionStmt: 'CREATE CONVERSION',
    CreatePLangStmt: 'CREATE LANGUAGE',
    RuleStmt: 'CREATE RULE',
    CreateStatsStmt: 'CREATE STATISTICS',
    AlterStatsStmt: 'ALTER STATISTICS',
    CreateAmStmt: 'CREATE ACCESS METHOD',
    CreateTransformStmt: 'CREATE TRANSFORM',
    CreateTableSpaceStmt: 'CREATE TABLESPACE',
    DropTableSpaceStmt: 'DROP TABLESPACE',
    AlterTableSpaceOptionsStmt: 'ALTER TABLESPACE',
    CreateForeignTableStmt: 'CREATE FOREIGN TABLE',
    CreateFdwStmt: 'CREATE FOREIGN DATA WRAPPER',
    AlterFdwStmt: 'ALTER FOREIGN DATA WRAPPER',
    CreateUserMappingStmt: 'CREATE USER MAPPING',
    ImportForeignSchemaStmt: 'IMPORT FOREIGN SCHEMA',
    SecLabelStmt: 'SECURITY LABEL',
    DropOwnedStmt: 'DROP OWNED',
    ReassignOwnedStmt: 'REASSIGN OWNED',
    AlterTSConfigurationStmt: 'ALTER TEXT SEARCH CONFIGURATION',
    AlterTSDictionaryStmt: 'ALTER TEXT SEARCH DICTIONARY'
};
/** `DROP <object>` forms sqlparser 0.61 parses (anything else makes Prisma fall back). */
const DROPPABLE = new Set([
    'OBJECT_TABLE',
    'OBJECT_VIEW',
    'OBJECT_MATVIEW',
    'OBJECT_INDEX',
    'OBJECT_SCHEMA',
    'OBJECT_SEQUENCE',
    'OBJECT_TYPE',
    'OBJECT_FUNCTION',
    'OBJECT_POLICY',
    'OBJECT_DOMAIN',
    'OBJECT_PROCEDURE',
    'OBJECT_TRIGGER',
    'OBJECT_EXTENSION',
    'OBJECT_OPERATOR',
    'OBJECT_OPFAMILY',
    'OBJECT_OPCLASS'
]);
/** `ALTER <object> ... RENAME` forms sqlparser 0.61 parses. */
const RENAMEABLE = new Set([
    'OBJECT_TABLE',
    'OBJECT_COLUMN',
    'OBJECT_TABCONSTRAINT',
    'OBJECT_INDEX',
    'OBJECT_TYPE',
    'OBJECT_VIEW',
    'OBJECT_SCHEMA',
    'OBJECT_ROLE',
    'OBJECT_POLICY'
]);
/** Why Prisma 7.4's sqlparser would reject this statement (so the whole file goes as one batch), or undefined. */
function sqlparserCannotParse(statement) {
    const fixed = UNPARSED_KINDS[statement.kind];
    if (fixed)
        return fixed;
    const b = body(statement);
    switch (statement.kind) {
        case 'DropStmt':
            // sqlparser ≤ 0.62 knows CONCURRENTLY in CREATE INDEX only (prisma-engines#5847).
            if (b.concurrent)
                return 'DROP INDEX CONCURRENTLY';
            return DROPPABLE.has(String(b.removeType)) ? undefined : `DROP ${objectWord(b.removeType)}`;
        case 'RenameStmt':
            return RENAMEABLE.has(String(b.renameType)) ? undefined : `ALTER ${objectWord(b.renameType)} ... RENAME`;
        case 'AlterTableStmt':
            // ALTER TABLE and ALTER VIEW only; ALTER MATERIALIZED VIEW / SEQUENCE / INDEX ... SET have no grammar.
            return b.objtype === 'OBJECT_TABLE' || b.objtype === 'OBJECT_VIEW'
                ? undefined
                : `ALTER ${objectWord(b.objtype)}`;
        case 'DefineStmt':
            return b.kind === 'OBJECT_OPERATOR' ? undefined : `CREATE ${objectWord(b.kind)}`;
        case 'CreateFunctionStmt':
            // sqlparser's CREATE PROCEDURE is the SQL Server form (AS BEGIN ... END).
            return b.is_procedure ? 'CREATE PROCEDURE' : undefined;
        case 'VacuumStmt':
            // Only the Redshift-style `VACUUM [FULL] table`; `VACUUM (options)` and `ANALYZE` do not parse.
            return b.is_vacuumcmd && !Array.isArray(b.options)
                ? undefined
                : b.is_vacuumcmd
                    ? 'VACUUM (...)'
                    : 'ANALYZE';
        default:
            return undefined;
    }
}
function objectWord(value) {
    return String(value ?? '')
        .replace(/^OBJECT_/, '')
        .replace(/_/g, ' ');
}
const TRANSACTION_KINDS = {
    TRANS_STMT_BEGIN: 'begin',
    TRANS_STMT_START: 'begin',
    TRANS_STMT_COMMIT: 'commit',
    TRANS_STMT_ROLLBACK: 'rollback',
    TRANS_STMT_SAVEPOINT: 'savepoint',
    TRANS_STMT_RELEASE: 'savepoint',
    TRANS_STMT_ROLLBACK_TO: 'savepoint',
    TRANS_STMT_PREPARE: 'savepoint',
    TRANS_STMT_COMMIT_PREPARED: 'savepoint',
    TRANS_STMT_ROLLBACK_PREPARED: 'savepoint'
};
function unitOf(statement) {
    const unit = {
        text: statement.text,
        startLine: statement.startLine,
        endLine: statement.endLine,
        kind: statement.kind
    };
    if (statement.kind === 'TransactionStmt')
        unit.transaction = TRANSACTION_KINDS[String(body(statement).kind)];
    return unit;
}
function ownTransactionControl(parsed) {
    return parsed.error !== undefined || parsed.statements.some((s) => s.kind === 'TransactionStmt');
}
function wholeFile(script, parsed, fallback) {
    const lines = script.split('\n').length;
    return {
        mode: 'whole-file',
        units: [{ text: script, startLine: 1, endLine: lines }],
        fallback,
        ownTransactionControl: parsed ? ownTransactionControl(parsed) : undefined
    };
}
/**
 * How `script` will be sent under `strategy`: one unit, or one unit per statement. A whole-file plan needs no
 * parsing (a long history of Prisma ≤ 7.3 migrations is not parsed for it).
 */
async function planExecution(script, strategy) {
    if (strategy === 'whole-file')
        return wholeFile(script);
    await (0,_sql_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .loadParser */ .qd)();
    return planWithLoadedParser(script, strategy);
}
/** `planExecution` once `loadParser()` has resolved. */
function planWithLoadedParser(script, strategy) {
    if (strategy === 'whole-file')
        return wholeFile(script);
    const parsed = (0,_sql_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseScript */ .tl)(script);
    if (parsed.error)
        return wholeFile(script, parsed, { construct: 'syntax error', line: parsed.error.line });
    for (const statement of parsed.statements) {
        const reason = sqlparserCannotParse(statement);
        if (reason)
            return wholeFile(script, parsed, { construct: reason, line: statement.startLine });
    }
    return { mode: 'per-statement', units: parsed.statements.map(unitOf), ownTransactionControl: false };
}
/**
 * THE place where one unit is sent: one simple-protocol query (no parameters), exactly what Prisma's engine sends
 * with `simple_query`. Anything that must wrap one unit (lock timeouts and their retries) wraps this function.
 */
async function runUnit(client, unit) {
    await client.query(unit.text);
}
function newProgress(plan) {
    return { plan, committed: [], inOpenTransaction: [], uncertain: false };
}
/** Runs a plan unit by unit, keeping `progress` up to date; rethrows the first failure unchanged. */
async function executePlan(client, plan, progress = newProgress(plan), run = runUnit) {
    for (const unit of plan.units) {
        progress.failedUnit = unit;
        await run(client, unit);
        progress.failedUnit = undefined;
        if (plan.mode === 'whole-file') {
            progress.committed.push(unit);
            continue;
        }
        switch (unit.transaction) {
            case 'begin':
                progress.inOpenTransaction.push(unit);
                break;
            case 'commit':
                progress.committed.push(...progress.inOpenTransaction, unit);
                progress.inOpenTransaction = [];
                break;
            case 'rollback':
                progress.inOpenTransaction = [];
                break;
            case 'savepoint':
                progress.uncertain = true;
                progress.inOpenTransaction.push(unit);
                break;
            default:
                if (progress.inOpenTransaction.length > 0)
                    progress.inOpenTransaction.push(unit);
                else
                    progress.committed.push(unit);
        }
    }
    return progress;
}
/** A server-side error (the statement failed and did not commit) rather than a lost connection. */
function isServerError(error) {
    const code = error?.code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
/** What stays committed after `error` stopped the plan (parses a whole-file plan's script: `loadParser()` first). */
function committedStatements(progress, error) {
    if (!isServerError(error) || progress.uncertain)
        return 'unknown';
    // One implicit transaction, unless the file ends it itself (its own COMMIT inside the batch).
    if (progress.plan.mode === 'whole-file') {
        progress.plan.ownTransactionControl ??= ownTransactionControl((0,_sql_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseScript */ .tl)(progress.plan.units[0]?.text ?? ''));
        return progress.plan.ownTransactionControl ? 'unknown' : 'none';
    }
    if (progress.committed.length === 0)
        return 'none';
    return progress.committed.map((unit) => ({ line: unit.startLine, text: (0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .shortenSql */ .AS)(unit.text) }));
}
/** For `_prisma_migrations.logs` and log lines: the committed statements as text. */
function describeStatementsForLog(committed) {
    if (committed === 'none')
        return 'none';
    if (committed === 'unknown')
        return 'unknown';
    return committed.map(({ line, text }) => `line ${line}: ${text.replace(/\s+/g, ' ').trim()}`).join('; ');
}


/***/ }),

/***/ 22755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ renderCommentBody),
  J: () => (/* binding */ renderMigrationReport)
});

// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(32693);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/review/gate.ts
var gate = __webpack_require__(28281);
// EXTERNAL MODULE: ./src/render/fit.ts
var fit = __webpack_require__(91363);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(42495);
// EXTERNAL MODULE: ./src/review/headline.ts
var headline = __webpack_require__(10670);
// EXTERNAL MODULE: ./src/review/rules/index.ts + 31 modules
var rules = __webpack_require__(16608);
// EXTERNAL MODULE: ./src/review/rules/rule.ts
var rule = __webpack_require__(27372);
;// CONCATENATED MODULE: ./src/render/review-sections.ts




const ICON = { error: '🛑 error', warning: '⚠️ warning', notice: 'ℹ️ notice' };
const CONTEXT_LINES = 2;
/** Review notes shown at the top; more would only repeat themselves (the JSON report has them all). */
const MAX_REVIEW_NOTES = 10;
/**
 * What the top of the report lists in full before anything else: data loss, and whatever stops the deploy. A
 * destructive statement on an object this deploy creates destroys nothing here: it is listed with its migration.
 * Findings of migrations already on the base branch are summarised instead.
 */
function isKeyFinding(f, onBase) {
    if (f.acknowledged?.by === 'database')
        return false;
    if (onBase.has(f.migration))
        return false;
    return f.destructive || f.severity === 'error';
}
function ruleLink(f, base) {
    const href = base ? `${base}#${f.rule}` : f.docs;
    return `[${f.rule}](${href})`;
}
function objects(f) {
    const parts = [];
    if (f.typeName)
        parts.push(`enum ${(0,markdown/* code */.aY)(f.typeName)}${f.values?.length ? ` [${f.values.map((v) => (0,markdown/* code */.aY)(v)).join(', ')}]` : ''}`);
    if (f.table)
        parts.push((0,rule/* labelObject */.so)(f));
    else if (f.schema)
        parts.push(`schema ${(0,markdown/* code */.aY)(f.schema)}`);
    if (f.columns?.length && !f.column)
        parts.push(`(${f.columns.map((c) => (0,markdown/* code */.aY)(c)).join(', ')})`);
    return parts.join(' ');
}
function stakeCell(f, compared) {
    if (f.elsewhere)
        return `**${(0,markdown/* inline */.mG)(`none in this database, but it ${f.elsewhere}`)}**`;
    if (f.rowsAtStake && 'error' in f.rowsAtStake)
        return `not counted: ${(0,markdown/* quote */.hD)(f.rowsAtStake.error)}`;
    const counted = (0,headline/* stakeText */._N)(f.rowsAtStake);
    if (counted)
        return f.rowsAtStake && 'count' in f.rowsAtStake && f.rowsAtStake.count > 0 ? `**${counted}**` : counted;
    if (f.dataHere?.destroys)
        return (0,markdown/* inline */.mG)(f.dataHere.reason);
    return f.destructive && !compared ? 'not counted (no database)' : '';
}
/** Who allowed an error-level finding, as inline markdown (the reason is the file's text, quoted). */
function allowedCell(f) {
    if (!f.acknowledged)
        return '';
    if (f.acknowledged.by === 'input')
        return 'allowed by `allow-destructive`';
    if (f.acknowledged.by === 'database')
        return (0,markdown/* inline */.mG)(f.acknowledged.reason ?? 'nothing to lose here');
    return `acknowledged on line ${f.acknowledged.line}${f.acknowledged.reason ? `: ${(0,markdown/* quote */.hD)(f.acknowledged.reason)}` : ''}`;
}
const FINDING_COLUMNS = ['Severity', 'Rule', 'Line', 'Objects', 'Finding', 'Data at stake', 'Allowed'];
function findingCells(f, result, options) {
    return [
        ICON[f.severity],
        ruleLink(f, options.docsBaseUrl),
        String(f.line),
        objects(f),
        (0,markdown/* inline */.mG)(f.message),
        stakeCell(f, result.databaseCompared),
        allowedCell(f)
    ];
}
/**
 * The destructive and error-level findings of every migration, one row each: the part of the report that is never
 * cut before anything else. The fitter may list only the first rows (`head` + `rows`).
 */
function keyFindingsTable(result, onBase, options) {
    const key = result.findings.filter((f) => isKeyFinding(f, onBase));
    if (key.length === 0)
        return undefined;
    return {
        title: `### 🛑 Destructive and error-level findings (${key.length})`,
        head: (0,markdown/* tableHead */.PP)(['Migration', ...FINDING_COLUMNS]),
        rows: key.map((f) => (0,markdown/* tableRow */.jD)([(0,markdown/* code */.aY)(f.migration), ...findingCells(f, result, options)]))
    };
}
/** The file with flagged lines marked: `-` for errors, `!` for warnings and notices (a `diff` block colours them). */
function markedSql(m, detail) {
    const lines = m.script.replace(/\n$/, '').split('\n');
    const marks = new Map();
    for (const f of m.findings) {
        for (let l = f.line; l <= (f.endLine ?? f.line); l++)
            if (marks.get(l) !== '-')
                marks.set(l, f.severity === 'error' ? '-' : '!');
    }
    const near = new Set();
    if (detail === 'flagged')
        for (const l of marks.keys())
            for (let i = l - CONTEXT_LINES; i <= l + CONTEXT_LINES; i++)
                near.add(i);
    const out = [];
    let skipped = false;
    lines.forEach((line, i) => {
        if (detail === 'flagged' && !near.has(i + 1)) {
            if (!skipped)
                out.push(' …');
            skipped = true;
            return;
        }
        skipped = false;
        out.push(`${marks.get(i + 1) ?? ' '}${line}`);
    });
    return (0,markdown/* fence */.EU)(out.join('\n'), 'diff');
}
/**
 * One migration's section without its SQL: its other findings (the key ones are listed at the top) and Prisma's
 * warnings count. The same at every SQL detail level; `migrationSql` gives the part that is not.
 */
function renderMigrationSectionHead(m, result, onBase, options) {
    const parts = [`### ${(0,markdown/* code */.aY)(m.name)}`];
    const key = m.findings.filter((f) => isKeyFinding(f, onBase)).length;
    const others = m.findings.filter((f) => !isKeyFinding(f, onBase));
    if (m.findings.length === 0)
        parts.push('No findings.');
    else if (key > 0)
        parts.push(`${key} destructive or error-level finding${key === 1 ? '' : 's'}, listed at the top.`);
    if (others.length)
        parts.push((0,markdown/* table */.tp)(FINDING_COLUMNS, others.map((f) => findingCells(f, result, options))));
    if (m.prismaWarnings.length) {
        const matched = m.findings.filter((f) => f.prismaWarning).length;
        const onNew = m.prismaWarningsOnNewTables
            ? `, and ${m.prismaWarningsOnNewTables} change(s) are made on tables created earlier in the pending migrations (nothing to check there)`
            : '';
        parts.push(`Prisma's warnings header lists ${m.prismaWarnings.length} change(s); ${matched} finding(s) answer them${onNew}.`);
    }
    return parts.join('\n\n');
}
/** The end of a migration's section: its SQL at the detail asked for, folded; none for 'none' or an empty file. */
function migrationSql(m, sql) {
    if (sql === 'none' || !m.script)
        return undefined;
    const flagged = new Set(m.findings.map((f) => f.line)).size;
    const lines = m.script.replace(/\n$/, '').split('\n').length;
    const label = `${(0,markdown/* htmlCode */.h8)(m.file)} ${(0,markdown/* htmlText */.js)(`(${lines} lines, ${flagged} flagged${sql === 'flagged' ? ', shown around the flagged lines' : ''})`)}`;
    return (0,markdown/* details */.zH)(label, markedSql(m, sql));
}
/** Pending migrations that are already on the base branch: one paragraph, not a finding table each. */
function renderBaseSummary(result) {
    const migrations = result.migrations.filter((m) => m.onBase);
    if (migrations.length === 0)
        return undefined;
    const base = result.pullRequest?.base ?? 'the base branch';
    const findings = migrations.flatMap((m) => m.findings);
    const harmless = findings.filter((f) => f.acknowledged?.by === 'database').length;
    const destroying = findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database');
    const other = findings.filter((f) => !f.destructive);
    const count = (severity) => other.filter((f) => f.severity === severity).length;
    const names = migrations.length === 1
        ? `The migration ${(0,markdown/* code */.aY)(migrations[0].name)} is`
        : `The migrations from ${(0,markdown/* code */.aY)(migrations[0].name)} to ${(0,markdown/* code */.aY)(migrations[migrations.length - 1].name)} are`;
    const items = [];
    if (harmless)
        items.push((0,markdown/* text */.Qq)(`${harmless} destructive statement(s) on objects created earlier in this deploy: nothing to lose in this database.`));
    if (destroying.length)
        items.push(`Destroys data in this database (\`migrate-deploy\` refuses them unless acknowledged): ${destroying
            .slice(0, 5)
            .map((f) => {
            const stake = (0,headline/* stakeText */._N)(f.rowsAtStake);
            return `${(0,headline/* changeLabel */.pG)(f)} in ${(0,markdown/* code */.aY)(f.migration)}${stake ? ` (${stake})` : ''}`;
        })
            .join(', ')}${destroying.length > 5 ? `, and ${destroying.length - 5} more` : ''}.`);
    items.push((0,markdown/* text */.Qq)(`${count('error')} other error(s), ${count('warning')} warning(s), ${count('notice')} notice(s).`));
    return [
        `### ${(0,markdown/* text */.Qq)(`${migrations.length} pending migration(s) already on`)} ${(0,markdown/* inline */.mG)(base)}`,
        `${names} on the base branch (reviewed when they got there) and pending only in this database: summarised here, not flagged again.`,
        items.map((i) => `- ${i}`).join('\n')
    ].join('\n\n');
}
/** The rules behind the findings, each with why it matters and the safe alternative (our own text). */
function rulesExplained(result, onBase, base) {
    const listed = result.findings.filter((f) => !onBase.has(f.migration));
    const firstByRule = new Map();
    for (const f of listed)
        if (!firstByRule.has(f.rule))
            firstByRule.set(f.rule, f);
    if (firstByRule.size === 0)
        return undefined;
    const items = [...firstByRule].map(([id, f]) => {
        const title = rules/* RULES_BY_ID */.kF.get(id)?.title ?? id;
        return `- **${ruleLink(f, base)}** — ${(0,markdown/* inline */.mG)(title)}. ${(0,markdown/* inline */.mG)(f.why)}<br>**Safe alternative:** ${(0,markdown/* inline */.mG)(f.fix)}`;
    });
    return (0,markdown/* details */.zH)((0,markdown/* htmlText */.js)('Why these findings matter, and the safe alternatives'), items.join('\n'));
}
/** The review's verdict for the top of the report: headline, the review's notes, and what the gate will do. */
function reviewHead(result, onBase) {
    const parts = [`**${(0,markdown/* inline */.mG)(result.headline)}**`];
    const notes = [...result.notes];
    if (!result.databaseCompared && result.migrations.length)
        notes.push('Data at stake was not counted: the review could not compare with a database.');
    if (notes.length) {
        const shown = notes.slice(0, MAX_REVIEW_NOTES).map((n) => `> ${(0,markdown/* inline */.mG)(n)}`);
        if (notes.length > MAX_REVIEW_NOTES)
            shown.push(`> ${(0,markdown/* text */.Qq)(`… and ${notes.length - MAX_REVIEW_NOTES} more notes.`)}`);
        parts.push(shown.join('\n>\n'));
    }
    const scope = result.pullRequest;
    if (scope && !scope.known)
        parts.push(`> ${(0,markdown/* inline */.mG)(`Could not tell which pending migrations this pull request adds (compared with ${scope.base}): every pending migration is reviewed as this pull request's, and a destructive change on an object created earlier in this deploy is flagged for environments where that migration already ran.`)}`);
    const harmless = result.findings.filter((f) => f.acknowledged?.by === 'database' && !onBase.has(f.migration)).length;
    if (harmless)
        parts.push(`**Nothing to lose in this database:** ${harmless} destructive finding(s) work on objects created earlier in this deploy (see "Allowed", per finding). They do not block the deploy here.`);
    const open = result.unacknowledgedErrors.length;
    const elsewhere = result.unacknowledgedErrors.filter((f) => f.elsewhere).length;
    if (open)
        parts.push(`${open} error-level finding(s) are not acknowledged: \`migrate-deploy\` will refuse to apply these migrations${elsewhere ? ` where they destroy data (${elsewhere} of them only in environments where earlier migrations already ran, not in this database)` : ''}.`);
    return parts;
}
/** The error-level findings let through the deploy gate, one line each. */
function allowedLines(result) {
    return result.findings
        .filter((f) => f.severity === 'error' && f.acknowledged && f.acknowledged.by !== 'database')
        .map((f) => `- ${(0,markdown/* code */.aY)(f.rule)} in ${(0,markdown/* code */.aY)(f.migration)} line ${f.line}: ${allowedCell(f)}`);
}

// EXTERNAL MODULE: ./src/render/status-table.ts
var status_table = __webpack_require__(78197);
;// CONCATENATED MODULE: ./src/render/migrate-summary.ts







function cutNote(c) {
    const what = [];
    if (c.sql === 'flagged')
        what.push('SQL is shown only around the flagged lines');
    if (c.sql === 'none')
        what.push('the SQL of each migration is left out');
    if (c.notes)
        what.push(`${(0,format/* formatCount */.B4)(c.notes[0])} of ${(0,format/* formatCount */.B4)(c.notes[1])} notes are shown`);
    if (c.key)
        what.push(`${(0,format/* formatCount */.B4)(c.key[0])} of ${(0,format/* formatCount */.B4)(c.key[1])} destructive or error-level findings are listed`);
    if (c.status)
        what.push(`the migrations table lists ${(0,format/* formatCount */.B4)(c.status[0])} of ${(0,format/* formatCount */.B4)(c.status[1])} migrations`);
    if (c.allowed)
        what.push(`${(0,format/* formatCount */.B4)(c.allowed[0])} of ${(0,format/* formatCount */.B4)(c.allowed[1])} allowed findings are listed`);
    if (c.sections)
        what.push(`${(0,format/* formatCount */.B4)(c.sections[1] - c.sections[0])} of ${(0,format/* formatCount */.B4)(c.sections[1])} migrations' sections are left out`);
    if (c.rules)
        what.push('the explanations of the rules are left out');
    const everyFinding = !c.key && !c.sections;
    return `> ✂️ Cut to fit GitHub's size limit: ${what.join('; ')}. ${everyFinding
        ? 'Every finding is listed; the full SQL is in the repository.'
        : 'The job summary has more, and the JSON report (the `report-path` output) has every finding.'}`;
}
const WORST_NOTE = cutNote({
    sql: 'none',
    notes: [9_999_999, 9_999_999],
    key: [9_999_999, 9_999_999],
    status: [9_999_999, 9_999_999],
    allowed: [9_999_999, 9_999_999],
    sections: [0, 9_999_999],
    rules: true
});
/**
 * The migrations' sections at each SQL detail level. Only the SQL at the end of each section depends on the level:
 * the rest is rendered once, and each level's SQL when first asked for.
 */
function sections(reviewed, onBase, docsBaseUrl) {
    // Migrations already on the base branch of a pull request: one summary, not a section each.
    const baseSummary = renderBaseSummary(reviewed);
    const shown = reviewed.migrations.filter((m) => !m.onBase);
    const heads = shown.map((m) => renderMigrationSectionHead(m, reviewed, onBase, { docsBaseUrl }));
    const done = new Map();
    return (sql) => {
        let rendered = done.get(sql);
        if (!rendered) {
            rendered = [
                ...(baseSummary ? [baseSummary] : []),
                ...shown.map((m, i) => {
                    const block = migrationSql(m, sql);
                    return block ? `${heads[i]}\n\n${block}` : heads[i];
                })
            ];
            done.set(sql, rendered);
        }
        return rendered;
    };
}
function parts(input) {
    const review = input.review;
    const onBase = review ? (0,gate/* baseMigrationNames */.AF)(review) : new Set();
    const top = [
        `## ${(0,markdown/* text */.Qq)(input.title ?? `Prisma migrations: ${input.mode}`)}`,
        `**Target:** ${(0,markdown/* code */.aY)(input.target)} · **Migrations:** ${(0,markdown/* code */.aY)(input.migrationsDir)} · **Mode:** ${(0,markdown/* code */.aY)(input.mode)}`,
        ...(review ? reviewHead(review, onBase) : [])
    ];
    const rows = input.rows;
    let migrations;
    if (rows) {
        const pending = rows.filter((r) => r.state === 'pending').length;
        const upToDate = pending === 0 && rows.every((r) => r.state !== 'failed' && r.state !== 'failed-now')
            ? '✅ No pending migrations: the database is up to date with the migrations directory.'
            : undefined;
        migrations = rows.length
            ? { upToDate, ...(0,status_table/* statusTableParts */.ff)(rows) }
            : { upToDate, head: '_No migrations found._', rows: [] };
    }
    const reviewed = review && review.migrations.length > 0 ? review : undefined;
    return {
        top,
        notes: [...(input.notes ?? []), ...(input.nextSteps ?? [])].map((n) => `- ${(0,markdown/* inline */.mG)(n)}`),
        key: review ? keyFindingsTable(review, onBase, { docsBaseUrl: input.docsBaseUrl }) : undefined,
        migrations,
        reviewTitle: reviewed ? '## SQL review' : undefined,
        allowed: reviewed ? allowedLines(reviewed) : [],
        sections: reviewed ? sections(reviewed, onBase, input.docsBaseUrl) : () => [],
        rules: reviewed ? rulesExplained(reviewed, onBase, input.docsBaseUrl) : undefined,
        appendix: (input.appendix ?? []).map((a) => a.replace(/\n+$/, '')).filter(Boolean)
    };
}
const ALLOWED_TITLE = '**Allowed through the deploy gate:**';
/** The whole report at one SQL detail level, nothing else cut. */
function whole(p, sql) {
    return [
        ...p.top,
        ...(p.notes.length ? [p.notes.join('\n')] : []),
        ...(p.key ? [p.key.title, [p.key.head, ...p.key.rows].join('\n')] : []),
        ...(p.migrations
            ? [
                ...(p.migrations.upToDate ? [p.migrations.upToDate] : []),
                '### Migrations',
                [p.migrations.head, ...p.migrations.rows].join('\n')
            ]
            : []),
        ...(p.reviewTitle ? [p.reviewTitle] : []),
        ...(p.allowed.length ? [[ALLOWED_TITLE, ...p.allowed].join('\n')] : []),
        ...p.sections(sql),
        ...(p.rules ? [p.rules] : []),
        ...(sql === 'full' ? [] : [cutNote({ sql })]),
        ...p.appendix
    ];
}
/**
 * Over the limit even without SQL: the top and the appendix whole, then each list in order of importance gets what
 * is left (notes up to half, the destructive and error-level findings all of it, the migrations table and the
 * allowed list up to half), then the migrations' sections while they fit.
 */
function cut(p, measure, limit) {
    // a document costs the sum of its blocks' costs minus one
    let left = limit + 1 - (0,fit/* cost */.y)(measure, [...p.top, ...p.appendix, WORST_NOTE]);
    const c = { sql: 'none' };
    const take = (block) => {
        if (!block || measure(block) + fit/* SEPARATOR */.wv > left)
            return false;
        left -= measure(block) + fit/* SEPARATOR */.wv;
        return true;
    };
    const share = (fraction) => Math.max(0, Math.floor(left * fraction) - fit/* SEPARATOR */.wv);
    const blocks = [...p.top];
    if (p.notes.length) {
        const notes = (0,fit/* fitLines */.RV)('', p.notes, share(0.5), measure, (n) => `_${(0,format/* formatCount */.B4)(n)} more notes are left out._`);
        if (notes.omitted)
            c.notes = [notes.kept, p.notes.length];
        if (take(notes.text))
            blocks.push(notes.text);
    }
    if (p.key && take(p.key.title)) {
        blocks.push(p.key.title);
        // most of what is left: the rest only gets a glimpse when these do not fit
        const key = (0,fit/* fitLines */.RV)(p.key.head, p.key.rows, share(0.9), measure, (n) => (0,markdown/* text */.Qq)(`… and ${(0,format/* formatCount */.B4)(n)} more destructive or error-level findings, in the job summary and the JSON report.`));
        if (key.omitted)
            c.key = [key.kept, p.key.rows.length];
        if (take(key.text))
            blocks.push(key.text);
    }
    if (p.migrations) {
        if (p.migrations.upToDate && take(p.migrations.upToDate))
            blocks.push(p.migrations.upToDate);
        const title = '### Migrations';
        const table = (0,fit/* fitLines */.RV)(p.migrations.head, p.migrations.rows, share(0.5) - measure(title) - fit/* SEPARATOR */.wv, measure, (n) => (0,markdown/* text */.Qq)(`… and ${(0,format/* formatCount */.B4)(n)} more migrations.`));
        if (table.omitted)
            c.status = [table.kept, p.migrations.rows.length];
        if (table.text && take(title) && take(table.text))
            blocks.push(title, table.text);
    }
    if (p.reviewTitle && take(p.reviewTitle))
        blocks.push(p.reviewTitle);
    if (p.allowed.length) {
        const allowed = (0,fit/* fitLines */.RV)(ALLOWED_TITLE, p.allowed, share(0.5), measure, (n) => (0,markdown/* text */.Qq)(`… and ${(0,format/* formatCount */.B4)(n)} more.`));
        if (allowed.omitted)
            c.allowed = [allowed.kept, p.allowed.length];
        if (take(allowed.text))
            blocks.push(allowed.text);
    }
    const sections = p.sections('none');
    let shown = 0;
    while (shown < sections.length && take(sections[shown]))
        blocks.push(sections[shown++]);
    if (shown < sections.length)
        c.sections = [shown, sections.length];
    if (p.rules) {
        if (take(p.rules))
            blocks.push(p.rules);
        else
            c.rules = true;
    }
    return [...blocks, cutNote(c), ...p.appendix];
}
/**
 * The job summary (and, with a marker, the PR comment). The headline and the destructive and error-level findings
 * come first, then the migrations table, then each migration's other findings and its SQL. Over the limit, detail
 * goes in a fixed order (SQL away from the findings, all SQL, then the tail of each list by importance) and a note
 * says what went. Every part is rendered and measured once, so a report of thousands of migrations takes
 * milliseconds.
 */
function renderMigrationReport(input) {
    const measure = input.limit?.chars !== undefined ? fit/* chars */.Wn : fit/* bytes */.ee;
    const limit = input.limit?.chars ?? input.limit?.bytes ?? constants/* MAX_SUMMARY_BYTES */.Q0;
    const p = parts(input);
    const fits = (blocks) => (0,fit/* cost */.y)(measure, blocks) - 1 <= limit;
    // the smallest whole report first: when even that is over the limit, the SQL levels need not be rendered
    const none = whole(p, 'none');
    if (!fits(none))
        return (0,fit/* joinBlocks */.x9)(cut(p, measure, limit));
    for (const sql of ['full', 'flagged']) {
        const blocks = whole(p, sql);
        if (fits(blocks))
            return (0,fit/* joinBlocks */.x9)(blocks);
    }
    return (0,fit/* joinBlocks */.x9)(none);
}
/** The PR comment: the marker on its own first line, then the same markdown fitted to 65,536 characters. */
function renderCommentBody(input, marker) {
    const body = renderMigrationReport({ ...input, limit: { chars: constants/* MAX_COMMENT_CHARS */.VK - marker.length - 1 } });
    return `${marker}\n${body}`;
}


/***/ }),

/***/ 78197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O5: () => (/* binding */ statusRows),
/* harmony export */   ff: () => (/* binding */ statusTableParts)
/* harmony export */ });
/* unused harmony export renderStatusTable */
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32693);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42495);


const STATE_LABEL = {
    applied: '✅ applied',
    pending: '⏳ pending',
    failed: '❌ failed',
    'rolled-back': '↩️ rolled back',
    'missing-locally': '⚠️ not in the migrations directory',
    'applied-now': '🆕 applied now',
    'failed-now': '❌ failed now'
};
function when(d) {
    return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '';
}
const COLUMNS = ['Migration', 'State', 'Started', 'Duration', 'Notes'];
function cells(r) {
    const duration = r.durationMs ?? (r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : undefined);
    return [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(r.name),
        STATE_LABEL[r.state],
        when(r.startedAt),
        duration === undefined ? '' : (0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(duration),
        r.edited ? '✏️ edited after it was applied (checksum differs)' : ''
    ];
}
/** The migrations table: one row per migration, in order. */
function renderStatusTable(rows) {
    if (rows.length === 0)
        return '_No migrations found._';
    return table(COLUMNS, rows.map(cells));
}
/** The same table as a head and one line per row, for the fitter to cut. */
function statusTableParts(rows) {
    return { head: (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableHead */ .PP)(COLUMNS), rows: rows.map((r) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)(cells(r))) };
}
/** The summary's migrations table: the diagnosis after the run, with what this run applied or failed marked. */
function statusRows(diagnosis, appliedNow = [], failedNow) {
    const applied = new Map(appliedNow.map((m) => [m.name, m]));
    return diagnosis.migrations.map((m) => {
        const now = applied.get(m.name);
        if (now)
            return {
                name: m.name,
                state: 'applied-now',
                edited: m.edited,
                startedAt: now.startedAt,
                finishedAt: now.finishedAt,
                durationMs: now.durationMs
            };
        return {
            name: m.name,
            state: m.name === failedNow && m.state === 'failed' ? 'failed-now' : m.state,
            edited: m.edited,
            startedAt: m.startedAt,
            finishedAt: m.finishedAt
        };
    });
}


/***/ }),

/***/ 28281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ baseMigrationNames),
/* harmony export */   YC: () => (/* binding */ failOnDecision),
/* harmony export */   eU: () => (/* binding */ gateDecision)
/* harmony export */ });
/** "52 destroy nothing in this database (...), 1 acknowledged in the migration file": who allowed what. */
function allowedSummary(findings) {
    const count = (by) => findings.filter((f) => f.acknowledged?.by === by).length;
    const parts = [];
    if (count('database'))
        parts.push(`${count('database')} destroy nothing in this database (each works on an object created earlier in this deploy)`);
    if (count('comment'))
        parts.push(`${count('comment')} acknowledged in the migration file`);
    if (count('input'))
        parts.push(`${count('input')} allowed by \`allow-destructive: true\``);
    return parts.join(', ');
}
/** Whether migrate-deploy may apply the reviewed migrations. Decide before taking the advisory lock. */
function gateDecision(result, allowDestructive) {
    const errors = result.findings.filter((f) => f.severity === 'error');
    const allowedBy = errors
        .filter((f) => f.acknowledged || allowDestructive)
        .map((f) => ({
        finding: f,
        by: f.acknowledged?.by ?? 'input',
        reason: f.acknowledged?.reason ?? 'allow-destructive: true'
    }));
    const blocking = errors.filter((f) => !f.acknowledged);
    if (blocking.length === 0)
        return {
            allowed: true,
            reason: errors.length
                ? `No error-level finding blocks the deploy: ${allowedSummary(errors)}.`
                : 'No error-level findings.',
            allowedBy
        };
    if (allowDestructive)
        return {
            allowed: true,
            reason: `${blocking.length} error-level finding(s) allowed by \`allow-destructive: true\`.`,
            allowedBy
        };
    const list = blocking
        .slice(0, 5)
        .map((f) => `${f.rule} in ${f.migration} line ${f.line}${f.dataHere?.destroys ? ` (${f.dataHere.reason})` : ''}`)
        .join('; ');
    const others = allowedSummary(errors);
    return {
        allowed: false,
        reason: `Refusing to apply: ${blocking.length} error-level finding(s) are not acknowledged (${list}${blocking.length > 5 ? '; ...' : ''}).${others ? ` Of the others, ${others}.` : ''} Acknowledge each with a \`-- pg-ops:allow <rule> <reason>\` line directly above the statement, or set \`allow-destructive: true\`.`,
        allowedBy
    };
}
/** Pending migrations already on the base branch of a pull request (reviewed when they got there). */
function baseMigrationNames(result) {
    return new Set(result.migrations.filter((m) => m.onBase).map((m) => m.name));
}
/**
 * Whether migrate-status fails the check for these findings. Acknowledged findings do not count, nor do those of
 * migrations a pull request review summarises as already on the base branch.
 */
function failOnDecision(result, failOn) {
    if (failOn === 'never')
        return false;
    const onBase = baseMigrationNames(result);
    const open = result.findings.filter((f) => !f.acknowledged && !onBase.has(f.migration));
    if (failOn === 'warning')
        return open.some((f) => f.severity === 'error' || f.severity === 'warning');
    return open.some((f) => f.severity === 'error');
}


/***/ }),

/***/ 10670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _N: () => (/* binding */ stakeText),
/* harmony export */   aU: () => (/* binding */ headlineFor),
/* harmony export */   pG: () => (/* binding */ changeLabel)
/* harmony export */ });
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32693);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16608);
/* harmony import */ var _rules_rule_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27372);



/** "1,234 rows", "~1,200 rows, estimated", or undefined when nothing was counted. */
function stakeText(stake) {
    if (!stake || 'error' in stake)
        return undefined;
    const what = stake.what === 'non-null values' ? 'values' : stake.what;
    return stake.estimated
        ? `~${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(stake.count)} ${what}, estimated`
        : `${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(stake.count)} ${what}`;
}
/** A short name for a destructive change, e.g. "DROP COLUMN `clients`.`email`": the rule's own label. */
function changeLabel(f) {
    return _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES_BY_ID */ .kF.get(f.rule)?.label?.(f) ?? `${f.rule} on ${(0,_rules_rule_js__WEBPACK_IMPORTED_MODULE_1__/* .labelObject */ .so)(f)}`;
}
function headlineFor(result) {
    const n = result.migrations.length;
    if (n === 0)
        return 'No pending migrations to review.';
    // A statement on an object the deploy itself created destroys nothing in the compared database.
    const destructive = result.findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database');
    const harmless = result.findings.filter((f) => f.destructive && f.acknowledged?.by === 'database').length;
    const errors = result.findings.filter((f) => f.severity === 'error' && f.acknowledged?.by !== 'database').length;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    if (destructive.length) {
        const items = destructive.slice(0, 5).map((f) => {
            const stake = stakeText(f.rowsAtStake);
            const where = f.elsewhere ? 'where earlier migrations ran' : undefined;
            const detail = [stake, where].filter(Boolean).join(', ');
            return detail ? `${changeLabel(f)} (${detail})` : changeLabel(f);
        });
        const more = destructive.length > 5 ? `, and ${destructive.length - 5} more` : '';
        return `${destructive.length} destructive change${destructive.length === 1 ? '' : 's'}: ${items.join(', ')}${more}`;
    }
    const of = `in ${n} migration${n === 1 ? '' : 's'}`;
    const none = harmless
        ? `No destructive changes for this database (${harmless} destructive statement${harmless === 1 ? '' : 's'} only touch${harmless === 1 ? 'es' : ''} objects created earlier in this deploy)`
        : 'No destructive changes';
    if (errors || warnings)
        return `${none}; ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} ${of}.`;
    return harmless ? `${none} ${of}.` : `No findings ${of}.`;
}


/***/ })

};

//# sourceMappingURL=100.index.js.map
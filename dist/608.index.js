export const id = 608;
export const ids = [608];
export const modules = {

/***/ 16608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y0: () => (/* binding */ RULES),
  kF: () => (/* binding */ RULES_BY_ID),
  BD: () => (/* binding */ ruleById)
});

// EXTERNAL MODULE: ./src/sql/ast.ts
var ast = __webpack_require__(13080);
// EXTERNAL MODULE: ./src/review/rules/rule.ts
var rule = __webpack_require__(27372);
;// CONCATENATED MODULE: ./src/review/rules/add-required-column-without-default.ts


const addRequiredColumnWithoutDefault = {
    id: 'add-required-column-without-default',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'Adding a NOT NULL column without a default fails on a table with rows',
    why: 'Every existing row would get NULL in the new column, which NOT NULL forbids, so the statement fails as soon as the table has one row. A Prisma-level default (`@default(cuid())`, `@updatedAt`) does not help: it is not in the database.',
    fix: 'Add the column as nullable (or with a database DEFAULT), backfill it, then `SET NOT NULL` in a later migration. For a constant, `ADD COLUMN ... NOT NULL DEFAULT <value>` is instant on Postgres 11+.',
    example: 'ALTER TABLE "users" ADD COLUMN     "typeOfUserId" SMALLINT NOT NULL;',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table)
            return [];
        const quiet = model.isNewTable(table);
        const cmds = (0,rule/* alterCommands */.$f)(node);
        const dropped = new Set(cmds.filter((c) => c.subtype === 'AT_DropColumn').map((c) => c.name));
        const hits = [];
        for (const cmd of cmds) {
            const col = cmd.subtype === 'AT_AddColumn' ? (0,ast/* columnDefOf */.lF)(cmd.def) : undefined;
            // A column dropped and re-added in the same statement is drop-and-recreate-column's finding.
            if (!col || !col.notNull || col.hasDefault || col.generated || dropped.has(col.name))
                continue;
            hits.push({
                message: `ADD COLUMN ${(0,rule/* qualifiedColumn */.xt)(table, col.name)} ${(0,ast/* displayType */.x)(col.type)} NOT NULL has no default: it fails if ${(0,rule.q)(table.name)} has any row.`,
                schema: table.schema,
                table: table.name,
                column: col.name,
                stake: { kind: 'table-rows', table },
                quiet
            });
        }
        return hits;
    }
};

;// CONCATENATED MODULE: ./src/review/rules/add-unique.ts


const addUnique = {
    id: 'add-unique',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['IndexStmt', 'AlterTableStmt'],
    title: 'A new unique index or constraint fails on duplicate values',
    why: 'Building the unique index fails on the first duplicate, which aborts the whole migration. Without CONCURRENTLY it also blocks writes to the table while it builds.',
    fix: 'Find and resolve the duplicates first (the review counts them when it can reach the database). On a large table build the index with `CREATE UNIQUE INDEX CONCURRENTLY` in its own migration, then attach it with `ADD CONSTRAINT ... UNIQUE USING INDEX`.',
    example: 'CREATE UNIQUE INDEX "User_email_key" ON "User"("email");',
    check: ({ stmt, node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table)
            return [];
        const quiet = model.isNewTable(table);
        const hits = [];
        const push = (columns, name) => {
            hits.push({
                message: `Unique ${name ? `index ${(0,rule.q)(name)}` : 'constraint'} on ${(0,rule/* qTable */.aW)(table)} (${columns.map(rule.q).join(', ') || 'expressions'}) fails if duplicate values exist.`,
                schema: table.schema,
                table: table.name,
                columns,
                stake: columns.length ? { kind: 'duplicates', table, columns } : undefined,
                quiet
            });
        };
        if (stmt.kind === 'IndexStmt') {
            if (node.unique)
                push(indexColumns(node), node.idxname);
            return hits;
        }
        for (const cmd of (0,rule/* alterCommands */.$f)(node)) {
            const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
            if (con?.contype === 'CONSTR_UNIQUE' && !con.indexname)
                push((0,ast/* stringsOf */.iw)(con.keys), con.conname);
        }
        return hits;
    }
};
/** Plain columns of an index; empty when any part is an expression (no duplicate count then). */
function indexColumns(node) {
    const params = (node.indexParams ?? []).map((p) => p.IndexElem);
    return params.every((p) => typeof p?.name === 'string') ? params.map((p) => p.name) : [];
}

;// CONCATENATED MODULE: ./src/review/rules/concurrently-in-transaction.ts

function isConcurrent(kind, node) {
    if (kind === 'IndexStmt' || kind === 'DropStmt')
        return node.concurrent === true;
    if (kind === 'ReindexStmt')
        return (node.params ?? []).some((p) => p?.DefElem?.defname === 'concurrently');
    if (kind === 'AlterTableStmt')
        return (node.cmds ?? []).some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd?.def?.PartitionCmd?.concurrent);
    return false;
}
const concurrentlyInTransaction = {
    id: 'concurrently-in-transaction',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['IndexStmt', 'DropStmt', 'ReindexStmt', 'AlterTableStmt'],
    title: 'CONCURRENTLY in a migration file with other statements fails',
    why: 'Prisma up to 7.3 (and this action for such projects) runs a migration file as one transaction, and CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY refuse to run inside a transaction block: the migration fails and is recorded as failed. Prisma 7.4+ runs each statement on its own, so the finding is only raised where it still sends the file as one batch (its SQL parser cannot split it, e.g. DROP INDEX CONCURRENTLY or a DO block).',
    fix: 'Move the CONCURRENTLY statement into a migration file of its own, with no other statement in it.',
    example: 'CREATE INDEX CONCURRENTLY "clients_email_idx" ON "clients"("email");\nALTER TABLE "clients" ADD COLUMN "note" TEXT;',
    check: ({ stmt, node, file }) => {
        if (!isConcurrent(stmt.kind, node) || file.parsed.statements.length <= 1)
            return [];
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        return [
            {
                message: `This CONCURRENTLY statement shares its file with ${file.parsed.statements.length - 1} other statement(s): it fails inside the migration's transaction.`,
                schema: table?.schema,
                table: table?.name
            }
        ];
    }
};

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(42495);
;// CONCATENATED MODULE: ./src/review/rules/delete-without-where.ts



const deleteWithoutWhere = {
    id: 'delete-without-where',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['DeleteStmt'],
    title: 'DELETE without WHERE deletes every row',
    why: 'A data migration that deletes without a condition empties the table, usually by mistake, and holds row locks on all of it for the rest of the migration.',
    fix: 'Add the WHERE clause that selects the rows to delete; for large tables delete in batches outside the schema migration.',
    example: 'DELETE FROM "payers";',
    label: (f) => `DELETE FROM ${(0,markdown/* code */.aY)(f.table ?? '?')} without WHERE`,
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table || node.whereClause || model.isNewTable(table))
            return [];
        return [
            {
                message: `DELETE FROM ${(0,rule/* qTable */.aW)(table)} has no WHERE clause: it deletes every row.`,
                schema: table.schema,
                table: table.name,
                stake: { kind: 'table-rows', table }
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/review/rules/drop-column.ts


/** Columns the same ALTER TABLE (or a later statement of the file) adds back under the same name. */
function readdedColumns(ctx) {
    const rel = (0,ast/* relationOf */.Ke)(ctx.node.relation);
    const out = new Set();
    const scan = (node) => {
        for (const cmd of (0,rule/* alterCommands */.$f)(node)) {
            if (cmd.subtype === 'AT_AddColumn') {
                const col = (0,ast/* columnDefOf */.lF)(cmd.def);
                if (col)
                    out.add(col.name);
            }
        }
    };
    scan(ctx.node);
    for (const other of (0,rule/* otherStatements */.RJ)(ctx, 'after')) {
        const otherRel = other.stmt.kind === 'AlterTableStmt' ? (0,ast/* relationOf */.Ke)(other.node.relation) : undefined;
        if (otherRel && rel && otherRel.name === rel.name && otherRel.schema === rel.schema)
            scan(other.node);
    }
    return out;
}
/** The table of an ALTER TABLE that may drop columns, the columns it adds back, and whether the table is new. */
function droppedColumnsTarget(ctx) {
    if (ctx.node.objtype !== 'OBJECT_TABLE')
        return undefined;
    const table = (0,ast/* relationOf */.Ke)(ctx.node.relation);
    if (!table)
        return undefined;
    return { table, readded: readdedColumns(ctx), isNew: ctx.model.isNewTable(table) };
}
const dropColumn = {
    id: 'drop-column',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'DROP COLUMN deletes every value in the column',
    why: 'The values are gone once the migration commits. Code still deployed that selects or writes the column fails until the new release is out.',
    fix: 'Expand and contract: stop reading and writing the column in one release (Prisma: remove the field, or mark it `@ignore` first), back the values up, then drop it in a later migration. If the column was renamed, use `ALTER TABLE ... RENAME COLUMN` (and `@map` in schema.prisma) instead.',
    example: 'ALTER TABLE "clients" DROP COLUMN "email";',
    label: (f) => `DROP COLUMN ${(0,rule/* labelObject */.so)(f)}`,
    check: (ctx) => {
        const target = droppedColumnsTarget(ctx);
        if (!target)
            return [];
        const { table, readded, isNew } = target;
        return (0,rule/* alterCommands */.$f)(ctx.node)
            .filter((cmd) => cmd.subtype === 'AT_DropColumn' && !readded.has(cmd.name))
            .map((cmd) => ({
            message: `DROP COLUMN ${(0,rule/* qualifiedColumn */.xt)(table, cmd.name)} deletes every value in the column.`,
            schema: table.schema,
            table: table.name,
            column: cmd.name,
            stake: isNew ? undefined : { kind: 'non-null', table, column: cmd.name }
        }));
    }
};

;// CONCATENATED MODULE: ./src/review/rules/drop-and-recreate-column.ts



const dropAndRecreateColumn = {
    id: 'drop-and-recreate-column',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'A column dropped and added again under the same name loses all its values',
    why: 'Prisma renders a type change it cannot cast as `DROP COLUMN x, ADD COLUMN x <new type>`: the column keeps its name but every value is replaced by NULL or the default. If the new column is NOT NULL without a default, the statement fails on a non-empty table.',
    fix: 'Edit the migration to convert the values instead: `ALTER COLUMN x TYPE <new type> USING <expression>`, or add a new column, backfill it, and drop the old one in a later release.',
    example: 'ALTER TABLE "Alerts" DROP COLUMN "status",\nADD COLUMN     "status" "AlertStatus" NOT NULL;',
    label: (f) => `drop and re-add ${(0,rule/* labelObject */.so)(f)}`,
    check: (ctx) => {
        const target = droppedColumnsTarget(ctx);
        if (!target)
            return [];
        const { table, readded, isNew } = target;
        const hits = [];
        for (const cmd of (0,rule/* alterCommands */.$f)(ctx.node)) {
            if (cmd.subtype !== 'AT_DropColumn' || !readded.has(cmd.name))
                continue;
            const added = findAdd(ctx, cmd.name);
            const required = added && added.notNull && !added.hasDefault && !added.generated;
            const requiredNote = required
                ? ' The new column is NOT NULL without a default, so the statement fails if the table has rows.'
                : '';
            hits.push({
                message: `${(0,rule/* qualifiedColumn */.xt)(table, cmd.name)} is dropped and added again${added ? ` as ${(0,ast/* displayType */.x)(added.type)}` : ''}: every value in it is lost.${requiredNote}`,
                schema: table.schema,
                table: table.name,
                column: cmd.name,
                stake: isNew ? undefined : { kind: 'non-null', table, column: cmd.name }
            });
        }
        return hits;
    }
};
function findAdd(ctx, name) {
    const nodes = [ctx.node, ...(0,rule/* otherStatements */.RJ)(ctx, 'after').map((o) => o.node)];
    for (const node of nodes) {
        for (const cmd of (0,rule/* alterCommands */.$f)(node)) {
            const col = cmd.subtype === 'AT_AddColumn' ? (0,ast/* columnDefOf */.lF)(cmd.def) : undefined;
            if (col?.name === name)
                return col;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/review/rules/drop-database.ts

const dropDatabase = {
    id: 'drop-database',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['DropdbStmt'],
    title: 'DROP DATABASE deletes a whole database',
    why: 'Every schema, table and row of the database is gone. It also cannot run inside a transaction, so a migration containing it fails anyway.',
    fix: 'Never drop a database from a migration; do it by hand, after a backup, outside the deploy.',
    example: 'DROP DATABASE "railway";',
    label: () => 'DROP DATABASE',
    check: ({ node }) => [{ message: `DROP DATABASE ${(0,rule.q)(node.dbname)} deletes the whole database.` }]
};

;// CONCATENATED MODULE: ./src/review/rules/drop-schema.ts


const dropSchema = {
    id: 'drop-schema',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['DropStmt'],
    title: 'DROP SCHEMA deletes every object in the schema',
    why: 'With CASCADE every table, view, type and function in the schema goes, with all their rows; without CASCADE the statement fails unless the schema is empty.',
    fix: 'Drop the objects one by one in reviewed migrations, after backing up their data.',
    example: 'DROP SCHEMA "legacy" CASCADE;',
    label: (f) => `DROP SCHEMA ${(0,markdown/* code */.aY)(f.schema ?? '?')}`,
    check: ({ node }) => {
        if (node.removeType !== 'OBJECT_SCHEMA')
            return [];
        return (node.objects ?? []).map((obj) => {
            const name = obj.String?.sval ?? '?';
            return {
                message: `DROP SCHEMA ${(0,rule.q)(name)}${node.behavior === 'DROP_CASCADE' ? ' CASCADE' : ''} deletes the schema and everything in it.`,
                schema: name
            };
        });
    }
};

;// CONCATENATED MODULE: ./src/review/rules/drop-table.ts



const dropTable = {
    id: 'drop-table',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['DropStmt'],
    title: 'DROP TABLE deletes the table and every row in it',
    why: 'The rows are gone once the migration commits; only a backup brings them back. Code still deployed that reads the table fails.',
    fix: 'Stop using the table first (a release without it), back it up, then drop it in a later migration. If Prisma generated the drop because the table is missing from schema.prisma, add the model (or `prisma db pull`) instead of dropping it.',
    example: '-- DropTable\nDROP TABLE "payers";',
    label: (f) => `DROP TABLE ${(0,markdown/* code */.aY)(f.table ?? '?')}`,
    check: ({ node, model }) => {
        if (node.removeType !== 'OBJECT_TABLE')
            return [];
        return (node.objects ?? []).map((obj) => {
            const table = (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj));
            const isNew = model.isNewTable(table);
            const cascade = node.behavior === 'DROP_CASCADE'
                ? ' CASCADE also drops the views and foreign keys that depend on it.'
                : '';
            return {
                message: `DROP TABLE ${(0,rule/* qTable */.aW)(table)} deletes the table and all its rows.${cascade}${isNew ? ' (The table is created earlier in the pending migrations.)' : ''}`,
                schema: table.schema,
                table: table.name,
                stake: isNew ? undefined : { kind: 'table-rows', table }
            };
        });
    }
};

;// CONCATENATED MODULE: ./src/review/rules/drop-table-with-dependent-view.ts



const dropTableWithDependentView = {
    id: 'drop-table-with-dependent-view',
    severity: 'error',
    destructive: false,
    enabledByDefault: true,
    kinds: ['DropStmt'],
    title: 'DROP TABLE without CASCADE on a table a view reads fails',
    why: 'Postgres refuses to drop a table while a view depends on it ("cannot drop table ... because other objects depend on it"), so the migration fails halfway through the deploy. With CASCADE it silently drops the view too.',
    fix: 'Decide what happens to the view: drop it explicitly before the table (and stop the code that reads it), or keep the table. Prisma does not manage views, so a Prisma-generated DROP TABLE never accounts for them.',
    example: '-- sales_report_view reads sales_report_entries\nDROP TABLE "sales_report_entries";',
    confirm: (hit, views) => `DROP TABLE ${(0,markdown/* code */.aY)(hit.table ?? '?')} will fail: the view ${views.map((v) => (0,markdown/* code */.aY)(v)).join(', ')} in the database reads it.`,
    check: ({ node, model, stmt }) => {
        if (node.removeType !== 'OBJECT_TABLE' || node.behavior === 'DROP_CASCADE')
            return [];
        return (node.objects ?? []).flatMap((obj) => {
            const table = (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj));
            const views = model.viewsReading(table);
            // Views in the database: asked of it (a table the pending set created has none there).
            if (views.length === 0)
                return model.isNewTable(table)
                    ? []
                    : [
                        {
                            message: `DROP TABLE ${(0,rule/* qTable */.aW)(table)} will fail if a view in the database reads it.`,
                            line: stmt.startLine,
                            schema: table.schema,
                            table: table.name,
                            lookup: { kind: 'dependent-views', table, ignore: [] }
                        }
                    ];
            const names = views.map((v) => (0,rule.q)(v.name)).join(', ');
            return [
                {
                    message: `DROP TABLE ${(0,rule/* qTable */.aW)(table)} will fail: the view ${names} (created earlier in the pending migrations) reads it.`,
                    schema: table.schema,
                    table: table.name
                }
            ];
        });
    }
};

;// CONCATENATED MODULE: ./src/review/rules/drop-view.ts


const dropView = {
    id: 'drop-view',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['DropStmt'],
    title: 'Dropping a view breaks the code and reports that read it',
    why: 'Queries, dashboards and API endpoints that read the view fail as soon as it is gone. A materialized view also loses its stored rows.',
    fix: 'Make sure nothing reads the view any more (search the code and the BI tools), or replace it with `CREATE OR REPLACE VIEW` in the same migration.',
    example: 'DROP VIEW "sales_report_view";',
    check: ({ node, model }) => {
        if (node.removeType !== 'OBJECT_VIEW' && node.removeType !== 'OBJECT_MATVIEW')
            return [];
        const kind = node.removeType === 'OBJECT_MATVIEW' ? 'MATERIALIZED VIEW' : 'VIEW';
        return (node.objects ?? [])
            .map((obj) => (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj)))
            .filter((view) => !model.isNewView(view))
            .map((view) => ({
            message: `DROP ${kind} ${(0,rule/* qTable */.aW)(view)}: everything that reads it fails.`,
            schema: view.schema,
            table: view.name
        }));
    }
};

// EXTERNAL MODULE: ./src/sql/parse.ts
var parse = __webpack_require__(24159);
;// CONCATENATED MODULE: ./src/review/rules/dynamic-sql.ts



/**
 * Built-in and common extension functions that run SQL handed to them as text. The built-ins run it read-only,
 * but a volatile function named in the text still runs with full rights (`query_to_xml('SELECT f()', ...)`).
 */
const RUNS_SQL_TEXT = new Set([
    'query_to_xml',
    'query_to_xmlschema',
    'query_to_xml_and_xmlschema',
    'ts_stat',
    'ts_rewrite',
    'dblink',
    'dblink_exec',
    'dblink_open',
    'dblink_send_query',
    'pg_background_launch'
]);
/** Statements that name a routine without running it. */
const ABOUT_A_ROUTINE = new Set([
    'CreateFunctionStmt',
    'DropStmt',
    'RenameStmt',
    'AlterFunctionStmt',
    'CommentStmt',
    'GrantStmt',
    'AlterOwnerStmt',
    'AlterObjectSchemaStmt',
    'AlterObjectDependsStmt',
    'SecLabelStmt',
    'AlterExtensionContentsStmt'
]);
/** Statements that read or write rows: triggers, defaults, constraints and views may run stored code on the way. */
const TOUCHES_ROWS = new Set([
    'InsertStmt',
    'UpdateStmt',
    'DeleteStmt',
    'MergeStmt',
    'TruncateStmt',
    'CopyStmt',
    'SelectStmt',
    'CreateTableAsStmt',
    'RefreshMatViewStmt',
    'ExplainStmt',
    'CallStmt'
]);
/** Nodes that hold no expression that runs (type modifiers must be constants): not walked, as they are most of a table. */
const NOTHING_RUNS = new Set([
    'TypeName',
    'typeName',
    'RangeVar',
    'relation',
    'ColumnRef',
    'A_Const',
    'String',
    'location'
]);
/** What a piece of SQL hides from a static review: DO blocks, EXECUTE of prepared statements, SQL run from text. */
function opaqueParts(node, out = []) {
    if (node === null || typeof node !== 'object')
        return out;
    if (Array.isArray(node)) {
        for (const item of node)
            opaqueParts(item, out);
        return out;
    }
    // Runs on every statement: a plain key loop, no intermediate arrays.
    for (const key in node) {
        const value = node[key];
        if (value === null || typeof value !== 'object' || NOTHING_RUNS.has(key))
            continue;
        if (key === 'DoStmt')
            out.push('a DO block');
        else if (key === 'ExecuteStmt')
            out.push(`EXECUTE of the prepared statement ${(0,rule.q)(String(value.name ?? ''))}`);
        else if (key === 'FuncCall') {
            const name = (0,ast/* stringsOf */.iw)(value.funcname ?? []).pop();
            if (name && RUNS_SQL_TEXT.has(name))
                out.push(`${(0,rule.q)(name)}, which runs SQL given as text`);
        }
        opaqueParts(value, out);
    }
    return out;
}
/** Names called in an expression, read with the server's scanner: a name directly followed by `(`. */
function calledInExpression(sql) {
    const tokens = (0,parse/* scanSql */.C4)(sql);
    const names = [];
    for (let i = 0; i + 1 < tokens.length; i++)
        if ((tokens[i].tokenName === 'IDENT' || tokens[i].keyword) && tokens[i + 1].tokenName === 'ASCII_40')
            names.push((0,ast/* identifierFromToken */.JV)(tokens[i].text));
    return names;
}
const DYNAMIC_PLPGSQL = {
    PLpgSQL_stmt_dynexecute: 'EXECUTE of a string built at run time',
    PLpgSQL_stmt_dynfors: 'FOR ... IN EXECUTE over a string built at run time'
};
/** Walks a PL/pgSQL parse tree (`line0` is the file line of the body's first line). */
function plpgsqlFacts(tree, line0) {
    const facts = { statements: 0 };
    const found = (lineno, what) => {
        facts.dynamic ??= { line: line0 + Math.max(lineno, 1) - 1, what };
    };
    const walk = (node, lineno) => {
        if (Array.isArray(node)) {
            for (const item of node)
                walk(item, lineno);
            return;
        }
        if (!node || typeof node !== 'object')
            return;
        const here = typeof node.lineno === 'number' ? node.lineno : lineno;
        for (const [key, value] of Object.entries(node)) {
            const inner = value;
            const at = typeof inner?.lineno === 'number' ? inner.lineno : here;
            if (DYNAMIC_PLPGSQL[key])
                found(at, DYNAMIC_PLPGSQL[key]);
            else if ((key === 'PLpgSQL_stmt_open' || key === 'PLpgSQL_stmt_return_query') && inner?.dynquery)
                found(at, `${key === 'PLpgSQL_stmt_open' ? 'OPEN ... FOR EXECUTE' : 'RETURN QUERY EXECUTE'} of a string built at run time`);
            else if (key === 'PLpgSQL_expr' && typeof inner?.query === 'string') {
                if (inner.parseMode === 0) {
                    facts.statements++;
                    const parsed = (0,parse/* parseScript */.tl)(inner.query);
                    const hidden = parsed.error
                        ? [`a statement the parser cannot read (${parsed.error.message})`]
                        : opaqueParts(parsed.statements.map((s) => s.node));
                    if (hidden.length)
                        found(here, hidden[0]);
                }
                else {
                    const call = calledInExpression(inner.query).find((name) => RUNS_SQL_TEXT.has(name));
                    if (call)
                        found(here, `${(0,rule.q)(call)}, which runs SQL given as text`);
                }
            }
            walk(value, at);
        }
    };
    walk(tree, 1);
    return facts;
}
/** The `LANGUAGE` and the body (the `AS` string and where it starts) of a DO or CREATE FUNCTION statement. */
function codeOf(elems) {
    const out = {};
    for (const e of elems.map((x) => x?.DefElem).filter(Boolean)) {
        if (e.defname === 'language')
            out.language = e.arg?.String?.sval;
        if (e.defname === 'as') {
            out.bodyLocation = e.location;
            out.body = e.arg?.String?.sval ?? (0,ast/* stringsOf */.iw)(e.arg).join('\n');
        }
    }
    return out;
}
function bodyLine(parsed, location, fallback) {
    return typeof location === 'number' && location >= 0 ? parsed.lines.lineAt(location) : fallback;
}
function doBlock(ctx) {
    const { language = 'plpgsql', bodyLocation } = codeOf(ctx.node.args ?? []);
    const intro = 'This DO block runs procedural code at deploy time that the review does not follow';
    if (language.toLowerCase() !== 'plpgsql')
        return [{ message: `${intro}: it is written in ${(0,rule.q)(language)}, which the review cannot read.` }];
    const tree = (0,parse/* parsePlPgSql */.xL)(ctx.stmt.text);
    if ('error' in tree)
        return [{ message: `${intro}: its body does not parse as PL/pgSQL (${tree.error}).` }];
    const facts = plpgsqlFacts(tree.functions, bodyLine(ctx.file.parsed, bodyLocation, ctx.stmt.startLine));
    if (facts.dynamic)
        return [
            {
                message: `${intro}: it runs ${facts.dynamic.what} (line ${facts.dynamic.line}), so what it does to the database cannot be known before it runs.`
            }
        ];
    const n = facts.statements;
    return [
        {
            message: `${intro}: its ${n} SQL statement${n === 1 ? '' : 's'} run${n === 1 ? 's' : ''} under conditions, loops and exception handlers, and none of them is checked by the other rules.`
        }
    ];
}
/** A routine whose body builds SQL at run time or cannot be read: every later call, in any migration, is opaque. */
function routineDefinition(ctx) {
    const node = ctx.node;
    const name = (0,ast/* stringsOf */.iw)(node.funcname).pop() ?? '?';
    const kind = node.is_procedure ? 'PROCEDURE' : 'FUNCTION';
    const returns = (0,ast/* stringsOf */.iw)(node.returnType?.names ?? []).pop();
    const code = codeOf(node.options ?? []);
    const language = (code.language ?? 'sql').toLowerCase();
    const what = `CREATE ${kind} ${(0,rule.q)(name)}`;
    const later = 'every call runs SQL the review cannot see, in this migration and in every later one that calls it.';
    if (returns === 'event_trigger')
        return [
            {
                message: `${what} defines an event-trigger function: an event trigger runs it on every later DDL statement of the database, including later migrations.`
            }
        ];
    if (language === 'plpgsql') {
        const tree = (0,parse/* parsePlPgSql */.xL)(ctx.stmt.text);
        if ('error' in tree)
            return [{ message: `${what}: its body does not parse as PL/pgSQL (${tree.error}), so ${later}` }];
        const facts = plpgsqlFacts(tree.functions, bodyLine(ctx.file.parsed, code.bodyLocation, ctx.stmt.startLine));
        return facts.dynamic
            ? [{ message: `${what} runs ${facts.dynamic.what} (line ${facts.dynamic.line}): ${later}` }]
            : [];
    }
    if (language === 'sql') {
        let statements = node.sql_body;
        if (statements === undefined && code.body !== undefined) {
            const parsed = (0,parse/* parseScript */.tl)(code.body);
            if (parsed.error)
                return [{ message: `${what}: its SQL body does not parse (${parsed.error.message}), so ${later}` }];
            statements = parsed.statements.map((s) => s.node);
        }
        const hidden = opaqueParts(statements);
        return hidden.length ? [{ message: `${what} runs ${hidden[0]}: ${later}` }] : [];
    }
    return [{ message: `${what} is written in ${(0,rule.q)(language)}, which the review cannot read: ${later}` }];
}
/** AST fields that name a routine: calls, triggers, casts (`objname`), conversions, handlers. */
const ROUTINE_KEYS = new Set([
    'funcname',
    'func_name',
    'objname',
    'handler_name',
    'plhandler',
    'plinline',
    'plvalidator'
]);
/** Names of routines a statement calls or wires up (calls, triggers, operators, casts, aggregates, handlers). */
function routinesNamed(node, out = new Set()) {
    const last = (list) => {
        const name = (0,ast/* stringsOf */.iw)(list).pop();
        if (name)
            out.add(name);
    };
    if (Array.isArray(node)) {
        for (const item of node)
            routinesNamed(item, out);
    }
    else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            const inner = value;
            if (ROUTINE_KEYS.has(key))
                last(inner);
            else if (key === 'DefElem') {
                if (inner?.arg?.TypeName)
                    last(inner.arg.TypeName.names ?? []);
                else if (inner?.arg?.List)
                    last(inner.arg);
            }
            routinesNamed(value, out);
        }
    }
    return out;
}
function where(r, ctx) {
    const created = r.replaces ? 'replaced' : 'created';
    return r.migration && r.migration !== ctx.file.migration.name
        ? `${created} by the pending migration ${(0,rule.q)(r.migration)}, line ${r.line}`
        : `${created} at line ${r.line} of this file`;
}
function callsIntoPendingCode(ctx, model) {
    if (!model.hasRoutines() || ABOUT_A_ROUTINE.has(ctx.stmt.kind))
        return [];
    const called = [...routinesNamed(ctx.node)]
        .map((name) => ({ name, routine: model.routine(name) }))
        .filter((c) => c.routine !== undefined);
    if (called.length > 0) {
        const { name, routine } = called[0];
        const others = called.length > 1
            ? ` (and ${called
                .slice(1)
                .map((c) => (0,rule.q)(c.name))
                .join(', ')})`
            : '';
        return [
            {
                message: `This statement calls or wires up the ${routine.kind} ${(0,rule.q)(name)}${others}, ${where(routine, ctx)}: its body runs (now, or on every write it is attached to) and the review does not follow it.`
            }
        ];
    }
    if (!TOUCHES_ROWS.has(ctx.stmt.kind))
        return [];
    const implicit = model.implicitRoutines();
    if (implicit.length === 0)
        return [];
    const names = implicit.map((r) => (0,rule.q)(r.name)).join(', ');
    return [
        {
            message: `This statement can run ${names} (${where(implicit[0], ctx)}) without naming ${implicit.length === 1 ? 'it' : 'them'}: a trigger, a column default, a constraint or a view in the database may call ${implicit.length === 1 ? 'it' : 'them'}, and the review does not follow that code.`
        }
    ];
}
const dynamicSql = {
    id: 'dynamic-sql',
    severity: 'error',
    // What such a statement does is unknown, so it may destroy data: it counts as destructive (headline, outputs,
    // `backup-before-deploy: destructive`).
    destructive: true,
    // The object a hit names (a rule's table, a default's column) is not what may be destroyed.
    lossUnknown: true,
    enabledByDefault: true,
    title: 'SQL the review cannot read: DO blocks, EXECUTE, and calls into code the migrations define',
    why: "The review reads the statements written in the file. A DO block, an EXECUTE of a prepared statement or of a string built at run time, a call to a function or procedure the pending migrations create, a rule or an event trigger run SQL that is not written there: `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE \"Post\"'; END $$` drops a table while no rule sees a DROP. The gate cannot vouch for what it cannot read.",
    fix: 'Write the statements themselves in the migration, so that each one is reviewed (Prisma migrations never need DO blocks). If the procedural code is intended, read it carefully and acknowledge it with `-- pg-ops:allow dynamic-sql <reason>` directly above the statement.',
    example: "DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE \"Post\"'; END $$;",
    label: (f) => `SQL the review cannot read (${(0,rule.q)(f.migration)} line ${f.line})`,
    docs: {
        why: "The review reads the statements written in the file. `DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE \"Post\"'; END $$;` drops a table while no rule sees a `DROP`, and the same goes for every other way a migration can run SQL that is not written in it. The gate cannot vouch for what it cannot read, so each of these is an error-level finding:",
        details: '- **every `DO` block**, whatever its casing, quoting or `LANGUAGE` — also one without `EXECUTE`: its statements run under conditions, loops and exception handlers that the review does not follow (a statement may run zero or a thousand times, an exception handler may swallow its failure), and none of them is checked by the other rules. The message says what the block holds (`EXECUTE` and its line, or how many statements);\n- **`EXECUTE`** of a prepared statement (also inside `EXPLAIN ANALYZE` or `CREATE TABLE ... AS`), and calls to built-ins that run SQL given as text (`query_to_xml`, `ts_stat`, `ts_rewrite`, `dblink*`…: read-only themselves, but a function named in the text runs with full rights);\n- **a call into a function or procedure created (or replaced) by the pending migrations**, however it is reached: `SELECT f()`, `CALL p()`, a `DEFAULT` (also `ALTER ... SET DEFAULT f()`), a `CHECK`, an index expression, a view, a trigger (`CREATE TRIGGER ... EXECUTE FUNCTION f()`), an operator, a cast, an aggregate. Names are matched without their schema, so a function shadowing another through `search_path` counts too;\n- **a write (or a read through a view) after a `CREATE OR REPLACE FUNCTION` or a trigger function** in the pending set: a trigger, default, constraint or view already in the database may run the new body without the statement naming it;\n- **the definition of a function or procedure that builds SQL at run time** (`EXECUTE`, `FOR ... IN EXECUTE`, `OPEN ... FOR EXECUTE`, `RETURN QUERY EXECUTE`, a `DO` block or one of the built-ins above in its body) or whose language the review cannot read (anything but `sql` and `plpgsql`), and of an event-trigger function: every later call, in any later migration, runs SQL nobody reviews;\n- **`CREATE RULE`** (its actions run hidden behind ordinary reads and writes), **`CREATE EVENT TRIGGER`** (its function runs on every later DDL statement, later migrations included), **`COPY ... PROGRAM`** (a shell command on the database server) and **`LOAD`** (a shared library).\n\nNot flagged: defining a function that does not build SQL (it does nothing until something calls it, and that call is flagged when it is in the pending set), calls to functions that already exist in the database (they were reviewed when their migration was), and `CREATE EXTENSION` (its script is installed on the server by its administrator, and Prisma projects use extensions routinely). Known limits: a `CREATE OR REPLACE` of a function used by an index expression, followed by a rewrite of that table (`ALTER COLUMN ... TYPE`, `REINDEX`), is not seen (such functions must be `IMMUTABLE`, and PL/pgSQL refuses to modify data in one).'
    },
    check: (ctx) => {
        switch (ctx.stmt.kind) {
            case 'DoStmt':
                return doBlock(ctx);
            case 'CreateFunctionStmt':
                return routineDefinition(ctx);
            case 'RuleStmt': {
                const table = (0,ast/* relationOf */.Ke)(ctx.node.relation);
                return [
                    {
                        message: `CREATE RULE ${(0,rule.q)(ctx.node.rulename ?? '?')} rewrites later statements on ${table ? (0,rule/* qTable */.aW)(table) : 'the table'}: its actions run hidden behind ordinary reads and writes, in this migration and in the application.`,
                        ...(table ? { schema: table.schema, table: table.name } : {})
                    }
                ];
            }
            case 'CopyStmt':
                if (ctx.node.is_program)
                    return [
                        {
                            message: `COPY ... PROGRAM runs a shell command on the database server (${ctx.node.is_from ? 'its output is loaded into the table' : 'it receives the rows'}): what it does is not SQL the review can read.`
                        }
                    ];
                break;
            case 'LoadStmt':
                return [{ message: 'LOAD loads a shared library into the server: its code is not in the migration.' }];
            case 'CreateEventTrigStmt':
                return [
                    {
                        message: `CREATE EVENT TRIGGER ${(0,rule.q)(ctx.node.trigname ?? '?')} runs ${(0,rule.q)((0,ast/* stringsOf */.iw)(ctx.node.funcname).pop() ?? '?')} on every later DDL statement of the database, including those of later migrations.`
                    }
                ];
        }
        const hidden = opaqueParts(ctx.stmt.node);
        if (hidden.length > 0)
            return [
                {
                    message: `This statement runs ${hidden[0]}: the SQL that runs is not written here, so the review cannot check it.`
                }
            ];
        return callsIntoPendingCode(ctx, ctx.model);
    }
};

;// CONCATENATED MODULE: ./src/review/rules/enum-value-removal.ts



/** Prisma removes enum values by building `E_new`, moving every column to it, and renaming it to `E`. */
function swapTarget(ctx, newName) {
    for (const { stmt, node } of (0,rule/* otherStatements */.RJ)(ctx, 'after')) {
        if (stmt.kind === 'RenameStmt' &&
            node.renameType === 'OBJECT_TYPE' &&
            (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(node.object)).name === newName)
            return node.newname;
    }
    return undefined;
}
const enumValueRemoval = {
    id: 'enum-value-removal',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['CreateEnumStmt'],
    title: 'Removing enum values fails or loses data when rows still hold them',
    why: 'Postgres cannot remove a value from an enum, so Prisma recreates the type (`CREATE TYPE "E_new"`, `ALTER COLUMN ... TYPE "E_new" USING (col::text::"E_new")`, rename, drop the old type). The cast fails on any row that still holds a removed value, and the swap rewrites each table using the type under an ACCESS EXCLUSIVE lock.',
    fix: "First migrate the rows to the remaining values (`UPDATE t SET col = 'NEW' WHERE col = 'OLD'`) in an earlier deploy, check that no row holds a removed value, then remove it.",
    example: 'BEGIN;\nCREATE TYPE "Faction_new" AS ENUM (\'VAMPIRE\', \'HUMAN\');\nALTER TABLE "Player" ALTER COLUMN "faction" TYPE "Faction_new" USING ("faction"::text::"Faction_new");\nALTER TYPE "Faction" RENAME TO "Faction_old";\nALTER TYPE "Faction_new" RENAME TO "Faction";\nDROP TYPE "Faction_old";\nCOMMIT;',
    label: (f) => `enum ${(0,markdown/* code */.aY)(f.typeName ?? '?')} loses ${f.values ? `[${f.values.map((v) => (0,markdown/* code */.aY)(v)).join(', ')}]` : 'values'}`,
    check: (ctx) => {
        const created = (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(ctx.node.typeName));
        const target = swapTarget(ctx, created.name);
        if (!target)
            return [];
        const enumName = { schema: created.schema, name: target };
        const newValues = (0,ast/* stringsOf */.iw)(ctx.node.vals);
        const oldValues = ctx.model.enumValues(enumName);
        const removed = oldValues?.filter((v) => !newValues.includes(v));
        if (removed && removed.length === 0)
            return [];
        const usages = [];
        for (const { node } of (0,rule/* otherStatements */.RJ)(ctx, 'after')) {
            const table = (0,ast/* relationOf */.Ke)(node?.relation);
            if (!table)
                continue;
            for (const cmd of (0,rule/* alterCommands */.$f)(node)) {
                if (cmd.subtype === 'AT_AlterColumnType' &&
                    (0,ast/* typeOf */.QP)(cmd.def?.ColumnDef?.typeName).name === created.name)
                    usages.push({ table, column: cmd.name });
            }
        }
        const what = removed
            ? `removes the values [${removed.join(', ')}] from the enum ${(0,rule.q)(target)}`
            : `recreates the enum ${(0,rule.q)(target)} with only the values [${newValues.join(', ')}]; every other value is removed`;
        const where = usages.length
            ? ` Columns converted: ${usages.map((u) => (0,rule/* qualifiedColumn */.xt)(u.table, u.column)).join(', ')}.`
            : '';
        return [
            {
                message: `This migration ${what}: rows still holding a removed value make it fail.${where}`,
                schema: created.schema,
                table: usages[0]?.table.name,
                column: usages[0]?.column,
                typeName: target,
                values: removed,
                objects: usages,
                stake: usages.some((u) => !ctx.model.isNewTable(u.table))
                    ? {
                        kind: 'enum-values',
                        typeName: enumName,
                        newValues,
                        oldValues,
                        usages: usages.filter((u) => !ctx.model.isNewTable(u.table))
                    }
                    : undefined
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/review/rules/enum-value-used-in-same-file.ts


const enumValueUsedInSameFile = {
    id: 'enum-value-used-in-same-file',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    title: 'An enum value added with ADD VALUE cannot be used in the same migration',
    why: 'The migration file runs as one transaction, and Postgres refuses to use an enum value added in the same transaction ("unsafe use of new value", SQLSTATE 55P04): the migration fails.',
    fix: 'Move the statements that use the new value (defaults, UPDATEs, INSERTs) to a later migration file.',
    example: 'ALTER TYPE "Role" ADD VALUE \'AUDITOR\';\nALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT \'AUDITOR\';',
    check: (ctx) => {
        if (ctx.stmt.kind === 'AlterEnumStmt')
            return [];
        const added = (0,rule/* otherStatements */.RJ)(ctx, 'before')
            .filter((o) => o.stmt.kind === 'AlterEnumStmt' && typeof o.node.newVal === 'string' && !o.node.oldVal)
            .map((o) => ({ value: o.node.newVal, type: (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(o.node.typeName)) }));
        if (added.length === 0)
            return [];
        const constants = (0,ast/* collectStringConstants */.Fw)(ctx.node);
        return added
            .filter((a) => constants.has(a.value))
            .map((a) => ({
            message: `The value ${(0,rule.q)(a.value)}, added to the enum ${(0,rule.q)(a.type.name)} earlier in this file, is used here: Postgres rejects it inside the same transaction.`,
            typeName: a.type.name,
            values: [a.value]
        }));
    }
};

;// CONCATENATED MODULE: ./src/review/rules/foreign-key-not-valid.ts


const foreignKeyNotValid = {
    id: 'foreign-key-not-valid',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'Adding a foreign key without NOT VALID scans the table while blocking writes',
    why: 'ADD FOREIGN KEY checks every existing row while holding a SHARE ROW EXCLUSIVE lock on both tables, so writes wait for the whole scan; it fails if any row has no match. Prisma never emits NOT VALID.',
    fix: 'Add the constraint with `NOT VALID` (instant), then `ALTER TABLE ... VALIDATE CONSTRAINT` in a later migration, which only takes a light lock.',
    example: 'ALTER TABLE "clients" ADD CONSTRAINT "clients_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payers"("id");',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table || model.isNewTable(table))
            return [];
        return (0,rule/* alterCommands */.$f)(node)
            .map((cmd) => (cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined))
            .filter((con) => con?.contype === 'CONSTR_FOREIGN' && !con.skip_validation)
            .map((con) => {
            const ref = (0,ast/* relationOf */.Ke)(con.pktable);
            const cols = (0,ast/* stringsOf */.iw)(con.fk_attrs);
            return {
                message: `Foreign key ${con.conname ? `${(0,rule.q)(con.conname)} ` : ''}on ${(0,rule/* qTable */.aW)(table)} (${cols.map(rule.q).join(', ')}) → ${ref ? (0,rule/* qTable */.aW)(ref) : '?'} is validated against every existing row while writes wait.`,
                schema: table.schema,
                table: table.name,
                columns: cols
            };
        });
    }
};

;// CONCATENATED MODULE: ./src/review/rules/identifier-too-long.ts



const MAX_IDENTIFIER_BYTES = 63;
const CREATING = new Set([
    'CreateStmt',
    'IndexStmt',
    'AlterTableStmt',
    'CreateEnumStmt',
    'RenameStmt',
    'ViewStmt',
    'CreateSeqStmt',
    'CreateSchemaStmt'
]);
const identifierTooLong = {
    id: 'identifier-too-long',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    title: 'Identifiers longer than 63 bytes are silently truncated',
    why: 'Postgres cuts names to 63 bytes without an error. The database then holds a different name than schema.prisma expects, so Prisma sees drift, and two long names can collide after truncation.',
    fix: 'Choose a shorter name; for Prisma-generated constraint and index names use `map: "short_name"` on `@relation`, `@@index`, `@@unique` or `@id`.',
    example: 'ALTER TABLE "payer_client_rep_assignments" ADD CONSTRAINT "payer_client_rep_assignments_payer_id_client_id_rep_id_unique_key" UNIQUE ("payer_id", "client_id", "rep_id");',
    check: ({ stmt, node, file }) => {
        // The parser truncates long names to 63 bytes; only a name that long makes the statement worth scanning.
        if (!CREATING.has(stmt.kind) || !hasTruncatedName(node))
            return [];
        const seen = new Set();
        return (0,parse/* identifierTokens */.m6)(file.parsed, stmt)
            .map((t) => ({ line: t.line, name: (0,ast/* identifierFromToken */.JV)(t.text) }))
            .filter((t) => Buffer.byteLength(t.name, 'utf8') > MAX_IDENTIFIER_BYTES && !seen.has(t.name) && seen.add(t.name))
            .map((t) => ({
            line: t.line,
            message: `The identifier ${(0,rule.q)(t.name)} is ${Buffer.byteLength(t.name, 'utf8')} bytes long; Postgres truncates it to ${MAX_IDENTIFIER_BYTES}.`
        }));
    }
};
function hasTruncatedName(node) {
    // A truncated name is 60 to 63 bytes (cut at a character boundary); a 4-byte character is 2 UTF-16 units, so the JSON string has at least 15.
    for (const m of JSON.stringify(node).matchAll(/"((?:[^"\\]|\\.){15,})"/g)) {
        if (Buffer.byteLength(JSON.parse(`"${m[1]}"`), 'utf8') >= MAX_IDENTIFIER_BYTES - 3)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/review/rules/index-not-concurrent.ts


const indexNotConcurrent = {
    id: 'index-not-concurrent',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['IndexStmt'],
    title: 'CREATE INDEX without CONCURRENTLY blocks writes on an existing table',
    why: 'A plain CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the index is built, which on a large table means minutes of failed requests. Prisma always emits the plain form.',
    fix: 'Put `CREATE INDEX CONCURRENTLY` alone in its own migration file (it cannot run inside a transaction). Tables created earlier in the same pending migrations are exempt.',
    example: 'CREATE INDEX "clients_email_idx" ON "clients"("email");',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table || node.concurrent || model.isNewTable(table))
            return [];
        return [
            {
                message: `CREATE ${node.unique ? 'UNIQUE ' : ''}INDEX ${node.idxname ? (0,rule.q)(node.idxname) : ''} on ${(0,rule/* qTable */.aW)(table)} blocks writes to the table while it builds.`.replace('  ', ' '),
                schema: table.schema,
                table: table.name
            }
        ];
    }
};

// EXTERNAL MODULE: ./src/review/type-change.ts
var type_change = __webpack_require__(32531);
;// CONCATENATED MODULE: ./src/review/rules/lossy-type-change.ts




const lossyTypeChange = {
    id: 'lossy-type-change',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'A column type change that narrows, truncates or can fail',
    why: 'Changing to a narrower type (a shorter varchar, a smaller integer, fewer decimals, a scalar to an array, text to a number) either fails on the first value that does not fit, halfway through the deploy, or silently rounds and truncates values. The table is rewritten under an ACCESS EXCLUSIVE lock either way.',
    fix: 'Check the data first (the review counts the values that fail the cast when it can reach the database), clean up the values that do not fit, or add a new column with the new type, backfill it with an explicit conversion, and switch over in a later release.',
    example: 'ALTER TABLE "Review" ALTER COLUMN "comment" SET DATA TYPE VARCHAR(300);',
    label: (f) => `type change of ${(0,rule/* labelObject */.so)(f)}`,
    check: (ctx) => {
        const table = (0,ast/* relationOf */.Ke)(ctx.node.relation);
        if (!table)
            return [];
        const hits = [];
        for (const cmd of (0,rule/* alterCommands */.$f)(ctx.node)) {
            if (cmd.subtype !== 'AT_AlterColumnType')
                continue;
            const def = cmd.def?.ColumnDef;
            const target = (0,ast/* typeOf */.QP)(def?.typeName);
            // The enum swap is enum-value-removal's finding.
            if (target.name.endsWith('_new') && swapTarget(ctx, target.name))
                continue;
            const oldType = ctx.model.columnType(table, cmd.name);
            const hasUsing = def?.raw_default !== undefined;
            const verdict = (0,type_change/* classifyTypeChange */.z)(oldType, target, hasUsing);
            if (verdict === 'safe')
                continue;
            const from = oldType ? ` from ${(0,ast/* displayType */.x)(oldType)}` : '';
            const caveat = oldType ? '' : ' (its current type is not known without the database)';
            hits.push({
                message: `${(0,rule/* qualifiedColumn */.xt)(table, cmd.name)} changes type${from} to ${(0,ast/* displayType */.x)(target)}${hasUsing ? ' with a USING cast' : ''}${caveat}: values that do not fit make the migration fail or are truncated.`,
                schema: table.schema,
                table: table.name,
                column: cmd.name,
                certain: verdict === 'lossy',
                stake: ctx.model.isNewTable(table)
                    ? undefined
                    : { kind: 'cast', table, column: cmd.name, target, oldType }
            });
        }
        return hits;
    }
};

;// CONCATENATED MODULE: ./src/review/rules/style-types.ts


/** Columns a statement defines (CREATE TABLE columns and ADD COLUMN), for the type-style rules. */
function definedColumns(ctx) {
    const table = (0,ast/* relationOf */.Ke)(ctx.node.relation);
    if (!table)
        return [];
    const defs = ctx.stmt.kind === 'CreateStmt'
        ? (ctx.node.tableElts ?? [])
        : (0,rule/* alterCommands */.$f)(ctx.node)
            .filter((c) => c.subtype === 'AT_AddColumn')
            .map((c) => c.def);
    return defs
        .map((d) => (0,ast/* columnDefOf */.lF)(d))
        .filter((c) => c !== undefined)
        .map((col) => ({ table, col }));
}
function typeStyleRule(options) {
    return {
        id: options.id,
        severity: 'notice',
        destructive: false,
        enabledByDefault: false,
        kinds: ['CreateStmt', 'AlterTableStmt'],
        title: options.title,
        why: options.why,
        fix: options.fix,
        example: options.example,
        check: (ctx) => definedColumns(ctx)
            .filter(({ col }) => options.matches(col))
            .map(({ table, col }) => ({
            message: `${(0,rule/* qualifiedColumn */.xt)(table, col.name)} is ${(0,ast/* displayType */.x)(col.type)}: ${options.advice}`,
            schema: table.schema,
            table: table.name,
            column: col.name
        }))
    };
}

;// CONCATENATED MODULE: ./src/review/rules/prefer-bigint.ts

const preferBigint = typeStyleRule({
    id: 'prefer-bigint',
    title: 'Prefer bigint over integer and smallint',
    why: 'A 32-bit key or counter runs out at 2,147,483,647, and widening it later rewrites the table under an exclusive lock.',
    fix: 'Use `BigInt` in schema.prisma (`bigint`/`bigserial` in SQL) for keys and counters that grow.',
    example: 'CREATE TABLE "t" ("id" SERIAL NOT NULL);',
    matches: (col) => ['int4', 'int2', 'serial', 'serial4', 'smallserial', 'serial2', 'integer', 'smallint', 'int'].includes(col.type.name),
    advice: 'consider bigint.'
});

;// CONCATENATED MODULE: ./src/review/rules/prefer-identity.ts

const preferIdentity = typeStyleRule({
    id: 'prefer-identity',
    title: 'Prefer identity columns over serial',
    why: 'A serial column owns a separate sequence with its own permissions and ownership, which dumps, restores and grants often get wrong; identity columns are the SQL-standard replacement.',
    fix: 'Use `GENERATED BY DEFAULT AS IDENTITY` (hand-written SQL; Prisma emits SERIAL for `@default(autoincrement())`).',
    example: 'CREATE TABLE "t" ("id" SERIAL NOT NULL);',
    matches: (col) => ['serial', 'serial4', 'serial8', 'bigserial', 'smallserial', 'serial2'].includes(col.type.name),
    advice: 'consider an identity column.'
});

;// CONCATENATED MODULE: ./src/review/rules/prefer-text.ts

const preferText = typeStyleRule({
    id: 'prefer-text',
    title: 'Prefer text over varchar(n) and char(n)',
    why: 'A length limit in the type can only be raised by an ALTER that takes an exclusive lock, and char(n) pads values with spaces.',
    fix: 'Use `text` (Prisma `String` without `@db.VarChar`) and, if a limit is needed, a CHECK constraint.',
    example: 'CREATE TABLE "t" ("name" VARCHAR(191) NOT NULL);',
    matches: (col) => (col.type.name === 'varchar' || col.type.name === 'bpchar') && col.type.mods.length > 0,
    advice: 'consider text with a CHECK constraint.'
});

;// CONCATENATED MODULE: ./src/review/rules/prefer-timestamptz.ts

const preferTimestamptz = typeStyleRule({
    id: 'prefer-timestamptz',
    title: 'Prefer timestamptz over timestamp without time zone',
    why: 'A timestamp without time zone stores wall-clock time: values written from servers in different time zones, or across a DST change, cannot be compared reliably.',
    fix: 'Use `@db.Timestamptz(3)` in schema.prisma (`timestamptz` in SQL).',
    example: 'CREATE TABLE "t" ("createdAt" TIMESTAMP(3) NOT NULL);',
    matches: (col) => col.type.name === 'timestamp',
    advice: 'consider timestamptz.'
});

;// CONCATENATED MODULE: ./src/review/rules/primary-key-change.ts


const primaryKeyChange = {
    id: 'primary-key-change',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'Changing a primary key rebuilds it under an exclusive lock and can fail',
    why: 'Dropping the primary key breaks the foreign keys and code that rely on it; adding one scans and indexes the whole table under an ACCESS EXCLUSIVE lock and fails on NULLs or duplicates. If a later step fails the table can be left without a primary key.',
    fix: 'Build the new unique index first with `CREATE UNIQUE INDEX CONCURRENTLY`, then swap in one short statement with `ADD CONSTRAINT ... PRIMARY KEY USING INDEX`.',
    example: 'ALTER TABLE "book_genre" DROP CONSTRAINT "book_genre_pkey",\nADD CONSTRAINT "book_genre_pkey" PRIMARY KEY ("id");',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table)
            return [];
        const parts = [];
        let columns;
        for (const cmd of (0,rule/* alterCommands */.$f)(node)) {
            // Postgres and Prisma name primary keys `<table>_pkey`; the parser cannot tell a constraint's kind otherwise.
            if (cmd.subtype === 'AT_DropConstraint' && typeof cmd.name === 'string' && cmd.name.endsWith('_pkey'))
                parts.push(`drops ${(0,rule.q)(cmd.name)}`);
            const con = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
            if (con?.contype === 'CONSTR_PRIMARY') {
                columns = (0,ast/* stringsOf */.iw)(con.keys);
                parts.push(`adds a primary key on (${columns.map(rule.q).join(', ')})`);
            }
        }
        if (parts.length === 0)
            return [];
        return [
            {
                message: `The primary key of ${(0,rule/* qTable */.aW)(table)} changes: the statement ${parts.join(' and ')}.`,
                schema: table.schema,
                table: table.name,
                columns,
                quiet: model.isNewTable(table)
            }
        ];
    }
};

// EXTERNAL MODULE: ./src/db/connect.ts + 1 modules
var connect = __webpack_require__(92059);
// EXTERNAL MODULE: ./src/util/edit-distance.ts
var edit_distance = __webpack_require__(38732);
;// CONCATENATED MODULE: ./src/review/rules/probable-rename.ts






/** The table as SQL names it in the suggested statement (identifiers quoted as PostgreSQL reads them). */
function sqlTable(table) {
    return table.schema && table.schema !== 'public'
        ? `${(0,connect/* quoteIdent */.v4)(table.schema)}.${(0,connect/* quoteIdent */.v4)(table.name)}`
        : (0,connect/* quoteIdent */.v4)(table.name);
}
function stem(name) {
    return name
        .toLowerCase()
        .replace(/[_\-\s]/g, '')
        .replace(/s$/, '');
}
/** 1 for equal names up to case, underscores and a plural s; otherwise a Levenshtein ratio. */
function nameSimilarity(a, b) {
    const x = stem(a);
    const y = stem(b);
    if (x === y)
        return 1;
    return 1 - (0,edit_distance/* editDistance */.Y)(x, y) / Math.max(x.length, y.length, 1);
}
function addedColumns(ctx, table) {
    const key = (0,ast/* objectKey */.T5)(table);
    const out = [];
    for (const node of [ctx.node, ...(0,rule/* otherStatements */.RJ)(ctx, 'after').map((o) => o.node)]) {
        const rel = (0,ast/* relationOf */.Ke)(node?.relation);
        if (!rel || (0,ast/* objectKey */.T5)(rel) !== key)
            continue;
        for (const cmd of (0,rule/* alterCommands */.$f)(node)) {
            const col = cmd.subtype === 'AT_AddColumn' ? (0,ast/* columnDefOf */.lF)(cmd.def) : undefined;
            if (col)
                out.push({ name: col.name, type: (0,ast/* displayType */.x)(col.type) });
        }
    }
    return out;
}
function columnRenames(ctx) {
    const table = (0,ast/* relationOf */.Ke)(ctx.node.relation);
    if (!table || ctx.model.isNewTable(table))
        return [];
    const readded = readdedColumns(ctx);
    const dropped = (0,rule/* alterCommands */.$f)(ctx.node)
        .filter((c) => c.subtype === 'AT_DropColumn' && !readded.has(c.name))
        .map((c) => c.name);
    const added = addedColumns(ctx, table).filter((a) => !readded.has(a.name) || !dropped.includes(a.name));
    if (dropped.length === 0 || added.length === 0)
        return [];
    const hits = [];
    for (const name of dropped) {
        const best = added
            .map((a) => ({
            ...a,
            score: dropped.length === 1 && added.length === 1 ? 1 : nameSimilarity(name, a.name)
        }))
            .sort((a, b) => b.score - a.score)[0];
        if (!best || best.score < 0.5)
            continue;
        hits.push({
            message: `${(0,rule/* qualifiedColumn */.xt)(table, name)} is dropped and ${(0,rule.q)(best.name)} (${best.type}) is added to the same table: this looks like a rename done as drop + add, which loses every value of ${(0,rule.q)(name)}.`,
            fix: `If it is a rename, replace both with ${(0,markdown/* code */.aY)(`ALTER TABLE ${sqlTable(table)} RENAME COLUMN ${(0,connect/* quoteIdent */.v4)(name)} TO ${(0,connect/* quoteIdent */.v4)(best.name)}`)} (or keep the column name with ${(0,markdown/* code */.aY)(`@map(${JSON.stringify(name)})`)} in schema.prisma).`,
            schema: table.schema,
            table: table.name,
            column: name,
            columns: [name, best.name]
        });
    }
    return hits;
}
function tableRenames(ctx) {
    if (ctx.node.removeType !== 'OBJECT_TABLE')
        return [];
    const created = [...(0,rule/* otherStatements */.RJ)(ctx, 'before'), ...(0,rule/* otherStatements */.RJ)(ctx, 'after')]
        .filter((o) => o.stmt.kind === 'CreateStmt')
        .map((o) => (0,ast/* relationOf */.Ke)(o.node.relation))
        .filter((r) => r !== undefined);
    const hits = [];
    for (const obj of ctx.node.objects ?? []) {
        const table = (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj));
        if (ctx.model.isNewTable(table))
            continue;
        const best = created
            .map((c) => ({ c, score: nameSimilarity(table.name, c.name) }))
            .sort((a, b) => b.score - a.score)[0];
        if (!best || best.score < 0.75 || best.c.name === table.name)
            continue;
        hits.push({
            message: `${(0,rule/* qTable */.aW)(table)} is dropped and ${(0,rule/* qTable */.aW)(best.c)} is created in the same migration: this looks like a rename done as drop + create, which loses every row of ${(0,rule/* qTable */.aW)(table)}.`,
            fix: `If it is a rename, replace both with ${(0,markdown/* code */.aY)(`ALTER TABLE ${sqlTable(table)} RENAME TO ${(0,connect/* quoteIdent */.v4)(best.c.name)}`)}, or keep the table name with ${(0,markdown/* code */.aY)(`@@map(${JSON.stringify(table.name)})`)} in schema.prisma.`,
            schema: table.schema,
            table: table.name
        });
    }
    return hits;
}
const probableRename = {
    id: 'probable-rename',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['AlterTableStmt', 'DropStmt'],
    title: 'A drop plus an add that look like a rename',
    why: 'Prisma cannot tell a renamed field or model from a deleted one plus a new one: it generates DROP + ADD (or DROP TABLE + CREATE TABLE), and the data of the old column or table is lost.',
    fix: 'Edit the migration to use `RENAME COLUMN` / `RENAME TO`, or keep the old database name with `@map` / `@@map` in schema.prisma.',
    example: 'ALTER TABLE "User" DROP COLUMN "name",\nADD COLUMN     "fullName" TEXT NOT NULL;',
    check: (ctx) => (ctx.stmt.kind === 'DropStmt' ? tableRenames(ctx) : columnRenames(ctx))
};

;// CONCATENATED MODULE: ./src/review/rules/rename-column.ts


const renameColumn = {
    id: 'rename-column',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['RenameStmt'],
    title: 'Renaming a column breaks the code that is still running',
    why: 'During a deploy the previous release keeps running and still uses the old name; its queries fail until every instance runs the new code.',
    fix: 'Keep the database name and rename only in Prisma with `@map("old_name")`, or expand and contract: add the new column, write both, backfill, switch reads, drop the old one later.',
    example: 'ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (node.renameType !== 'OBJECT_COLUMN' || !table || model.isNewTable(table))
            return [];
        return [
            {
                message: `RENAME COLUMN ${(0,rule/* qualifiedColumn */.xt)(table, node.subname)} TO ${(0,rule.q)(node.newname)}: code still running uses the old name.`,
                schema: table.schema,
                table: table.name,
                column: node.subname
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/review/rules/rename-table.ts


const renameTable = {
    id: 'rename-table',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['RenameStmt'],
    title: 'Renaming a table breaks the code that is still running',
    why: 'The previous release keeps running during the deploy and its queries against the old name fail.',
    fix: 'Keep the table name and rename the model with `@@map("old_name")`, or rename and create a view with the old name until every instance runs the new code.',
    example: 'ALTER TABLE "Task" RENAME TO "task";',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (node.renameType !== 'OBJECT_TABLE' || !table || model.isNewTable(table))
            return [];
        return [
            {
                message: `RENAME ${(0,rule/* qTable */.aW)(table)} TO ${(0,rule.q)(node.newname)}: code still running uses the old name.`,
                schema: table.schema,
                table: table.name
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/review/rules/review-findings.ts
/** Findings the review makes itself rather than from one statement's AST; listed so that docs and settings know them. */
const review = {
    parseError: {
        id: 'parse-error',
        severity: 'error',
        destructive: false,
        enabledByDefault: true,
        title: 'SQL that Postgres cannot parse',
        why: 'The file would fail on deploy at this statement, and nothing after the syntax error can be reviewed: a file that does not parse never passes silently.',
        fix: "Fix the syntax error at the reported line (the message is Postgres's own parser error).",
        example: 'ALTER TABLE "clients" DROP COLUM "email";'
    },
    modifiedMigration: {
        id: 'modified-migration',
        severity: 'error',
        destructive: false,
        enabledByDefault: true,
        title: 'A migration that already exists on the base branch was changed',
        why: 'A migration on the base branch has probably been applied somewhere already. Prisma records its checksum, so `migrate deploy` will not re-run it, and `migrate dev` / `migrate status` report drift: the change never reaches those databases.',
        fix: 'Revert the change to the existing migration and put the new SQL in a new migration directory (`prisma migrate dev --create-only`).',
        example: '-- a file under prisma/migrations/ that exists on the base branch, edited in the pull request'
    },
    prismaWarningUnmatched: {
        id: 'prisma-warning-unmatched',
        severity: 'warning',
        destructive: false,
        enabledByDefault: true,
        title: "A change in Prisma's warnings header has no matching statement",
        why: 'Prisma wrote a warning for a change, but no statement of the file does it any more: the file was edited after Prisma generated it, or the review could not recognise the statement.',
        fix: 'Compare the file with what `prisma migrate diff` generates, and review the edited part by hand.',
        example: '/*\n  Warnings:\n\n  - You are about to drop the `Task` table. If the table is not empty, all the data it contains will be lost.\n\n*/\n-- (the DROP TABLE "Task" statement was deleted by hand)'
    },
    notInPrismaWarnings: {
        id: 'not-in-prisma-warnings',
        severity: 'warning',
        destructive: false,
        enabledByDefault: true,
        title: "A destructive statement that Prisma's warnings header does not mention",
        why: 'Prisma lists every destructive change it generates in the `/* Warnings: */` header. A destructive statement missing from it was added or changed by hand, so nobody saw a warning for it when the migration was created.',
        fix: 'Check that the statement is intended, and acknowledge it explicitly (`-- pg-ops:allow <rule> <reason>`) if it is.',
        example: '-- CreateIndex\nCREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n\n-- added by hand, no Warnings header line for it:\nALTER TABLE "User" DROP COLUMN "legacy_email";'
    },
    invalidAcknowledgement: {
        id: 'invalid-acknowledgement',
        severity: 'warning',
        destructive: false,
        enabledByDefault: true,
        title: 'An acknowledgement comment that cannot apply',
        why: 'A `-- pg-ops:allow` comment must name a known rule, give a reason, and sit directly above the statement it allows; otherwise it allows nothing and the deploy gate still refuses.',
        fix: 'Write `-- pg-ops:allow <rule-id> <reason>` on the line directly above the statement (other comment lines may sit in between, blank lines may not).',
        example: '-- pg-ops:allow drop-table\nDROP TABLE "payers";   -- no reason given'
    },
    unusedAcknowledgement: {
        id: 'unused-acknowledgement',
        severity: 'warning',
        destructive: false,
        enabledByDefault: true,
        title: 'An acknowledgement comment with nothing to acknowledge',
        why: 'The statement below the comment has no finding of the named rule, so the comment is stale or names the wrong rule, and it may hide the intent of a later edit.',
        fix: 'Remove the comment or correct the rule id.',
        example: '-- pg-ops:allow drop-column old data\nDROP TABLE "payers";   -- names the wrong rule'
    }
};

;// CONCATENATED MODULE: ./src/review/rules/set-not-null.ts


const setNotNull = {
    id: 'set-not-null',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    kinds: ['AlterTableStmt'],
    title: 'SET NOT NULL fails on existing NULLs and scans the table under an exclusive lock',
    why: 'The statement fails if any row holds NULL, and while it checks every row it holds an ACCESS EXCLUSIVE lock: reads and writes of the table wait.',
    fix: 'Backfill the NULLs first. On a large table add `CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` it, then `SET NOT NULL` (Postgres 12+ skips the scan) and drop the check.',
    example: 'ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;',
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table)
            return [];
        const quiet = model.isNewTable(table);
        return (0,rule/* alterCommands */.$f)(node)
            .filter((cmd) => cmd.subtype === 'AT_SetNotNull')
            .map((cmd) => ({
            message: `ALTER COLUMN ${(0,rule/* qualifiedColumn */.xt)(table, cmd.name)} SET NOT NULL fails if any row holds NULL in it.`,
            schema: table.schema,
            table: table.name,
            column: cmd.name,
            stake: { kind: 'nulls', table, column: cmd.name },
            quiet
        }));
    }
};

;// CONCATENATED MODULE: ./src/review/rules/truncate.ts



const truncate = {
    id: 'truncate',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['TruncateStmt'],
    title: 'TRUNCATE deletes every row of the table',
    why: 'All rows are gone at once (and with CASCADE, the rows of every table that references it by foreign key). It also takes an ACCESS EXCLUSIVE lock.',
    fix: 'If the data really must go, back it up first and delete in batches with a WHERE clause; never use CASCADE in a migration.',
    example: 'TRUNCATE "sales_report_entries" CASCADE;',
    label: (f) => `TRUNCATE ${(0,markdown/* code */.aY)(f.table ?? '?')}`,
    check: ({ node, model }) => (node.relations ?? []).flatMap((r) => {
        const table = (0,ast/* relationOf */.Ke)(r);
        const cascading = node.behavior === 'DROP_CASCADE';
        // A new table holds nothing older, but CASCADE also empties the tables whose foreign keys reference it.
        if (!table || (model.isNewTable(table) && !cascading))
            return [];
        const cascade = cascading ? ' CASCADE also empties every table that references it.' : '';
        return [
            {
                message: `TRUNCATE ${(0,rule/* qTable */.aW)(table)} deletes every row of the table.${cascade}`,
                schema: table.schema,
                table: table.name,
                stake: { kind: 'table-rows', table },
                // Which tables the cascade reaches is not followed: never judged harmless.
                ...(cascading ? { objects: [] } : {})
            }
        ];
    })
};

;// CONCATENATED MODULE: ./src/review/rules/update-without-where.ts



const updateWithoutWhere = {
    id: 'update-without-where',
    severity: 'error',
    destructive: true,
    enabledByDefault: true,
    kinds: ['UpdateStmt'],
    title: 'UPDATE without WHERE overwrites every row',
    why: 'The previous values of the updated columns are lost in every row, and the whole table stays row-locked until the migration commits.',
    fix: 'Add the WHERE clause that selects the rows to change (e.g. `WHERE col IS NULL` for a backfill) and batch large backfills outside the schema migration.',
    example: 'UPDATE "clients" SET "email" = NULL;',
    label: (f) => `UPDATE ${(0,markdown/* code */.aY)(f.table ?? '?')} without WHERE`,
    check: ({ node, model }) => {
        const table = (0,ast/* relationOf */.Ke)(node.relation);
        if (!table || node.whereClause || node.fromClause?.length || model.isNewTable(table))
            return [];
        const columns = (node.targetList ?? [])
            .map((t) => t.ResTarget?.name)
            .filter(Boolean);
        return [
            {
                message: `UPDATE ${(0,rule/* qTable */.aW)(table)} has no WHERE clause: it overwrites ${columns.map(rule.q).join(', ')} in every row.`,
                schema: table.schema,
                table: table.name,
                columns,
                stake: { kind: 'table-rows', table }
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/review/rules/index.ts






























/** Every rule, in the order the docs list them: data loss first, then what may fail or lock, then style. */
const RULES = [
    review.parseError,
    dropTable,
    dropColumn,
    dropSchema,
    dropDatabase,
    truncate,
    deleteWithoutWhere,
    updateWithoutWhere,
    dropAndRecreateColumn,
    enumValueRemoval,
    lossyTypeChange,
    dynamicSql,
    dropTableWithDependentView,
    review.modifiedMigration,
    addRequiredColumnWithoutDefault,
    setNotNull,
    addUnique,
    primaryKeyChange,
    indexNotConcurrent,
    concurrentlyInTransaction,
    foreignKeyNotValid,
    renameColumn,
    renameTable,
    probableRename,
    enumValueUsedInSameFile,
    identifierTooLong,
    dropView,
    review.prismaWarningUnmatched,
    review.notInPrismaWarnings,
    review.invalidAcknowledgement,
    review.unusedAcknowledgement,
    preferBigint,
    preferTimestamptz,
    preferIdentity,
    preferText
];
const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));
function ruleById(id) {
    const rule = RULES_BY_ID.get(id);
    if (!rule)
        throw new Error(`unknown rule ${id}`);
    return rule;
}


/***/ }),

/***/ 27372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ alterCommands),
/* harmony export */   RJ: () => (/* binding */ otherStatements),
/* harmony export */   aW: () => (/* binding */ qTable),
/* harmony export */   q: () => (/* binding */ q),
/* harmony export */   so: () => (/* binding */ labelObject),
/* harmony export */   xt: () => (/* binding */ qualifiedColumn),
/* harmony export */   zG: () => (/* binding */ docsAnchor)
/* harmony export */ });
/* unused harmony export DOCS_PATH */
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42495);

const DOCS_PATH = 'docs/rules.md';
function docsAnchor(id) {
    return `${DOCS_PATH}#${id}`;
}
/** An object name in a message, as a code span that the name cannot break out of. */
function q(name) {
    return (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(name);
}
function qualifiedColumn(table, column) {
    const t = table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
    return `${q(t)}.${q(column)}`;
}
/** `table`.`column` (or `table`) of a finding, as code spans: what most labels name. */
function labelObject(f) {
    return f.column ? `${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.table ?? '?')}.${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.column)}` : (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.table ?? '?');
}
function qTable(table) {
    return q(table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name);
}
/** The AlterTableCmd bodies of an ALTER TABLE statement. */
function alterCommands(node) {
    return (node?.cmds ?? []).map((c) => c.AlterTableCmd).filter(Boolean);
}
/** Statements of the file after (or before) the current one, with their bodies. */
function otherStatements(ctx, direction) {
    const all = ctx.file.parsed.statements;
    const slice = direction === 'after' ? all.slice(ctx.stmt.index + 1) : all.slice(0, ctx.stmt.index);
    return slice.map((stmt) => ({ stmt, node: stmt.node[stmt.kind] }));
}


/***/ }),

/***/ 32531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ canonicalType),
/* harmony export */   z: () => (/* binding */ classifyTypeChange)
/* harmony export */ });
/** Canonical names, so that `integer` from the catalog and `int4` from the parser compare equal. */
const ALIASES = {
    integer: 'int4',
    int: 'int4',
    smallint: 'int2',
    bigint: 'int8',
    real: 'float4',
    'double precision': 'float8',
    decimal: 'numeric',
    'character varying': 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    boolean: 'bool',
    'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz',
    serial: 'int4',
    serial4: 'int4',
    bigserial: 'int8',
    serial8: 'int8',
    smallserial: 'int2',
    serial2: 'int2'
};
function canonicalType(t) {
    return { ...t, name: ALIASES[t.name.toLowerCase()] ?? t.name };
}
const INTEGER_RANK = { int2: 1, int4: 2, int8: 3 };
const STRINGS = new Set(['text', 'varchar', 'bpchar']);
function unbounded(t) {
    return (t.name === 'text' || t.name === 'varchar') && t.mods.length === 0 && !t.isArray;
}
/**
 * Whether every value of the old type survives the change. `unknown` when the old type is not known (no
 * database and the table was not created in the pending set) and the new type could be narrower.
 */
function classifyTypeChange(oldType, newType, hasUsing) {
    const next = canonicalType(newType);
    if (!oldType) {
        if (unbounded(next))
            return 'safe';
        // Without USING, Postgres only applies assignment casts; into these wide types they do not lose data.
        const wide = !next.isArray && next.mods.length === 0 && ['int8', 'numeric', 'float8'].includes(next.name);
        return wide && !hasUsing ? 'safe' : 'unknown';
    }
    const old = canonicalType(oldType);
    if (old.isArray !== next.isArray)
        return unbounded(next) ? 'safe' : 'lossy';
    if (unbounded(next))
        return 'safe';
    if (old.name === next.name)
        return modsWiden(old, next) ? 'safe' : 'lossy';
    if (STRINGS.has(old.name) && next.name === 'varchar')
        return next.mods.length === 0 ? 'safe' : 'lossy';
    const from = INTEGER_RANK[old.name];
    const to = INTEGER_RANK[next.name];
    if (from && to)
        return to > from ? 'safe' : 'lossy';
    if (from && next.name === 'numeric')
        return next.mods.length === 0 || next.mods[0] - (next.mods[1] ?? 0) >= 19 ? 'safe' : 'lossy';
    if (from && from < 3 && next.name === 'float8')
        return 'safe';
    if (old.name === 'timestamp' && next.name === 'timestamptz')
        return modsWiden(old, next) ? 'safe' : 'lossy';
    return 'lossy';
}
function modsWiden(old, next) {
    if (next.mods.length === 0)
        return true;
    if (old.mods.length === 0)
        return false;
    if (old.name === 'numeric') {
        const [p1, s1 = 0] = old.mods;
        const [p2, s2 = 0] = next.mods;
        return p2 - s2 >= p1 - s1 && s2 >= s1;
    }
    return next.mods[0] >= old.mods[0];
}


/***/ }),

/***/ 13080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ calledFunctions),
/* harmony export */   Fw: () => (/* binding */ collectStringConstants),
/* harmony export */   JV: () => (/* binding */ identifierFromToken),
/* harmony export */   Kd: () => (/* binding */ collectRelations),
/* harmony export */   Ke: () => (/* binding */ relationOf),
/* harmony export */   OL: () => (/* binding */ qualifiedName),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   QP: () => (/* binding */ typeOf),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   TO: () => (/* binding */ cteNames),
/* harmony export */   iw: () => (/* binding */ stringsOf),
/* harmony export */   lF: () => (/* binding */ columnDefOf),
/* harmony export */   us: () => (/* binding */ isSelfContained),
/* harmony export */   x: () => (/* binding */ displayType)
/* harmony export */ });
/** `{ RangeVar }` or a bare RangeVar → schema and name. */
function relationOf(node) {
    const rv = node?.RangeVar ?? node;
    if (!rv || typeof rv.relname !== 'string')
        return undefined;
    return { schema: rv.schemaname, name: rv.relname };
}
/** A `List` of `String` nodes (or a bare array of them) → strings. */
function stringsOf(node) {
    const items = Array.isArray(node) ? node : (node?.List?.items ?? []);
    return items.map((i) => i?.String?.sval).filter((s) => typeof s === 'string');
}
/** A qualified name list (['public', 'E']) → RelationName. */
function qualifiedName(parts) {
    return parts.length > 1
        ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] }
        : { name: parts[0] ?? '' };
}
/** The key used to follow one object through the pending set; unqualified and `public` are the same. */
function objectKey(rel) {
    return rel.schema && rel.schema !== 'public' ? `${rel.schema}.${rel.name}` : rel.name;
}
function displayName(rel) {
    return rel.schema && rel.schema !== 'public' ? `${rel.schema}.${rel.name}` : rel.name;
}
function typeOf(typeName) {
    const parts = stringsOf(typeName?.names ?? []);
    const name = parts[parts.length - 1] ?? 'unknown';
    const schema = parts.length > 1 && parts[0] !== 'pg_catalog' ? parts[0] : undefined;
    const mods = (typeName?.typmods ?? [])
        .map((m) => m?.A_Const?.ival?.ival)
        .filter((v) => typeof v === 'number');
    return {
        name,
        schema,
        mods,
        isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0
    };
}
const DISPLAY = {
    int2: 'smallint',
    int4: 'integer',
    int8: 'bigint',
    float4: 'real',
    float8: 'double precision',
    bool: 'boolean',
    bpchar: 'char',
    varchar: 'varchar',
    timestamptz: 'timestamptz',
    timestamp: 'timestamp',
    numeric: 'numeric'
};
/** How a type reads in a message: `varchar(50)`, `integer`, `"Status"[]`. */
function displayType(t) {
    const base = DISPLAY[t.name] ?? (/^[a-z_][a-z0-9_]*$/.test(t.name) ? t.name : `"${t.name}"`);
    const mods = t.mods.length ? `(${t.mods.join(',')})` : '';
    return `${base}${mods}${t.isArray ? '[]' : ''}`;
}
function columnDefOf(node) {
    const def = node?.ColumnDef;
    if (!def)
        return undefined;
    const constraints = (def.constraints ?? []).map((c) => c.Constraint).filter(Boolean);
    const type = typeOf(def.typeName);
    const serial = ['serial', 'serial4', 'serial8', 'bigserial', 'smallserial', 'serial2'].includes(type.name);
    return {
        name: def.colname,
        type,
        notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
        hasDefault: serial || def.raw_default !== undefined || constraints.some((c) => c.contype === 'CONSTR_DEFAULT'),
        generated: constraints.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED') ||
            def.identity
    };
}
/** Every RangeVar under a node (the tables a view's query reads). */
function collectRelations(node, out = []) {
    if (Array.isArray(node)) {
        for (const item of node)
            collectRelations(item, out);
    }
    else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            if (key === 'RangeVar') {
                const rel = relationOf(value);
                if (rel)
                    out.push(rel);
            }
            else
                collectRelations(value, out);
        }
    }
    return out;
}
/** Every string constant under a node. */
function collectStringConstants(node, out = new Set()) {
    if (Array.isArray(node)) {
        for (const item of node)
            collectStringConstants(item, out);
    }
    else if (node && typeof node === 'object') {
        const sval = node.A_Const?.sval?.sval;
        if (typeof sval === 'string')
            out.add(sval);
        for (const value of Object.values(node))
            collectStringConstants(value, out);
    }
    return out;
}
/** `"quoted ""name"""` or `plain` → the identifier Postgres would see before truncation. */
function identifierFromToken(text) {
    if (text.startsWith('"'))
        return text.slice(1, -1).replace(/""/g, '"');
    if (/^u&"/i.test(text))
        return text.slice(3, -1);
    return text.toLowerCase();
}
/** Names of the CTEs (`WITH x AS (...)`) anywhere under a node: a RangeVar with such a name is not a table. */
function cteNames(node, out = new Set()) {
    if (Array.isArray(node)) {
        for (const item of node)
            cteNames(item, out);
    }
    else if (node && typeof node === 'object') {
        const name = node.CommonTableExpr?.ctename;
        if (typeof name === 'string')
            out.add(name);
        for (const value of Object.values(node))
            cteNames(value, out);
    }
    return out;
}
/** Whether an expression reads nothing: no column, no subquery, no table (constants, casts, `now()`...). */
function isSelfContained(node) {
    if (Array.isArray(node))
        return node.every(isSelfContained);
    if (!node || typeof node !== 'object')
        return true;
    for (const [key, value] of Object.entries(node)) {
        if (key === 'ColumnRef' || key === 'SubLink' || key === 'RangeVar')
            return false;
        if (!isSelfContained(value))
            return false;
    }
    return true;
}
/** The last name of every function called under a node. */
function calledFunctions(node, out = new Set()) {
    if (Array.isArray(node)) {
        for (const item of node)
            calledFunctions(item, out);
    }
    else if (node && typeof node === 'object') {
        const names = node.FuncCall ? stringsOf(node.FuncCall.funcname) : [];
        if (names.length)
            out.add(names[names.length - 1]);
        for (const value of Object.values(node))
            calledFunctions(value, out);
    }
    return out;
}


/***/ }),

/***/ 24159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C4: () => (/* binding */ scanSql),
/* harmony export */   m6: () => (/* binding */ identifierTokens),
/* harmony export */   qd: () => (/* binding */ loadParser),
/* harmony export */   tl: () => (/* binding */ parseScript),
/* harmony export */   xL: () => (/* binding */ parsePlPgSql)
/* harmony export */ });
/* unused harmony export LineIndex */
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The real PostgreSQL parser (libpg-query, the server's own grammar compiled to WebAssembly). Every statement is
 * mapped back to its byte range and line numbers in the file. Nothing here looks at SQL text with regexes.
 */

let ready;
let libpgQuery;
/**
 * Loads the WebAssembly parser once; call before `parseScript`. It is imported here, not at the top of the file:
 * libpg-query compiles its 1.7 MB module as soon as it is imported, which modes that never parse SQL (backups,
 * an up-to-date status) should not pay for.
 */
function loadParser() {
    ready ??= (async () => {
        // A review is a short run over a large WebAssembly module: V8's optimizing tier would spend more time
        // compiling the parser than the run lasts (about 4x slower end to end on 160 migrations). Baseline code is
        // plenty. The flag must be set before the module is compiled, so before the import.
        (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--liftoff-only');
        const module = await __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23));
        await module.loadModule();
        libpgQuery = module;
    })();
    return ready;
}
function parser() {
    if (!libpgQuery)
        throw new Error('The SQL parser is not loaded: await loadParser() before parsing.');
    return libpgQuery;
}
/** Maps byte offsets of a UTF-8 buffer to 1-based line numbers. */
class LineIndex {
    bytes;
    starts = [0];
    constructor(bytes) {
        this.bytes = bytes;
        for (let i = 0; i < bytes.length; i++)
            if (bytes[i] === 0x0a)
                this.starts.push(i + 1);
    }
    lineAt(byteOffset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= byteOffset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    /** Byte offset where a 1-based line starts. */
    lineStart(line) {
        return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)];
    }
    get lineCount() {
        return this.starts.length;
    }
    slice(start, end) {
        return this.bytes.subarray(start, end).toString('utf8');
    }
}
const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b;
/**
 * Between two statements there is only whitespace, the separating semicolon and comments (anything else would
 * be a token of a statement), so this region can be walked byte by byte: it yields the comments there and the
 * offset of the next statement's first token. Scanning the whole file with the server's scanner instead costs
 * more than parsing it (the scanner returns every token as JSON).
 */
function skipTrivia(bytes, from, to, onComment) {
    let pos = from;
    while (pos < to) {
        const c = bytes[pos];
        if (isSpace(c) || c === 0x3b) {
            pos++;
        }
        else if (c === 0x2d && bytes[pos + 1] === 0x2d) {
            let end = pos + 2;
            while (end < to && bytes[end] !== 0x0a)
                end++;
            onComment('line', pos, bytes[end - 1] === 0x0d ? end - 1 : end);
            pos = end;
        }
        else if (c === 0x2f && bytes[pos + 1] === 0x2a) {
            // block comments nest in Postgres
            let depth = 1;
            let end = pos + 2;
            while (end < to && depth > 0) {
                if (bytes[end] === 0x2f && bytes[end + 1] === 0x2a) {
                    depth++;
                    end += 2;
                }
                else if (bytes[end] === 0x2a && bytes[end + 1] === 0x2f) {
                    depth--;
                    end += 2;
                }
                else
                    end++;
            }
            onComment('block', pos, end);
            pos = end;
        }
        else
            return pos;
    }
    return pos;
}
function scanTokens(sql) {
    try {
        return parser().scanSync(sql).tokens;
    }
    catch {
        // the scanner only fails on unterminated quotes; the parse error reports those
        return [];
    }
}
/**
 * The identifier tokens of one statement as written (quotes included); the AST holds names truncated to 63
 * bytes, so this is how a too-long name is seen. Scans only that statement.
 */
function identifierTokens(script, stmt) {
    // the scanner's offsets are bytes within the statement's text
    return scanTokens(stmt.text)
        .filter((t) => t.tokenName === 'IDENT')
        .map((t) => ({
        byteStart: stmt.byteStart + t.start,
        line: script.lines.lineAt(stmt.byteStart + t.start),
        text: script.lines.slice(stmt.byteStart + t.start, stmt.byteStart + t.end)
    }));
}
const parsed = new Map();
/**
 * Parses a whole file. Requires `await loadParser()` first. A deploy parses each pending file twice (the
 * transaction check, then the review), so results are kept for the run; treat them as read-only.
 */
function parseScript(sql) {
    let result = parsed.get(sql);
    if (!result) {
        result = parseUncached(sql);
        parsed.set(sql, result);
    }
    return result;
}
function parseUncached(sql) {
    const bytes = Buffer.from(sql, 'utf8');
    const lines = new LineIndex(bytes);
    const comments = [];
    const addComment = (kind, start, end) => {
        comments.push({
            kind,
            byteStart: start,
            byteEnd: end,
            startLine: lines.lineAt(start),
            endLine: lines.lineAt(Math.max(start, end - 1)),
            text: lines.slice(start, end)
        });
    };
    // An empty migration.sql is valid (Prisma applies it); the parser refuses an empty string, not whitespace.
    if (sql.length === 0)
        return { statements: [], comments, lines };
    let result;
    try {
        result = parser().parseSync(sql);
    }
    catch (error) {
        const details = error.sqlDetails;
        const byteOffset = Math.max(0, details?.cursorPosition ?? 0);
        return {
            statements: [],
            error: {
                message: details?.message ?? error.message,
                byteOffset,
                line: lines.lineAt(byteOffset)
            },
            comments,
            lines
        };
    }
    let previousEnd = 0;
    const statements = (result.stmts ?? []).map((raw, index) => {
        const from = raw.stmt_location ?? 0;
        // Postgres 18 starts a statement at its first token; older versions right after the previous semicolon.
        const byteStart = skipTrivia(bytes, Math.min(previousEnd, from), bytes.length, addComment);
        let byteEnd = raw.stmt_len ? from + raw.stmt_len : bytes.length;
        if (!raw.stmt_len) {
            // the last statement without a semicolon runs to the end of the file, trailing comments included
            const tokens = scanTokens(lines.slice(byteStart, byteEnd)).filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT');
            const last = tokens[tokens.length - 1];
            if (last)
                byteEnd = byteStart + last.end;
        }
        while (byteEnd > byteStart && isSpace(bytes[byteEnd - 1]))
            byteEnd--;
        previousEnd = byteEnd;
        const node = raw.stmt;
        return {
            index,
            node,
            kind: Object.keys(node)[0],
            byteStart,
            byteEnd,
            startLine: lines.lineAt(byteStart),
            endLine: lines.lineAt(Math.max(byteStart, byteEnd - 1)),
            text: lines.slice(byteStart, byteEnd)
        };
    });
    const lastEnd = statements.length ? statements[statements.length - 1].byteEnd : 0;
    skipTrivia(bytes, lastEnd, bytes.length, addComment);
    return { statements, comments, lines };
}
/**
 * The PL/pgSQL parse tree of the `DO` blocks and `CREATE FUNCTION ... LANGUAGE plpgsql` statements in `sql` (the
 * server's own PL/pgSQL grammar), or the parser's error message. Requires `await loadParser()` first.
 */
function parsePlPgSql(sql) {
    try {
        const result = parser().parsePlPgSQLSync(sql);
        return { functions: result.plpgsql_funcs ?? [] };
    }
    catch (error) {
        return { error: error.message };
    }
}
/** The tokens of a piece of SQL as the server's scanner reads them (empty when it cannot be scanned). */
function scanSql(sql) {
    try {
        return parser()
            .scanSync(sql)
            .tokens.map((t) => ({ text: t.text, tokenName: t.tokenName, keyword: t.keywordKind > 0 }));
    }
    catch {
        return [];
    }
}


/***/ })

};

//# sourceMappingURL=608.index.js.map
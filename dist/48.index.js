export const id = 48;
export const ids = [48];
export const modules = {

/***/ 75578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ reviewJson),
/* harmony export */   p: () => (/* binding */ reviewOutputs)
/* harmony export */ });
function toJson(f) {
    const out = {
        migration: f.migration,
        file: f.file,
        line: f.line,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        destructive: f.destructive,
        docs: f.docs,
        acknowledged: f.acknowledged ?? null
    };
    if (f.schema)
        out.schema = f.schema;
    if (f.table)
        out.table = f.table;
    if (f.column)
        out.column = f.column;
    if (f.rowsAtStake)
        out['rows-at-stake'] = f.rowsAtStake;
    if (f.prismaWarning)
        out['prisma-warning'] = f.prismaWarning;
    if (f.elsewhere)
        out.elsewhere = f.elsewhere;
    return out;
}
/** The review's part of the JSON report. */
function reviewJson(result) {
    return {
        headline: result.headline,
        databaseCompared: result.databaseCompared,
        destructiveCount: result.destructiveCount,
        findingsCount: result.findings.length,
        errorCount: result.errorCount,
        warningCount: result.warningCount,
        migrations: result.migrations.map((m) => ({
            name: m.name,
            file: m.file,
            parseError: m.parseError,
            prismaWarnings: m.prismaWarnings,
            ...(m.onBase ? { onBase: true } : {})
        })),
        findings: result.findings.map(toJson),
        notes: result.notes,
        ...(result.pullRequest ? { pullRequest: result.pullRequest } : {})
    };
}
/** The action outputs the review sets. */
function reviewOutputs(result) {
    return {
        'destructive-count': String(result?.destructiveCount ?? 0),
        'findings-count': String(result?.findings.length ?? 0),
        'has-destructive': String((result?.destructiveCount ?? 0) > 0)
    };
}


/***/ }),

/***/ 26427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ calledFunctionNames),
/* harmony export */   MB: () => (/* binding */ mentionedRelationNames),
/* harmony export */   TS: () => (/* binding */ textArray),
/* harmony export */   uM: () => (/* binding */ readCatalog)
/* harmony export */ });
/* harmony import */ var _sql_ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13080);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54813);


/** Every `relname` under a node: RangeVars, wrapped (`{ RangeVar }`) or bare (a statement's target table). */
function relationNames(node, out) {
    if (Array.isArray(node)) {
        for (const item of node)
            relationNames(item, out);
    }
    else if (node && typeof node === 'object') {
        if (typeof node.relname === 'string')
            out.add(node.relname);
        for (const value of Object.values(node))
            relationNames(value, out);
    }
}
/** Every relation name the statements mention (tables read, written, created, altered, renamed or dropped). */
function mentionedRelationNames(statements) {
    const names = new Set();
    for (const stmt of statements) {
        const node = stmt.node[stmt.kind];
        relationNames(node, names);
        if (stmt.kind === 'DropStmt')
            for (const obj of node.objects ?? []) {
                const name = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(obj)).name;
                if (name)
                    names.add(name);
            }
    }
    return [...names];
}
/** Every function the statements call, by last name. */
function calledFunctionNames(statements) {
    const names = new Set();
    for (const stmt of statements)
        (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .calledFunctions */ .Bm)(stmt.node[stmt.kind], names);
    return [...names];
}
/** `ARRAY['a','b']::text[]`: escaped literals, not parameters, so that several reads travel in one message. */
function textArray(client, values) {
    return `ARRAY[${values.map((v) => client.escapeLiteral(v)).join(',')}]::text[]`;
}
/**
 * What the review needs to know about the target database to name objects exactly: the session's search path,
 * which of the relation names the pending SQL mentions exist (in any schema), and which of the functions it calls
 * are the database's own (neither built in nor from an extension: they can read and write anything). Catalog reads
 * in one message (one round trip), no lock taken on any table.
 */
async function readCatalog(client, names, functions = []) {
    const reads = [
        'SELECT current_schema() AS creation, current_schemas(false)::text[] AS path',
        `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = ANY(${textArray(client, names)}) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relpersistence <> 't'`
    ];
    if (functions.length)
        reads.push(`SELECT DISTINCT p.proname AS name
           FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
          WHERE p.proname = ANY(${textArray(client, functions)}) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                             WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
    const [path, found, own] = (await client.query(reads.join(';\n')));
    const first = path.rows[0];
    return {
        searchPath: first?.path ?? [],
        creationSchema: first?.creation ?? undefined,
        relations: new Set(found.rows.map((r) => (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .relationKey */ .Y)(r.schema, r.name))),
        functions: new Set((own?.rows ?? []).map((r) => r.name))
    };
}


/***/ }),

/***/ 54813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ relationKey),
/* harmony export */   x: () => (/* binding */ PendingModel)
/* harmony export */ });
/* harmony import */ var _sql_ast_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13080);

/** The key of one relation: schema and name exactly (names are already case-folded by the parser). */
function relationKey(schema, name) {
    return `${schema}\u0000${name}`;
}
const TEMP = 'pg_temp';
/** Without a database the review assumes Prisma's default: everything unqualified is in `public`. */
const OFFLINE_PATH = ['public'];
const split = (key) => {
    const [schema, name] = key.split('\u0000');
    return { schema, name };
};
/** A write statement without its target table: what is left is what it reads. */
const withoutTarget = (node) => ({ ...node, relation: undefined });
const show = (rel) => (rel.schema === TEMP ? rel.name : (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .displayName */ .QC)(rel));
/**
 * What the pending migrations create, rename, fill and drop, followed statement by statement and named as Postgres
 * resolves names (schema-qualified, temporary tables first, then the search path; quoted names exactly). A table
 * created earlier in the pending set holds no data in the target database yet, so lock and data-loss rules do not
 * apply to it; its column types and enum values are known without a database. With a database catalog the model
 * also knows which names exist there, so it can tell, for each destructive statement, whether the object it
 * destroys holds data that existed before the deploy (`holdings`).
 */
class PendingModel {
    catalog;
    tables = new Map();
    /** Keys of relations of the database that the pending set dropped, renamed or moved away. */
    gone = new Set();
    enums = new Map();
    /** Every view created in the pending set → its name, the tables its query reads and the query. */
    views = new Map();
    /** Functions the pending set or the database defines (by last name): calling one can move any data. */
    functions = new Set();
    /** Functions and procedures by bare name (schema ignored: a call may reach any of them through search_path). */
    routines = new Map();
    /** Keys of tables the pending set puts a trigger on: writing to them can move any data. */
    triggered = new Set();
    searchPath;
    creationSchema;
    /** The path to restore when the file ends (after `SET LOCAL search_path`). */
    sessionPath;
    migration = '';
    constructor(catalog) {
        this.catalog = catalog;
        for (const name of catalog?.functions ?? [])
            this.functions.add(name);
        this.searchPath = catalog ? [...catalog.searchPath] : OFFLINE_PATH;
        this.creationSchema = catalog ? catalog.creationSchema : 'public';
        this.sessionPath = { path: this.searchPath, creation: this.creationSchema };
    }
    /** Starts the next migration file: Prisma runs each file as one transaction on one session. */
    beginMigration(name) {
        this.migration = name;
        this.searchPath = this.sessionPath.path;
        this.creationSchema = this.sessionPath.creation;
    }
    isNewTable(rel) {
        return this.lookup(rel).state?.createdBy !== undefined;
    }
    columnType(rel, column) {
        return this.lookup(rel).state?.columns.get(column)?.type;
    }
    enumValues(rel) {
        return this.enums.get((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel));
    }
    isNewView(rel) {
        return this.views.has((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel));
    }
    /** Views created in the pending set (and not dropped since) that read the table. */
    viewsReading(rel) {
        const key = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel);
        return [...this.views.values()].filter((v) => v.reads.includes(key)).map((v) => v.name);
    }
    hasRoutines() {
        return this.routines.size > 0;
    }
    /** The function or procedure of that name created earlier in the pending set. */
    routine(name) {
        return this.routines.get(name);
    }
    /** Routines created earlier in the pending set that the database may run without a statement naming them. */
    implicitRoutines() {
        return [...new Set(this.routines.values())].filter((r) => r.replaces || r.trigger);
    }
    /** What the table (or one of its columns) holds at this point of the deploy. */
    holdings(rel, column) {
        const found = this.lookup(rel);
        const state = found.state;
        const label = (table, col = column) => col === undefined ? show(table) : `${show(table)}.${col}`;
        if (state?.createdBy)
            return {
                kind: 'created',
                by: state.createdBy,
                name: show(state),
                sources: [...state.sources, ...((column && state.columns.get(column)?.sources) || [])],
                ...(state.schema === TEMP ? { temporary: true } : {})
            };
        if (!this.catalog)
            return { kind: 'unknown' };
        if (state?.databaseName || found.inDatabase) {
            const col = column === undefined ? undefined : state?.columns.get(column);
            if (state && col?.createdBy)
                return { kind: 'created', by: col.createdBy, name: label(state), sources: col.sources };
            const database = state?.databaseName ?? split(found.key);
            const databaseColumn = col?.databaseName ?? column;
            const here = label(state ?? database);
            const there = label(database, databaseColumn);
            return { kind: 'existing', name: here, databaseName: here === there ? undefined : there };
        }
        return { kind: 'absent', name: label(split(found.key)) };
    }
    /**
     * The stake to count in the database for a statement at this point: names the pending set gave to existing
     * objects are mapped back to the database's names; objects the pending set created are not counted (they are
     * not in the database). Undefined when there is nothing to count.
     */
    stakeInDatabase(stake) {
        const map = (table, column) => {
            const found = this.lookup(table);
            if (found.state?.createdBy)
                return null;
            const col = column === undefined ? undefined : found.state?.columns.get(column);
            if (col?.createdBy)
                return null;
            if (!this.catalog)
                return { table, column };
            const database = found.state?.databaseName ?? split(found.key);
            return { table: database, column: col?.databaseName ?? column };
        };
        switch (stake.kind) {
            case 'table-rows': {
                const m = map(stake.table);
                return m ? { ...stake, table: m.table } : undefined;
            }
            case 'non-null':
            case 'nulls':
            case 'cast': {
                const m = map(stake.table, stake.column);
                return m ? { ...stake, table: m.table, column: m.column ?? stake.column } : undefined;
            }
            case 'duplicates': {
                const m = map(stake.table);
                if (!m)
                    return undefined;
                const columns = stake.columns.map((c) => map(stake.table, c)?.column ?? c);
                return { ...stake, table: m.table, columns };
            }
            case 'enum-values': {
                const usages = stake.usages
                    .map((u) => map(u.table, u.column))
                    .filter((u) => u !== null);
                return usages.length ? { ...stake, usages } : undefined;
            }
        }
    }
    /** Records what the statement creates, alters, fills or drops. Call after the rules have seen it. */
    apply(stmt) {
        const node = stmt.node[stmt.kind];
        switch (stmt.kind) {
            case 'CreateStmt':
                return this.applyCreate(node);
            case 'CreateTableAsStmt':
                return this.createAs(node.into?.rel, node.if_not_exists, node.query, stmt);
            case 'SelectStmt':
                if (node.intoClause)
                    return this.createAs(node.intoClause.rel, false, { ...node, intoClause: undefined }, stmt);
                return this.opaqueIfCalling(node, stmt, 'a function that is not built in');
            case 'ViewStmt':
                return this.applyView(node);
            case 'InsertStmt':
                return this.applyInsert(node, stmt);
            case 'UpdateStmt':
                return this.applyUpdate(node, stmt);
            case 'MergeStmt': {
                const target = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
                if (target)
                    this.fill(target, this.readSources(withoutTarget(node), stmt), undefined, stmt);
                return;
            }
            case 'DeleteStmt':
                return this.applyDelete(node, stmt);
            case 'CopyStmt': {
                const target = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
                if (target && node.is_from)
                    this.fill(target, [this.opaque(stmt, 'COPY ... FROM')], undefined, stmt);
                return;
            }
            case 'DoStmt':
                return this.opaqueAll(stmt, 'a DO block');
            case 'CallStmt':
                return this.opaqueAll(stmt, 'a procedure call');
            default:
                return this.applyDefinition(stmt.kind, node, stmt);
        }
    }
    /** Statements that define or rename things rather than move data. */
    applyDefinition(kind, node, stmt) {
        switch (kind) {
            case 'CreateFunctionStmt':
                return this.applyCreateFunction(node, stmt);
            case 'CreateTrigStmt': {
                const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
                if (rel)
                    this.triggered.add(this.lookup(rel).key);
                return;
            }
            case 'VariableSetStmt':
                return this.applySearchPath(node);
            case 'AlterTableStmt':
                return this.applyAlterTable(node);
            case 'AlterObjectSchemaStmt':
                if (node.objectType === 'OBJECT_TABLE') {
                    const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
                    if (rel && typeof node.newschema === 'string')
                        this.move(rel, node.newschema, rel.name);
                }
                return;
            case 'DropStmt':
                return this.applyDrop(node);
            case 'RenameStmt':
                return this.applyRename(node);
            case 'CreateEnumStmt':
                this.enums.set((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.typeName))), (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.vals));
                return;
            case 'AlterEnumStmt': {
                const values = this.enums.get((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.typeName))));
                if (values && typeof node.newVal === 'string' && !node.oldVal)
                    values.push(node.newVal);
                return;
            }
        }
    }
    applyCreate(node) {
        const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
        if (!rel)
            return;
        if (node.if_not_exists && this.exists(rel))
            return;
        const columns = new Map();
        for (const elt of node.tableElts ?? []) {
            const col = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .columnDefOf */ .lF)(elt);
            if (col)
                columns.set(col.name, { type: col.type, sources: [] });
        }
        this.create(rel, node.relation, columns, []);
    }
    applyView(node) {
        const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.view);
        if (rel)
            this.views.set((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel), {
                name: rel,
                reads: (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .collectRelations */ .Kd)(node.query).map(_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5),
                query: node.query
            });
    }
    applyInsert(node, stmt) {
        const target = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
        if (!target)
            return;
        const columns = (node.cols ?? [])
            .map((c) => c?.ResTarget?.name)
            .filter((n) => typeof n === 'string');
        this.fill(target, this.readSources(withoutTarget(node), stmt), columns.length ? columns : undefined, stmt);
    }
    applyDelete(node, stmt) {
        const target = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
        if (target && this.triggered.has(this.lookup(target).key))
            this.opaqueAll(stmt, 'a trigger this deploy created');
        return this.opaqueIfCalling(node, stmt, 'a function that is not built in');
    }
    applyCreateFunction(node, stmt) {
        const name = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.funcname).pop();
        if (!name)
            return;
        this.functions.add(name);
        const returns = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.returnType?.names ?? []).pop();
        this.routines.set(name, {
            name,
            kind: node.is_procedure ? 'procedure' : 'function',
            migration: this.migration,
            line: stmt.startLine,
            replaces: node.replace === true,
            trigger: returns === 'trigger' || returns === 'event_trigger'
        });
    }
    /** The relation a name refers to now, as Postgres resolves it: temporary tables, then the search path. */
    lookup(rel) {
        if (rel.schema) {
            const key = relationKey(rel.schema, rel.name);
            const state = this.tables.get(key);
            return { key, state, inDatabase: state ? false : this.inDatabase(key) };
        }
        const temp = relationKey(TEMP, rel.name);
        if (this.tables.has(temp))
            return { key: temp, state: this.tables.get(temp) };
        for (const schema of this.searchPath) {
            const key = relationKey(schema, rel.name);
            const state = this.tables.get(key);
            if (state)
                return { key, state };
            const inDatabase = this.inDatabase(key);
            if (inDatabase !== false)
                return { key, inDatabase };
        }
        return {
            key: relationKey(this.creationSchema ?? this.searchPath[0] ?? 'public', rel.name),
            inDatabase: false
        };
    }
    /** Whether the database held the relation before the deploy and the deploy has not removed it; unknown offline. */
    inDatabase(key) {
        if (this.gone.has(key))
            return false;
        return this.catalog ? this.catalog.relations.has(key) : undefined;
    }
    exists(rel) {
        const found = this.lookup(rel);
        return found.state !== undefined || found.inDatabase !== false;
    }
    /** The state of a table, created on first change for a table of the database. */
    stateOf(rel) {
        const found = this.lookup(rel);
        if (found.state)
            return found.state;
        if (found.inDatabase === false)
            return undefined;
        const database = split(found.key);
        const state = {
            ...database,
            databaseName: database,
            columns: new Map(),
            sources: []
        };
        this.tables.set(found.key, state);
        return state;
    }
    create(rel, rangeVar, columns, sources) {
        const temporary = (rangeVar?.RangeVar ?? rangeVar)?.relpersistence === 't';
        const schema = temporary ? TEMP : (rel.schema ?? this.creationSchema ?? this.searchPath[0] ?? 'public');
        this.tables.set(relationKey(schema, rel.name), {
            schema,
            name: rel.name,
            createdBy: this.migration,
            columns,
            sources
        });
    }
    createAs(rangeVar, ifNotExists, query, stmt) {
        const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(rangeVar);
        if (!rel || (ifNotExists && this.exists(rel)))
            return;
        this.create(rel, rangeVar, new Map(), this.readSources(query, stmt));
    }
    /** Where the data a statement reads comes from: every table (through views and CTEs) and opaque calls. */
    readSources(node, stmt, depth = 0) {
        const ctes = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .cteNames */ .TO)(node);
        const out = [];
        for (const rel of (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .collectRelations */ .Kd)(node)) {
            if (!rel.schema && ctes.has(rel.name))
                continue;
            const view = this.views.get((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel));
            if (view && depth < 8) {
                out.push(...this.readSources(view.query, stmt, depth + 1));
                continue;
            }
            const found = this.lookup(rel);
            if (found.state?.createdBy)
                out.push({ kind: 'created', by: found.state.createdBy, name: show(found.state) }, ...found.state.sources);
            else
                out.push({ kind: 'existing', name: show(found.state?.databaseName ?? split(found.key)) });
        }
        if (stmt && [...(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .calledFunctions */ .Bm)(node)].some((f) => this.functions.has(f)))
            out.push(this.opaque(stmt, 'a function that is not built in'));
        return out;
    }
    opaque(stmt, what) {
        return { kind: 'opaque', migration: this.migration, line: stmt.startLine, what };
    }
    /** A statement the review cannot follow may have written anything into every object created so far. */
    opaqueAll(stmt, what) {
        const source = this.opaque(stmt, what);
        for (const state of this.tables.values()) {
            if (state.createdBy)
                state.sources.push(source);
            for (const col of state.columns.values())
                if (col.createdBy)
                    col.sources.push(source);
        }
    }
    opaqueIfCalling(node, stmt, what) {
        if ([...(0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .calledFunctions */ .Bm)(node)].some((f) => this.functions.has(f)))
            this.opaqueAll(stmt, what);
    }
    /** Rows (or the given columns) written into a table from the sources. */
    fill(target, sources, columns, stmt) {
        const found = this.lookup(target);
        if (stmt && this.triggered.has(found.key))
            this.opaqueAll(stmt, 'a trigger this deploy created');
        const state = found.state;
        if (!state || sources.length === 0)
            return;
        if (state.createdBy) {
            state.sources.push(...sources);
            return;
        }
        for (const [name, col] of state.columns)
            if (col.createdBy && (!columns || columns.includes(name)))
                col.sources.push(...sources);
    }
    applyUpdate(node, stmt) {
        const target = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
        if (!target)
            return;
        const from = this.readSources({ from: node.fromClause, with: node.withClause }, stmt);
        const self = this.readSources({ RangeVar: node.relation.RangeVar ?? node.relation });
        const found = this.lookup(target);
        if (this.triggered.has(found.key))
            this.opaqueAll(stmt, 'a trigger this deploy created');
        this.opaqueIfCalling(node, stmt, 'a function that is not built in');
        for (const item of node.targetList ?? []) {
            const res = item?.ResTarget;
            if (!res || typeof res.name !== 'string' || (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .isSelfContained */ .us)(res.val))
                continue;
            // A value computed from other columns of the row (or from a joined table) copies their data.
            this.fill(target, [...this.readSources(res.val, stmt), ...from, ...self], [res.name], stmt);
        }
    }
    applySearchPath(node) {
        if (node.name !== 'search_path')
            return;
        let path;
        if (node.kind === 'VAR_SET_VALUE')
            path = (node.args ?? [])
                .map((a) => a?.A_Const?.sval?.sval)
                .filter((s) => typeof s === 'string' && s !== '$user');
        else if (node.kind === 'VAR_RESET' || node.kind === 'VAR_SET_DEFAULT')
            path = this.catalog?.searchPath ?? OFFLINE_PATH;
        else
            return;
        // Without a database the schemas cannot be checked; with one, the first schema of the path is where CREATE goes.
        this.searchPath = path;
        this.creationSchema = path[0];
        if (!node.is_local)
            this.sessionPath = { path, creation: path[0] };
    }
    applyAlterTable(node) {
        const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
        if (!rel || (node.objtype && node.objtype !== 'OBJECT_TABLE'))
            return;
        for (const cmd of (node.cmds ?? []).map((c) => c.AlterTableCmd)) {
            if (cmd?.subtype === 'AT_AddColumn') {
                const col = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .columnDefOf */ .lF)(cmd.def);
                const state = col && this.stateOf(rel);
                if (!col || !state)
                    continue;
                const generated = (cmd.def?.ColumnDef?.constraints ?? []).some((c) => c?.Constraint?.contype === 'CONSTR_GENERATED');
                state.columns.set(col.name, {
                    type: col.type,
                    createdBy: state.createdBy ? undefined : this.migration,
                    sources: generated ? this.readSources({ RangeVar: node.relation.RangeVar ?? node.relation }) : []
                });
            }
            else if (cmd?.subtype === 'AT_AttachPartition') {
                // The partition's rows are now the parent's: dropping the parent drops them.
                const partition = cmd.def?.PartitionCmd?.name;
                if (partition)
                    this.fill(rel, this.readSources({ RangeVar: partition }), undefined, undefined);
            }
            else if (cmd?.subtype === 'AT_AddInherit') {
                // A child's rows are read through its parent, and DROP ... CASCADE of the parent drops the child.
                const parent = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(cmd.def);
                if (parent)
                    this.fill(parent, this.readSources({ RangeVar: node.relation.RangeVar ?? node.relation }), undefined, undefined);
            }
            else if (cmd?.subtype === 'AT_DropColumn')
                this.lookup(rel).state?.columns.delete(cmd.name);
            else if (cmd?.subtype === 'AT_AlterColumnType') {
                const state = this.stateOf(rel);
                if (!state)
                    continue;
                const col = state.columns.get(cmd.name) ?? { sources: [] };
                state.columns.set(cmd.name, { ...col, type: (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .typeOf */ .QP)(cmd.def?.ColumnDef?.typeName) });
            }
        }
    }
    applyDrop(node) {
        for (const obj of node.objects ?? []) {
            if (node.removeType === 'OBJECT_TABLE') {
                const key = this.lookup((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(obj))).key;
                this.tables.delete(key);
                this.gone.add(key);
            }
            else if (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
                this.views.delete((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(obj))));
            else if (node.removeType === 'OBJECT_TYPE')
                this.enums.delete((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(obj?.TypeName?.names))));
        }
    }
    /** A table renamed or moved to another schema: the same rows under a new key. */
    move(rel, schema, name) {
        const found = this.lookup(rel);
        const state = this.stateOf(rel);
        if (!state)
            return;
        this.tables.delete(found.key);
        this.gone.add(found.key);
        const target = schema ?? state.schema;
        this.tables.set(relationKey(target, name), { ...state, schema: target, name });
    }
    applyRename(node) {
        if (node.renameType === 'OBJECT_FUNCTION' || node.renameType === 'OBJECT_PROCEDURE') {
            const routine = this.routines.get((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.object?.ObjectWithArgs?.objname ?? []).pop() ?? '');
            if (routine && typeof node.newname === 'string') {
                this.routines.set(node.newname, routine);
                this.functions.add(node.newname);
            }
        }
        else if (node.renameType === 'OBJECT_TABLE') {
            const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
            if (rel && typeof node.newname === 'string')
                this.move(rel, undefined, node.newname);
        }
        else if (node.renameType === 'OBJECT_COLUMN') {
            const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .relationOf */ .Ke)(node.relation);
            const state = rel && this.stateOf(rel);
            if (!state || typeof node.subname !== 'string' || typeof node.newname !== 'string')
                return;
            const col = state.columns.get(node.subname);
            if (state.createdBy && !col)
                return;
            state.columns.delete(node.subname);
            state.columns.set(node.newname, col ?? { databaseName: node.subname, sources: [] });
        }
        else if (node.renameType === 'OBJECT_TYPE') {
            const rel = (0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .qualifiedName */ .OL)((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .stringsOf */ .iw)(node.object));
            const values = this.enums.get((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel));
            if (!values)
                return;
            this.enums.delete((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)(rel));
            this.enums.set((0,_sql_ast_js__WEBPACK_IMPORTED_MODULE_0__/* .objectKey */ .T5)({ schema: rel.schema, name: node.newname }), values);
        }
    }
}


/***/ }),

/***/ 64593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sd: () => (/* binding */ reviewMigrations)
});

// UNUSED EXPORTS: sortFindings, summarize

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/sql/parse.ts
var parse = __webpack_require__(24159);
// EXTERNAL MODULE: ./src/sql/ast.ts
var ast = __webpack_require__(13080);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(42495);
;// CONCATENATED MODULE: ./src/review/acknowledgements.ts

/**
 * `-- pg-ops:allow <rule-id>[,<rule-id>...] <reason>` on a comment line directly above a statement allows that
 * statement's findings of those rules through the deploy gate. Only other comment lines may sit between the
 * acknowledgement and the statement, so that it cannot drift onto an unrelated statement after an edit.
 */
const ACK_PREFIX = 'pg-ops:allow';
const ACK = /^--\s*pg-ops:allow\b\s*(.*)$/;
function readAcknowledgements(parsed, knownRules) {
    const valid = [];
    const invalid = [];
    const commentLines = new Set();
    for (const c of parsed.comments)
        for (let l = c.startLine; l <= c.endLine; l++)
            commentLines.add(l);
    for (const c of parsed.comments) {
        const m = c.kind === 'line' ? ACK.exec(c.text.trim()) : null;
        if (!m)
            continue;
        const [ruleList = '', ...reasonWords] = m[1].trim().split(/\s+/);
        const rules = ruleList.split(',').filter(Boolean);
        const reason = reasonWords.join(' ').trim();
        const unknown = rules.filter((r) => !knownRules.has(r));
        const trailing = parsed.statements.some((s) => s.endLine === c.startLine && s.byteEnd <= c.byteStart);
        const next = parsed.statements.find((s) => s.byteStart > c.byteEnd);
        let gap = false;
        if (next)
            for (let l = c.endLine + 1; l < next.startLine; l++)
                if (!commentLines.has(l))
                    gap = true;
        const problem = rules.length === 0
            ? `\`${ACK_PREFIX}\` names no rule`
            : unknown.length
                ? `unknown rule ${unknown.map((r) => (0,markdown/* code */.aY)(r)).join(', ')}`
                : !reason
                    ? 'a reason is required after the rule id'
                    : trailing
                        ? 'it must be on its own line above the statement, not after one'
                        : !next
                            ? 'no statement follows it'
                            : gap
                                ? 'a blank line separates it from the next statement'
                                : undefined;
        if (problem || !next)
            invalid.push({ line: c.startLine, problem: problem ?? 'no statement follows it' });
        else
            valid.push({ line: c.startLine, rules, reason, statementIndex: next.index });
    }
    return { valid, invalid };
}

// EXTERNAL MODULE: ./src/review/catalog.ts
var review_catalog = __webpack_require__(26427);
;// CONCATENATED MODULE: ./src/review/holdings.ts
/**
 * What a destructive statement can destroy in the target database, and the gate's verdict on it. Pure: the
 * pending model (model.ts) establishes the facts, statement by statement, and these functions only judge them.
 */

function risk(source) {
    if (source.kind === 'existing')
        return `filled from ${(0,markdown/* code */.aY)(source.name)}, which existed before it`;
    if (source.kind === 'opaque')
        return `${(0,markdown/* code */.aY)(source.migration)} line ${source.line} (${source.what}) may have filled it`;
    return undefined;
}
/**
 * The gate's decision for one destructive finding in the compared database: an object the deploy itself created
 * and filled only with its own constants holds nothing that existed before, so destroying it loses nothing there.
 * Everything else counts as destructive: objects that existed, objects filled from ones that did, objects the
 * review cannot trace, and anything without a database (`unknown`).
 */
function dataHere(holds) {
    if (!holds || holds.kind === 'unknown')
        return { destroys: true, reason: 'no database to compare with: counted as destructive' };
    if (holds.kind === 'existing')
        return {
            destroys: true,
            reason: `${(0,markdown/* code */.aY)(holds.name)} existed before this deploy${holds.databaseName ? ` (as ${(0,markdown/* code */.aY)(holds.databaseName)})` : ''}`
        };
    if (holds.kind === 'absent')
        return {
            destroys: true,
            reason: `${(0,markdown/* code */.aY)(holds.name)} is not in this database and no earlier statement of this deploy creates it: counted as destructive`
        };
    const risks = [...new Set(holds.sources.map(risk).filter((r) => r !== undefined))];
    if (risks.length === 0)
        return {
            destroys: false,
            reason: `created by ${(0,markdown/* code */.aY)(holds.by)} in this deploy; nothing to lose here`
        };
    return {
        destroys: true,
        reason: `created by ${(0,markdown/* code */.aY)(holds.by)} in this deploy, but ${risks.join(', ')}: it can hold data that existed before the deploy`
    };
}
/**
 * For a migration a pull request adds, when it destroys nothing in the compared database: whether it destroys
 * data in environments where the other pending migrations (those on the base branch) already ran. `added` is the
 * set of migrations the pull request adds; when it is not known, pass an empty set (every other migration may
 * have run somewhere).
 */
function dataElsewhere(holds, added) {
    if (holds?.kind !== 'created')
        return undefined;
    // A temporary table never outlives the session that created it: elsewhere only what it copies matters.
    if (!holds.temporary && !added.has(holds.by))
        return `destroys data in environments where ${(0,markdown/* code */.aY)(holds.by)} already ran`;
    const from = holds.sources.find((s) => s.kind === 'created' && !added.has(s.by));
    if (from?.kind === 'created')
        return `destroys data from ${(0,markdown/* code */.aY)(from.name)} in environments where ${(0,markdown/* code */.aY)(from.by)} already ran`;
    return undefined;
}
/** One verdict for a statement that works on several objects (an enum and the columns using it). */
function combineHoldings(list) {
    if (list.length === 0)
        return { kind: 'unknown' };
    const blocking = list.find((h) => h.kind !== 'created');
    if (blocking)
        return blocking;
    const created = list;
    const [first, ...rest] = created;
    return {
        kind: 'created',
        by: first.by,
        name: created.map((h) => h.name).join(', '),
        sources: [
            ...first.sources,
            ...rest.flatMap((h) => [{ kind: 'created', by: h.by, name: h.name }, ...h.sources])
        ]
    };
}

// EXTERNAL MODULE: ./src/review/model.ts
var review_model = __webpack_require__(54813);
// EXTERNAL MODULE: ./src/review/rules/index.ts + 31 modules
var rules = __webpack_require__(16608);
;// CONCATENATED MODULE: ./src/review/linter.ts





const BY_KIND = new Map();
const ANY_KIND = [];
for (const rule of rules/* RULES */.y0) {
    if (!rule.check)
        continue;
    const checking = { rule, check: rule.check };
    if (!rule.kinds)
        ANY_KIND.push(checking);
    else
        for (const kind of rule.kinds)
            BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), checking]);
}
/** Requires `await loadParser()`. */
function parseMigrations(migrations) {
    return migrations.map((input) => ({ input, parsed: (0,parse/* parseScript */.tl)(input.script) }));
}
function holdingsOf(hit, model) {
    const objects = hit.objects ??
        (hit.table === undefined ? [] : [{ table: { schema: hit.schema, name: hit.table }, column: hit.column }]);
    return objects.length ? combineHoldings(objects.map((o) => model.holdings(o.table, o.column))) : undefined;
}
/** A lookup under the database's names, ignoring the views the pending set dropped before the statement. */
function lookupInDatabase(lookup, model, droppedViews) {
    const mapped = model.stakeInDatabase({ kind: 'table-rows', table: lookup.table });
    return mapped?.kind === 'table-rows'
        ? { ...lookup, table: mapped.table, ignore: [...droppedViews] }
        : undefined;
}
/**
 * Runs every rule over the pending migrations in order, with one model of what the pending set creates, so that
 * a table created by an earlier pending migration (or earlier in the same file) counts as new. Every rule runs;
 * the settings (disabled rules, severities) are applied afterwards so that the Prisma cross-check sees all of
 * them. With the target database's catalog, names resolve as Postgres will resolve them there, stakes are counted
 * under the database's names, and each destructive hit says what its object holds.
 */
function lintMigrations(migrations, options = {}) {
    const { enabled } = options;
    const model = new review_model/* PendingModel */.x(options.catalog);
    const droppedViews = [];
    return migrations.map(({ input, parsed }) => {
        const file = { migration: input, parsed };
        const hits = [];
        model.beginMigration(input.name);
        for (const stmt of parsed.statements) {
            const node = stmt.node[stmt.kind];
            const rules = [...(BY_KIND.get(stmt.kind) ?? []), ...ANY_KIND];
            for (const { rule, check } of rules) {
                if (enabled && !enabled.has(rule.id))
                    continue;
                for (const hit of check({ stmt, node, file, model })) {
                    if (hit.stake)
                        hit.stake = model.stakeInDatabase(hit.stake);
                    if (hit.lookup) {
                        // A table the pending set created is not in the database: nothing to ask.
                        hit.lookup = lookupInDatabase(hit.lookup, model, droppedViews);
                        if (!hit.lookup)
                            continue;
                    }
                    const holds = rule.destructive && !rule.lossUnknown && !hit.quiet ? holdingsOf(hit, model) : undefined;
                    hits.push({ rule, hit, stmt, holds });
                }
            }
            if (stmt.kind === 'DropStmt' &&
                (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW'))
                for (const obj of node.objects ?? [])
                    droppedViews.push((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj))));
            model.apply(stmt);
        }
        return { input, parsed, hits };
    });
}

;// CONCATENATED MODULE: ./src/review/prisma-warnings.ts
// Prisma's own message templates, most specific first. Each captures the names it mentions.
const PATTERNS = [
    {
        kind: 'NonEmptyColumnDrop',
        re: /^You are about to drop the column `(.+?)` on the `(.+?)` table/,
        fields: ['column', 'table']
    },
    { kind: 'NonEmptyTableDrop', re: /^You are about to drop the `(.+?)` table/, fields: ['table'] },
    {
        kind: 'DropAndRecreateColumn',
        re: /^The `(.+?)` column on the `(.+?)` table would be dropped and recreated/,
        fields: ['column', 'table']
    },
    {
        kind: 'NotCastable',
        re: /^You are about to alter the column `(.+?)` on the `(.+?)` table.*This cast may fail/,
        fields: ['column', 'table']
    },
    {
        kind: 'RiskyCast',
        re: /^You are about to alter the column `(.+?)` on the `(.+?)` table/,
        fields: ['column', 'table']
    },
    {
        kind: 'PrimaryKeyChange',
        re: /^The primary key for the `(.+?)` table will be changed/,
        fields: ['table']
    },
    {
        kind: 'UniqueConstraintAddition',
        re: /^A unique constraint covering the columns `\[(.*?)\]` on the table `(.+?)` will be added/,
        fields: ['columns', 'table']
    },
    {
        kind: 'EnumValueRemoval',
        re: /^The values \[(.*?)\] on the enum `(.+?)` will be removed/,
        fields: ['values', 'enumName']
    },
    {
        kind: 'AddedRequiredFieldToTable',
        re: /^Added the required column `(.+?)` to the `(.+?)` table without a default value/,
        fields: ['column', 'table']
    },
    {
        kind: 'AddedRequiredFieldToTableWithPrismaLevelDefault',
        re: /^The required column `(.+?)` was added to the `(.+?)` table with a prisma-level default value/,
        fields: ['column', 'table']
    },
    {
        kind: 'MadeOptionalFieldRequired',
        re: /^Made the column `(.+?)` on table `(.+?)` required/,
        fields: ['column', 'table']
    },
    {
        kind: 'MadeScalarFieldIntoArrayField',
        re: /^Changed the column `(.+?)` on the `(.+?)` table from a scalar field to a list field/,
        fields: ['column', 'table']
    },
    {
        kind: 'DropAndRecreateRequiredColumn',
        re: /^Changed the type of `(.+?)` on the `(.+?)` table\. No cast exists/,
        fields: ['column', 'table']
    }
];
/** Which of our rules answers each kind. Destructive kinds map to error-level rules. */
const RULES_FOR_KIND = {
    NonEmptyTableDrop: ['drop-table'],
    NonEmptyColumnDrop: ['drop-column'],
    DropAndRecreateColumn: ['drop-and-recreate-column'],
    RiskyCast: ['lossy-type-change', 'drop-and-recreate-column'],
    NotCastable: ['lossy-type-change', 'drop-and-recreate-column'],
    PrimaryKeyChange: ['primary-key-change'],
    UniqueConstraintAddition: ['add-unique'],
    EnumValueRemoval: ['enum-value-removal'],
    AddedRequiredFieldToTable: ['add-required-column-without-default', 'drop-and-recreate-column'],
    AddedRequiredFieldToTableWithPrismaLevelDefault: ['add-required-column-without-default'],
    MadeOptionalFieldRequired: ['set-not-null'],
    MadeScalarFieldIntoArrayField: ['lossy-type-change', 'drop-and-recreate-column'],
    DropAndRecreateRequiredColumn: ['drop-and-recreate-column'],
    Unknown: []
};
const splitList = (s) => s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
function classifyWarning(text) {
    for (const p of PATTERNS) {
        const m = p.re.exec(text);
        if (!m)
            continue;
        const w = { text, kind: p.kind };
        p.fields.forEach((field, i) => {
            if (field === 'columns' || field === 'values')
                w[field] = splitList(m[i + 1]);
            else
                w[field] = m[i + 1];
        });
        return w;
    }
    return { text, kind: 'Unknown' };
}
// Prisma's step comments (`-- CreateTable`, `-- DropForeignKey`...) mark a file it generated.
const STEP_COMMENT = /^--\s*(Create|Drop|Alter|Add|Rename|Redefine)[A-Za-z]+\s*$/;
/** Reads Prisma's `/* Warnings: - ... *\/` header from the file's comments. */
function readPrismaHeader(parsed) {
    const firstStatement = parsed.statements[0]?.byteStart ?? Number.MAX_SAFE_INTEGER;
    const header = parsed.comments.find((c) => c.kind === 'block' && c.byteStart < firstStatement && /^\s*Warnings:\s*$/m.test(c.text));
    const warnings = header
        ? header.text
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l.startsWith('- '))
            .map((l) => classifyWarning(l.slice(2).trim()))
        : [];
    const generated = header !== undefined || parsed.comments.some((c) => c.kind === 'line' && STEP_COMMENT.test(c.text.trim()));
    return { generated, warnings };
}
/** Whether a finding of ours is the statement a Prisma warning describes. */
function answers(warning, finding) {
    if (!RULES_FOR_KIND[warning.kind].includes(finding.rule))
        return false;
    if (warning.kind === 'EnumValueRemoval')
        return finding.typeName === warning.enumName;
    if (warning.table !== undefined && finding.table !== warning.table)
        return false;
    if (warning.column !== undefined && finding.column !== warning.column)
        return false;
    if (warning.columns && finding.columns)
        return warning.columns.join(',') === finding.columns.join(',');
    return true;
}

// EXTERNAL MODULE: ./src/review/rules/rule.ts
var rules_rule = __webpack_require__(27372);
// EXTERNAL MODULE: ./src/review/headline.ts
var headline = __webpack_require__(10670);
;// CONCATENATED MODULE: ./src/review/summary.ts

/** Totals and headline from reviewed migrations (also used by the offline review, which adds findings). */
function summarize(migrations, databaseCompared, notes) {
    const findings = migrations.flatMap((m) => m.findings);
    const result = {
        migrations,
        findings,
        destructiveCount: findings.filter((f) => f.destructive && f.acknowledged?.by !== 'database').length,
        errorCount: findings.filter((f) => f.severity === 'error').length,
        warningCount: findings.filter((f) => f.severity === 'warning').length,
        headline: '',
        unacknowledgedErrors: findings.filter((f) => f.severity === 'error' && !f.acknowledged),
        databaseCompared,
        notes
    };
    result.headline = (0,headline/* headlineFor */.aU)(result);
    return result;
}

;// CONCATENATED MODULE: ./src/review/modified.ts





/** Adds a modified-migration error for each migration that existed on the base and was changed or deleted. */
function withModifiedMigrations(result, opts) {
    const severity = opts.rules.get('modified-migration');
    if (!severity || opts.modified.length + opts.deleted.length === 0)
        return result;
    const def = (0,rules/* ruleById */.BD)('modified-migration');
    const changed = { base: opts.base };
    const edited = (name, verb) => ({
        rule: def.id,
        severity,
        migration: name,
        file: result.migrations.find((m) => m.name === name)?.file ??
            external_node_path_.posix.join(opts.migrationsDir.split(external_node_path_.sep).join('/'), name, 'migration.sql'),
        line: 1,
        message: `The migration ${(0,markdown/* code */.aY)(name)} exists on ${changed.base} and this pull request ${verb} it: it has probably been applied already, so the change will never run there.`,
        why: def.why,
        fix: def.fix,
        docs: (0,rules_rule/* docsAnchor */.zG)(def.id),
        destructive: false,
        acknowledged: opts.allowDestructive && severity === 'error'
            ? { by: 'input', reason: 'allow-destructive: true' }
            : undefined
    });
    for (const m of result.migrations)
        if (opts.modified.includes(m.name))
            m.findings.unshift(edited(m.name, 'changes'));
    const deleted = opts.deleted.map((name) => ({
        name,
        file: external_node_path_.posix.join(opts.migrationsDir.split(external_node_path_.sep).join('/'), name, 'migration.sql'),
        script: '',
        findings: [edited(name, 'deletes')],
        prismaWarnings: []
    }));
    return summarize([...result.migrations, ...deleted], result.databaseCompared, result.notes);
}

// EXTERNAL MODULE: ./src/migrate/execute.ts
var execute = __webpack_require__(77690);
;// CONCATENATED MODULE: ./src/review/types.ts
/** The keys of FindingObjects, to copy them from a hit to its finding. */
const FINDING_OBJECT_KEYS = ['schema', 'table', 'column', 'columns', 'typeName', 'values'];

;// CONCATENATED MODULE: ./src/review/review.ts
















function makeFinding(rule, migration, line, message, extra = {}) {
    const def = (0,rules/* ruleById */.BD)(rule);
    return {
        rule,
        severity: def.severity,
        migration: migration.name,
        file: migration.file,
        line,
        message,
        why: def.why,
        fix: def.fix,
        docs: (0,rules_rule/* docsAnchor */.zG)(rule),
        destructive: def.destructive,
        ...extra
    };
}
function fromHit(migration, h) {
    const { rule, hit, stmt } = h;
    const finding = makeFinding(rule.id, migration, hit.line ?? stmt.startLine, hit.message, {
        endLine: hit.line ? undefined : stmt.endLine,
        why: hit.why ?? rule.why,
        fix: hit.fix ?? rule.fix
    });
    for (const key of FINDING_OBJECT_KEYS) {
        if (hit[key] !== undefined)
            finding[key] = hit[key];
    }
    return { finding, hit: h, stake: hit.stake, lookup: hit.lookup };
}
/**
 * Prisma's warnings header against the file's findings: each warning answered by a statement (the finding says
 * so), a warning nothing answers, and (in a generated file) a destructive change the header does not mention.
 * Returns the works without the rules' quiet hits, with the cross-check's own findings added.
 */
function crossCheckPrisma(works, linted, rules) {
    const { input, parsed } = linted;
    const header = readPrismaHeader(parsed);
    const matched = new Set();
    const headerLine = parsed.comments.find((c) => c.kind === 'block')?.startLine ?? 1;
    let onNewTables = 0;
    for (const warning of header.warnings) {
        // A line that is none of Prisma's templates (written by hand) names no change to look for.
        if (warning.kind === 'Unknown')
            continue;
        const hits = works.filter((w) => !w.lookup && answers(warning, w.finding));
        const reported = hits.filter((w) => !w.hit?.hit.quiet);
        for (const w of reported) {
            matched.add(w);
            w.finding.prismaWarning = warning.text;
            if (warning.kind === 'EnumValueRemoval' && !w.finding.values)
                w.finding.values = warning.values;
        }
        // The statement is there, on a table created earlier in the pending set: nothing to check, nothing missing.
        if (hits.length > 0 && reported.length === 0)
            onNewTables++;
        if (hits.length === 0)
            works.push({
                finding: makeFinding('prisma-warning-unmatched', input, headerLine, `Prisma warned ${(0,markdown/* quote */.hD)(warning.text)}, but no statement in the file makes that change.`)
            });
    }
    let kept = works.filter((w) => !w.hit?.hit.quiet);
    // A type change whose old type is unknown: for a file Prisma generated, its silence means it found the cast safe.
    kept = kept.filter((w) => w.hit?.hit.certain !== false || matched.has(w) || !header.generated);
    if (header.generated) {
        for (const w of kept.filter((w) => w.finding.destructive && !matched.has(w) && rules.has(w.finding.rule))) {
            kept.push({
                finding: makeFinding('not-in-prisma-warnings', input, w.finding.line, `${w.finding.message} Prisma's warnings header does not mention this change: the statement was probably added or edited by hand.`, { table: w.finding.table, column: w.finding.column, schema: w.finding.schema })
            });
        }
    }
    return { works: kept, prismaWarnings: header.warnings.map((w) => w.text), onNewTables };
}
/** `-- pg-ops:allow` comments: mark what each one covers; report those that cannot apply or cover nothing. */
function acknowledge(works, linted) {
    const { input, parsed } = linted;
    const acks = readAcknowledgements(parsed, new Set(rules/* RULES_BY_ID */.kF.keys()));
    const extra = acks.invalid.map((a) => ({
        finding: makeFinding('invalid-acknowledgement', input, a.line, `This acknowledgement allows nothing: ${a.problem}.`)
    }));
    for (const ack of acks.valid) {
        for (const rule of ack.rules) {
            // A finding only the database can confirm is not there yet to acknowledge.
            const covered = works.filter((w) => !w.lookup && w.finding.rule === rule && w.hit?.stmt.index === ack.statementIndex);
            for (const w of covered)
                w.finding.acknowledged = { by: 'comment', reason: ack.reason, line: ack.line };
            if (covered.length === 0)
                extra.push({
                    finding: makeFinding('unused-acknowledgement', input, ack.line, `The statement below has no \`${rule}\` finding to acknowledge.`)
                });
        }
    }
    return extra;
}
/** Parse, lint, cross-check with Prisma's header, apply settings and acknowledgements: everything but the database. */
function reviewFile(linted, rules) {
    const { input, parsed } = linted;
    const works = linted.hits.map((h) => fromHit(input, h));
    if (parsed.error)
        works.push({
            finding: makeFinding('parse-error', input, parsed.error.line, `Postgres cannot parse this file: ${(0,markdown/* quote */.hD)(parsed.error.message)}.`)
        });
    const checked = crossCheckPrisma(works, linted, rules);
    const settled = applySettings(checked.works, rules);
    const extra = acknowledge(settled, linted);
    return { ...checked, works: [...settled, ...applySettings(extra, rules)] };
}
function applySettings(works, rules) {
    return works.filter((w) => {
        const severity = rules.get(w.finding.rule);
        if (!severity)
            return false;
        w.finding.severity = severity;
        return true;
    });
}
/** A count's answer on the finding: data at stake, the removed values, the current type; false withdraws it. */
function applyStake(w, answer) {
    if (answer.kind === 'safe-cast')
        return false;
    w.finding.rowsAtStake = answer.stake;
    if (answer.removedValues && !w.finding.values)
        w.finding.values = answer.removedValues;
    if (answer.oldType)
        w.finding.message = w.finding.message.replace('(its current type is not known without the database)', `(currently ${(0,ast/* displayType */.x)(answer.oldType)})`);
    return true;
}
/**
 * Asks the database what the findings ask (counts of data at stake, lookups) in one read-only transaction, and
 * returns the works the answers withdraw: a cast the live type makes safe, a lookup that finds nothing.
 */
async function askDatabase(works, client, options) {
    const withdrawn = new Set();
    // Nothing to count or look up: no transaction, no round trip.
    if (!works.some((w) => w.stake || w.lookup))
        return withdrawn;
    // loaded only with a database, so that the offline review and the CLI do not load the Postgres driver
    const { StakeCounter } = await __webpack_require__.e(/* import() */ 449).then(__webpack_require__.bind(__webpack_require__, 8449));
    await new StakeCounter(client, options).run(async (counter) => {
        for (const w of works) {
            if (w.stake && !applyStake(w, await counter.answer(w.stake)))
                withdrawn.add(w);
            const lookup = w.lookup;
            if (!lookup || !w.hit)
                continue;
            const found = (await counter.dependentViews(lookup.table)).filter((v) => !lookup.ignore.includes(v));
            const confirm = w.hit.rule.confirm;
            if (found.length === 0 || !confirm)
                withdrawn.add(w);
            else {
                w.finding.message = confirm(w.hit.hit, found);
                w.lookup = undefined;
            }
        }
    });
    return withdrawn;
}
/** Rules Prisma's header is checked against: they run even when disabled, so the cross-check stays complete. */
const CROSS_CHECKED = Object.values(RULES_FOR_KIND).flat();
const BY_SEVERITY = { error: 0, warning: 1, notice: 2 };
function sortFindings(findings) {
    return [...findings].sort((a, b) => BY_SEVERITY[a.severity] - BY_SEVERITY[b.severity] || a.line - b.line || a.rule.localeCompare(b.rule));
}
/** Prisma 7.4+: `concurrently-in-transaction` only where Prisma still sends the file as one batch, saying why. */
function forStatementExecution(works, linted) {
    if (!works.some((w) => w.finding.rule === 'concurrently-in-transaction'))
        return works;
    const plan = (0,execute/* planWithLoadedParser */.uc)(linted.input.script, 'per-statement');
    if (plan.mode === 'per-statement')
        return works.filter((w) => w.finding.rule !== 'concurrently-in-transaction');
    for (const w of works)
        if (w.finding.rule === 'concurrently-in-transaction' && plan.fallback)
            w.finding.message += ` Prisma 7.4+ runs statements one by one, but sends this file as one batch: ${(0,execute/* describeFallback */.Mw)(plan.fallback)}.`;
    return works;
}
async function reviewMigrations(input) {
    // Nothing to parse (an up-to-date database): the 1.7 MB WebAssembly parser is not even loaded.
    if (input.migrations.length > 0)
        await (0,parse/* loadParser */.qd)();
    const notes = [...(input.notes ?? [])];
    const parsed = parseMigrations(input.migrations);
    let catalog;
    let catalogRead = parsed.length === 0;
    if (input.client && parsed.length > 0) {
        try {
            const statements = parsed.flatMap((p) => p.parsed.statements);
            catalog = await (0,review_catalog/* readCatalog */.uM)(input.client, (0,review_catalog/* mentionedRelationNames */.MB)(statements), (0,review_catalog/* calledFunctionNames */.Cs)(statements));
            catalogRead = true;
        }
        catch (error) {
            notes.push(`The database's catalog could not be read: ${error.message}`);
        }
    }
    const linted = lintMigrations(parsed, {
        enabled: new Set([...input.settings.rules.keys(), ...CROSS_CHECKED]),
        catalog
    });
    const perFile = linted.map((l) => ({ linted: l, ...reviewFile(l, input.settings.rules) }));
    if (input.execution === 'per-statement')
        for (const p of perFile)
            p.works = forStatementExecution(p.works, p.linted);
    let databaseCompared = false;
    if (input.client && catalogRead) {
        const all = perFile.flatMap((p) => p.works);
        try {
            const withdrawn = await askDatabase(all, input.client, input.stakeOptions);
            for (const p of perFile)
                p.works = p.works.filter((w) => !withdrawn.has(w));
            databaseCompared = true;
        }
        catch (error) {
            notes.push(`Data at stake could not be counted on the database: ${(0,markdown/* quote */.hD)(error.message)}`);
        }
    }
    // What only the database could confirm, and it did not (or there is none): not reported.
    for (const p of perFile)
        p.works = p.works.filter((w) => !w.lookup);
    const scope = input.pullRequest;
    const added = new Set(scope?.known ? scope.added : []);
    const changedByPr = new Set([...added, ...(scope?.modified ?? [])]);
    const onBase = (name) => scope?.known === true && !changedByPr.has(name);
    if (databaseCompared)
        for (const p of perFile)
            judgeDataHere(p.works, scope ? added : undefined, onBase(p.linted.input.name));
    const migrations = perFile.map((p) => {
        const findings = sortFindings(p.works.map((w) => w.finding));
        if (input.allowDestructive)
            for (const f of findings)
                if (f.severity === 'error' && !f.acknowledged)
                    f.acknowledged = { by: 'input', reason: 'allow-destructive: true' };
        return {
            name: p.linted.input.name,
            file: p.linted.input.file,
            script: p.linted.input.script,
            findings,
            parseError: p.linted.parsed.error?.message,
            prismaWarnings: p.prismaWarnings,
            ...(p.onNewTables ? { prismaWarningsOnNewTables: p.onNewTables } : {}),
            ...(onBase(p.linted.input.name) ? { onBase: true } : {})
        };
    });
    const result = summarize(migrations, databaseCompared, notes);
    const migrationsDir = input.migrations[0]
        ? external_node_path_.posix.dirname(external_node_path_.posix.dirname(input.migrations[0].file))
        : 'prisma/migrations';
    const final = withModifiedMigrations(result, {
        modified: input.modifiedMigrations ?? scope?.modified ?? [],
        deleted: input.deletedMigrations ?? scope?.deleted ?? [],
        base: input.base ?? scope?.base ?? 'the base branch',
        migrationsDir,
        rules: input.settings.rules,
        allowDestructive: input.allowDestructive
    });
    return scope ? { ...final, pullRequest: scope } : final;
}
/**
 * The gate on what the compared database holds: a destructive finding whose object the deploy itself created (and
 * filled only with its own constants) destroys nothing there, so it is allowed, with the reason. In a pull request
 * review, a finding of a migration the PR adds stays open when it destroys data in environments where the
 * migrations that created its object already ran (`added`: the migrations the PR adds; empty when not known).
 */
function judgeDataHere(works, added, onBase) {
    for (const { finding, hit } of works) {
        if (!finding.destructive || !hit?.holds)
            continue;
        const here = dataHere(hit.holds);
        finding.dataHere = here;
        if (here.destroys || finding.acknowledged)
            continue;
        const elsewhere = added && !onBase ? dataElsewhere(hit.holds, added) : undefined;
        if (elsewhere)
            finding.elsewhere = elsewhere;
        else
            finding.acknowledged = { by: 'database', reason: here.reason };
    }
}


/***/ })

};

//# sourceMappingURL=48.index.js.map
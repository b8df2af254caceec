export const id = 449;
export const ids = [449];
export const modules = {

/***/ 8449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StakeCounter: () => (/* binding */ StakeCounter)
/* harmony export */ });
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92059);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26427);
/* harmony import */ var _type_change_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32531);



const TIMEOUT_CODES = new Set(['57014', '55P03']);
function tableRef(t) {
    return t.schema ? `${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(t.schema)}.${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(t.name)}` : (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(t.name);
}
const INT_RANGE = {
    int2: ['-32768', '32767'],
    int4: ['-2147483648', '2147483647'],
    int8: ['-9223372036854775808', '9223372036854775807']
};
const NUMERIC_OLD = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money']);
/** A WHERE condition true for values the change to `target` fails on or truncates; undefined when none is known. */
function failingCondition(col, old, target) {
    const t = (0,_type_change_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalType */ .j)(target);
    if (t.isArray || old.isArray)
        return undefined;
    if ((t.name === 'varchar' || t.name === 'bpchar') && t.mods.length)
        return `char_length(${col}::text) > ${t.mods[0]}`;
    const range = INT_RANGE[t.name];
    if (range && NUMERIC_OLD.has(old.name))
        return `(${col}::numeric <> trunc(${col}::numeric) OR ${col}::numeric NOT BETWEEN ${range[0]} AND ${range[1]})`;
    if (range)
        return `CASE WHEN ${col}::text ~ '^\\s*[-+]?[0-9]+\\s*$' THEN ${col}::text::numeric NOT BETWEEN ${range[0]} AND ${range[1]} ELSE true END`;
    if (t.name === 'numeric' && t.mods.length && NUMERIC_OLD.has(old.name)) {
        const [p, s = 0] = t.mods;
        return `(${col}::numeric <> round(${col}::numeric, ${s}) OR abs(${col}::numeric) >= 10::numeric ^ ${p - s})`;
    }
    return undefined;
}
/**
 * Counts what each finding puts at stake, in one read-only transaction with short statement and lock timeouts
 * so that the review never blocks the application; a count that times out is replaced by the catalog's estimate.
 */
class StakeCounter {
    client;
    options;
    constructor(client, options = {}) {
        this.client = client;
        this.options = options;
    }
    async run(work) {
        // One message: the transaction and its timeouts.
        await this.client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.round(this.options.statementTimeoutMs ?? 3000))}; ` +
            `SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.options.lockTimeoutMs ?? 100))}`);
        try {
            return await work(this);
        }
        finally {
            await this.client.query('ROLLBACK').catch(() => undefined);
        }
    }
    /**
     * One count in a savepoint, so that a timeout does not abort the transaction: savepoint, count and release in one
     * message (literals only, no parameters); the savepoint is rolled back only when the count failed.
     */
    async count(sql) {
        try {
            const results = (await this.client.query(`SAVEPOINT stake; ${sql}; RELEASE SAVEPOINT stake`));
            return { value: Number(results[1]?.rows[0]?.n ?? 0) };
        }
        catch (error) {
            await this.client.query('ROLLBACK TO SAVEPOINT stake');
            const e = error;
            if (e.code && TIMEOUT_CODES.has(e.code))
                return { timeout: true };
            return { error: e.message ?? String(error) };
        }
    }
    async relation(t) {
        const { rows } = await this.client.query('SELECT c.reltuples::float8 AS reltuples FROM pg_class c WHERE c.oid = to_regclass($1)', [tableRef(t)]);
        return rows[0];
    }
    async column(t, column) {
        const { rows } = await this.client.query(`SELECT CASE WHEN ty.typcategory = 'A' THEN el.typname ELSE ty.typname END AS typname, a.atttypmod AS typmod,
              ty.typcategory AS category, s.null_frac::float8 AS null_frac
         FROM pg_attribute a
         JOIN pg_type ty ON ty.oid = a.atttypid
         LEFT JOIN pg_type el ON el.oid = ty.typelem
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname
        WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped`, [tableRef(t), column]);
        const row = rows[0];
        if (!row)
            return undefined;
        const name = row.typname;
        const tm = row.typmod;
        let mods = [];
        if ((name === 'varchar' || name === 'bpchar') && tm >= 4)
            mods = [tm - 4];
        else if (name === 'numeric' && tm >= 4)
            mods = [((tm - 4) >> 16) & 0xffff, (tm - 4) & 0xffff];
        else if (['timestamp', 'timestamptz', 'time', 'timetz'].includes(name) && tm >= 0)
            mods = [tm];
        return { type: { name, mods, isArray: row.category === 'A' }, nullFrac: row.null_frac ?? undefined };
    }
    estimate(count, what) {
        return { count: Math.max(0, Math.round(count)), estimated: true, what };
    }
    async answer(req) {
        const table = 'table' in req ? req.table : req.usages[0]?.table;
        const rel = table ? await this.relation(table) : undefined;
        if (!table || !rel)
            return {
                kind: 'counted',
                stake: { error: `${table ? `table \`${table.name}\`` : 'the table'} does not exist in the database` }
            };
        const from = tableRef(table);
        const timedOut = (estimate) => ({
            kind: 'counted',
            stake: estimate ?? {
                error: `the count timed out after ${this.options.statementTimeoutMs ?? 3000} ms and no estimate is available`
            }
        });
        const rowEstimate = rel.reltuples >= 0 ? rel.reltuples : undefined;
        switch (req.kind) {
            case 'table-rows': {
                const r = await this.count(`SELECT count(*) AS n FROM ${from}`);
                if ('value' in r)
                    return { kind: 'counted', stake: { count: r.value, estimated: false, what: 'rows' } };
                return 'timeout' in r
                    ? timedOut(rowEstimate === undefined ? undefined : this.estimate(rowEstimate, 'rows'))
                    : { kind: 'counted', stake: r };
            }
            case 'non-null':
            case 'nulls': {
                const info = await this.column(table, req.column);
                if (!info)
                    return {
                        kind: 'counted',
                        stake: { error: `column \`${req.column}\` does not exist in \`${table.name}\`` }
                    };
                const what = req.kind === 'nulls' ? 'NULL values' : 'non-null values';
                const r = await this.count(`SELECT count(*) AS n FROM ${from} WHERE ${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(req.column)} IS ${req.kind === 'nulls' ? '' : 'NOT '}NULL`);
                if ('value' in r)
                    return { kind: 'counted', stake: { count: r.value, estimated: false, what } };
                if ('error' in r)
                    return { kind: 'counted', stake: r };
                const frac = info.nullFrac;
                const est = rowEstimate === undefined || frac === undefined
                    ? undefined
                    : rowEstimate * (req.kind === 'nulls' ? frac : 1 - frac);
                return timedOut(est === undefined ? undefined : this.estimate(est, what));
            }
            case 'duplicates': {
                const cols = req.columns.map(_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4);
                const r = await this.count(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${cols.map((c) => `${c} IS NOT NULL`).join(' AND ')} GROUP BY ${cols.join(', ')} HAVING count(*) > 1) d`);
                if ('value' in r)
                    return { kind: 'counted', stake: { count: r.value, estimated: false, what: 'duplicate groups' } };
                return 'timeout' in r ? timedOut(undefined) : { kind: 'counted', stake: r };
            }
            case 'enum-values':
                return this.enumValues(req);
            case 'cast':
                return this.cast(req, from);
        }
    }
    async enumValues(req) {
        let old = req.oldValues;
        if (!old) {
            const { rows } = await this.client.query('SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = to_regtype($1) ORDER BY enumsortorder', [
                req.typeName.schema
                    ? `${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(req.typeName.schema)}.${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(req.typeName.name)}`
                    : (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(req.typeName.name)
            ]);
            old = rows.map((r) => r.label);
        }
        const removed = old.filter((v) => !req.newValues.includes(v));
        if (removed.length === 0)
            return {
                kind: 'counted',
                stake: { count: 0, estimated: false, what: 'rows holding removed values' },
                removedValues: []
            };
        let total = 0;
        for (const usage of req.usages) {
            const info = await this.column(usage.table, usage.column);
            if (!info)
                continue;
            const col = (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(usage.column);
            const values = (0,_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .textArray */ .TS)(this.client, removed);
            const cond = info.type.isArray ? `${col}::text[] && ${values}` : `${col}::text = ANY(${values})`;
            const r = await this.count(`SELECT count(*) AS n FROM ${tableRef(usage.table)} WHERE ${cond}`);
            if ('value' in r)
                total += r.value;
            else
                return {
                    kind: 'counted',
                    stake: 'error' in r ? r : { error: 'the count timed out' },
                    removedValues: removed
                };
        }
        return {
            kind: 'counted',
            stake: { count: total, estimated: false, what: 'rows holding removed values' },
            removedValues: removed
        };
    }
    async cast(req, from) {
        const info = await this.column(req.table, req.column);
        if (!info)
            return {
                kind: 'counted',
                stake: { error: `column \`${req.column}\` does not exist in \`${req.table.name}\`` }
            };
        const oldType = req.oldType ? (0,_type_change_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalType */ .j)(req.oldType) : info.type;
        if ((0,_type_change_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyTypeChange */ .z)(oldType, req.target, false) === 'safe')
            return { kind: 'safe-cast', oldType };
        const col = (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(req.column);
        const cond = failingCondition(col, oldType, req.target);
        const what = cond ? 'values failing the cast' : 'non-null values';
        const r = await this.count(`SELECT count(*) AS n FROM ${from} WHERE ${col} IS NOT NULL${cond ? ` AND ${cond}` : ''}`);
        if ('value' in r)
            return { kind: 'counted', stake: { count: r.value, estimated: false, what }, oldType };
        return { kind: 'counted', stake: 'error' in r ? r : { error: 'the count timed out' }, oldType };
    }
    /** Views in the database that read the table (DROP TABLE without CASCADE then fails). */
    async dependentViews(table) {
        const { rows } = await this.client.query(`SELECT DISTINCT v.relname AS view
         FROM pg_depend d
         JOIN pg_rewrite r ON r.oid = d.objid
         JOIN pg_class v ON v.oid = r.ev_class
        WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = to_regclass($1) AND v.oid <> d.refobjid
        ORDER BY 1`, [tableRef(table)]);
        return rows.map((r) => r.view);
    }
}


/***/ })

};

//# sourceMappingURL=449.index.js.map
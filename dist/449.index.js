export const id = 449;
export const ids = [449];
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

/***/ 90564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ toLibpqEnv),
/* harmony export */   Nd: () => (/* binding */ toPgConfig),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl)
/* harmony export */ });
/* unused harmony export redactUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



const INPUT = 'database-url';
function parseDatabaseUrl(raw, inputName = INPUT) {
    const text = raw.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, 'is not a valid URL.', 'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).');
    }
    if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has the scheme "${url.protocol.replace(/:$/, '')}", but this action needs a PostgreSQL URL.`, 'It must start with postgresql:// or postgres:// (Prisma Accelerate and prisma+postgres:// URLs cannot run migrations or pg_dump).');
    }
    const params = url.searchParams;
    const decode = (value, what) => {
        try {
            return decodeURIComponent(value);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has a ${what} with invalid percent-encoding.`, 'Percent-encode it with encodeURIComponent.');
        }
    };
    const host = params.get('host') ?? decode(url.hostname.replace(/^\[(.*)\]$/, '$1'), 'host');
    if (!host)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, 'has no host.', 'Add the host name after "@".');
    const port = url.port ? Number(url.port) : 5432;
    const database = decode(url.pathname.replace(/^\//, ''), 'database name') || 'postgres';
    const schemaParam = params.get('schema') ?? undefined;
    const sslmodeParam = (params.get('sslmode') ?? 'prefer').toLowerCase();
    // quaint: disable / prefer / require; anything else (verify-full, verify-ca, allow) silently becomes prefer.
    const sslmode = sslmodeParam === 'disable' ? 'disable' : sslmodeParam === 'require' ? 'require' : 'prefer';
    // quaint: `accept_invalid_certs` is the default; any other value than that means strict.
    const sslaccept = params.get('sslaccept');
    const connectTimeout = params.get('connect_timeout');
    let connectTimeoutSec = 5;
    if (connectTimeout !== null) {
        connectTimeoutSec = Number(connectTimeout);
        if (!Number.isInteger(connectTimeoutSec) || connectTimeoutSec < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has connect_timeout=${connectTimeout}; it must be a whole number of seconds (0 = none).`);
        }
    }
    return {
        host,
        port,
        user: decode(url.username, 'user name') || 'postgres',
        password: decode(url.password, 'password'),
        database,
        schema: schemaParam,
        defaultSchema: schemaParam ?? 'public',
        sslmode,
        sslAcceptInvalidCerts: sslaccept === null || sslaccept === 'accept_invalid_certs',
        sslCaPath: params.get('sslcert') ?? undefined,
        sslIdentityPath: params.get('sslidentity') ?? undefined,
        sslPassword: params.get('sslpassword') ?? undefined,
        connectTimeoutSec,
        applicationName: params.get('application_name') ?? undefined,
        options: params.get('options') ?? undefined,
        pgbouncer: params.get('pgbouncer') === 'true'
    };
}
/** The URL with its password replaced, for logs and reports. */
function redactUrl(raw) {
    try {
        const url = new URL(raw.trim());
        if (url.password)
            url.password = '***';
        for (const key of ['sslpassword', 'password'])
            if (url.searchParams.has(key))
                url.searchParams.set(key, '***');
        return url.toString();
    }
    catch {
        return '<unparseable database URL>';
    }
}
/** A short, secret-free name of the target for reports: host:port/database (schema). */
function describeTarget(settings) {
    const schema = settings.schema ? ` (schema ${settings.schema})` : '';
    return `${settings.host}:${settings.port}/${settings.database}${schema}`;
}
function tlsOptions(settings, baseDir) {
    if (settings.sslmode === 'disable')
        return false;
    const tls = { rejectUnauthorized: !settings.sslAcceptInvalidCerts };
    const read = (path, what) => {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(baseDir, path);
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(INPUT, `names ${what} file "${path}" that cannot be read.`, `Check the path (relative paths are resolved against ${baseDir}).`);
        }
    };
    if (settings.sslCaPath)
        tls.ca = read(settings.sslCaPath, 'the sslcert (server CA)');
    if (settings.sslIdentityPath) {
        tls.pfx = read(settings.sslIdentityPath, 'the sslidentity');
        if (settings.sslPassword)
            tls.passphrase = settings.sslPassword;
    }
    // With strict verification pg would also check the host name, as Prisma does.
    return tls;
}
/**
 * Options for `pg.Client`, built field by field so that pg never reads the raw URL, PG* variables or
 * ~/.pgpass and so behaves like Prisma. `prefer` is attempted with TLS first, then without (see connect.ts).
 */
function toPgConfig(settings, baseDir, useTls) {
    const config = {
        host: settings.host,
        port: settings.port,
        user: settings.user,
        password: settings.password,
        database: settings.database,
        connectionTimeoutMillis: settings.connectTimeoutSec * 1000,
        keepAlive: true,
        application_name: settings.applicationName ?? 'prisma-postgres-ops-action',
        ssl: useTls ? tlsOptions(settings, baseDir) : false
    };
    if (settings.options)
        config.options = settings.options;
    return config;
}
/**
 * libpq environment for pg_dump/pg_restore/psql children: every field explicit, the password only in
 * PGPASSWORD (never argv). TLS mirrors Prisma's meaning of the URL as closely as libpq allows.
 */
function toLibpqEnv(settings, baseDir) {
    const env = {
        PGHOST: settings.host,
        PGPORT: String(settings.port),
        PGUSER: settings.user,
        PGDATABASE: settings.database,
        PGCONNECT_TIMEOUT: String(settings.connectTimeoutSec || 0),
        PGAPPNAME: settings.applicationName ?? 'prisma-postgres-ops-action'
    };
    if (settings.password)
        env.PGPASSWORD = settings.password;
    if (settings.sslmode === 'disable')
        env.PGSSLMODE = 'disable';
    else if (!settings.sslAcceptInvalidCerts && settings.sslCaPath) {
        env.PGSSLMODE = 'verify-full';
        env.PGSSLROOTCERT = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(settings.sslCaPath)
            ? settings.sslCaPath
            : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(baseDir, settings.sslCaPath);
    }
    else
        env.PGSSLMODE = settings.sslmode;
    if (settings.options)
        env.PGOPTIONS = settings.options;
    return env;
}


/***/ }),

/***/ 8449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StakeCounter: () => (/* binding */ StakeCounter)
/* harmony export */ });
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92059);
/* harmony import */ var _type_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32531);


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
    const t = (0,_type_change_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalType */ .j)(target);
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
        await this.client.query('BEGIN READ ONLY');
        try {
            await this.client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(this.options.statementTimeoutMs ?? 3000))}`);
            await this.client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.options.lockTimeoutMs ?? 100))}`);
            return await work(this);
        }
        finally {
            await this.client.query('ROLLBACK').catch(() => undefined);
        }
    }
    /** One count in a savepoint, so that a timeout does not abort the transaction. */
    async guarded(fn) {
        await this.client.query('SAVEPOINT stake');
        try {
            const value = await fn();
            await this.client.query('RELEASE SAVEPOINT stake');
            return { value };
        }
        catch (error) {
            await this.client.query('ROLLBACK TO SAVEPOINT stake');
            const e = error;
            if (e.code && TIMEOUT_CODES.has(e.code))
                return { timeout: true };
            return { error: e.message ?? String(error) };
        }
    }
    async count(sql, values = []) {
        const r = await this.guarded(() => this.client.query(sql, values));
        return 'value' in r ? { value: Number(r.value.rows[0]?.n ?? 0) } : r;
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
            const cond = info.type.isArray ? `${col}::text[] && $1::text[]` : `${col}::text = ANY($1::text[])`;
            const r = await this.count(`SELECT count(*) AS n FROM ${tableRef(usage.table)} WHERE ${cond}`, [
                removed
            ]);
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
        const oldType = req.oldType ? (0,_type_change_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalType */ .j)(req.oldType) : info.type;
        if ((0,_type_change_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyTypeChange */ .z)(oldType, req.target, false) === 'safe')
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
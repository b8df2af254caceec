export const id = 375;
export const ids = [375];
export const modules = {

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Q0: () => (/* binding */ MAX_SUMMARY_BYTES),
/* harmony export */   VK: () => (/* binding */ MAX_COMMENT_CHARS),
/* harmony export */   Yt: () => (/* binding */ ACTION_VERSION),
/* harmony export */   bh: () => (/* binding */ PRISMA_ADVISORY_LOCK_KEY),
/* harmony export */   jB: () => (/* binding */ MAX_ANNOTATIONS_PER_LEVEL),
/* harmony export */   px: () => (/* binding */ ACTION_NAME),
/* harmony export */   q$: () => (/* binding */ PRISMA_ADVISORY_LOCK_TIMEOUT_MS)
/* harmony export */ });
const MODES = [
    'migrate-status',
    'migrate-deploy',
    'migrate-resolve',
    'backup',
    'restore-drill'
];
/** Injected at build time would be nicer; package.json is the one source of truth and the tests check this. */
const ACTION_NAME = 'prisma-postgres-ops-action';
const ACTION_VERSION = '0.1.0';
/** GitHub's limits. */
const MAX_COMMENT_CHARS = 65536;
const MAX_SUMMARY_BYTES = 1024 * 1024;
const MAX_ANNOTATIONS_PER_LEVEL = 10;
/** Prisma Migrate's advisory lock key and its client-side timeout. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const PRISMA_ADVISORY_LOCK_TIMEOUT_MS = 10_000;


/***/ }),

/***/ 92059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ng: () => (/* binding */ connect),
  My: () => (/* binding */ openClient),
  YG: () => (/* binding */ queryAll),
  v4: () => (/* binding */ quoteIdent),
  FW: () => (/* binding */ startConnecting)
});

// UNUSED EXPORTS: classifyConnectError, isRetryableConnectError

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
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
/** One connection with Prisma's TLS semantics (`prefer` tries TLS first); no retry, no session set-up. */
async function openClient(settings, baseDir, extras = {}) {
    const attempt = async (useTls) => {
        const client = new esm/* default.Client */.Ay.Client((0,connection_url/* toPgConfig */.Nd)(settings, baseDir, useTls, extras));
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
/** The results of a simple query, one per statement (pg returns a bare result for a single statement). */
async function queryAll(client, text, types) {
    const result = (await client.query({ text, types }));
    return Array.isArray(result) ? result : [result];
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** `-c name=value` for the startup `options`: the server splits them at spaces unless escaped with a backslash. */
function startupOptions(settings) {
    return settings
        .map(([name, value]) => `-c ${name}=${value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ')}`)
        .join(' ');
}
/** PgBouncer < 1.20 refuses `options`; later versions refuse settings in it that they do not track. */
function refusesStartupOptions(error) {
    return /unsupported.*startup parameter/i.test(error.message ?? '');
}
function runtimeParameters(settings, options) {
    const runtime = Object.entries(options.sessionSettings ?? {});
    for (const [name] of runtime)
        if (!/^[a-z_][a-z0-9_.]*$/.test(name))
            throw new Error(`Invalid run-time parameter name: ${name}`);
    // Prisma sets search_path to `?schema=` only (no public fallback), on every migrate command.
    if (settings.schema && options.setSearchPath !== false)
        runtime.push(['search_path', quoteIdent(settings.schema)]);
    return runtime;
}
/** The startup `options` of a session's first connection request (a pooler gets SETs instead). */
function firstStartup(settings, runtime) {
    return runtime.length > 0 && !settings.pgbouncer ? startupOptions(runtime) : undefined;
}
/**
 * Send the connection request now, take the session later with `connect(settings, { ...options, early })`: the
 * connection's round trips overlap the caller's loading and reading. A failed request is reported by `connect`
 * (retried, classified, named as usual), never here.
 */
function startConnecting(settings, options) {
    const startup = firstStartup(settings, runtimeParameters(settings, options));
    let pending = openClient(settings, options.baseDir, { options: startup });
    pending.catch(() => undefined);
    return {
        startup,
        take: () => {
            const client = pending;
            pending = undefined;
            return client;
        },
        discard: () => {
            const client = pending;
            pending = undefined;
            client?.then((c) => c.end()).catch(() => undefined);
        }
    };
}
/**
 * The run-time parameters as statements, for a pooler that refuses startup options. set_config parses each value as
 * the startup option would: `SET search_path = '"s"'` would take the quotes as part of one schema's name (and leave
 * no schema to create tables in).
 */
function setConfig(client, runtime) {
    return runtime.map(([name, value]) => `SELECT set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, false)`);
}
/**
 * One connection, set up in one message after the connection request: run-time parameters and `?schema=`'s
 * search_path travel as startup options (`-c name=value`; Prisma's own native engine sends search_path as a startup
 * parameter too), the server's version and whether the schema exists are read together with the caller's
 * `firstReads`. A connection pooler that refuses the `options` startup parameter (PgBouncer) gets the same settings
 * with `SET`, in that same message.
 */
async function connect(settings, options) {
    const runtime = runtimeParameters(settings, options);
    const firstOptions = firstStartup(settings, runtime);
    let early = options.early;
    if (early && early.startup !== firstOptions) {
        early.discard();
        early = undefined;
    }
    const open = (startup) => withRetry(() => early?.take() ?? openClient(settings, options.baseDir, { options: startup }), {
        attempts: options.attempts ?? 3,
        baseDelayMs: options.baseDelayMs ?? 1000,
        isRetryable: isRetryableConnectError,
        onRetry: (error, attempt, delay) => (0,log/* info */.p)(`Connecting to ${(0,connection_url/* describeTarget */.ff)(settings)} failed (${error.code ?? error.message}); attempt ${attempt + 1} in ${delay} ms`)
    }).catch((error) => {
        throw classifyConnectError(error, settings);
    });
    let viaSet = runtime.length > 0 && settings.pgbouncer;
    let client;
    try {
        client = await open(firstOptions);
    }
    catch (error) {
        if (runtime.length === 0 || viaSet || !refusesStartupOptions(error.cause ?? error))
            throw error;
        (0,log/* info */.p)(`The server (a connection pooler?) refused the startup parameter \`options\`; setting ${runtime.map(([name]) => name).join(' and ')} with SET instead.`);
        client = await open(undefined);
        viaSet = true;
    }
    try {
        const sets = viaSet ? setConfig(client, runtime) : [];
        const setup = [
            ...sets,
            `SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = ${client.escapeLiteral(settings.defaultSchema)}) AS exists, current_setting('server_version_num') AS num, current_setting('server_version') AS version`
        ].join(';\n');
        const send = async (after, types) => {
            const all = await queryAll(client, after === undefined ? setup : `${setup};\n${after}`, types);
            return { own: all.slice(0, sets.length + 1), after: all.slice(sets.length + 1) };
        };
        let firstReads;
        let sent;
        if (options.firstReads) {
            const { text, types, fallback } = options.firstReads;
            try {
                sent = await send(text, types);
                firstReads = { results: sent.after };
            }
            catch (error) {
                // One of the reads failed (a missing table...): the message was rolled back, settings included.
                if (isRetryableConnectError(error))
                    throw error;
                sent = await send(fallback || undefined, types);
                firstReads = { error, fallback: sent.after };
            }
        }
        else
            sent = await send(undefined);
        const row = sent.own[sets.length].rows[0];
        if (!row.exists && options.ensureSchema)
            await client.query(`CREATE SCHEMA ${quoteIdent(settings.defaultSchema)}`);
        return {
            client,
            settings,
            serverVersionNum: Number(row.num),
            serverVersion: row.version.split(' ')[0],
            firstReads,
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
/* harmony export */   lH: () => (/* binding */ secretsOfDatabaseUrl),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl)
/* harmony export */ });
/* unused harmony exports percentDecodeLikePrisma, redactUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



const INPUT = 'database-url';
const ENCODE_HINT = 'Percent-encode the user name and the password, e.g. with encodeURIComponent: `@` as %40, `/` as %2F, `?` as %3F, `#` as %23, `:` as %3A.';
/**
 * The parts of the URL as a WHATWG parser (Node's, and the Rust `url` crate Prisma uses) splits them, taken from
 * the text itself: what comes after the authority, and the path segments before dot segments are removed.
 */
function rawParts(text) {
    // WHATWG removes ASCII tabs and newlines anywhere before parsing.
    const cleaned = text.replace(/[\t\n\r]/g, '');
    const start = cleaned.indexOf('//');
    if (start < 0)
        return { afterAuthority: '', pathSegments: [] };
    let end = start + 2;
    while (end < cleaned.length && !'/?#'.includes(cleaned[end]))
        end++;
    const afterAuthority = cleaned.slice(end);
    let pathEnd = 0;
    while (pathEnd < afterAuthority.length && !'?#'.includes(afterAuthority[pathEnd]))
        pathEnd++;
    const path = afterAuthority.slice(0, pathEnd);
    return { afterAuthority, pathSegments: path ? path.slice(1).split('/') : [] };
}
/**
 * What Prisma would take for the password when the URL is ambiguous: everything between `//` and the last `@`,
 * after the first `:`. Only used to register it as a secret before refusing such a URL.
 */
function greedyPassword(text) {
    const start = text.indexOf('//');
    const at = text.lastIndexOf('@');
    if (start < 0 || at <= start)
        return undefined;
    const userinfo = text.slice(start + 2, at);
    const colon = userinfo.indexOf(':');
    return colon >= 0 ? userinfo.slice(colon + 1) : undefined;
}
/**
 * Percent-decoding as quaint does it (Rust `percent_decode` then UTF-8): `%` not followed by two hex digits stays
 * as it is, and a result that is not UTF-8 falls back to the undecoded text.
 */
function percentDecodeLikePrisma(value) {
    const bytes = [];
    for (let i = 0; i < value.length; i++) {
        const hex = value.slice(i + 1, i + 3);
        if (value[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 2;
        }
        else
            bytes.push(...Buffer.from(value[i], 'utf8'));
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    }
    catch {
        return value;
    }
}
/**
 * Every form of the secrets a database URL holds, to register before anything is logged: the URL, the password
 * as the URL writes it and as Prisma decodes it, `sslpassword`, and for a URL this action refuses because it is
 * ambiguous, what the password would be if its delimiters were meant literally.
 */
function secretsOfDatabaseUrl(raw) {
    const text = raw.trim();
    const secrets = [raw, text];
    const guess = greedyPassword(text);
    if (guess)
        secrets.push(guess, percentDecodeLikePrisma(guess));
    try {
        const url = new URL(text);
        secrets.push(url.password, percentDecodeLikePrisma(url.password));
        const sslpassword = url.searchParams.get('sslpassword');
        if (sslpassword)
            secrets.push(sslpassword);
    }
    catch {
        // an unparseable URL is refused by the settings parser; the whole text is registered above
    }
    return secrets.filter((s) => s.length > 0);
}
/**
 * The URL as URL parsers (Prisma's too) will read it, refused when they would read it other than it is written:
 * checked on the text before any part of it is shown, since a password with an unencoded `/`, `?` or `#` makes
 * every parser read the rest of it as host, port, path or query, and a target named from such parts would print
 * pieces of the password.
 */
function checkedUrl(text, inputName) {
    const { afterAuthority, pathSegments } = rawParts(text);
    if (text.includes('#'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, "contains `#`: URL parsers, Prisma's too, ignore everything after it, so part of the password or of the URL would be lost.", ENCODE_HINT);
    if (afterAuthority.includes('@'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, "has an `@` after the host: the password (or user name) probably contains an unencoded `/`, `?` or `#`, so URL parsers, Prisma's too, would read part of it as the host, port, database or parameters.", `${ENCODE_HINT} An \`@\` in a parameter value is written %40.`);
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
    const dotSegment = pathSegments.find((segment) => ['.', '..'].includes(segment.replace(/%2e/gi, '.')));
    if (dotSegment !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has the path segment "${dotSegment}", which URL parsers (Prisma's too) remove as a relative path step, so the database would not be the one named there.`, 'Name the database as the only path segment, e.g. postgresql://USER:PASSWORD@HOST:5432/app. A database whose name is "." or ".." cannot be reached through a URL.');
    return url;
}
/** `connect_timeout`: whole seconds, Prisma's default 5, 0 = none. */
function connectTimeoutOf(params, inputName) {
    const connectTimeout = params.get('connect_timeout');
    if (connectTimeout === null)
        return 5;
    const seconds = Number(connectTimeout);
    if (!Number.isInteger(seconds) || seconds < 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `has connect_timeout=${connectTimeout}; it must be a whole number of seconds (0 = none).`);
    return seconds;
}
function parseDatabaseUrl(raw, inputName = INPUT) {
    const url = checkedUrl(raw.trim(), inputName);
    const params = url.searchParams;
    // quaint: the host as the URL writes it (not decoded), unless `host=` names it.
    const host = params.get('host') ?? url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!host)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, 'has no host.', 'Add the host name after "@".');
    const user = percentDecodeLikePrisma(url.username) || 'postgres';
    // quaint: the first path segment, as the URL writes it (not decoded); no path at all means `postgres`, an empty
    // segment (`.../`) an empty name, for which the server takes the user name.
    const database = url.pathname === '' ? 'postgres' : url.pathname.slice(1).split('/')[0] || user;
    const port = url.port ? Number(url.port) : 5432;
    const schemaParam = params.get('schema') ?? undefined;
    const sslmodeParam = (params.get('sslmode') ?? 'prefer').toLowerCase();
    // quaint: disable / prefer / require; anything else (verify-full, verify-ca, allow) silently becomes prefer.
    const sslmode = sslmodeParam === 'disable' ? 'disable' : sslmodeParam === 'require' ? 'require' : 'prefer';
    // quaint: `accept_invalid_certs` is the default; any other value than that means strict.
    const sslaccept = params.get('sslaccept');
    const connectTimeoutSec = connectTimeoutOf(params, inputName);
    return {
        host,
        port,
        user,
        password: percentDecodeLikePrisma(url.password),
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
function toPgConfig(settings, baseDir, useTls, extras = {}) {
    const config = {
        host: settings.host,
        port: settings.port,
        user: settings.user,
        password: settings.password,
        database: settings.database,
        connectionTimeoutMillis: settings.connectTimeoutSec * 1000,
        keepAlive: true,
        application_name: extras.applicationName ?? settings.applicationName ?? 'prisma-postgres-ops-action',
        ssl: useTls ? tlsOptions(settings, baseDir) : false
    };
    // Later `-c` settings win: the session's own (lock_timeout...) override the same names in the URL's options.
    const options = [settings.options, extras.options].filter(Boolean).join(' ');
    if (options)
        config.options = options;
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

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage)
/* harmony export */ });
/**
 * A failure the user can act on. The message names the input, file or migration involved and says what to do;
 * `code` carries Prisma's error code (P1001, P3009, ...) when the failure is one Prisma would report too.
 */
class ActionError extends Error {
    code;
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ActionError';
        this.code = options.code;
        this.hint = options.hint;
    }
    /** The one-paragraph text shown to the user: code, message and next step. */
    describe() {
        const head = this.code ? `${this.code}: ${this.message}` : this.message;
        return this.hint ? `${head}\n${this.hint}` : head;
    }
}
/** An input that is missing, malformed or in conflict with another input. */
class InputError extends ActionError {
    input;
    constructor(input, message, hint) {
        super(`Input \`${input}\`: ${message}`, { hint });
        this.name = 'InputError';
        this.input = input;
    }
}
function getErrorMessage(error) {
    if (error instanceof ActionError)
        return error.describe();
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return `Unexpected non-Error value thrown: ${JSON.stringify(error)}`;
    }
    catch {
        return `Unexpected non-Error value thrown: ${String(error)}`;
    }
}


/***/ }),

/***/ 6158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pj: () => (/* binding */ describeSessions),
/* harmony export */   R4: () => (/* binding */ BlockerMonitor),
/* harmony export */   Zj: () => (/* binding */ prismaLockCondition),
/* harmony export */   uS: () => (/* binding */ dbText),
/* harmony export */   wh: () => (/* binding */ advisoryLockHolders)
/* harmony export */ });
/* unused harmony exports sampleBlockers, describeSession */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92059);
/**
 * Who is in the way: the sessions a blocked migration waits for (`pg_blocking_pids`), and the session holding
 * Prisma's migrate lock. Only who and since when, never the query text: it can hold data.
 *
 * A backend that waits for a lock cannot answer questions about itself, and once lock_timeout has cancelled its
 * statement it no longer waits for anybody, so the blockers are sampled from a second short-lived connection
 * while the attempt runs.
 */



/**
 * One row per session, every column but `query`. Other roles' sessions show only pid, user and
 * application_name unless we are a superuser or a member of pg_read_all_stats; the rest is then NULL.
 */
const SESSION_COLUMNS = `a.pid, a.application_name, a.usename,
  CASE WHEN a.client_addr IS NOT NULL THEN host(a.client_addr) WHEN a.client_port = -1 THEN 'local socket' END AS client,
  a.state,
  EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start)::float8 AS xact_age,
  to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS backend_start,
  to_char(a.state_change AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS state_change`;
/**
 * The sessions `$1` waits for. pg_blocking_pids takes the lock manager's locks, so it is only called while the
 * backend actually waits for a heavyweight lock (pg_stat_activity alone is cheap).
 */
const BLOCKERS_SQL = `WITH waiting AS (
  SELECT CASE WHEN wait_event_type = 'Lock' THEN pg_blocking_pids(pid) END AS pids
  FROM pg_stat_activity WHERE pid = $1
)
SELECT ${SESSION_COLUMNS}
FROM waiting, pg_stat_activity a
WHERE a.pid = ANY(waiting.pids)
ORDER BY a.xact_start NULLS LAST, a.pid`;
/**
 * The rows of `pg_locks` (as `alias`) that are Prisma's migrate lock, granted, on this database. Session-level
 * `pg_advisory_lock(bigint)`: classid = high 32 bits, objid = low 32 bits, objsubid = 1.
 */
function prismaLockCondition(alias) {
    return `${alias}.locktype = 'advisory' AND ${alias}.granted AND ${alias}.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND ${alias}.classid = 0 AND ${alias}.objid = ${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh} AND ${alias}.objsubid = 1`;
}
const ADVISORY_HOLDERS_SQL = `SELECT ${SESSION_COLUMNS}
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE ${prismaLockCondition('l')}
ORDER BY a.pid`;
function toSession(row) {
    return {
        pid: row.pid,
        applicationName: row.application_name,
        user: row.usename,
        client: row.client,
        state: row.state,
        transactionAgeSeconds: row.xact_age === null ? null : Math.round(row.xact_age * 10) / 10,
        sessionStartedAt: row.backend_start,
        stateSince: row.state_change
    };
}
/** The sessions backend `pid` is waiting for right now (empty when it waits for nothing). */
async function sampleBlockers(client, pid) {
    const { rows } = await client.query(BLOCKERS_SQL, [pid]);
    return rows.map(toSession);
}
/** The sessions holding Prisma's migrate lock (72707369) on this database. */
async function advisoryLockHolders(client) {
    const { rows } = await client.query(ADVISORY_HOLDERS_SQL);
    return rows.map(toSession);
}
/**
 * Text from the database (application_name, user, index names) or SQL we wrote around it, as one code span that
 * nothing can break out of: control characters and backticks written as \uXXXX escapes, the rest as is. Safe in
 * logs, messages and markdown (no HTML, mention or link is live inside a code span).
 */
function dbText(value) {
    const safe = value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `\`${safe}\``;
}
function ageText(value) {
    return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value)} s`;
}
/** One line about a session: pid, application_name, user, client, state, transaction age (never its query). */
function describeSession(session, extra = 'transaction') {
    const parts = [`pid ${session.pid}`];
    parts.push(`application_name ${session.applicationName ? dbText(session.applicationName) : '(empty)'}`);
    if (session.user !== null)
        parts.push(`user ${dbText(session.user)}`);
    const visible = session.state !== null || session.client !== null || session.sessionStartedAt !== null;
    if (!visible) {
        parts.push('other details not visible to this role (grant it pg_read_all_stats to see them)');
        return parts.join(', ');
    }
    if (session.client !== null)
        parts.push(`client ${dbText(session.client)}`);
    if (session.state !== null)
        parts.push(`state ${dbText(session.state)}`);
    if (extra === 'transaction') {
        parts.push(session.transactionAgeSeconds === null
            ? 'no transaction open'
            : `transaction open for ${ageText(session.transactionAgeSeconds)}`);
    }
    else {
        if (session.sessionStartedAt)
            parts.push(`connected since ${session.sessionStartedAt}`);
        if (session.stateSince && session.state)
            parts.push(`${session.state} since ${session.stateSince}`);
    }
    return parts.join(', ');
}
const LIST_LIMIT = 10;
/** "pid 1 (...); pid 2 (...)", at most ten, then how many more. */
function describeSessions(sessions, extra = 'transaction') {
    const shown = sessions.slice(0, LIST_LIMIT).map((s) => describeSession(s, extra));
    const more = sessions.length - shown.length;
    return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
/**
 * Samples `pg_blocking_pids` of one backend from its own connection, every `intervalMs` while an attempt runs.
 * Best effort: when it cannot connect or a sample fails, the deploy goes on without names.
 */
class BlockerMonitor {
    client;
    pid;
    intervalMs;
    constructor(client, pid, intervalMs) {
        this.client = client;
        this.pid = pid;
        this.intervalMs = intervalMs;
    }
    /**
     * Starts opening the monitor's connection and returns at once: the connection is only needed for the first
     * sample, one interval into an attempt, so opening it costs the deploy no round trip of its own. When it cannot
     * connect, it says why once and the deploy goes on without names.
     */
    static start(settings, baseDir, pid, intervalMs) {
        // No startup options: they are what a connection pooler may refuse, and its queries never wait for a lock.
        const client = (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .openClient */ .My)(settings, baseDir, {
            applicationName: 'prisma-postgres-ops-action lock monitor'
        }).catch((error) => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not open a second connection to watch for blocking sessions (${error.message}); a migration that waits for a lock will not name who holds it.`);
            return undefined;
        });
        return new BlockerMonitor(client, pid, intervalMs);
    }
    watch(onSample) {
        let stopped = false;
        let latest = [];
        let timer;
        let wake;
        const loop = (async () => {
            while (!stopped) {
                await new Promise((resolve) => {
                    wake = resolve;
                    timer = setTimeout(resolve, this.intervalMs);
                });
                if (stopped)
                    break;
                const client = await this.client;
                if (!client)
                    break;
                try {
                    const sample = await sampleBlockers(client, this.pid);
                    if (sample.length > 0)
                        latest = sample;
                    onSample?.(sample);
                }
                catch (error) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`blocker sample failed: ${error.message}`);
                }
            }
        })();
        return {
            stop: async () => {
                stopped = true;
                clearTimeout(timer);
                wake?.();
                await loop;
                return latest;
            }
        };
    }
    async close() {
        await (await this.client)?.end().catch(() => undefined);
    }
}


/***/ }),

/***/ 11702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ migrationChecksum),
/* harmony export */   I: () => (/* binding */ scriptMatchesChecksum)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The `_prisma_migrations.checksum` of a migration script, computed and compared exactly as Prisma's schema
 * engine does (prisma-migrate-compat.md §2): SHA-256 of the UTF-8 text as Node reads it, lowercase hex.
 */

function sha256(script) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(script, 'utf8').digest();
}
/** The 64-character rendering Prisma stores. */
function migrationChecksum(script) {
    return sha256(script).toString('hex');
}
/** Tables written by Prisma before 2.15 hold digests whose bytes were rendered without zero padding. */
function legacyChecksum(digest) {
    let out = '';
    for (const byte of digest)
        out += byte.toString(16);
    return out;
}
/**
 * Whether a local script still matches a stored checksum, tolerating line-ending conversions (a checkout with
 * `core.autocrlf` must not look like an edit). Mirrors `script_matches_checksum`, including its quirk of turning
 * an existing `\r\n` into `\r\r\n` in the LF-to-CRLF candidate.
 */
function scriptMatchesChecksum(script, stored) {
    if (stored.length === 0)
        return false;
    const render = stored.length === 64 ? (digest) => digest.toString('hex') : legacyChecksum;
    const candidates = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
    return candidates.some((candidate) => render(sha256(candidate)) === stored);
}


/***/ }),

/***/ 26724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* binding */ checkLockfile),
  hS: () => (/* binding */ isReadable),
  IJ: () => (/* binding */ readMigrationScript),
  _: () => (/* binding */ readMigrationsFolder),
  kK: () => (/* binding */ resolveProjectLayout)
});

// UNUSED EXPORTS: MAX_MIGRATION_SQL_BYTES, resolveMigrationsDir

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/repo-files.ts
var repo_files = __webpack_require__(81556);
// EXTERNAL MODULE: ./src/migrate/checksum.ts
var checksum = __webpack_require__(11702);
// EXTERNAL MODULE: ./src/migrate/prisma-errors.ts
var prisma_errors = __webpack_require__(47573);
;// CONCATENATED MODULE: ./src/migrate/lockfile.ts
/**
 * `migration_lock.toml`, read with the schema engine's literal parser (prisma-migrate-compat.md §3.3): not TOML,
 * just the first line starting with `provider`, with `provider = ` and surrounding quotes trimmed.
 */

const LOCKFILE_NAME = 'migration_lock.toml';
const PROVIDER_NOT_FOUND = '<PROVIDER NOT FOUND>';
/** The provider as Prisma reads it. */
function lockfileProvider(content) {
    // Rust's `str::lines` splits on \n and drops one trailing \r per line.
    const line = content
        .split('\n')
        .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
        .find((l) => l.startsWith('provider'));
    if (line === undefined)
        return PROVIDER_NOT_FOUND;
    let value = line;
    while (value.startsWith('provider = '))
        value = value.slice('provider = '.length);
    return value.replace(/^"+|"+$/g, '');
}
/** Prisma's connector type for both `postgresql` and its alias `postgres`. */
const CONNECTOR_TYPE = 'postgresql';
/** Throws P3019 when the lock file names another provider; an absent lock file is not checked (like Prisma). */
function checkLockfileContent(content, path) {
    if (content === null)
        return;
    const provider = lockfileProvider(content);
    if (provider !== CONNECTOR_TYPE)
        throw (0,prisma_errors/* providerSwitchedError */.XX)(provider, path);
}

// EXTERNAL MODULE: ./src/migrate/prisma-schema.ts
var prisma_schema = __webpack_require__(32545);
// EXTERNAL MODULE: ./src/migrate/project-files.ts
var project_files = __webpack_require__(68946);
;// CONCATENATED MODULE: ./src/migrate/prisma-config.ts
/**
 * Where Prisma would look for migrations, found WITHOUT executing the user's code: `prisma.config.*` is read as
 * text and only string literals are taken (prisma-migrate-compat.md §9).
 */




const EXTENSIONS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'];
/** Prisma 7.10's first candidates (`PRISMA7_CONFIG_FILE_CANDIDATES`), before the legacy names. */
const PRISMA7_CONFIG_FILE_CANDIDATES = [
    ...EXTENSIONS.map((ext) => `prisma7.config.${ext}`),
    ...EXTENSIONS.map((ext) => `.config/prisma7.${ext}`)
];
/** Prisma 6/7 config file names, in c12's lookup order. */
const CONFIG_FILE_CANDIDATES = [
    'prisma.config.ts',
    'prisma.config.mts',
    'prisma.config.cts',
    'prisma.config.js',
    'prisma.config.mjs',
    'prisma.config.cjs',
    '.config/prisma.ts',
    '.config/prisma.mts',
    '.config/prisma.cts',
    '.config/prisma.js',
    '.config/prisma.mjs',
    '.config/prisma.cjs'
];
/** The source without comments, strings kept, so a commented-out `migrations: {...}` is not taken. */
function stripComments(source) {
    let out = '';
    let i = 0;
    while (i < source.length) {
        const ch = source[i];
        const next = source[i + 1];
        if (ch === '/' && next === '/') {
            while (i < source.length && source[i] !== '\n')
                i++;
        }
        else if (ch === '/' && next === '*') {
            const end = source.indexOf('*/', i + 2);
            i = end < 0 ? source.length : end + 2;
            out += ' ';
        }
        else if (ch === '"' || ch === "'" || ch === '`') {
            let j = i + 1;
            while (j < source.length && source[j] !== ch)
                j += source[j] === '\\' ? 2 : 1;
            out += source.slice(i, j + 1);
            i = j + 1;
        }
        else {
            out += ch;
            i++;
        }
    }
    return out;
}
const STRING_LITERAL = String.raw `(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|\x60((?:[^\x60\\$]|\\.)*)\x60)`;
function prisma_config_unescape(raw) {
    return raw.replace(/\\(.)/g, '$1');
}
function lookup(source, pattern, anyValue) {
    const match = pattern.exec(source);
    if (match)
        return { found: 'literal', value: prisma_config_unescape(match[1] ?? match[2] ?? match[3] ?? '') };
    return anyValue.test(source) ? { found: 'expression' } : { found: 'absent' };
}
/** `migrations: { ..., path: '<literal>' }` */
function findMigrationsPath(configSource) {
    const source = stripComments(configSource);
    return lookup(source, new RegExp(String.raw `\bmigrations\s*:\s*\{[^{}]*?\bpath\s*:\s*${STRING_LITERAL}\s*[,}]`), /\bmigrations\s*:\s*\{[^{}]*?\bpath\b/);
}
/** The top-level `schema: '<literal>'` of the config (a key at any depth named schema is rare enough). */
function findSchemaPath(configSource) {
    const source = stripComments(configSource);
    return lookup(source, new RegExp(String.raw `(?:^|[{,\s])schema\s*:\s*${STRING_LITERAL}\s*[,}\n]`), /(?:^|[{,\s])schema\s*:/);
}
/** The config file Prisma would load: 7.10+ looks for `prisma7.config.*` first. */
function findConfigFile(workingDirectory, files, prisma7ConfigNames = false) {
    const candidates = prisma7ConfigNames
        ? [...PRISMA7_CONFIG_FILE_CANDIDATES, ...CONFIG_FILE_CANDIDATES]
        : CONFIG_FILE_CANDIDATES;
    return candidates.map((name) => (0,external_node_path_.join)(workingDirectory, name)).find((path) => files.inspect(path) === 'file');
}
/** `tables: { external: ['schema.table', ...] }`: a list of string literals, or not readable as data. */
function findExternalTables(configSource) {
    const source = stripComments(configSource);
    const start = /\btables\s*:\s*\{[^{}]*?\bexternal\s*:\s*/.exec(source);
    if (!start)
        return { found: 'absent' };
    const rest = source.slice(start.index + start[0].length);
    const list = new RegExp(String.raw `^\[\s*((?:${STRING_LITERAL}\s*,\s*)*(?:${STRING_LITERAL}\s*,?\s*)?)\]`).exec(rest);
    if (!list)
        return { found: 'expression' };
    const values = [];
    const item = new RegExp(STRING_LITERAL, 'g');
    for (let m = item.exec(list[1]); m; m = item.exec(list[1]))
        values.push(prisma_config_unescape(m[1] ?? m[2] ?? m[3] ?? ''));
    return { found: 'literal', values };
}
/**
 * Where migrations live next to a schema (prisma-migrate-compat.md §9). Prisma 6: next to the file that holds the
 * `datasource` block (for a schema folder, the folder itself unless the datasource sits deeper). Prisma 7:
 * `<schema root>/migrations`, the root being the single file's directory or the schema folder itself.
 */
function migrationsDirForSchema(schemaPath, files, prisma7 = false) {
    const kind = files.inspect(schemaPath);
    if (kind !== 'directory')
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(schemaPath), 'migrations');
    if (prisma7)
        return (0,external_node_path_.join)(schemaPath, 'migrations');
    const withDatasource = (0,prisma_schema/* findDatasource */.j6)(schemaPath, files)?.file;
    return (0,external_node_path_.join)(withDatasource ? (0,external_node_path_.dirname)(withDatasource) : schemaPath, 'migrations');
}
function packageJsonSchema(workingDirectory, files) {
    const text = (0,project_files/* readSmallText */.Ft)((0,external_node_path_.join)(workingDirectory, 'package.json'), files, 'a package.json');
    try {
        const pkg = JSON.parse(text);
        return typeof pkg.prisma?.schema === 'string' ? pkg.prisma.schema : undefined;
    }
    catch {
        // Not JSON: Prisma ignores it too. The parser's message quotes the file, so it is not shown.
        return undefined;
    }
}
function displayPath(workingDirectory, path) {
    const rel = (0,external_node_path_.relative)(workingDirectory, path);
    return rel && !rel.startsWith('..') ? rel : (0,external_node_path_.resolve)(path);
}

;// CONCATENATED MODULE: ./src/migrate/migrations-dir.ts
/**
 * The local migration history: where it is (resolveMigrationsDir) and what is in it (readMigrationsFolder), both
 * as Prisma sees them (prisma-migrate-compat.md §3, §9), so that "pending" means the same thing to both tools.
 */







/**
 * The most of one migration.sql the action reads. The review parses the whole file (libpg-query: about 1.4 s and
 * 350 MB for 4 MiB of DDL, 2 s and 560 MB for 8 MiB), and renders parts of it; a larger file is refused with an
 * error rather than partly reviewed. Prisma itself has no limit.
 */
const MAX_MIGRATION_SQL_BYTES = 8 * 1024 * 1024;
function isReadable(migration) {
    return migration.script !== null && migration.checksum !== null;
}
const INPUT = 'migrations-dir';
/**
 * The schema Prisma would load (prisma-migrate-compat.md §9): the config's `schema`, then (6.x only) package.json's
 * `prisma.schema`, then `schema.prisma`, then `prisma/schema.prisma` in the working directory.
 */
function findSchema(wd, config, prisma7, notes, files) {
    if (config) {
        const schema = findSchemaPath(config.source);
        if (schema.found === 'literal')
            return {
                path: (0,external_node_path_.resolve)((0,external_node_path_.dirname)(config.file), schema.value),
                reason: `the schema ${schema.value} named in ${config.name}`,
                explicit: true
            };
        if (schema.found === 'expression')
            notes.push(`schema in ${config.name} is not a string literal and is not evaluated`);
    }
    if (!prisma7) {
        const fromPackage = packageJsonSchema(wd, files);
        if (fromPackage)
            return {
                path: (0,external_node_path_.resolve)(wd, fromPackage),
                reason: `the schema ${fromPackage} named by "prisma.schema" in package.json`,
                explicit: true
            };
    }
    if (files.inspect((0,external_node_path_.join)(wd, 'schema.prisma')) !== 'missing')
        return {
            path: (0,external_node_path_.join)(wd, 'schema.prisma'),
            reason: 'schema.prisma in the working directory',
            explicit: false
        };
    if (files.inspect((0,external_node_path_.join)(wd, 'prisma', 'schema.prisma')) !== 'missing')
        return {
            path: (0,external_node_path_.join)(wd, 'prisma', 'schema.prisma'),
            reason: "Prisma's default prisma/schema.prisma",
            explicit: false
        };
    return undefined;
}
/**
 * The migrations directory (the `migrations-dir` input, else where the Prisma version would look), the schema and
 * the config's `tables.external`, all read as data. The reasons say which rule decided, for the log. Every file
 * consulted on the way, and the folder found, must pass `files` (regular, inside the workspace, no link).
 */
function resolveProjectLayout(workingDirectory, explicit, files, options = {}) {
    const layout = findProjectLayout(workingDirectory, explicit, files, options);
    const { migrationsDir } = layout;
    if (migrationsDir.reason === `input \`${INPUT}\``)
        files.inspect(migrationsDir.path, { input: INPUT });
    else
        named(migrationsDir.reason, () => files.inspect(migrationsDir.path));
    return layout;
}
function findProjectLayout(workingDirectory, explicit, files, options) {
    const wd = (0,external_node_path_.resolve)(workingDirectory);
    const prisma7 = options.prisma7 ?? false;
    const notes = [];
    const configFile = findConfigFile(wd, files, options.prisma7ConfigNames);
    const config = configFile
        ? {
            file: configFile,
            name: displayPath(wd, configFile),
            source: (0,project_files/* readSmallText */.Ft)(configFile, files, 'a Prisma config file')
        }
        : undefined;
    const layout = (migrationsDir) => {
        const found = { migrationsDir, notes, configFile };
        if (schema)
            found.schema = { path: schema.path, reason: schema.reason };
        if (config) {
            const external = findExternalTables(config.source);
            if (external.found === 'literal')
                found.externalTables = external.values;
            if (external.found === 'expression')
                notes.push(`tables.external in ${config.name} is not a list of string literals and is not evaluated`);
        }
        return found;
    };
    const schema = findSchema(wd, config, prisma7, notes, files);
    if (explicit && explicit.trim())
        return layout({ path: (0,external_node_path_.resolve)(wd, explicit.trim()), reason: `input \`${INPUT}\`` });
    if (config) {
        const migrationsPath = findMigrationsPath(config.source);
        if (migrationsPath.found === 'literal') {
            return layout({
                path: (0,external_node_path_.resolve)((0,external_node_path_.dirname)(config.file), migrationsPath.value),
                reason: `migrations.path in ${config.name}`
            });
        }
        if (migrationsPath.found === 'expression') {
            notes.push(`migrations.path in ${config.name} is not a string literal and is not evaluated; set \`${INPUT}\` if this is wrong`);
        }
    }
    if (schema?.explicit || schema?.path === (0,external_node_path_.join)(wd, 'schema.prisma')) {
        const reason = `${prisma7 ? 'in the root of' : 'next to'} ${schema.reason}${prisma7 ? ' (Prisma 7 rule)' : ''}`;
        return layout(withNotes(named(reason, () => migrationsDirForSchema(schema.path, files, prisma7)), reason, notes));
    }
    return layout(withNotes((0,external_node_path_.join)(wd, 'prisma', 'migrations'), "Prisma's default prisma/migrations", notes));
}
/** The migrations directory alone (see resolveProjectLayout). */
function resolveMigrationsDir(workingDirectory, explicit, files, options = {}) {
    return resolveProjectLayout(workingDirectory, explicit, files, options).migrationsDir;
}
/** A refusal of a path the project's config led to says so: the user did not type that path. */
function named(reason, find) {
    try {
        return find();
    }
    catch (error) {
        if (!(error instanceof repo_files/* RepoFileError */.lD))
            throw error;
        throw new repo_files/* RepoFileError */.lD(error.file, `${error.message} (The migrations folder was looked for ${(0,repo_files/* printable */.g$)(reason)}.)`, {
            hint: `${error.hint ?? ''} Or set \`${INPUT}\` to the migrations folder.`.trim()
        });
    }
}
function withNotes(path, reason, notes) {
    return { path, reason: notes.length > 0 ? `${reason} (${notes.join('; ')})` : reason };
}
/**
 * migration.sql as Prisma reads it (UTF-8, BOM kept), or the read error Prisma would keep for a file that is
 * missing or unreadable (P3015 later, as in Prisma). A link, special file, oversized file or a NUL byte is
 * refused with an error that names the file and never quotes it.
 */
function readMigrationScript(files, sqlPath) {
    let text;
    try {
        // Synchronous on purpose: hundreds of small files read in a loop take a millisecond, while as many async
        // reads queue on libuv's four threads and take tens of milliseconds. Nothing else runs meanwhile.
        text = files.readText(sqlPath, { maxBytes: MAX_MIGRATION_SQL_BYTES, what: 'a migration.sql' });
    }
    catch (error) {
        if (error instanceof repo_files/* RepoFileError */.lD)
            throw error;
        return { error: error.message };
    }
    if (text === undefined)
        return { error: `ENOENT: no such file or directory, open '${sqlPath}'` };
    const nul = text.indexOf('\0');
    if (nul >= 0)
        throw nulByteError(files, sqlPath, text, nul);
    return { text };
}
/**
 * PostgreSQL's wire protocol carries a query as a NUL-terminated string and its parser is C: a NUL byte ends the
 * SQL for both. Prisma's driver (tokio-postgres `write_cstr`) refuses to send such a script ("string contains
 * embedded null") after the migration's row was written, so the migration is recorded as failed (P3018) and
 * blocks later deploys (P3009); node-postgres sends it and the server rejects the message ("invalid message
 * format"); the review's parser would silently stop at the byte and never see the rest. So it is refused first.
 */
function nulByteError(files, sqlPath, text, index) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1))
        line++;
    const shown = files.show(sqlPath);
    return new repo_files/* RepoFileError */.lD(shown, `${shown} line ${line} contains a NUL byte (\\0). PostgreSQL cannot receive one (a query ends at the first NUL byte): Prisma would record the migration as failed (P3018), and the review cannot read past it. Nothing was reviewed or applied.`, {
        hint: 'Remove the NUL byte. It is usually an encoding accident (a file saved as UTF-16 has one in every character): migration.sql must be UTF-8 text.'
    });
}
/** Prisma reads the lock file when it can and treats an unreadable one as absent (null). */
function readLockfile(files, path) {
    try {
        return files.readText(path, { maxBytes: project_files/* MAX_CONFIG_BYTES */.GW, what: 'a migration_lock.toml' }) ?? null;
    }
    catch (error) {
        if (error instanceof repo_files/* RepoFileError */.lD)
            throw error;
        return null;
    }
}
/**
 * Lists migrations with the CLI's rules (`listMigrations.ts`): only real directories (symlinks and files are
 * skipped, hidden directories count), a missing folder is an empty history, and names are ordered with
 * `localeCompare` (ICU collation, like the CLI on the same runner). Files are read through `files`.
 */
async function readMigrationsFolder(path, files) {
    const lockfilePath = (0,external_node_path_.join)(path, LOCKFILE_NAME);
    const kind = files.inspect(path);
    if (kind === 'file') {
        throw new errors/* InputError */.dz(INPUT, `points at ${files.show(path)}, which is a file, not a directory.`, 'Set it to the directory that contains the <timestamp>_<name>/migration.sql folders (usually prisma/migrations).');
    }
    const folder = {
        path,
        exists: kind === 'directory',
        lockfile: {
            path: lockfilePath,
            content: kind === 'directory' ? readLockfile(files, lockfilePath) : null
        },
        migrations: []
    };
    let entries = [];
    try {
        entries = kind === 'directory' ? (0,external_node_fs_.readdirSync)(path, { withFileTypes: true }) : [];
    }
    catch {
        entries = [];
    }
    // A link to a directory is not a Dirent directory: skipped, as Prisma skips it.
    const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    folder.skippedLinks = entries.filter((entry) => entry.isSymbolicLink()).map((entry) => entry.name);
    names.sort((a, b) => a.localeCompare(b));
    folder.migrations = names.map((name) => {
        const directory = (0,external_node_path_.join)(path, name);
        const sqlPath = (0,external_node_path_.join)(directory, 'migration.sql');
        const read = readMigrationScript(files, sqlPath);
        if ('error' in read)
            return { name, directory, sqlPath, script: null, readError: read.error, checksum: null };
        return { name, directory, sqlPath, script: read.text, checksum: (0,checksum/* migrationChecksum */.C)(read.text) };
    });
    return folder;
}
/** P3019 when `migration_lock.toml` names another provider (Prisma checks before touching the database). */
function checkLockfile(folder) {
    checkLockfileContent(folder.lockfile.content, displayLockfile(folder));
}
function displayLockfile(folder) {
    return (0,external_node_path_.join)((0,external_node_path_.basename)(folder.path), LOCKFILE_NAME);
}


/***/ }),

/***/ 47573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bw: () => (/* binding */ applyFailedMessage),
/* harmony export */   F$: () => (/* binding */ notFailedError),
/* harmony export */   L2: () => (/* binding */ applyFailedHint),
/* harmony export */   OO: () => (/* binding */ neverAppliedError),
/* harmony export */   U4: () => (/* binding */ MigrationRunError),
/* harmony export */   WR: () => (/* binding */ migrationNotFoundError),
/* harmony export */   XX: () => (/* binding */ providerSwitchedError),
/* harmony export */   _L: () => (/* binding */ serverReason),
/* harmony export */   at: () => (/* binding */ nonEmptyDatabaseError),
/* harmony export */   eL: () => (/* binding */ formatPrismaTimestamp),
/* harmony export */   fq: () => (/* binding */ lockRetriesExhaustedError),
/* harmony export */   gk: () => (/* binding */ alreadyAppliedError),
/* harmony export */   lJ: () => (/* binding */ describeConnectionLoss),
/* harmony export */   mX: () => (/* binding */ missingScriptError),
/* harmony export */   pb: () => (/* binding */ isConnectionLost),
/* harmony export */   rB: () => (/* binding */ lockTimeoutError),
/* harmony export */   tc: () => (/* binding */ failedMigrationsError)
/* harmony export */ });
/* unused harmony exports describeStatements, committedSentence */
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32693);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _blockers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6158);
/**
 * Prisma's user-facing errors for migrate deploy/status/resolve (prisma-migrate-compat.md §11), with the exact
 * message text Prisma prints and a hint naming the next step in terms of THIS action's inputs.
 */




/** A deploy that stopped. `applied` lists what this run applied before it stopped; those stay applied. */
class MigrationRunError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    applied;
    failedMigration;
    afterFailure;
    /** How the failed migration was sent: as one batch, or statement by statement (Prisma 7.4+). */
    execution;
    /**
     * The failed migration's row was written in its script's transaction (the one-round-trip path): a lost connection
     * left either all of it committed or none of it, never a started row.
     */
    rowWithScript;
    constructor(message, options) {
        super(message, options);
        this.name = 'MigrationRunError';
        this.applied = options.applied ?? [];
        this.failedMigration = options.failedMigration;
        this.afterFailure = options.afterFailure;
        this.execution = options.execution;
        this.rowWithScript = options.rowWithScript;
    }
    /**
     * Attaches what this run applied to an error raised on the way (lock file, lock, P3005, a failed script).
     * Errors without a Prisma code (e.g. a lost connection during bookkeeping) are returned unchanged.
     */
    static from(error, applied, failedMigration) {
        // Prisma's P1017 for a connection that broke outside the script (lock, bookkeeping): the run still reports.
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ) && isConnectionLost(error))
            return new MigrationRunError('Server has closed the connection.', {
                code: 'P1017',
                cause: error,
                applied: [...applied],
                failedMigration
            });
        const ours = error instanceof MigrationRunError;
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ) || (!error.code && !ours))
            return error;
        const failed = ours ? (error.failedMigration ?? failedMigration) : failedMigration;
        return new MigrationRunError(error.message, {
            code: error.code,
            hint: error.hint,
            cause: ours ? error.cause : error,
            applied: [...applied],
            failedMigration: failed,
            afterFailure: ours ? error.afterFailure : undefined,
            execution: ours ? error.execution : undefined,
            rowWithScript: ours ? error.rowWithScript : undefined
        });
    }
}
const RESOLVE_DOCS = 'https://pris.ly/d/migrate-resolve';
const BASELINE_DOCS = 'https://pris.ly/d/migrate-baseline';
function resolveInput(kind, name) {
    return `\`mode: migrate-resolve\` and \`resolve-${kind}: "${name}"\``;
}
/**
 * chrono's `DateTime<Utc>` Display, which Prisma uses in P3009: the fraction is omitted when zero, otherwise
 * printed with 3 or 6 digits (Postgres keeps microseconds).
 */
function formatPrismaTimestamp(date, microsOfSecond = date.getUTCMilliseconds() * 1000) {
    const base = date.toISOString().slice(0, 19).replace('T', ' ');
    if (microsOfSecond === 0)
        return `${base} UTC`;
    const fraction = microsOfSecond % 1000 === 0
        ? String(microsOfSecond / 1000).padStart(3, '0')
        : String(microsOfSecond).padStart(6, '0');
    return `${base}.${fraction} UTC`;
}
function nonEmptyDatabaseError(firstMigration, migrationsDir) {
    const hint = firstMigration
        ? `The database already has tables but no migration history. If the migrations in ${migrationsDir} describe ` +
            `the current schema, baseline it: run this action with ${resolveInput('applied', firstMigration)} (once ` +
            `for each migration the database already reflects); later deploys then apply only newer migrations. ` +
            `See ${BASELINE_DOCS}.`
        : `The database already has tables but no migration history, and ${migrationsDir} has no migrations to ` +
            `baseline it with. Point \`database-url\` at the right database, or create a baseline migration first. ` +
            `See ${BASELINE_DOCS}.`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The database schema is not empty. Read more about how to baseline an existing production database: ${BASELINE_DOCS}`, { code: 'P3005', hint });
}
function failedMigrationsError(failed, execution = 'whole-file') {
    const details = failed
        .map((row) => `The \`${row.name}\` migration started at ${formatPrismaTimestamp(row.startedAt, row.startedAtMicros)} failed\n`)
        .join('');
    const first = failed[0]?.name ?? '<name>';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`migrate found failed migrations in the target database, new migrations will not be applied. Read more about how to resolve migration issues in a production database: ${RESOLVE_DOCS}\n${details}`, {
        code: 'P3009',
        hint: `Check what the failed migration left in the database${execution === 'per-statement'
            ? ' (Prisma 7.4+ runs each statement on its own: the statements before the failing one stay committed)'
            : ' (Prisma runs a file as one transaction, so a failed file is normally rolled back as a whole)'}. If none of its changes are there, or you undid them, fix its migration.sql and run this action with ` +
            `${resolveInput('rolled-back', first)}, then deploy again. If you completed the change by hand, run it ` +
            `with ${resolveInput('applied', first)} instead.`
    });
}
/** The text of Prisma's P3018 (§5.2) without the Rust debug dump; also what we store in `logs`. */
function applyFailedMessage(name, error) {
    const lines = [`ERROR: ${error.message ?? String(error)}`];
    if (error.detail)
        lines.push(`DETAIL: ${error.detail}`);
    if (error.hint)
        lines.push(`HINT: ${error.hint}`);
    return (`A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: ${RESOLVE_DOCS}\n\n` +
        `Migration name: ${name}\n\n` +
        `Database error code: ${error.code && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : 'none'}\n\n` +
        `Database error:\n${lines.join('\n')}\n`);
}
/** Statements of migration.sql for a message: `line 3: CREATE TABLE ...; line 7: ...`, each shortened. */
function describeStatements(statements) {
    return statements
        .map(({ line, text }) => {
        const oneLine = text.replace(/\s+/g, ' ').trim();
        return `line ${line}: ${oneLine.length > 100 ? `${oneLine.slice(0, 97)}...` : oneLine}`;
    })
        .join('; ');
}
/** What the failure left committed, in one sentence. */
function committedSentence(committed, execution) {
    if (committed === 'unknown')
        return execution === 'per-statement'
            ? 'Which of its statements were committed cannot be known (the connection was lost, or the file manages its own transactions): inspect the database.'
            : 'Whether part of it was committed cannot be known (the connection was lost, or the file has its own BEGIN/COMMIT): inspect the database.';
    if (committed === 'none')
        return execution === 'per-statement'
            ? 'None of its statements had been committed: the failing statement was the first to change anything.'
            : 'Postgres rolled back all of its statements (the file ran as one transaction).';
    return `These statements before the failing one were committed and stay in the database: ${describeStatements(committed)}.`;
}
function applyFailedHint(name, committed = 'none', execution = 'whole-file', failedLine) {
    const record = '_prisma_migrations now records it as failed, so every deploy stops with P3009 until it is resolved.';
    if (execution === 'whole-file' && committed === 'none')
        return (`Postgres rolled back this migration's statements (the file runs as one transaction, unless it contains its ` +
            `own BEGIN/COMMIT), but ${record} Fix migration.sql, run this action with ${resolveInput('rolled-back', name)}, then deploy again.`);
    const failing = failedLine
        ? `The failing statement (line ${failedLine}) and the ones after it did not run. `
        : '';
    const how = execution === 'per-statement'
        ? 'Prisma 7.4+ sends each statement on its own, so nothing was rolled back as a whole. '
        : '';
    return (`${how}${committedSentence(committed, execution)} ${failing}${record} Either finish the migration by hand ` +
        `(run the statements that did not run) and run this action with ${resolveInput('applied', name)}, or undo ` +
        `the committed statements, fix migration.sql, run it with ${resolveInput('rolled-back', name)} and deploy again.`);
}
function missingScriptError(name, migrationsDir) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('Could not find the migration file at migration.sql. Please delete the directory or restore the migration file.', {
        code: 'P3015',
        hint: `Migration \`${name}\` has no readable migration.sql in ${migrationsDir}. Restore the file, or delete the directory if the migration was abandoned.`
    });
}
function alreadyAppliedError(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The migration \`${name}\` is already recorded as applied in the database.`, {
        code: 'P3008',
        hint: `Nothing to resolve. Check the name in \`resolve-applied\`; run \`mode: migrate-status\` to see each migration's state.`
    });
}
function neverAppliedError(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration name? (example: "20201207184859_initial_migration")`, {
        code: 'P3011',
        hint: '`resolve-rolled-back` must be the whole directory name of a migration recorded in _prisma_migrations; run `mode: migrate-status` to list them.'
    });
}
function notFailedError(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
        code: 'P3012',
        hint: 'Only a failed migration can be marked as rolled back. To undo an applied migration, write and deploy a new migration that reverts it.'
    });
}
function migrationNotFoundError(name, migrationsDir) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The migration ${name} could not be found. Please make sure that the migration exists, and that you included the whole name of the directory. (example: "20201207184859_initial_migration")`, {
        code: 'P3017',
        hint: `\`resolve-applied\` must name a directory of ${migrationsDir} that contains migration.sql; check the name and \`migrations-dir\`.`
    });
}
function providerSwitchedError(found, lockfilePath) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The datasource provider \`postgresql\` specified in your schema does not match the one specified in the migration_lock.toml, \`${found}\`. Please remove your current migration directory and start a new migration history with prisma migrate dev. Read more: https://pris.ly/d/migrate-provider-switch`, {
        code: 'P3019',
        hint: `This action runs PostgreSQL migrations; ${lockfilePath} must contain the line \`provider = "postgresql"\` exactly as \`prisma migrate dev\` writes it (Prisma reads it literally), or point \`migrations-dir\` at the PostgreSQL migrations.`
    });
}
function lockTimeoutError(timeoutMs, holders) {
    const context = `Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh})). Timeout: ${timeoutMs}ms. See https://pris.ly/d/migrate-advisory-locking for details.`;
    const who = holders === undefined
        ? `Who holds it could not be read; \`SELECT pid, application_name FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' AND objid = ${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PRISMA_ADVISORY_LOCK_KEY */ .bh}\` shows the session.`
        : holders.length === 0
            ? 'The session that held it had let it go by the time we looked: run again.'
            : `It is held by ${(0,_blockers_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSessions */ .Pj)(holders, 'since')} (PostgreSQL does not record when a lock was taken).`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The database server was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at the configured address.\n\nContext: ${context}\n`, {
        code: 'P1002',
        hint: `Another \`prisma migrate\` or run of this action holds Prisma's migration lock on this database. ${who} ` +
            `Wait for it to finish and run again; a session left holding it by mistake can be ended with \`SELECT pg_terminate_backend(<pid>)\`. ` +
            `Through a PgBouncer transaction pooler the lock cannot work: use a direct connection URL.`
    });
}
/**
 * A migration cancelled at lock_timeout on every attempt of the retry window. Prisma has no code for it (it
 * would have waited as long as it takes): nothing was applied and no row is left, so it is simply still pending.
 */
function lockRetriesExhaustedError(name, exhausted, lockTimeoutMs, extra) {
    const n = exhausted.attempts.length;
    const blockers = exhausted.blockers;
    const timeout = lockTimeoutMs > 0 ? `lock-timeout (${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatMs */ ._V)(lockTimeoutMs)})` : 'its lock_timeout';
    const who = blockers.length > 0
        ? ` It was waiting for: ${(0,_blockers_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSessions */ .Pj)(blockers)}.`
        : ' The sessions it waited for had gone before they could be named.';
    return new MigrationRunError(`Migration \`${name}\` could not get its locks: ${n === 1 ? 'its attempt' : `each of ${n} attempts over ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatMs */ ._V)(exhausted.elapsedMs)}`} waited ${timeout} and was cancelled (SQLSTATE 55P03), so the application's queries never queued behind it for longer.${who} ` +
        `Nothing of it was applied: PostgreSQL rolled the file back and no _prisma_migrations row of the attempt remains, so the migration is still pending (no failed row is left behind).`, {
        hint: 'Deploy again once the blocking sessions have finished (a long report, an idle transaction), or end a stuck one with `SELECT pg_terminate_backend(<pid>)`. ' +
            "To keep trying for longer, raise `lock-retry-window`; `lock-timeout: 0` waits as long as it takes, as `prisma migrate deploy` does, but the application's queries on the table then wait as long too.",
        cause: exhausted,
        failedMigration: name,
        afterFailure: extra.afterFailure
    });
}
// connection_exception (08xxx), admin_shutdown / crash_shutdown / cannot_connect_now / database_dropped (57P0x)
const CONNECTION_SQLSTATE = /^(08...|57P0[1-4])$/;
const CONNECTION_NODE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED']);
// node-postgres' own messages for a connection that is gone
const CONNECTION_MESSAGES = /Connection terminated|not queryable|connection error/i;
/**
 * The error and the errors it wraps (`cause`), outermost first, skipping our own errors: they carry Prisma's codes
 * (P3018, P1017), not the server's.
 */
function* underlying(error) {
    let current = error;
    for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
        if (!(current instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ))
            yield current;
        current = current.cause;
    }
}
const SQLSTATE = /^(?=.*\d)[0-9A-Z]{5}$/;
/**
 * Whether the error (or one it wraps) is the database connection breaking: a killed backend, a server restart, a
 * network failure. Nothing more can be sent on that connection.
 */
function isConnectionLost(error) {
    for (const { code, message } of underlying(error)) {
        // A server error is judged by its SQLSTATE alone: its text may come from the migration (RAISE EXCEPTION).
        if (typeof code === 'string' && CONNECTION_NODE_CODES.has(code))
            return true;
        if (typeof code === 'string' && SQLSTATE.test(code))
            return CONNECTION_SQLSTATE.test(code);
        if (typeof message === 'string' && CONNECTION_MESSAGES.test(message))
            return true;
    }
    return false;
}
/** The server's own words, when it said why it ended the session (e.g. 57P01 after pg_terminate_backend). */
function serverReason(error) {
    for (const { code, message } of underlying(error))
        if (typeof code === 'string' && SQLSTATE.test(code) && typeof message === 'string')
            return `${code}: ${message}`;
    return undefined;
}
/**
 * A migration whose row travelled in its script's transaction: whatever the connection did, the database holds all
 * of it (a finished row) or none of it (no row), never a started row that blocks every deploy.
 */
function oneTransactionLoss(facts, lost, name, again) {
    const intro = `${lost} while the script of \`${name}\` ran. Its row in _prisma_migrations and its script were one transaction, so either all of it is in the database (its row says applied) or none of it (no row: the next deploy applies it).`;
    if (facts.row === 'applied')
        return { text: `${intro} Read again on a new connection, it is recorded as applied.`, hint: again };
    if (facts.sessionStillOpen)
        return {
            text: `${intro} Read again on a new connection, it has no row yet, but the session that ran it (pid ${facts.sessionStillOpen.pid}) is still open on the server (${facts.sessionStillOpen.state}): the script may still be running, and may still commit, all of it at once.`,
            hint: `Wait until \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.sessionStillOpen.pid}\` returns no row (or stop it with \`SELECT pg_cancel_backend(${facts.sessionStillOpen.pid})\`), then deploy again: the deploy applies \`${name}\` only if it has no row.`
        };
    if (facts.row === 'absent')
        return {
            text: `${intro} Read again on a new connection, it has no row: the transaction did not commit, nothing of it is in the database, and the next deploy applies it.`,
            hint: again
        };
    const unread = (facts.rereadError ?? 'no connection').replace(/\.$/, '');
    const unseen = facts.pid
        ? ` If the network failed rather than the server, the session that ran it (pid ${facts.pid}) may still be open there and may still commit: look at \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.pid}\` first.`
        : '';
    return {
        text: `${intro} The state could not be read again (${unread}).${unseen}`,
        hint: `${again} The deploy applies \`${name}\` only if it has no row.`
    };
}
/**
 * What a deploy whose connection broke can say: what is known, what is not, and the resolve step naming the
 * migration. Under Prisma's protocol the row is committed before the script runs, and the script runs as one
 * implicit transaction whose outcome the client only learns from the answer that was lost.
 */
function describeConnectionLoss(facts) {
    const name = facts.migration;
    const again = 'Run the deploy again once the database accepts connections.';
    const lost = `The connection to the database was lost${facts.reason ? ` (the server said ${facts.reason})` : ''}`;
    if (!name)
        return { text: `${lost} before any migration started.`, hint: again };
    if (facts.rowWithScript && facts.row !== 'failed')
        return oneTransactionLoss(facts, lost, name, again);
    if (facts.row === 'absent')
        return {
            text: `${lost} while the run was on \`${name}\`. Read again on a new connection, it has no row in _prisma_migrations: its script never ran, and the next deploy applies it.`,
            hint: again
        };
    if (facts.row === 'applied')
        return {
            text: `${lost} while the run was on \`${name}\`. Read again on a new connection, it is recorded as applied.`,
            hint: again
        };
    const when = facts.duringScript
        ? `while the script of \`${name}\` ran`
        : `while \`${name}\` was being recorded in _prisma_migrations`;
    const unread = (facts.rereadError ?? 'no connection').replace(/\.$/, '');
    const known = facts.row === 'failed'
        ? 'Read again on a new connection, its row in _prisma_migrations is started and not finished, so Prisma and this action see it as failed'
        : facts.duringScript
            ? `Its row in _prisma_migrations was committed before the script ran and was never marked finished, so Prisma and this action see it as failed (the state could not be read again: ${unread})`
            : `The state could not be read again (${unread}): its row in _prisma_migrations is either missing (then the next deploy applies it) or started and not finished, which Prisma and this action see as failed`;
    const unseen = facts.row === undefined && facts.pid
        ? ` If the network failed rather than the server, the session that ran it (pid ${facts.pid}) may still be open there and may still commit: look at \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.pid}\` first.`
        : '';
    const committed = facts.sessionStillOpen
        ? `The session that ran it (pid ${facts.sessionStillOpen.pid}) is still open on the server (${facts.sessionStillOpen.state}): the script may still be running, and may still commit.`
        : facts.duringScript
            ? 'Whether its changes were committed cannot be known from here. The file runs as one transaction, so either all of them are in the database or none (unless the file has its own COMMIT); Postgres commits only after the last statement, so a session the server ended mid-script normally committed nothing, but a connection lost in the network may have lost the answer to a commit that happened.'
            : 'Its script may or may not have run: the connection broke while its row was being written or marked finished.';
    const wait = facts.sessionStillOpen
        ? `Wait until \`SELECT state FROM pg_stat_activity WHERE pid = ${facts.sessionStillOpen.pid}\` returns no row (or stop it with \`SELECT pg_cancel_backend(${facts.sessionStillOpen.pid})\`), then check`
        : 'Check';
    return {
        text: `${lost} ${when}. ${known}${facts.row === 'failed' || facts.duringScript ? ': every deploy stops with P3009 until it is resolved' : '; if it is failed, every deploy stops with P3009 until it is resolved'}. ${committed}${unseen}`,
        hint: `${wait} whether the changes of \`${name}\` are in the database. None of them: run this action with ` +
            `${resolveInput('rolled-back', name)} (fix migration.sql first if it was at fault), then deploy again. All of ` +
            `them: run it with ${resolveInput('applied', name)}, and deploy again for the migrations after it.`
    };
}


/***/ }),

/***/ 32545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j6: () => (/* binding */ findDatasource)
/* harmony export */ });
/* unused harmony exports readDatasourceBlock, prismaFilesIn */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68946);
/**
 * The datasource block of a Prisma schema, read as data (prisma-migrate-compat.md §6.1): its `schemas = [...]`
 * (multiSchema) decide which PostgreSQL schemas deploy's emptiness check (P3005) looks at. A schema is one `.prisma`
 * file or a folder of them (all `*.prisma` files below it); the datasource block may be in any of them.
 */



/** Prisma Schema Language tokens: `//` comments dropped, strings unescaped (JSON-style escapes). */
function tokenize(source) {
    const tokens = [];
    let i = 0;
    while (i < source.length) {
        const ch = source[i];
        if (/\s/.test(ch)) {
            i++;
        }
        else if (ch === '/' && source[i + 1] === '/') {
            while (i < source.length && source[i] !== '\n')
                i++;
        }
        else if (ch === '"') {
            let j = i + 1;
            let value = '';
            while (j < source.length && source[j] !== '"' && source[j] !== '\n') {
                if (source[j] === '\\' && j + 1 < source.length) {
                    const next = source[j + 1];
                    value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
                    j += 2;
                }
                else
                    value += source[j++];
            }
            tokens.push({ kind: 'string', value });
            i = j + 1;
        }
        else if (/[A-Za-z0-9_.-]/.test(ch)) {
            let j = i;
            while (j < source.length && /[A-Za-z0-9_.-]/.test(source[j]))
                j++;
            tokens.push({ kind: 'word', value: source.slice(i, j) });
            i = j;
        }
        else {
            tokens.push({ kind: 'punct', value: ch });
            i++;
        }
    }
    return tokens;
}
/** The datasource block of one file's source, if it has one. */
function readDatasourceBlock(source, file) {
    const tokens = tokenize(source);
    for (let i = 0; i + 2 < tokens.length; i++) {
        const t = tokens[i];
        // `datasource <name> {` at the top level (blocks do not nest in PSL).
        if (!(t.kind === 'word' &&
            t.value === 'datasource' &&
            tokens[i + 1]?.kind === 'word' &&
            tokens[i + 2]?.value === '{'))
            continue;
        const found = { file };
        let j = i + 3;
        while (j < tokens.length && tokens[j].value !== '}') {
            const key = tokens[j];
            if (key.kind === 'word' && tokens[j + 1]?.value === '=') {
                const valueAt = j + 2;
                if (key.value === 'provider' && tokens[valueAt]?.kind === 'string')
                    found.provider = tokens[valueAt].value;
                if (key.value === 'schemas') {
                    const list = readStringList(tokens, valueAt);
                    if (list)
                        found.schemas = list.values;
                    else
                        found.schemasUnreadable = true;
                }
                j = skipValue(tokens, valueAt);
            }
            else
                j++;
        }
        return found;
    }
    return undefined;
}
function readStringList(tokens, at) {
    if (tokens[at]?.value !== '[')
        return undefined;
    const values = [];
    let j = at + 1;
    while (j < tokens.length && tokens[j].value !== ']') {
        if (tokens[j].kind === 'string')
            values.push(tokens[j].value);
        else if (tokens[j].value !== ',')
            return undefined;
        j++;
    }
    return j < tokens.length ? { values } : undefined;
}
/** Index after the value starting at `at` (a literal, a list, or a call such as env("X")). */
function skipValue(tokens, at) {
    let depth = 0;
    let j = at;
    do {
        const v = tokens[j]?.value;
        if (v === '[' || v === '(')
            depth++;
        else if (v === ']' || v === ')')
            depth--;
        else if (v === '}' && depth === 0)
            return j;
        j++;
    } while (j < tokens.length && depth > 0);
    return j;
}
/**
 * `*.prisma` files below a schema folder, in a stable order. A link in the folder is refused, not skipped: Prisma may
 * follow it, and reading a different schema than Prisma would decide the wrong migrations folder.
 */
function prismaFilesIn(folder, files) {
    const out = [];
    for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(folder, entry.name);
        if (entry.isSymbolicLink())
            files.inspect(path);
        else if (entry.isDirectory())
            out.push(...prismaFilesIn(path, files));
        else if (entry.name.endsWith('.prisma') && files.inspect(path) === 'file')
            out.push(path);
    }
    return out;
}
/** The datasource of a schema file or folder; undefined when none is found or the path is missing. */
function findDatasource(schemaPath, files) {
    const kind = files.inspect(schemaPath);
    if (kind === 'missing')
        return undefined;
    for (const file of kind === 'directory' ? prismaFilesIn(schemaPath, files) : [schemaPath]) {
        const source = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readSmallText */ .Ft)(file, files, 'a Prisma schema file', _project_files_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_SCHEMA_FILE_BYTES */ .q2);
        const found = readDatasourceBlock(source, file);
        if (found)
            return found;
    }
    return undefined;
}


/***/ }),

/***/ 68946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ft: () => (/* binding */ readSmallText),
/* harmony export */   GW: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   SI: () => (/* binding */ readProjectFile),
/* harmony export */   q2: () => (/* binding */ MAX_SCHEMA_FILE_BYTES)
/* harmony export */ });
/* unused harmony export MAX_PROJECT_FILE_BYTES */
/* harmony import */ var _util_repo_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81556);
/**
 * The one place where the Prisma-version code reads repository files (lockfiles, node_modules/prisma/package.json),
 * as data: never executed, never written, and only through RepositoryFiles (regular files inside the workspace,
 * no link followed). Version detection is best effort, so a file it may not read is simply not used: a pnpm
 * `node_modules/prisma` is a link, and the lockfile then decides.
 */

/** Lockfiles of large monorepos run to tens of megabytes; anything larger is not one. */
const MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024;
/** The file's text (UTF-8), or undefined when it is absent, not a regular file inside the workspace, or unreadable. */
function readProjectFile(path, files) {
    try {
        return files.readText(path, { maxBytes: MAX_PROJECT_FILE_BYTES, what: 'a lockfile or package.json' });
    }
    catch (error) {
        if (error instanceof _util_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoFileError */ .lD || error.code)
            return undefined;
        throw error;
    }
}
/** Config files and package.json are small; a larger one is not what Prisma reads. */
const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_SCHEMA_FILE_BYTES = 8 * 1024 * 1024;
/**
 * A small repository text file (a Prisma config, package.json, a schema file), or '' when it is absent or
 * unreadable (Prisma's loaders give up the same way). Links, special files and oversized files are refused, never
 * skipped: skipping would silently pick another migrations folder than Prisma.
 */
function readSmallText(path, files, what, maxBytes = MAX_CONFIG_BYTES) {
    try {
        return files.readText(path, { maxBytes, what }) ?? '';
    }
    catch (error) {
        if (error instanceof _util_repo_files_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoFileError */ .lD)
            throw error;
        return '';
    }
}


/***/ }),

/***/ 91363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ fitLines),
/* harmony export */   VC: () => (/* binding */ fitDocument),
/* harmony export */   Wn: () => (/* binding */ chars),
/* harmony export */   ee: () => (/* binding */ bytes),
/* harmony export */   wv: () => (/* binding */ SEPARATOR),
/* harmony export */   x9: () => (/* binding */ joinBlocks),
/* harmony export */   y: () => (/* binding */ cost)
/* harmony export */ });
/* unused harmony export DOCUMENT_CUT_NOTE */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42495);
/**
 * Fitting a report into GitHub's limits in linear time: every block and every line is rendered and measured once,
 * and a document is only ever cut between whole blocks or whole lines (never inside a code span, a fence or an
 * HTML element, where a cut would let the rest render as something else).
 */

/** PR comments are limited in characters (JS length counts UTF-16 units: never fewer than GitHub's count). */
const chars = (s) => s.length;
/** Job summaries are limited in bytes. */
const bytes = _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .byteLength */ .dp;
/** Blocks are joined by a blank line: a block costs its size plus that separator. */
const SEPARATOR = 2;
/** Blocks joined as a document ends up; its size is the sum of the blocks' costs minus one. */
function joinBlocks(blocks) {
    return `${blocks.join('\n\n')}\n`;
}
function cost(measure, blocks) {
    let total = 0;
    for (const b of blocks)
        total += measure(b) + SEPARATOR;
    return total;
}
/**
 * `head` (a table head, a title; may be '') and as many of `lines` as fit in `budget`, in order. When some are
 * left out, `more(omitted)` follows after a blank line (so that it never continues a table); its size is reserved
 * first. With no line kept, only the note is returned.
 */
function fitLines(head, lines, budget, measure, more) {
    const sizes = lines.map(measure);
    const headSize = head ? measure(head) : -1;
    let total = headSize;
    for (const size of sizes)
        total += 1 + size;
    if (total <= budget)
        return { text: [...(head ? [head] : []), ...lines].join('\n'), kept: lines.length, omitted: 0 };
    const reserve = SEPARATOR + measure(more(lines.length));
    let used = headSize;
    let kept = 0;
    while (kept < lines.length && used + 1 + sizes[kept] + reserve <= budget) {
        used += 1 + sizes[kept];
        kept++;
    }
    const omitted = lines.length - kept;
    if (kept === 0) {
        const alone = more(omitted);
        return { text: measure(alone) <= budget ? alone : '', kept: 0, omitted };
    }
    return {
        text: `${[...(head ? [head] : []), ...lines.slice(0, kept)].join('\n')}\n\n${more(omitted)}`,
        kept,
        omitted
    };
}
/** The note that closes a document cut by `fitDocument`. */
const DOCUMENT_CUT_NOTE = "> ✂️ Cut to fit GitHub's size limit: the rest of this report is in the JSON report (the `report-path` output).";
/**
 * The last guard on a whole document (the job summary as written, whatever the mode put together): within
 * `limit`, cut at a line boundary outside code fences and `<details>` blocks, with a closing note. A document that
 * fits comes back unchanged; the renderers fit their own parts first, so this cuts only what they could not see
 * (notes appended after rendering).
 */
function fitDocument(markdown, limit, measure) {
    if (measure(markdown) <= limit)
        return markdown;
    const budget = limit - measure(`\n${DOCUMENT_CUT_NOTE}\n`);
    const lines = markdown.split('\n');
    let used = 0;
    let safe = 0;
    let fence;
    let openDetails = 0;
    for (let i = 0; i < lines.length; i++) {
        const size = measure(lines[i]) + 1;
        if (used + size > budget)
            break;
        used += size;
        const marks = /^\s*(`{3,}|~{3,})/.exec(lines[i])?.[1];
        if (marks && (!fence || (marks[0] === fence[0] && marks.length >= fence.length)))
            fence = fence ? undefined : marks;
        else if (!fence)
            openDetails +=
                (lines[i].match(/<details/g) ?? []).length - (lines[i].match(/<\/details>/g) ?? []).length;
        if (!fence && openDetails <= 0)
            safe = i + 1;
    }
    return `${lines.slice(0, safe).join('\n')}\n${DOCUMENT_CUT_NOTE}\n`;
}


/***/ }),

/***/ 42495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   LO: () => (/* binding */ MAX_PROSE_CHARS),
/* harmony export */   PP: () => (/* binding */ tableHead),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   h8: () => (/* binding */ htmlCode),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   jD: () => (/* binding */ tableRow),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   mG: () => (/* binding */ inline),
/* harmony export */   r7: () => (/* binding */ foldLines),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports MAX_CODE_CHARS, clip, cell */
/**
 * Markdown primitives: the one place that decides how text we did not write lands in the job summary and the PR
 * comment. Names from SQL, migration directories, server and Prisma messages are hostile: GitHub turns `@user`,
 * `@org/team`, `#123`, `GH-1`, URLs, `www.` and `:emoji:` in text into live mentions, cross-references and links
 * (which notify people and link other issues), and renders HTML. It does none of that inside code. So:
 * - names and foreign prose go into `code()` spans, which nothing can break out of;
 * - our own sentences with such spans go through `inline()`: spans kept, everything between them neutralised as
 *   `text()` (a safety net for any fragment that still reached a sentence unquoted);
 * - table cells through `table()`, HTML (`<summary>`) through `htmlText()` / `htmlCode()`, code blocks through
 *   `fence()`.
 * Every primitive folds line breaks (a newline in a name would end a table row, a list item or an HTML block) and
 * caps the length of what it shows (a 100 KB identifier must not crowd out the report; Postgres truncates names
 * to 63 bytes anyway). None of them can produce a line that starts with `<!--`, so nothing rendered can look like
 * a comment marker.
 */
/** Longest name or foreign message shown; longer ones end with "…" (the JSON report keeps them whole). */
const MAX_CODE_CHARS = 300;
const MAX_PROSE_CHARS = 2000;
const ZWSP = '&#8203;';
/** CommonMark line endings become spaces: rendered text is always one line. */
function foldLines(text) {
    return text.replace(/\r\n|\r|\n/g, ' ');
}
/** At most `max` UTF-16 units, ending with "…" when cut; never splits a surrogate pair. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - 1);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]);
}
// No `'`: its entity holds a `#`, and nothing of ours puts text in a single-quoted attribute.
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Breaks what GitHub links after rendering (it scans the text of the HTML, so backslash escapes do not help): a
 * zero-width space after `@` (mentions, team mentions, e-mail autolinks), after `#` (issue references), inside
 * `GH-1`, `://`, `www.` and `:shortcode:`. The reader sees the same characters.
 */
function breakReferences(text) {
    return text
        .replace(/[@#]/g, (c) => `${c}${ZWSP}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
        .replace(/:(?=\/\/|[\w+\\-]+:)/g, `:${ZWSP}`)
        .replace(/(?<![\p{L}\p{N}_-])(www)\./giu, `$1${ZWSP}.`);
}
/**
 * Plain text that renders as itself and nothing else: HTML escaped, every inline markdown character
 * backslash-escaped, references broken (see breakReferences), a leading list/heading marker escaped, lines
 * folded. `|` is left to `table()`, which escapes it the way GFM's table parser expects.
 */
function text(value, max = MAX_PROSE_CHARS) {
    const escaped = escapeHtml(foldLines(clip(value, max)))
        .replace(/[\\`*_[\]~$]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_, space, marker) => /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`);
    return breakReferences(escaped);
}
/**
 * An inline code span nothing can break out of (CommonMark 6.1): delimited by a backtick run longer than any run
 * inside, padded with a space when the content starts or ends with a backtick or a space (one space each side is
 * stripped again), on one line. GitHub links no mention, reference, URL or emoji inside code, and shows HTML
 * literally.
 */
function code(value, max = MAX_CODE_CHARS) {
    const content = foldLines(clip(value, max));
    if (content === '')
        return '` `';
    let longest = 0;
    let run = 0;
    for (let i = 0; i < content.length; i++) {
        run = content.charCodeAt(i) === 96 ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    const ticks = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(content) && !/^ +$/.test(content) ? ' ' : '';
    return `${ticks}${pad}${content}${pad}${ticks}`;
}
/** `code()` for free text from outside (server errors, Prisma warnings, acknowledgement reasons): a longer cap. */
function quote(value) {
    return code(value, MAX_PROSE_CHARS);
}
/**
 * Splits markdown into code spans and the text between them as CommonMark does: a backtick run opens a span that
 * the next run of the same length closes; a run with no partner is literal. Linear: each run looks up its partner
 * through a per-length cursor.
 */
function segments(markdown) {
    const runs = [];
    for (const m of markdown.matchAll(/`+/g))
        runs.push({ start: m.index, length: m[0].length });
    const byLength = new Map();
    runs.forEach((r, i) => {
        const list = byLength.get(r.length);
        if (list)
            list.push(i);
        else
            byLength.set(r.length, [i]);
    });
    const cursor = new Map();
    const out = [];
    let textStart = 0;
    for (let i = 0; i < runs.length; i++) {
        const open = runs[i];
        if (open.start < textStart)
            continue;
        const same = byLength.get(open.length) ?? [];
        let k = cursor.get(open.length) ?? 0;
        while (k < same.length && same[k] <= i)
            k++;
        cursor.set(open.length, k);
        if (k === same.length)
            continue;
        const close = runs[same[k]];
        let content = foldLines(markdown.slice(open.start + open.length, close.start));
        if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content))
            content = content.slice(1, -1);
        if (open.start > textStart)
            out.push({ code: false, text: markdown.slice(textStart, open.start) });
        out.push({ code: true, text: content });
        textStart = close.start + close.length;
        i = same[k];
    }
    if (textStart < markdown.length)
        out.push({ code: false, text: markdown.slice(textStart) });
    return out;
}
/**
 * A sentence of ours with code spans (messages, headlines, notes, error texts): every span is re-emitted with
 * `code()`, everything else as `text()`. Whatever a hostile name did to the backticks, the result has no live
 * markdown, HTML or reference outside code.
 */
function inline(markdown, max = MAX_PROSE_CHARS * 2) {
    return segments(clip(markdown, max))
        .map((s) => (s.code ? code(s.text, MAX_PROSE_CHARS) : text(s.text, Infinity)))
        .join('');
}
/**
 * One table cell from inline markdown: one line, and every `|` escaped, since GFM splits cells on `|` before it
 * parses code spans. GFM reads `\\` as an escaped backslash, so a `|` right after a backslash would still split:
 * a zero-width space goes between them.
 */
function cell(markdown) {
    return foldLines(markdown).replace(/(\\?)\|/g, (_, backslash) => backslash ? '\\\u200b\\|' : '\\|');
}
/** A table whose cells (inline markdown) go through `cell()`. */
function table(headers, rows) {
    return [tableHead(headers), ...rows.map(tableRow)].join('\n');
}
function tableHead(headers) {
    return `${tableRow(headers)}\n${tableRow(headers.map(() => '---'))}`;
}
function tableRow(cells) {
    return `| ${cells.map(cell).join(' | ')} |`;
}
/** Text inside raw HTML (where markdown escapes do nothing): entities, references broken, one line. */
function htmlText(value, max = MAX_PROSE_CHARS) {
    return breakReferences(escapeHtml(foldLines(clip(value, max))));
}
/** A name inside raw HTML, as `<code>`. */
function htmlCode(value, max = MAX_CODE_CHARS) {
    return `<code>${htmlText(value, max)}</code>`;
}
/**
 * A fenced block whose fence is longer than any backtick run inside, so the content can never close it early. A
 * line that starts with `<!--` gets a zero-width space after `<`, so that no line of a rendered report can equal a
 * comment marker.
 */
function fence(content, lang = '') {
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length));
    const marks = '`'.repeat(Math.max(3, longest + 1));
    const body = content.replace(/\n$/, '').replace(/^(\s*)<!--/gm, '$1<\u200b!--');
    return `${marks}${lang}\n${body}\n${marks}`;
}
/** A collapsed section; `summaryHtml` is built with `htmlText()` / `htmlCode()`. */
function details(summaryHtml, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`;
}
function byteLength(value) {
    return Buffer.byteLength(value, 'utf8');
}


/***/ }),

/***/ 38732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ editDistance)
/* harmony export */ });
/**
 * The Levenshtein distance of `a` and `b`: the fewest single-character insertions, deletions and substitutions
 * that turn one into the other. One row of the table at a time.
 */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}


/***/ }),

/***/ 32693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ shortenSql),
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** How numbers, sizes and durations read in logs, messages and reports: one spelling each. */
/** 1234 → "1,234". */
function formatCount(n) {
    // Without Intl: the first toLocaleString of a run loads ICU's locale data (about 10 ms).
    const [whole, fraction] = String(n).split('.');
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}
/** 1536 → "1.50 KiB"; below 1 KiB, "512 B". */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
/** A short wait, in messages: "250 ms", "12.5 s" (never minutes: lock waits and retry windows). */
function formatMs(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** How long something took, in reports: "250 ms", "12.5 s", "2 min 5 s". */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const m = Math.floor(ms / 60_000);
    return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}
/** A statement on one line, at most 160 characters, for messages and reports. */
function shortenSql(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}


/***/ }),

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ info)
/* harmony export */ });
/* unused harmony export neutralizeCommands */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);

/**
 * The runner reads a line of the step's stdout as a workflow command when, after leading whitespace, it starts with
 * `::` (`::add-mask::`, `::warning::`, `::stop-commands::`…), or when it contains the legacy prefix `##[` anywhere.
 * Text that comes from a pull request, a database or a backup (directory names, SQL, server messages) can hold
 * either. A zero-width space after the first character keeps the line readable and makes it no command.
 * Annotations and groups (`core.warning`, `core.group`…) escape their text themselves; `core.info` does not.
 */
function neutralizeCommands(text) {
    // `m`: a line starts after \n and after a lone \r too, as the runner splits them. .NET's Trim() also strips U+0085,
    // which `\s` does not cover.
    return text.replace(/^([\s\u0085]*):(?=:)/gm, '$1:\u200b').replace(/#(?=#\[)/g, '#\u200b');
}
/** `core.info` for any text that may hold something we did not write. */
function info(text) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(neutralizeCommands(text));
}


/***/ }),

/***/ 81556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yn: () => (/* binding */ RepositoryFiles),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   lD: () => (/* binding */ RepoFileError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/**
 * Repository files are data, never paths to follow. A pull request controls every file of the checkout, and a
 * symbolic link is just a file whose content git turns into a path: `migration.sql -> /proc/self/environ`, or
 * `-> ../../.git/config` (where actions/checkout keeps the token). Rendering what such a path leads to would post
 * the runner's secrets in the PR comment. So the action reads a repository path only when it is a regular file
 * or directory inside the workspace, reached without following any link:
 * - `lstat` each path (and, when the fast check disagrees, each of its parent folders): a link is refused wherever
 *   it points, inside the workspace or not, so one rule covers every target;
 * - `realpath` must land where the path says, inside the workspace;
 * - named pipes, sockets and devices are refused before anything opens them (opening a FIFO blocks forever);
 * - paths through a `.git` folder are refused: git never checks a file out there, and it holds the credentials;
 * - files are opened with O_NOFOLLOW | O_NONBLOCK and checked again with fstat, so a path swapped after the check
 *   is refused too, and never more than a stated number of bytes is read.
 * Every refusal is an error that names the path (relative to the workspace, control characters escaped) and says
 * what to do; no message quotes what the file holds.
 */



/** A repository path the action will not read: a link, a special file, outside the workspace, too large... */
class RepoFileError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ {
    /** The path as messages show it (relative to the workspace). */
    file;
    /** The input that named the path, when one did (`working-directory`, `migrations-dir`). */
    input;
    constructor(file, message, options = {}) {
        super(options.input ? `Input \`${options.input}\`: ${message}` : message, { hint: options.hint });
        this.name = 'RepoFileError';
        this.file = file;
        this.input = options.input;
    }
}
/**
 * A path or name as messages show it: control characters (newlines, carriage returns, NUL...) and the Unicode
 * line separators escaped, so one name is one line and cannot pass for something else.
 */
function printable(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
        const named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
        return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}
// Absent on Windows, where links and FIFOs are not what a checkout makes.
const OPEN_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0);
function describeSpecial(stats) {
    if (stats.isFIFO())
        return 'a named pipe (FIFO)';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isBlockDevice() || stats.isCharacterDevice())
        return 'a device';
    if (!stats.isFile() && !stats.isDirectory() && !stats.isSymbolicLink())
        return 'not a regular file';
    return undefined;
}
function isMissing(error) {
    const code = error.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
/** The workspace, and the only way the action opens what a repository holds. */
class RepositoryFiles {
    /** The workspace as configured (GITHUB_WORKSPACE), absolute. */
    root;
    /** The same folder with its own links resolved (e.g. /tmp -> /private/tmp); only paths below it are checked. */
    realRoot;
    constructor(root) {
        this.root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root);
        try {
            this.realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(this.root);
        }
        catch {
            this.realRoot = this.root;
        }
    }
    /** The workspace of this run: GITHUB_WORKSPACE, else the process's directory. */
    static forWorkspace(env = process.env) {
        return new RepositoryFiles(env.GITHUB_WORKSPACE || process.cwd());
    }
    /** Whether `path` lies inside the workspace (lexically; links are the business of `inspect`). */
    contains(path) {
        return this.partsBelow((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path)) !== undefined;
    }
    /** `path` relative to the workspace with `/` separators, printable; absolute when outside. */
    show(path) {
        const parts = this.partsBelow((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path));
        if (!parts)
            return printable((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path));
        return printable(parts.length === 0 ? '.' : parts.join('/'));
    }
    /**
     * What is at `path`: nothing, a regular file or a directory. Throws RepoFileError for a path outside the
     * workspace, through `.git`, through or at a symbolic link, or at a FIFO, socket or device.
     */
    inspect(path, options = {}) {
        return this.check(path, options).kind;
    }
    /**
     * The text of a regular file (UTF-8, as Node and Prisma decode it: a BOM is kept, invalid bytes become U+FFFD),
     * or undefined when nothing is there. Refusals throw RepoFileError; other I/O errors (permissions) are thrown
     * as they come, for callers that treat an unreadable file as Prisma does.
     */
    readText(path, options) {
        const checked = this.check(path, options);
        if (checked.kind === 'missing')
            return undefined;
        if (checked.kind === 'directory')
            throw this.refusal(checked.canonical, 'is a directory, not a file.', {
                ...options,
                hint: `Replace it with the ${options.what} itself.`
            });
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(checked.canonical, OPEN_FLAGS);
        try {
            const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
            if (!stats.isFile() || stats.ino !== checked.stats.ino || stats.dev !== checked.stats.dev)
                throw this.refusal(checked.canonical, 'changed while it was being read (it is no longer the same regular file).', {
                    ...options,
                    hint: 'Nothing in the workspace should change while the action runs; run it again.'
                });
            if (stats.size > options.maxBytes)
                throw this.tooLarge(checked.canonical, options);
            // One byte more than allowed tells a file that grew since fstat from one that did not.
            const buffer = Buffer.allocUnsafe(Math.min(stats.size, options.maxBytes) + 1);
            let length = 0;
            for (;;) {
                const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
                if (n === 0)
                    break;
                length += n;
                if (length === buffer.length) {
                    if (length > options.maxBytes)
                        throw this.tooLarge(checked.canonical, options);
                    break;
                }
            }
            return buffer.toString('utf8', 0, length);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    tooLarge(canonical, options) {
        return this.refusal(canonical, `is larger than ${mib(options.maxBytes)}, the most the action reads of ${options.what}.`, {
            ...options,
            hint: 'Split it into smaller files (for migrations: several migration directories, applied in order).'
        });
    }
    /**
     * The components of the absolute path `abs` below the workspace ([] for the workspace itself), or undefined
     * when it is not inside.
     */
    partsBelow(abs) {
        for (const base of new Set([this.root, this.realRoot])) {
            const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(base, abs);
            if (rel === '')
                return [];
            if (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
                return rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
        }
        return undefined;
    }
    check(path, options) {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
        const parts = this.partsBelow(abs);
        if (!parts)
            throw this.refusal(abs, `is outside the workspace (${printable(this.root)}).`, {
                ...options,
                hint: `The action reads only the checked-out repository: use a path inside it${options.input ? ', relative to the workspace' : ''}, and check out the repository into the workspace (actions/checkout \`path\` is relative to it).`
            });
        const canonical = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.realRoot, ...parts);
        if (parts.some((part) => part.toLowerCase() === '.git'))
            throw this.refusal(canonical, "is inside a .git folder, which holds git's own data (and the checkout's credentials), not project files.", { ...options, hint: 'Point the action at the project, outside .git.' });
        let stats;
        try {
            stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(canonical);
        }
        catch (error) {
            if (!isMissing(error))
                throw error;
            // Nothing there; but a link on the way would still lead somewhere else.
            this.refuseLinkOnTheWay(parts, options);
            return { kind: 'missing', canonical };
        }
        if (stats.isSymbolicLink())
            throw this.linkRefusal(canonical, canonical, options);
        const special = describeSpecial(stats);
        if (special)
            throw this.refusal(canonical, `is ${special}, not a regular file; the action does not open it.`, {
                ...options,
                hint: 'Replace it with a regular file committed to the repository.'
            });
        let real;
        try {
            real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(canonical);
        }
        catch {
            real = undefined;
        }
        // The fast check: no link on the way. Otherwise find the link (or accept: a case-insensitive file system may
        // spell the real path differently).
        if (real !== canonical)
            this.refuseLinkOnTheWay(parts, options);
        return { kind: stats.isDirectory() ? 'directory' : 'file', canonical, stats };
    }
    /** Throws for the first parent folder of the path that is a link; a missing one ends the walk. */
    refuseLinkOnTheWay(parts, options) {
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.realRoot, ...parts);
        for (let i = 1; i < parts.length; i++) {
            const prefix = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.realRoot, ...parts.slice(0, i));
            let stats;
            try {
                stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(prefix);
            }
            catch (error) {
                if (isMissing(error))
                    return;
                throw error;
            }
            if (stats.isSymbolicLink())
                throw this.linkRefusal(prefix, target, options);
            if (!stats.isDirectory())
                return;
        }
    }
    linkRefusal(link, target, options) {
        const where = link === target ? this.show(link) : `${this.show(link)} (on the way to ${this.show(target)})`;
        return new RepoFileError(this.show(target), `${where} is a symbolic link. The action reads repository files only as regular files inside the workspace and never follows a link, wherever it points: a pull request could point one at a file outside the repository (the runner's environment, the checkout's credentials).`, {
            input: options.input,
            hint: `Commit the file or folder itself instead of a link to it${options.input ? `, or set \`${options.input}\` to its real location` : ''}.`
        });
    }
    refusal(canonical, message, options) {
        const shown = this.show(canonical);
        return new RepoFileError(shown, `${shown} ${message}`, { input: options.input, hint: options.hint });
    }
}
function mib(bytes) {
    return bytes >= 1024 * 1024
        ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`
        : `${bytes} bytes`;
}


/***/ })

};

//# sourceMappingURL=375.index.js.map
export const id = 550;
export const ids = [550];
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

/***/ 34793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ annotateFindings)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _review_headline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10670);



const EMIT = {
    error: (m, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(m, p),
    warning: (m, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m, p),
    notice: (m, p) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, p)
};
function text(f) {
    const stake = (0,_review_headline_js__WEBPACK_IMPORTED_MODULE_1__/* .stakeText */ ._N)(f.rowsAtStake);
    const allowed = f.acknowledged
        ? ` Allowed: ${f.acknowledged.by === 'input' ? 'allow-destructive' : f.acknowledged.reason}.`
        : '';
    return `${f.message}${stake ? ` Data at stake: ${stake}.` : ''}${allowed} Safe alternative: ${f.fix} (${f.docs})`;
}
/**
 * One annotation per finding on its migration.sql line, errors first, at most MAX_ANNOTATIONS_PER_LEVEL per level
 * (GitHub shows about ten per level and step), then a single notice pointing to the job summary.
 */
function annotateFindings(findings, summaryHint = 'the job summary') {
    if (findings.length === 0)
        return;
    let shown = 0;
    for (const level of ['error', 'warning', 'notice']) {
        // keep room for the closing notice among the notices
        const cap = level === 'notice' ? _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ANNOTATIONS_PER_LEVEL */ .jB - 1 : _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ANNOTATIONS_PER_LEVEL */ .jB;
        const chosen = findings.filter((f) => f.severity === level).slice(0, cap);
        for (const f of chosen)
            EMIT[level](text(f), {
                title: `${f.rule} (${f.migration})`,
                file: f.file,
                startLine: f.line,
                endLine: f.endLine ?? f.line
            });
        shown += chosen.length;
    }
    const omitted = findings.length - shown;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(omitted > 0
        ? `${findings.length} migration review findings; ${omitted} are not annotated here. See ${summaryHint} for all of them with the SQL.`
        : `${findings.length} migration review finding(s). See ${summaryHint} for the report with the SQL.`, { title: 'Migration review' });
}


/***/ }),

/***/ 33472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateStatus: () => (/* binding */ runMigrateStatus)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/annotations.ts
var annotations = __webpack_require__(34793);
// EXTERNAL MODULE: ./src/render/migration-report.ts + 3 modules
var migration_report = __webpack_require__(25281);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
;// CONCATENATED MODULE: ./src/github/octokit.ts

const DEFAULT_API_URL = 'https://api.github.com';
/** The API base URL: GITHUB_API_URL on GitHub Enterprise Server and in tests (the API stand-in), else github.com. */
function apiUrlFromEnv(env = process.env) {
    return env.GITHUB_API_URL || DEFAULT_API_URL;
}
/** A throttling callback: warn, then retry up to `retries` times after the wait GitHub asked for. */
function retryOnLimit(kind, retries) {
    return (retryAfter, options, _octokit, retryCount) => {
        core/* warning */.$e(`GitHub API ${kind} hit for ${options.method} ${options.url}; retrying after ${retryAfter} s.`);
        return retryCount < retries;
    };
}
/**
 * The only Octokit factory: retries transient failures and waits out rate limits a couple of times. Octokit is
 * imported on first use: most runs (deploys, backups, status outside pull requests) never call the API.
 */
async function createOctokit(token, apiUrl = apiUrlFromEnv()) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(475)]).then(__webpack_require__.bind(__webpack_require__, 86856))
    ]);
    return getOctokit(token, {
        baseUrl: apiUrl,
        retry: { retries: 2 },
        throttle: {
            onRateLimit: retryOnLimit('rate limit', 2),
            onSecondaryRateLimit: retryOnLimit('secondary rate limit', 1)
        }
    }, retry, throttling);
}

;// CONCATENATED MODULE: ./src/github/comment.ts





/** The GitHub Actions app's account, which GITHUB_TOKEN writes as (GET /user answers 403 for that token). */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/**
 * The hidden marker of the sticky comment for one (database target, migrations dir): a hash, so that the
 * comment does not reveal the database host.
 */
function commentMarker(target, migrationsDir, mode = 'migrate-status') {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${target}\n${migrationsDir}`).digest('hex').slice(0, 16);
    return `<!-- ${constants/* ACTION_NAME */.px}:${mode}:${hash} -->`;
}
function comment_status(error) {
    return error.status;
}
async function ownLogin(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        if (comment_status(error) === 403 || comment_status(error) === 404 || comment_status(error) === 401)
            return ACTIONS_BOT_LOGIN;
        throw error;
    }
}
/**
 * Creates the PR comment carrying `marker`, or updates the one the token's own account wrote before; other
 * people's comments are never edited, and an unchanged body makes no write. Permission errors (fork PRs get a
 * read-only token) become a warning: the job summary still has the report.
 */
async function upsertStickyComment(opts) {
    const body = opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
    const octokit = await createOctokit(opts.token, opts.apiUrl);
    const where = { owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber };
    try {
        const login = await ownLogin(octokit);
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 });
        const existing = comments.find((c) => c.user?.login === login && (c.body ?? '').includes(opts.marker));
        if (existing) {
            if ((existing.body ?? '').trim() === body.trim())
                return { action: 'unchanged', url: existing.html_url };
            const { data } = await octokit.rest.issues.updateComment({
                owner: opts.owner,
                repo: opts.repo,
                comment_id: existing.id,
                body
            });
            return { action: 'updated', url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({ ...where, body });
        return { action: 'created', url: data.html_url };
    }
    catch (error) {
        const code = comment_status(error);
        const detail = (0,secrets/* scrub */._I)(error.message ?? String(error));
        const warning = code === 403 || code === 404
            ? `Could not write the pull request comment (HTTP ${code}: ${detail}). On pull requests from forks the token is read-only; the job summary has the full report.`
            : `Could not write the pull request comment: ${detail}. The job summary has the full report.`;
        core/* warning */.$e(warning);
        return { action: 'skipped', warning };
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/github/context.ts

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The pull request of this run, from the event payload; undefined on other events or when the payload lacks one. */
function getPullRequestContext(env = process.env) {
    if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH)
        return undefined;
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
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

;// CONCATENATED MODULE: ./src/github/publish.ts





/**
 * On pull_request events, writes the report as the sticky comment for (target, migrations dir). Does nothing on
 * other events or with `comment: false`; never throws (the job summary carries the report anyway).
 */
async function publishPullRequestComment(opts) {
    const pr = getPullRequestContext();
    if (!opts.settings.comment || !pr)
        return { action: 'skipped' };
    if (!opts.settings.githubToken) {
        const warning = 'No github-token: the pull request comment was not written; the job summary has the report.';
        core/* warning */.$e(warning);
        return { action: 'skipped', warning };
    }
    const marker = commentMarker(opts.target, opts.migrationsDir);
    const result = await upsertStickyComment({
        token: opts.settings.githubToken,
        apiUrl: apiUrlFromEnv(),
        owner: pr.owner,
        repo: pr.repo,
        issueNumber: pr.number,
        marker,
        body: (0,migration_report/* renderCommentBody */.y)(opts.render, marker)
    });
    if (result.url)
        core/* info */.pq(`Pull request comment ${result.action}: ${result.url}`);
    return result;
}

// EXTERNAL MODULE: ./src/migrate/plan.ts
var plan = __webpack_require__(74590);
// EXTERNAL MODULE: ./src/migrate/status.ts + 1 modules
var migrate_status = __webpack_require__(61935);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/review/review.ts + 6 modules
var review_review = __webpack_require__(3241);
;// CONCATENATED MODULE: ./src/review/offline.ts








const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
}
/** `<dir>/<name>/migration.sql` → name; anything else (migration_lock.toml, READMEs) → undefined. */
function migrationName(path, dir) {
    const rel = external_node_path_.posix.relative(dir, path.split(external_node_path_.sep).join('/'));
    const parts = rel.split('/');
    return parts.length === 2 && parts[1] === 'migration.sql' && !rel.startsWith('..') ? parts[0] : undefined;
}
function classify(entries, dir, source, base) {
    const out = { added: [], modified: [], deleted: [], source, base };
    for (const { status, path } of entries) {
        const name = migrationName(path, dir);
        if (!name)
            continue;
        if (status === 'A' || status === 'added')
            out.added.push(name);
        else if (status === 'D' || status === 'removed')
            out.deleted.push(name);
        else
            out.modified.push(name);
    }
    for (const list of [out.added, out.modified, out.deleted])
        list.sort();
    return out;
}
async function resolveBase(cwd, base) {
    for (const candidate of [base, `origin/${base}`]) {
        try {
            await git(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
            // three-dot diffs need the merge base; a shallow checkout does not have it
            await git(cwd, ['merge-base', candidate, 'HEAD']);
            return candidate;
        }
        catch {
            // try the next candidate
        }
    }
    return undefined;
}
/**
 * The migrations the pull request adds or changes compared with its base: from git history when the checkout has
 * it (`git diff --name-status <base>...HEAD`), else from the API's list of PR files.
 */
async function findChangedMigrations(opts) {
    const dir = opts.migrationsDir.split(external_node_path_.sep).join('/').replace(/\/+$/, '');
    const base = opts.baseRef
        ? await resolveBase(opts.workingDirectory, opts.baseRef).catch(() => undefined)
        : undefined;
    if (base) {
        const out = await git(opts.workingDirectory, [
            'diff',
            '--name-status',
            '--no-renames',
            '--relative',
            `${base}...HEAD`,
            '--',
            dir
        ]);
        const entries = out
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [status, path] = line.split('\t');
            return { status: status[0], path };
        });
        return classify(entries, dir, 'git', base);
    }
    if (!opts.octokit && opts.token) {
        const pr = opts.pr ?? getPullRequestContext();
        if (pr)
            return findChangedMigrations({
                ...opts,
                token: undefined,
                octokit: await createOctokit(opts.token),
                pr
            });
    }
    if (opts.octokit && opts.pr) {
        const root = await git(opts.workingDirectory, ['rev-parse', '--show-toplevel'])
            .then((s) => s.trim())
            .catch(() => process.env.GITHUB_WORKSPACE ?? opts.workingDirectory);
        const dirFromRoot = (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(opts.workingDirectory, dir)).split(external_node_path_.sep).join('/');
        const files = await opts.octokit.paginate(opts.octokit.rest.pulls.listFiles, {
            owner: opts.pr.owner,
            repo: opts.pr.repo,
            pull_number: opts.pr.number,
            per_page: 100
        });
        const entries = files.flatMap((f) => f.status === 'renamed' && f.previous_filename
            ? [
                { status: 'removed', path: f.previous_filename },
                { status: 'added', path: f.filename }
            ]
            : [{ status: f.status, path: f.filename }]);
        return classify(entries, dirFromRoot, 'api', `pull request #${opts.pr.number}'s base`);
    }
    throw new errors/* ActionError */.lZ(`Cannot tell which migrations this pull request changes: the base \`${opts.baseRef ?? '(none)'}\` is not in the checkout's history and no pull request context is available.`, {
        hint: 'Check out with `fetch-depth: 0` (actions/checkout), or run on a pull_request event so the PR file list can be read through the API.'
    });
}
/**
 * The review without a database (fork PRs get no secrets): the migrations the PR adds or changes, plus an error for
 * each migration that already existed on the base and was changed or deleted.
 */
async function reviewChangedMigrations(opts) {
    const { changed } = opts;
    const names = [...new Set([...changed.added, ...changed.modified])].sort();
    const migrations = await Promise.all(names.map(async (name) => {
        const file = external_node_path_.posix.join(opts.migrationsDir.split(external_node_path_.sep).join('/'), name, 'migration.sql');
        return { name, file, script: await (0,promises_.readFile)((0,external_node_path_.join)(opts.workingDirectory, file), 'utf8') };
    }));
    const note = `No database to compare with (\`database-url\` is empty): this reviews only the ${names.length} migration(s) this pull request adds or changes, compared with ${changed.base} (${changed.source === 'git' ? 'git history' : 'the pull request file list'}). Nothing was compared with a database.`;
    return (0,review_review/* reviewMigrations */.sd)({
        migrations,
        settings: opts.settings,
        allowDestructive: opts.allowDestructive ?? false,
        notes: [note],
        modifiedMigrations: changed.modified,
        deletedMigrations: changed.deleted,
        base: changed.base
    });
}

// EXTERNAL MODULE: ./src/review/settings.ts
var review_settings = __webpack_require__(8107);
// EXTERNAL MODULE: ./src/review/json-report.ts
var json_report = __webpack_require__(59155);
// EXTERNAL MODULE: ./src/modes/migrate-shared.ts
var migrate_shared = __webpack_require__(11647);
;// CONCATENATED MODULE: ./src/modes/migrate-status.ts














function statusFailure(diagnosis, settings) {
    if (diagnosis.failed.length > 0 && diagnosis.status === 'failed') {
        return new errors/* ActionError */.lZ(`${diagnosis.failed.length} failed migration(s) in the database: ${diagnosis.failed.map((f) => f.name).join(', ')}.`, {
            hint: 'New migrations cannot be applied until it is resolved; see the job summary for the resolve step.'
        });
    }
    if (settings.failOnPending && diagnosis.pending.length > 0) {
        return new errors/* ActionError */.lZ(`${diagnosis.pending.length} migration(s) pending: ${diagnosis.pending.map((m) => m.name).join(', ')}.`, {
            hint: 'fail-on-pending is true; run mode: migrate-deploy to apply them.'
        });
    }
    return undefined;
}
function reviewFailure(review, failOn) {
    if (!(0,review_review/* failOnDecision */.YC)(review, failOn))
        return undefined;
    return new errors/* ActionError */.lZ(`SQL review: ${review.headline}`, {
        hint: `fail-on is ${failOn}. Review the findings in the job summary; acknowledge intended destructive changes in the migration file or set allow-destructive on the deploy.`
    });
}
async function runMigrateStatus(common, settings, read) {
    const reviewSettings = (0,review_settings/* readReviewSettings */.M1)(read);
    if (!common.connection)
        return runOfflineReview(common, settings, reviewSettings);
    const folder = await (0,migrate_shared/* loadMigrationsFolder */.Et)(settings, common.workingDirectory);
    const session = await (0,migrate_shared/* openSession */.fA)(common);
    try {
        const diagnosis = await core/* group */.Os('Compare with _prisma_migrations', async () => {
            const d = await (0,migrate_status/* diagnose */.h)(session.client, folder);
            core/* info */.pq(d.prismaMessage);
            for (const warning of d.warnings)
                core/* warning */.$e(warning);
            return d;
        });
        const review = await core/* group */.Os('Review pending SQL', () => (0,review_review/* reviewMigrations */.sd)({
            migrations: (0,migrate_shared/* pendingForReview */.Zf)(diagnosis, common.workingDirectory),
            settings: reviewSettings,
            client: session.client,
            allowDestructive: false
        }));
        core/* info */.pq(review.headline);
        (0,annotations/* annotateFindings */.d)(review.findings);
        const target = (0,connection_url/* describeTarget */.ff)(common.connection);
        const migrationsDir = (0,external_node_path_.relative)(common.workingDirectory, folder.path) || '.';
        const renderInput = {
            mode: common.mode,
            target,
            migrationsDir,
            rows: (0,migrate_shared/* statusRows */.O5)(diagnosis),
            nextSteps: (0,migrate_shared/* nextSteps */.Zn)(diagnosis),
            review,
            docsBaseUrl: (0,migrate_shared/* rulesDocsUrl */.qq)()
        };
        const markdown = (0,migration_report/* renderMigrationReport */.J)(renderInput);
        await publishPullRequestComment({ settings: reviewSettings, target, migrationsDir, render: renderInput });
        const id = (0,plan/* planId */.r)(diagnosis.pending);
        return {
            outputs: {
                ...(0,migrate_shared/* migrateOutputs */.Uj)({
                    status: diagnosis.status,
                    pending: diagnosis.pending.map((m) => m.name),
                    failed: diagnosis.failed.map((f) => f.name)
                }),
                'plan-id': id,
                ...(0,json_report/* reviewOutputs */.p)(review)
            },
            markdown,
            report: {
                target,
                migrationsDir: { path: folder.path, reason: settings.migrationsDir.reason },
                status: diagnosis.status,
                prismaExitCode: diagnosis.prismaExitCode,
                planId: id,
                pending: diagnosis.pending.map((m) => ({
                    name: m.name,
                    file: (0,migrate_shared/* relativeSqlPath */.iS)(common.workingDirectory, m.sqlPath),
                    checksum: m.checksum
                })),
                applied: [],
                failed: diagnosis.failed,
                edited: diagnosis.edited,
                missingLocally: diagnosis.missingLocally,
                nonTransactional: diagnosis.nonTransactional,
                migrations: diagnosis.migrations,
                warnings: diagnosis.warnings,
                review: (0,json_report/* reviewJson */.j)(review)
            },
            failure: statusFailure(diagnosis, settings) ?? reviewFailure(review, reviewSettings.failOn)
        };
    }
    finally {
        await session.close();
    }
}
/** No `database-url` (fork PRs get no secrets): review what the PR adds or changes, compared with its base. */
async function runOfflineReview(common, settings, reviewSettings) {
    const migrationsDir = (0,external_node_path_.relative)(common.workingDirectory, settings.migrationsDir.path) || '.';
    core/* info */.pq(`No database-url: reviewing the migrations this change adds or modifies in ${migrationsDir} (${settings.migrationsDir.reason}), without a database.`);
    const changed = await core/* group */.Os('Find changed migrations', () => findChangedMigrations({
        workingDirectory: common.workingDirectory,
        migrationsDir: settings.migrationsDir.path,
        baseRef: reviewSettings.baseRef,
        token: reviewSettings.githubToken
    }));
    const review = await core/* group */.Os('Review changed SQL', () => reviewChangedMigrations({
        workingDirectory: common.workingDirectory,
        migrationsDir: migrationsDir,
        changed,
        settings: reviewSettings
    }));
    core/* info */.pq(review.headline);
    (0,annotations/* annotateFindings */.d)(review.findings);
    const reviewed = [...new Set([...changed.added, ...changed.modified])].sort();
    const renderInput = {
        mode: common.mode,
        target: 'no database (offline review)',
        migrationsDir,
        review,
        docsBaseUrl: (0,migrate_shared/* rulesDocsUrl */.qq)()
    };
    const markdown = (0,migration_report/* renderMigrationReport */.J)(renderInput);
    await publishPullRequestComment({
        settings: reviewSettings,
        target: 'offline',
        migrationsDir,
        render: renderInput
    });
    return {
        outputs: {
            ...(0,migrate_shared/* migrateOutputs */.Uj)({ status: 'unknown', pending: reviewed }),
            ...(0,json_report/* reviewOutputs */.p)(review)
        },
        markdown,
        report: {
            target: null,
            databaseCompared: false,
            migrationsDir: { path: settings.migrationsDir.path, reason: settings.migrationsDir.reason },
            changed,
            review: (0,json_report/* reviewJson */.j)(review)
        },
        failure: reviewFailure(review, reviewSettings.failOn)
    };
}


/***/ }),

/***/ 8107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M1: () => (/* binding */ readReviewSettings)
/* harmony export */ });
/* harmony import */ var _settings_input_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54781);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84537);
/* harmony import */ var _rule_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45488);




function readReviewSettings(read) {
    const githubToken = read('github-token');
    (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(githubToken);
    const baseRef = read('base-ref');
    return {
        allowDestructive: (0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBool */ .q6)(read, 'allow-destructive', false),
        failOn: (0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU)(read, 'fail-on', _rule_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .FAIL_ON */ .d$, 'error'),
        rules: (0,_rule_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRuleOverrides */ .Lc)((0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1)(read, 'rules')),
        comment: (0,_settings_input_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBool */ .q6)(read, 'comment', true),
        githubToken,
        baseRef: baseRef || undefined
    };
}


/***/ })

};

//# sourceMappingURL=550.index.js.map
export const id = 253;
export const ids = [253];
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

/***/ 76253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMigrateStatus: () => (/* binding */ runMigrateStatus)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/modes/annotate-findings.ts + 2 modules
var annotate_findings = __webpack_require__(30881);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/render/migrate-summary.ts + 1 modules
var migrate_summary = __webpack_require__(22755);
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
/**
 * GitHub answers these calls in well under a second; 10 s covers a slow page of 100 comments of 64 KB each. With
 * two retries a call that never answers costs 10 + 1 + 10 + 4 + 10 s = 35 s, which leaves room for the
 * three or four calls of a comment upsert when GitHub is only slow, inside one minute in all. A primary rate limit
 * resets on the hour and a secondary one asks for 60 s by default: neither is worth waiting for here, a short
 * `retry-after` (up to 15 s) is.
 */
const API_BOUNDS = {
    requestTimeoutMs: 10_000,
    totalMs: 60_000,
    maxRateLimitWaitSec: 15,
    retryBaseMs: 1000
};
/** Rate limits are the throttling plugin's: the retry plugin leaves 429 to it (and 403, which may be one). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
function secondsText(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
function waitText(sec) {
    return sec < 120 ? `${Math.round(sec)} s` : `${Math.round(sec / 60)} min`;
}
/**
 * The deadline of a client: aborted with an `AbortError`, which Octokit rethrows as is and never retries. Its
 * timer does not keep the process alive.
 */
function startDeadline(totalMs) {
    const controller = new AbortController();
    const reason = new Error(`GitHub API calls stopped after ${secondsText(totalMs)}, the most this action waits for them`);
    reason.name = 'AbortError';
    setTimeout(() => controller.abort(reason), totalMs).unref();
    return { signal: controller.signal, at: Date.now() + totalMs };
}
let runDeadline;
/**
 * The deadline every GitHub API call of this run shares with the default bounds (the pull request's file list and
 * the comment), so that the run as a whole waits for the API at most `totalMs`. Other bounds (tests) get their own.
 */
function sharedDeadline(bounds = API_BOUNDS) {
    if (bounds !== API_BOUNDS)
        return startDeadline(bounds.totalMs);
    runDeadline ??= startDeadline(bounds.totalMs);
    return runDeadline;
}
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
/**
 * `fetch` with a timeout per attempt and the client's deadline. The body is read inside the timeout too: Octokit
 * reads an unreadable JSON body as an empty one, and an empty comment list would make a duplicate comment. A
 * timed-out attempt fails like a network error (Octokit turns it into a status-500 error the retry plugin
 * retries); after the deadline nothing is retried.
 */
function boundedFetch(base, timeoutMs, deadline) {
    return async (input, init = {}) => {
        deadline.signal.throwIfAborted();
        const url = new URL(input instanceof Request ? input.url : String(input));
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new Error(`the GitHub API did not answer ${init.method ?? 'GET'} ${url.pathname} within ${secondsText(timeoutMs)}`)), timeoutMs);
        const signals = [controller.signal, deadline.signal, ...(init.signal ? [init.signal] : [])];
        try {
            const response = await base(input, { ...init, signal: AbortSignal.any(signals) });
            const body = NULL_BODY_STATUS.has(response.status) ? null : await response.arrayBuffer();
            return new Response(body, {
                status: response.status,
                statusText: response.statusText,
                headers: [...response.headers]
            });
        }
        finally {
            clearTimeout(timer);
        }
    };
}
/**
 * A throttling callback: wait for the reset only when it is short (`maxRateLimitWaitSec`) and before the deadline,
 * and only `retries` times; otherwise let the call fail now (the caller warns and goes on).
 */
function onLimit(kind, retries, bounds, deadlineAt) {
    return (retryAfter, options, _octokit, retryCount) => {
        const inTime = Date.now() + retryAfter * 1000 < deadlineAt;
        if (retryCount < retries && retryAfter <= bounds.maxRateLimitWaitSec && inTime) {
            core/* warning */.$e(`GitHub API ${kind} hit for ${options.method} ${options.url}; retrying after ${waitText(retryAfter)}.`);
            return true;
        }
        return false;
    };
}
/**
 * The only Octokit factory: each attempt has a timeout, the whole client a deadline, transient failures are
 * retried twice, and a rate limit is waited out only when its reset is near. The proxy-aware fetch of
 * @actions/github is kept underneath. Octokit is imported on first use: most runs (deploys, backups, status
 * outside pull requests) never call the API.
 */
async function createOctokit(token, apiUrl = apiUrlFromEnv(), bounds = API_BOUNDS, deadline = sharedDeadline(bounds)) {
    // one after the other: both load @actions/github's context module (and jest's ESM loader trips on that in parallel)
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
    const [{ defaults }, { retry }, { throttling }] = await Promise.all([
        __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 85555)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(475)]).then(__webpack_require__.bind(__webpack_require__, 86856))
    ]);
    const request = (defaults.request ?? {});
    return getOctokit(token, {
        baseUrl: apiUrl,
        request: { ...request, fetch: boundedFetch(request.fetch ?? fetch, bounds.requestTimeoutMs, deadline) },
        retry: { retries: 2, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: bounds.retryBaseMs },
        throttle: {
            onRateLimit: onLimit('rate limit', 1, bounds, deadline.at),
            onSecondaryRateLimit: onLimit('secondary rate limit', 1, bounds, deadline.at)
        }
    }, retry, throttling);
}
/** Status, rate-limit headers and message of an Octokit error, for the caller's warning. */
function describeApiError(error) {
    const e = error;
    const headers = e.response?.headers ?? {};
    const rateLimited = e.status === 429 ||
        (e.status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')));
    let resetInSec;
    if (headers['retry-after'] && Number.isFinite(Number(headers['retry-after'])))
        resetInSec = Number(headers['retry-after']);
    else if (headers['x-ratelimit-reset'])
        resetInSec = Math.max(0, Number(headers['x-ratelimit-reset']) - Date.now() / 1000);
    return { status: e.status, rateLimited, resetInSec };
}

/**
 * `work`, or the deadline's error as soon as it passes, whichever comes first: a retry back-off in progress cannot
 * hold the caller past it (and whatever that retry would send fails at once, since the deadline has passed).
 */
function beforeDeadline(work, deadline) {
    work.catch(() => undefined);
    if (deadline.signal.aborted)
        return Promise.reject(deadline.signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(deadline.signal.reason);
        deadline.signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => deadline.signal.removeEventListener('abort', onAbort));
    });
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
async function ownLogin(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        const { status, rateLimited } = describeApiError(error);
        if (!rateLimited && (status === 403 || status === 404 || status === 401))
            return ACTIONS_BOT_LOGIN;
        throw error;
    }
}
/** The first line of a comment body (GitHub may store CRLF line ends). */
function firstLine(body) {
    const end = body.indexOf('\n');
    return (end < 0 ? body : body.slice(0, end)).replace(/\r$/, '');
}
function normalized(body) {
    return body.replace(/\r\n/g, '\n').trim();
}
/**
 * Our sticky comment: written by the token's own account, and its first line is exactly the marker. A marker
 * anywhere else (quoted by a person, or copied into a migration and rendered inside another job's report) matches
 * nothing.
 */
function isStickyComment(comment, login, marker) {
    return comment.user?.login === login && firstLine(comment.body ?? '') === marker;
}
function failureWarning(error) {
    const { status, rateLimited, resetInSec } = describeApiError(error);
    const detail = (0,secrets/* scrub */._I)(error?.message ?? String(error));
    if (rateLimited)
        return `Could not write the pull request comment: the GitHub API rate limit is exhausted${resetInSec === undefined ? '' : ` (it resets in ${waitText(resetInSec)})`}, and this best-effort comment does not wait for it. The job summary has the full report.`;
    if (status === 403 || status === 404)
        return `Could not write the pull request comment (HTTP ${status}: ${detail}). On pull requests from forks the token is read-only; the job summary has the full report.`;
    return `Could not write the pull request comment: ${detail}. The job summary has the full report.`;
}
async function upsert(octokit, opts, body) {
    const where = { owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber };
    const login = await ownLogin(octokit);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 });
    if (!Array.isArray(comments))
        throw new Error('the GitHub API answered the comment list with something else');
    const existing = comments.find((c) => isStickyComment(c, login, opts.marker));
    if (existing) {
        if (normalized(existing.body ?? '') === normalized(body))
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
/**
 * Creates the PR comment carrying `marker`, or updates the one the token's own account wrote before; other
 * people's comments are never edited, and an unchanged body makes no write. Best effort within `bounds` (a
 * minute): permission errors (fork PRs get a read-only token), rate limits, timeouts and server errors become a
 * warning, never a failure — the job summary has the report.
 */
async function upsertStickyComment(opts) {
    const body = firstLine(opts.body) === opts.marker ? opts.body : `${opts.marker}\n${opts.body}`;
    const bounds = opts.bounds ?? API_BOUNDS;
    const deadline = sharedDeadline(bounds);
    try {
        const octokit = await createOctokit(opts.token, opts.apiUrl, bounds, deadline);
        return await beforeDeadline(upsert(octokit, opts, body), deadline);
    }
    catch (error) {
        const warning = failureWarning(error);
        core/* warning */.$e(warning);
        return { action: 'skipped', warning };
    }
}

// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/modes/pull-request-comment.ts







/**
 * On pull_request events, writes the report as the sticky comment for (target, migrations dir). Does nothing on
 * other events or with `comment: false`; never throws (the job summary carries the report anyway).
 */
async function publishPullRequestComment(opts) {
    const pr = (0,context/* getPullRequestContext */.A)();
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
        // The comment is text we write like the summary: no registered secret in any form.
        body: (0,secrets/* scrub */._I)((0,migrate_summary/* renderCommentBody */.y)(opts.render, marker))
    });
    if (result.url)
        (0,log/* info */.p)(`Pull request comment ${result.action}: ${result.url}`);
    return result;
}

// EXTERNAL MODULE: ./src/migrate/plan.ts
var plan = __webpack_require__(74590);
// EXTERNAL MODULE: ./src/migrate/status.ts + 2 modules
var migrate_status = __webpack_require__(9464);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/util/repo-files.ts
var repo_files = __webpack_require__(81556);
;// CONCATENATED MODULE: ./src/github/changed-migrations.ts
/**
 * Which migrations a pull request adds, changes or deletes compared with its base: from git history when the
 * checkout has it, else from the pull request's file list through the API.
 */








const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    // Literal pathspecs: a folder named `[x]` or `*` is that folder, not a pattern.
    const { stdout } = await run('git', ['--literal-pathspecs', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
}
/** A path with its existing part's links resolved, the way git reports its top level. */
function realPath(path) {
    let existing = (0,external_node_path_.resolve)(path);
    const rest = [];
    for (;;) {
        try {
            return (0,external_node_path_.join)(external_node_fs_.realpathSync.native(existing), ...rest.reverse());
        }
        catch {
            const parent = (0,external_node_path_.dirname)(existing);
            if (parent === existing)
                return (0,external_node_path_.resolve)(path);
            rest.push((0,external_node_path_.basename)(existing));
            existing = parent;
        }
    }
}
/** `<dir>/<name>/migration.sql` → name; anything else (migration_lock.toml, READMEs, deeper files) → undefined. */
function migrationName(path, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    if (!path.startsWith(prefix))
        return undefined;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length !== 2 || parts[1] !== 'migration.sql')
        return undefined;
    const [name] = parts;
    return name === '' || name === '.' || name === '..' || name.includes('\0') ? undefined : name;
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
/** `git diff -z --name-status`: status and path alternate, NUL-separated, paths verbatim (no quoting). */
function parseNameStatusZ(output) {
    const tokens = output.split('\0');
    const entries = [];
    for (let i = 0; i + 1 < tokens.length; i += 2)
        entries.push({ status: tokens[i][0], path: tokens[i + 1] });
    return entries;
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
 * The migrations folder as a path from the repository's root (`/` separators), which is how both `git diff`
 * (run from the top level) and the pull request files API name files, whatever the working directory.
 */
function fromRoot(root, migrationsDir) {
    // Both with their links resolved, as git reports its top level.
    const parts = new repo_files/* RepositoryFiles */.Yn(realPath(root)).partsBelow(realPath(migrationsDir));
    if (!parts)
        throw new errors/* ActionError */.lZ(`The migrations folder ${(0,repo_files/* printable */.g$)(migrationsDir)} is outside the git repository at ${(0,repo_files/* printable */.g$)(root)}, so the offline review cannot tell which of its migrations this pull request changes.`, { hint: 'Set `working-directory` and `migrations-dir` to folders inside the checked-out repository.' });
    return parts.join('/');
}
/** `read()`'s result, read on first use and kept. */
function once(read) {
    let kept;
    return () => (kept ??= { value: read() }).value;
}
/**
 * The migrations the pull request adds or changes compared with its base: from git history when the checkout has
 * it (`git diff -z --name-status <base>...HEAD`), else from the API's list of PR files.
 */
async function findChangedMigrations(opts) {
    const migrationsDir = (0,external_node_path_.resolve)(opts.workingDirectory, opts.migrationsDir);
    const top = await git(opts.workingDirectory, ['rev-parse', '--show-toplevel'])
        .then((s) => s.replace(/\r?\n$/, ''))
        .catch(() => undefined);
    const event = once(() => (0,context/* getPullRequestContext */.A)());
    const baseRef = opts.baseRef ?? opts.pr?.baseSha ?? event()?.baseSha;
    const base = top && baseRef ? await resolveBase(top, baseRef).catch(() => undefined) : undefined;
    if (top && base) {
        const dir = fromRoot(top, migrationsDir);
        // From the top level, without --relative: paths are the repository's, for any working directory.
        const out = await git(top, [
            'diff',
            '-z',
            '--name-status',
            '--no-renames',
            '--no-color',
            `${base}...HEAD`,
            '--',
            dir === '' ? '.' : dir
        ]);
        return classify(parseNameStatusZ(out), dir, 'git', base);
    }
    // The API: with the caller's client and pull request, or with a token and the pull request of the event.
    const pr = opts.pr ?? (opts.octokit || !opts.token ? undefined : event());
    const octokit = pr && (opts.octokit ?? (opts.token ? await createOctokit(opts.token) : undefined));
    if (pr && octokit) {
        const dir = fromRoot(top ?? process.env.GITHUB_WORKSPACE ?? opts.workingDirectory, migrationsDir);
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            per_page: 100
        });
        const entries = files.flatMap((f) => f.status === 'renamed' && f.previous_filename
            ? [
                { status: 'removed', path: f.previous_filename },
                { status: 'added', path: f.filename }
            ]
            : [{ status: f.status, path: f.filename }]);
        return classify(entries, dir, 'api', `pull request #${pr.number}'s base`);
    }
    throw new errors/* ActionError */.lZ(`Cannot tell which migrations this pull request changes: the base \`${(0,repo_files/* printable */.g$)(baseRef ?? '(none)')}\` is not in the checkout's history and no pull request context is available.`, {
        hint: 'Check out with `fetch-depth: 0` (actions/checkout), or run on a pull_request event so the PR file list can be read through the API.'
    });
}

// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
// EXTERNAL MODULE: ./src/review/review.ts + 7 modules
var review_review = __webpack_require__(64593);
;// CONCATENATED MODULE: ./src/review/offline.ts




/**
 * The review without a database (fork PRs get no secrets): the migrations the PR adds or changes, plus an error for
 * each migration that already existed on the base and was changed or deleted. Each file is read as data
 * (src/util/repo-files.ts): a link (say, to .git/config) is refused, naming the file, before anything is rendered.
 */
async function reviewChangedMigrations(opts) {
    const { changed } = opts;
    const names = [...new Set([...changed.added, ...changed.modified])].sort();
    const migrationsDir = (0,external_node_path_.resolve)(opts.workingDirectory, opts.migrationsDir);
    const migrations = names.map((name) => {
        const sqlPath = (0,external_node_path_.join)(migrationsDir, name, 'migration.sql');
        const file = (0,external_node_path_.relative)(opts.workingDirectory, sqlPath).split(external_node_path_.sep).join('/');
        const read = (0,migrations_dir/* readMigrationScript */.IJ)(opts.files, sqlPath);
        if ('error' in read)
            throw new errors/* ActionError */.lZ(`${opts.files.show(sqlPath)} is changed by this pull request but cannot be read from the checkout.`, { hint: 'Check out the pull request head (actions/checkout does by default) before the review.' });
        return { name, file, script: read.text };
    });
    const note = `No database to compare with (\`database-url\` is empty): this reviews only the ${names.length} migration(s) this pull request adds or changes, compared with ${changed.base} (${changed.source === 'git' ? 'git history' : 'the pull request file list'}). Nothing was compared with a database.`;
    return (0,review_review/* reviewMigrations */.sd)({
        migrations,
        settings: opts.settings,
        allowDestructive: opts.allowDestructive ?? false,
        notes: [note],
        modifiedMigrations: changed.modified,
        deletedMigrations: changed.deleted,
        base: changed.base,
        execution: opts.execution
    });
}

// EXTERNAL MODULE: ./src/review/gate.ts
var gate = __webpack_require__(28281);
// EXTERNAL MODULE: ./src/report/review-section.ts
var review_section = __webpack_require__(75578);
// EXTERNAL MODULE: ./src/modes/migrate-session.ts
var migrate_session = __webpack_require__(76816);
// EXTERNAL MODULE: ./src/modes/migrate-results.ts
var migrate_results = __webpack_require__(48934);
// EXTERNAL MODULE: ./src/render/next-steps.ts
var next_steps = __webpack_require__(88877);
// EXTERNAL MODULE: ./src/render/status-table.ts
var status_table = __webpack_require__(78197);
// EXTERNAL MODULE: ./src/migrate/execute.ts
var execute = __webpack_require__(77690);
;// CONCATENATED MODULE: ./src/modes/migrate-status.ts






















function statusFailure(diagnosis, settings) {
    // `prisma migrate status` stops with P3015 when an applied migration's file is gone.
    if (diagnosis.prismaStatusError)
        return diagnosis.prismaStatusError;
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
    if (!(0,gate/* failOnDecision */.YC)(review, failOn))
        return undefined;
    return new errors/* ActionError */.lZ(`SQL review: ${review.headline}`, {
        hint: `fail-on is ${failOn}. Review the findings in the job summary; acknowledge intended destructive changes in the migration file or set allow-destructive on the deploy.`
    });
}
/** `early`: the connection request, sent before this module was loaded (early-connection.ts). */
async function runMigrateStatus(settings, early) {
    const connection = settings.connection;
    if (!connection)
        return runOfflineReview(settings);
    const folder = await (0,migrate_session/* loadMigrationsFolder */.Et)(settings, early);
    const session = await (0,migrate_session/* openSession */.fA)({ ...settings, connection }, { readHistory: true, early });
    try {
        const diagnosis = await core/* group */.Os('Compare with _prisma_migrations', async () => {
            const d = await (0,migrate_status/* diagnose */.h)(session.client, folder, {
                ...(0,migrate_session/* prismaScope */.rM)(settings, session),
                ...(0,migrate_session/* firstHistory */.hZ)(session)
            });
            (0,log/* info */.p)(d.prismaMessage);
            for (const f of d.fallbacks)
                (0,log/* info */.p)(`\`${f.migration}\` is sent as one batch by Prisma 7.4+: ${(0,execute/* describeFallback */.Mw)(f.fallback)}.`);
            for (const warning of d.warnings)
                core/* warning */.$e(warning);
            return d;
        });
        const pullRequest = await pullRequestScope(settings, diagnosis);
        const review = await core/* group */.Os('Review pending SQL', () => (0,review_review/* reviewMigrations */.sd)({
            migrations: (0,migrate_results/* pendingForReview */.Zf)(diagnosis, settings.workingDirectory),
            settings: settings.review,
            client: session.client,
            execution: settings.project.prisma.execution,
            allowDestructive: false,
            pullRequest
        }));
        (0,log/* info */.p)(review.headline);
        const onBase = (0,gate/* baseMigrationNames */.AF)(review);
        (0,annotate_findings/* annotateFindings */.d)(review.findings.filter((f) => !onBase.has(f.migration)));
        const target = (0,connection_url/* describeTarget */.ff)(connection);
        const migrationsDir = (0,migrate_results/* shownMigrationsDir */.oA)(settings.workingDirectory, folder.path);
        const renderInput = {
            mode: settings.mode,
            target,
            migrationsDir,
            rows: (0,status_table/* statusRows */.O5)(diagnosis),
            nextSteps: (0,next_steps/* nextSteps */.Z)(diagnosis),
            review,
            docsBaseUrl: (0,context/* rulesDocsUrl */.q)()
        };
        const markdown = (0,migrate_summary/* renderMigrationReport */.J)(renderInput);
        await publishPullRequestComment({
            settings: settings.pullRequest,
            target,
            migrationsDir,
            render: renderInput
        });
        return statusResult(settings, { target, folderPath: folder.path }, diagnosis, review, markdown);
    }
    finally {
        await session.close();
    }
}
function statusResult(settings, where, diagnosis, review, markdown) {
    const { target, folderPath } = where;
    const id = (0,plan/* planId */.rY)(diagnosis.pending);
    return {
        outputs: {
            ...(0,migrate_results/* migrateOutputs */.Uj)({
                status: diagnosis.status,
                pending: diagnosis.pending.map((m) => m.name),
                failed: diagnosis.failed.map((f) => f.name)
            }),
            'plan-id': id,
            ...(0,review_section/* reviewOutputs */.p)(review)
        },
        markdown,
        report: {
            target,
            migrationsDir: { path: folderPath, reason: settings.project.migrationsDir.reason },
            status: diagnosis.status,
            prismaExitCode: diagnosis.prismaExitCode,
            planId: id,
            pending: diagnosis.pending.map((m) => ({
                name: m.name,
                file: (0,migrate_results/* relativeSqlPath */.iS)(settings.workingDirectory, m.sqlPath),
                checksum: m.checksum
            })),
            applied: [],
            failed: diagnosis.failed,
            edited: diagnosis.edited,
            missingLocally: diagnosis.missingLocally,
            unreadableApplied: diagnosis.unreadableApplied,
            nonTransactional: diagnosis.nonTransactional,
            prisma: (0,migrate_results/* prismaReport */.fq)(settings.project),
            migrations: diagnosis.migrations,
            warnings: diagnosis.warnings,
            review: (0,review_section/* reviewJson */.j)(review)
        },
        failure: statusFailure(diagnosis, settings) ?? reviewFailure(review, settings.review.failOn)
    };
}
/**
 * On a pull_request event: which pending migrations the PR adds (git history against the base, else the PR's file
 * list), so that the review can flag what they destroy where the base branch's migrations already ran, and
 * summarise those. When it cannot be told, every pending migration is reviewed as the PR's (the safe side).
 */
async function pullRequestScope(settings, diagnosis) {
    const pr = (0,context/* getPullRequestContext */.A)();
    if (!pr || diagnosis.pending.length === 0)
        return undefined;
    return core/* group */.Os('Find the migrations this pull request adds', async () => {
        try {
            const changed = await findChangedMigrations({
                workingDirectory: settings.workingDirectory,
                migrationsDir: settings.project.migrationsDir.path,
                baseRef: settings.pullRequest.baseRef,
                // read from the event above: not read again
                pr,
                token: settings.pullRequest.githubToken
            });
            const pending = new Set(diagnosis.pending.map((m) => m.name));
            const added = changed.added.filter((name) => pending.has(name));
            (0,log/* info */.p)(`${added.length} of the ${pending.size} pending migration(s) are added by this pull request (compared with ${changed.base}, from ${changed.source === 'git' ? 'git history' : 'the pull request file list'}).`);
            return { added, modified: changed.modified, deleted: changed.deleted, base: changed.base, known: true };
        }
        catch (error) {
            core/* warning */.$e(`Could not tell which migrations this pull request adds, so every pending migration is reviewed as its own: ${error.message}`);
            return { added: [], base: pr.baseRef ? `\`${pr.baseRef}\`` : 'the base branch', known: false };
        }
    });
}
/** No `database-url` (fork PRs get no secrets): review what the PR adds or changes, compared with its base. */
async function runOfflineReview(settings) {
    const { project } = settings;
    const migrationsDir = (0,migrate_results/* shownMigrationsDir */.oA)(settings.workingDirectory, project.migrationsDir.path);
    (0,log/* info */.p)(`No database-url: reviewing the migrations this change adds or modifies in ${migrationsDir} (${project.migrationsDir.reason}), without a database.`);
    const changed = await core/* group */.Os('Find changed migrations', () => findChangedMigrations({
        workingDirectory: settings.workingDirectory,
        migrationsDir: project.migrationsDir.path,
        baseRef: settings.pullRequest.baseRef,
        token: settings.pullRequest.githubToken
    }));
    const review = await core/* group */.Os('Review changed SQL', () => reviewChangedMigrations({
        workingDirectory: settings.workingDirectory,
        migrationsDir: project.migrationsDir.path,
        changed,
        settings: settings.review,
        execution: project.prisma.execution,
        files: new repo_files/* RepositoryFiles */.Yn(settings.workspace)
    }));
    (0,log/* info */.p)(review.headline);
    (0,annotate_findings/* annotateFindings */.d)(review.findings);
    const reviewed = [...new Set([...changed.added, ...changed.modified])].sort();
    const renderInput = {
        mode: settings.mode,
        target: 'no database (offline review)',
        migrationsDir,
        review,
        docsBaseUrl: (0,context/* rulesDocsUrl */.q)()
    };
    const markdown = (0,migrate_summary/* renderMigrationReport */.J)(renderInput);
    await publishPullRequestComment({
        settings: settings.pullRequest,
        target: 'offline',
        migrationsDir,
        render: renderInput
    });
    return {
        outputs: {
            ...(0,migrate_results/* migrateOutputs */.Uj)({ status: 'unknown', pending: reviewed }),
            ...(0,review_section/* reviewOutputs */.p)(review)
        },
        markdown,
        report: {
            target: null,
            databaseCompared: false,
            migrationsDir: { path: project.migrationsDir.path, reason: project.migrationsDir.reason },
            changed,
            review: (0,review_section/* reviewJson */.j)(review)
        },
        failure: reviewFailure(review, settings.review.failOn)
    };
}


/***/ })

};

//# sourceMappingURL=253.index.js.map
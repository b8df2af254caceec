export const id = 667;
export const ids = [667];
export const modules = {

/***/ 65492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReviewCli: () => (/* binding */ runReviewCli)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/sql/parse.ts
var parse = __webpack_require__(24159);
// EXTERNAL MODULE: ./src/render/migration-report.ts + 3 modules
var migration_report = __webpack_require__(25281);
;// CONCATENATED MODULE: ./src/review/json-report.ts
function toJson(f) {
    const out = {
        migration: f.migration,
        file: f.file,
        line: f.line,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        destructive: f.destructive
    };
    if (f.schema)
        out.schema = f.schema;
    if (f.table)
        out.table = f.table;
    if (f.column)
        out.column = f.column;
    if (f.rowsAtStake && 'count' in f.rowsAtStake) {
        out.rowsAtStake = f.rowsAtStake.count;
        out.rowsAtStakeEstimated = f.rowsAtStake.estimated;
        out.rowsAtStakeWhat = f.rowsAtStake.what;
    }
    else if (f.rowsAtStake) {
        out.rowsAtStake = null;
        out.rowsAtStakeError = f.rowsAtStake.error;
    }
    if (f.acknowledged)
        out.acknowledged = f.acknowledged;
    if (f.prismaWarning)
        out.prismaWarning = f.prismaWarning;
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
            prismaWarnings: m.prismaWarnings
        })),
        findings: result.findings.map(toJson),
        notes: result.notes
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

// EXTERNAL MODULE: ./src/review/review.ts + 6 modules
var review = __webpack_require__(3241);
// EXTERNAL MODULE: ./src/review/rule-settings.ts
var rule_settings = __webpack_require__(45488);
;// CONCATENATED MODULE: ./src/cli/review-cli.ts








const USAGE = `Usage: pg-ops-review <migrations-dir> [--json] [--all] [--rules <id>=<level>,...] [--fail-on error|warning|never]

Reviews every migration.sql under <migrations-dir> (Prisma layout: <dir>/<timestamp>_<name>/migration.sql) in order,
as if none were applied yet (there is no database to compare with). Prints the markdown report, or JSON with --json.
Exit code: 1 when a finding reaches --fail-on (default error), 2 on a usage error.`;
function parseArgs(argv) {
    const args = { dir: '', json: false, rules: [], failOn: 'error' };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--json')
            args.json = true;
        else if (a === '--all')
            continue;
        else if (a === '--rules')
            args.rules.push(...(argv[++i] ?? '')
                .split(/[,\n]/)
                .map((s) => s.trim())
                .filter(Boolean));
        else if (a === '--fail-on') {
            const v = argv[++i];
            if (!rule_settings/* FAIL_ON */.d$.includes(v))
                return `--fail-on must be one of ${rule_settings/* FAIL_ON */.d$.join(', ')}`;
            args.failOn = v;
        }
        else if (a === '--help' || a === '-h')
            return '';
        else if (a.startsWith('--'))
            return `unknown option ${a}`;
        else if (!args.dir)
            args.dir = a;
        else
            return `unexpected argument ${a}`;
    }
    return args.dir ? args : 'the migrations directory is required';
}
/** Entry of `pg-ops-review`: reviews a migrations folder offline and prints the report. Returns the exit code. */
async function runReviewCli(argv, out = (t) => process.stdout.write(t)) {
    const parsed = parseArgs(argv);
    if (typeof parsed === 'string') {
        out(`${parsed ? `pg-ops-review: ${parsed}\n\n` : ''}${USAGE}\n`);
        return parsed ? 2 : 0;
    }
    try {
        // compile the parser while the files are read
        const parser = (0,parse/* loadParser */.qd)();
        const rules = (0,rule_settings/* parseRuleOverrides */.Lc)(parsed.rules, '--rules');
        const entries = await (0,promises_.readdir)(parsed.dir, { withFileTypes: true });
        const names = entries
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
            .sort();
        const migrations = [];
        for (const name of names) {
            const file = (0,external_node_path_.join)(parsed.dir, name, 'migration.sql');
            const script = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
            if (script !== undefined)
                migrations.push({ name, file, script });
        }
        await parser;
        const result = await (0,review/* reviewMigrations */.sd)({
            migrations,
            settings: { rules },
            allowDestructive: false,
            notes: [
                'Offline review: every migration in the folder is reviewed as pending; nothing was compared with a database.'
            ]
        });
        if (parsed.json)
            out(`${JSON.stringify(reviewJson(result), null, 2)}\n`);
        else
            out((0,migration_report/* renderMigrationReport */.J)({
                title: 'Migration review',
                mode: 'review',
                target: '(none)',
                migrationsDir: parsed.dir,
                rows: migrations.map((m) => ({ name: m.name, state: 'pending' })),
                review: result
            }));
        return (0,review/* failOnDecision */.YC)(result, parsed.failOn) ? 1 : 0;
    }
    catch (error) {
        out(`pg-ops-review: ${(0,errors/* getErrorMessage */.u1)(error)}\n`);
        return 2;
    }
}


/***/ }),

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


/***/ })

};

//# sourceMappingURL=667.index.js.map
export const id = 492;
export const ids = [492];
export const modules = {

/***/ 65492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReviewCli: () => (/* binding */ runReviewCli)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/migrate/migrations-dir.ts + 2 modules
var migrations_dir = __webpack_require__(26724);
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








/** The terminal format: one line per finding, like a compiler, then the headline. */
function renderText(result, reviewed) {
    const lines = result.findings.map((f) => {
        const ack = f.acknowledged
            ? ` (allowed by ${f.acknowledged.by}${f.acknowledged.reason ? `: ${f.acknowledged.reason}` : ''})`
            : '';
        return `${f.file}:${f.line}: ${f.severity} ${f.rule}: ${f.message}${ack}`;
    });
    return `${[...lines, '', `${reviewed} migration(s) reviewed. ${result.headline}`].join('\n').trimStart()}\n`;
}
const USAGE = `Usage: pg-ops-review <migrations-dir> [--markdown | --json] [--rules <id>=<level>,...] [--fail-on error|warning|never]

Reviews every migration.sql under <migrations-dir> (Prisma layout: <dir>/<timestamp>_<name>/migration.sql) in
Prisma's order, as if none were applied yet (there is no database to compare with). Prints one line per finding
(file:line: severity rule: message), or the report the action posts on pull requests with --markdown, or JSON
with --json. Exit code: 1 when a finding reaches --fail-on (default error), 2 on a usage error.`;
function parseArgs(argv) {
    const args = { dir: '', format: 'text', rules: [], failOn: 'error' };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--json')
            args.format = 'json';
        else if (a === '--markdown')
            args.format = 'markdown';
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
        // The same listing as the engine's: Prisma's rules and order.
        const folder = await (0,migrations_dir/* readMigrationsFolder */._)((0,external_node_path_.resolve)(parsed.dir));
        if (!folder.exists)
            throw new Error(`${parsed.dir} does not exist`);
        const migrations = folder.migrations
            .filter((m) => m.script !== null)
            .map((m) => ({ name: m.name, file: (0,external_node_path_.relative)(process.cwd(), m.sqlPath), script: m.script }));
        await parser;
        const result = await (0,review/* reviewMigrations */.sd)({
            migrations,
            settings: { rules },
            allowDestructive: false,
            notes: [
                'Offline review: every migration in the folder is reviewed as pending; nothing was compared with a database.'
            ]
        });
        if (parsed.format === 'json')
            out(`${JSON.stringify(reviewJson(result), null, 2)}\n`);
        else if (parsed.format === 'markdown')
            out((0,migration_report/* renderMigrationReport */.J)({
                title: 'Migration review',
                mode: 'review',
                target: '(none)',
                migrationsDir: parsed.dir,
                rows: migrations.map((m) => ({ name: m.name, state: 'pending' })),
                review: result
            }));
        else
            out(renderText(result, migrations.length));
        return (0,review/* failOnDecision */.YC)(result, parsed.failOn) ? 1 : 0;
    }
    catch (error) {
        out(`pg-ops-review: ${(0,errors/* getErrorMessage */.u1)(error)}\n`);
        return 2;
    }
}


/***/ })

};

//# sourceMappingURL=492.index.js.map
export const id = 459;
export const ids = [459];
export const modules = {

/***/ 21459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runReviewCli: () => (/* binding */ runReviewCli)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_repo_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81556);
/* harmony import */ var _migrate_migrations_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26724);
/* harmony import */ var _sql_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24159);
/* harmony import */ var _render_migrate_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22755);
/* harmony import */ var _report_review_section_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(75578);
/* harmony import */ var _review_review_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(64593);
/* harmony import */ var _review_gate_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(28281);
/* harmony import */ var _review_rule_settings_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(45488);










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
            if (!_review_rule_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .FAIL_ON */ .d$.includes(v))
                return `--fail-on must be one of ${_review_rule_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .FAIL_ON */ .d$.join(', ')}`;
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
        const parser = (0,_sql_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .loadParser */ .qd)();
        const rules = (0,_review_rule_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRuleOverrides */ .Lc)(parsed.rules, '--rules');
        // The same listing as the engine's: Prisma's rules and order. Files are data: inside the current directory
        // (or the folder itself when it lies elsewhere), no links, no special files.
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(parsed.dir);
        const cwdFiles = new _util_repo_files_js__WEBPACK_IMPORTED_MODULE_2__/* .RepositoryFiles */ .Yn(process.cwd());
        const folder = await (0,_migrate_migrations_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .readMigrationsFolder */ ._)(dir, cwdFiles.contains(dir) ? cwdFiles : new _util_repo_files_js__WEBPACK_IMPORTED_MODULE_2__/* .RepositoryFiles */ .Yn(dir));
        if (!folder.exists)
            throw new Error(`${parsed.dir} does not exist`);
        const migrations = folder.migrations
            .filter((m) => m.script !== null)
            .map((m) => ({ name: m.name, file: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(process.cwd(), m.sqlPath), script: m.script }));
        await parser;
        const result = await (0,_review_review_js__WEBPACK_IMPORTED_MODULE_6__/* .reviewMigrations */ .sd)({
            migrations,
            settings: { rules },
            allowDestructive: false,
            notes: [
                'Offline review: every migration in the folder is reviewed as pending; nothing was compared with a database.'
            ]
        });
        if (parsed.format === 'json')
            out(`${JSON.stringify((0,_report_review_section_js__WEBPACK_IMPORTED_MODULE_8__/* .reviewJson */ .j)(result), null, 2)}\n`);
        else if (parsed.format === 'markdown')
            out((0,_render_migrate_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .renderMigrationReport */ .J)({
                title: 'Migration review',
                mode: 'review',
                target: '(none)',
                migrationsDir: parsed.dir,
                rows: migrations.map((m) => ({ name: m.name, state: 'pending' })),
                review: result
            }));
        else
            out(renderText(result, migrations.length));
        return (0,_review_gate_js__WEBPACK_IMPORTED_MODULE_9__/* .failOnDecision */ .YC)(result, parsed.failOn) ? 1 : 0;
    }
    catch (error) {
        out(`pg-ops-review: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}\n`);
        return 2;
    }
}


/***/ }),

/***/ 45488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lc: () => (/* binding */ parseRuleOverrides),
/* harmony export */   d$: () => (/* binding */ FAIL_ON)
/* harmony export */ });
/* unused harmony export defaultRuleSeverities */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16608);


const FAIL_ON = ['error', 'warning', 'never'];
const LEVELS = ['off', 'on', 'error', 'warning', 'notice'];
/** Every rule at its default: style rules off, the rest at their own severity. */
function defaultRuleSeverities() {
    return new Map(_rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.filter((r) => r.enabledByDefault).map((r) => [r.id, r.severity]));
}
/**
 * `rules`: comma- or newline-separated `<rule-id>=<level>`, level one of off, on (the rule's default severity,
 * e.g. to enable a style rule), error, warning, notice. Example: `drop-view=off, index-not-concurrent=error`.
 */
function parseRuleOverrides(entries, inputName = 'rules') {
    const severities = defaultRuleSeverities();
    for (const entry of entries) {
        const m = /^([a-z0-9-]+)\s*[=:]\s*([a-z]+)$/i.exec(entry);
        if (!m)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `cannot read "${entry}": write <rule-id>=<level>, e.g. "drop-view=off".`);
        const id = m[1].toLowerCase();
        const level = m[2].toLowerCase();
        const rule = _rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES_BY_ID */ .kF.get(id);
        if (!rule)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `has the unknown rule "${id}". Valid rule ids: ${_rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.map((r) => r.id).join(', ')}.`);
        if (!LEVELS.includes(level))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `has the unknown level "${m[2]}" for ${id}. Accepted levels: ${LEVELS.join(', ')}.`);
        if (level === 'off')
            severities.delete(id);
        else
            severities.set(id, level === 'on' ? rule.severity : level);
    }
    return severities;
}


/***/ })

};

//# sourceMappingURL=459.index.js.map
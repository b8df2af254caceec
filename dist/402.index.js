export const id = 402;
export const ids = [402];
export const modules = {

/***/ 59155:
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


/***/ }),

/***/ 3241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  YC: () => (/* binding */ failOnDecision),
  eU: () => (/* binding */ gateDecision),
  sd: () => (/* binding */ reviewMigrations)
});

// UNUSED EXPORTS: sortFindings, summarize

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/sql/parse.ts
var parse = __webpack_require__(24159);
// EXTERNAL MODULE: ./src/review/ast.ts
var ast = __webpack_require__(52132);
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
        if (problem)
            invalid.push({ line: c.startLine, problem });
        else
            valid.push({ line: c.startLine, rules, reason, statementIndex: next.index });
    }
    return { valid, invalid };
}

;// CONCATENATED MODULE: ./src/review/model.ts

/**
 * What the pending migrations create, followed statement by statement. A table created earlier in the pending
 * set holds no data in the target database yet, so lock and data-loss rules do not apply to it; its column types
 * and enum values are known without a database.
 */
class PendingModel {
    tables = new Map();
    enums = new Map();
    /** Every view created in the pending set → the tables its query reads. */
    views = new Map();
    /** Functions and procedures by bare name (schema ignored: a call may reach any of them through search_path). */
    routines = new Map();
    isNewTable(rel) {
        return this.tables.has((0,ast/* objectKey */.T5)(rel));
    }
    columnType(rel, column) {
        return this.tables.get((0,ast/* objectKey */.T5)(rel))?.get(column);
    }
    enumValues(rel) {
        return this.enums.get((0,ast/* objectKey */.T5)(rel));
    }
    isNewView(rel) {
        return this.views.has((0,ast/* objectKey */.T5)(rel));
    }
    /** Views created in the pending set (and not dropped since) that read the table. */
    viewsReading(rel) {
        const key = (0,ast/* objectKey */.T5)(rel);
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
    /** Records what the statement creates, alters or drops. Call after the rules have seen it. */
    apply(stmt, migration) {
        const node = stmt.node[stmt.kind];
        switch (stmt.kind) {
            case 'CreateFunctionStmt': {
                const name = (0,ast/* stringsOf */.iw)(node.funcname).pop();
                const returns = (0,ast/* stringsOf */.iw)(node.returnType?.names ?? []).pop();
                if (name)
                    this.routines.set(name, {
                        name,
                        kind: node.is_procedure ? 'procedure' : 'function',
                        migration,
                        line: stmt.startLine,
                        replaces: node.replace === true,
                        trigger: returns === 'trigger' || returns === 'event_trigger'
                    });
                return;
            }
            case 'CreateStmt': {
                const rel = (0,ast/* relationOf */.Ke)(node.relation);
                if (!rel)
                    return;
                const columns = new Map();
                for (const elt of node.tableElts ?? []) {
                    const col = (0,ast/* columnDefOf */.lF)(elt);
                    if (col)
                        columns.set(col.name, col.type);
                }
                this.tables.set((0,ast/* objectKey */.T5)(rel), columns);
                return;
            }
            case 'CreateTableAsStmt': {
                const rel = (0,ast/* relationOf */.Ke)(node.into?.rel);
                if (rel)
                    this.tables.set((0,ast/* objectKey */.T5)(rel), new Map());
                return;
            }
            case 'ViewStmt': {
                const rel = (0,ast/* relationOf */.Ke)(node.view);
                if (rel)
                    this.views.set((0,ast/* objectKey */.T5)(rel), { name: rel, reads: (0,ast/* collectRelations */.Kd)(node.query).map(ast/* objectKey */.T5) });
                return;
            }
            case 'AlterTableStmt':
                return this.applyAlterTable(node);
            case 'DropStmt':
                return this.applyDrop(node);
            case 'RenameStmt':
                return this.applyRename(node);
            case 'CreateEnumStmt':
                this.enums.set((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(node.typeName))), (0,ast/* stringsOf */.iw)(node.vals));
                return;
            case 'AlterEnumStmt': {
                const values = this.enums.get((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(node.typeName))));
                if (values && typeof node.newVal === 'string' && !node.oldVal)
                    values.push(node.newVal);
                return;
            }
        }
    }
    applyAlterTable(node) {
        const rel = (0,ast/* relationOf */.Ke)(node.relation);
        const columns = rel && this.tables.get((0,ast/* objectKey */.T5)(rel));
        if (!columns)
            return;
        for (const cmd of (node.cmds ?? []).map((c) => c.AlterTableCmd)) {
            if (cmd?.subtype === 'AT_AddColumn') {
                const col = (0,ast/* columnDefOf */.lF)(cmd.def);
                if (col)
                    columns.set(col.name, col.type);
            }
            else if (cmd?.subtype === 'AT_DropColumn')
                columns.delete(cmd.name);
            else if (cmd?.subtype === 'AT_AlterColumnType')
                columns.set(cmd.name, (0,ast/* typeOf */.QP)(cmd.def?.ColumnDef?.typeName));
        }
    }
    applyDrop(node) {
        for (const obj of node.objects ?? []) {
            if (node.removeType === 'OBJECT_TABLE')
                this.tables.delete((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj))));
            else if (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
                this.views.delete((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj))));
            else if (node.removeType === 'OBJECT_TYPE')
                this.enums.delete((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj?.TypeName?.names))));
        }
    }
    applyRename(node) {
        if (node.renameType === 'OBJECT_FUNCTION' || node.renameType === 'OBJECT_PROCEDURE') {
            const routine = this.routines.get((0,ast/* stringsOf */.iw)(node.object?.ObjectWithArgs?.objname ?? []).pop() ?? '');
            if (routine && typeof node.newname === 'string')
                this.routines.set(node.newname, routine);
        }
        else if (node.renameType === 'OBJECT_TABLE') {
            const rel = (0,ast/* relationOf */.Ke)(node.relation);
            const columns = rel && this.tables.get((0,ast/* objectKey */.T5)(rel));
            if (!rel || !columns)
                return;
            this.tables.delete((0,ast/* objectKey */.T5)(rel));
            this.tables.set((0,ast/* objectKey */.T5)({ schema: rel.schema, name: node.newname }), columns);
        }
        else if (node.renameType === 'OBJECT_COLUMN') {
            const rel = (0,ast/* relationOf */.Ke)(node.relation);
            const columns = rel && this.tables.get((0,ast/* objectKey */.T5)(rel));
            const type = columns?.get(node.subname);
            if (!columns || !type)
                return;
            columns.delete(node.subname);
            columns.set(node.newname, type);
        }
        else if (node.renameType === 'OBJECT_TYPE') {
            const rel = (0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(node.object));
            const values = this.enums.get((0,ast/* objectKey */.T5)(rel));
            if (!values)
                return;
            this.enums.delete((0,ast/* objectKey */.T5)(rel));
            this.enums.set((0,ast/* objectKey */.T5)({ schema: rel.schema, name: node.newname }), values);
        }
    }
}

// EXTERNAL MODULE: ./src/review/rules/index.ts + 31 modules
var review_rules = __webpack_require__(16608);
;// CONCATENATED MODULE: ./src/review/linter.ts




const BY_KIND = new Map();
const ANY_KIND = [];
for (const rule of review_rules/* RULES */.y0) {
    if (!rule.check)
        continue;
    if (!rule.kinds)
        ANY_KIND.push(rule);
    else
        for (const kind of rule.kinds)
            BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), rule]);
}
/**
 * Runs every rule over the pending migrations in order, with one model of what the pending set creates, so that
 * a table created by an earlier pending migration (or earlier in the same file) counts as new. Every rule runs;
 * the settings (disabled rules, severities) are applied afterwards so that the Prisma cross-check sees all of
 * them. Requires `await loadParser()`.
 */
function lintMigrations(migrations, enabled) {
    const model = new PendingModel();
    const droppedViews = [];
    return migrations.map((input) => {
        const parsed = (0,parse/* parseScript */.tl)(input.script);
        const file = { migration: input, parsed };
        const hits = [];
        for (const stmt of parsed.statements) {
            const node = stmt.node[stmt.kind];
            const rules = [...(BY_KIND.get(stmt.kind) ?? []), ...ANY_KIND];
            for (const rule of rules) {
                if (enabled && !enabled.has(rule.id))
                    continue;
                for (const hit of rule.check({ stmt, node, file, model }))
                    hits.push({ rule, hit, stmt, viewsDroppedBefore: [...droppedViews] });
            }
            if (stmt.kind === 'DropStmt' &&
                (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW'))
                for (const obj of node.objects ?? [])
                    droppedViews.push((0,ast/* objectKey */.T5)((0,ast/* qualifiedName */.OL)((0,ast/* stringsOf */.iw)(obj))));
            model.apply(stmt, input.name);
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
const list = (s) => s
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
                w[field] = list(m[i + 1]);
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
        destructiveCount: findings.filter((f) => f.destructive).length,
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
    const def = (0,review_rules/* ruleById */.BD)('modified-migration');
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
;// CONCATENATED MODULE: ./src/review/review.ts













function makeFinding(rule, migration, line, message, extra = {}) {
    const def = (0,review_rules/* ruleById */.BD)(rule);
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
    for (const key of ['schema', 'table', 'column', 'columns', 'typeName', 'values']) {
        if (hit[key] !== undefined)
            finding[key] = hit[key];
    }
    return { finding, hit: h, stake: hit.stake };
}
/** Parse, lint, cross-check with Prisma's header, apply settings and acknowledgements: everything but the database. */
function reviewFile(linted, rules) {
    const { input, parsed } = linted;
    let works = linted.hits.map((h) => fromHit(input, h));
    if (parsed.error)
        works.push({
            finding: makeFinding('parse-error', input, parsed.error.line, `Postgres cannot parse this file: ${(0,markdown/* quote */.hD)(parsed.error.message)}.`)
        });
    const header = readPrismaHeader(parsed);
    const matched = new Set();
    const headerLine = parsed.comments.find((c) => c.kind === 'block')?.startLine ?? 1;
    for (const warning of header.warnings) {
        const hits = works.filter((w) => answers(warning, w.finding));
        for (const w of hits) {
            matched.add(w);
            w.finding.prismaWarning = warning.text;
            if (warning.kind === 'EnumValueRemoval' && !w.finding.values)
                w.finding.values = warning.values;
        }
        if (hits.length === 0)
            works.push({
                finding: makeFinding('prisma-warning-unmatched', input, headerLine, `Prisma warned ${(0,markdown/* quote */.hD)(warning.text)}, but no statement in the file makes that change.`)
            });
    }
    // A type change whose old type is unknown: for a file Prisma generated, its silence means it found the cast safe.
    works = works.filter((w) => w.hit?.hit.certain !== false || matched.has(w) || !header.generated);
    if (header.generated) {
        for (const w of works.filter((w) => w.finding.destructive && !matched.has(w) && rules.has(w.finding.rule))) {
            works.push({
                finding: makeFinding('not-in-prisma-warnings', input, w.finding.line, `${w.finding.message} Prisma's warnings header does not mention this change: the statement was probably added or edited by hand.`, { table: w.finding.table, column: w.finding.column, schema: w.finding.schema })
            });
        }
    }
    works = applySettings(works, rules);
    const acks = readAcknowledgements(parsed, new Set(review_rules/* RULES_BY_ID */.kF.keys()));
    const extra = acks.invalid.map((a) => ({
        finding: makeFinding('invalid-acknowledgement', input, a.line, `This acknowledgement allows nothing: ${a.problem}.`)
    }));
    for (const ack of acks.valid) {
        for (const rule of ack.rules) {
            const covered = works.filter((w) => w.finding.rule === rule && w.hit?.stmt.index === ack.statementIndex);
            for (const w of covered)
                w.finding.acknowledged = { by: 'comment', reason: ack.reason, line: ack.line };
            if (covered.length === 0)
                extra.push({
                    finding: makeFinding('unused-acknowledgement', input, ack.line, `The statement below has no \`${rule}\` finding to acknowledge.`)
                });
        }
    }
    return {
        works: [...works, ...applySettings(extra, rules)],
        prismaWarnings: header.warnings.map((w) => w.text)
    };
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
async function countStakes(works, client, rules, options) {
    const withdrawn = new Set();
    const added = [];
    // loaded only with a database, so that the offline review and the CLI do not load the Postgres driver
    const { StakeCounter } = await __webpack_require__.e(/* import() */ 449).then(__webpack_require__.bind(__webpack_require__, 8449));
    await new StakeCounter(client, options).run(async (counter) => {
        for (const w of works) {
            if (w.stake) {
                const answer = await counter.answer(w.stake);
                if (answer.kind === 'safe-cast') {
                    withdrawn.add(w);
                    continue;
                }
                w.finding.rowsAtStake = answer.stake;
                if (answer.removedValues && !w.finding.values)
                    w.finding.values = answer.removedValues;
                if (answer.oldType)
                    w.finding.message = w.finding.message.replace('(its current type is not known without the database)', `(currently ${(0,ast/* displayType */.x)(answer.oldType)})`);
            }
            const node = w.hit ? w.hit.stmt.node[w.hit.stmt.kind] : undefined;
            if (w.finding.rule === 'drop-table' &&
                w.stake?.kind === 'table-rows' &&
                node?.behavior !== 'DROP_CASCADE' &&
                rules.has('drop-table-with-dependent-view')) {
                const views = (await counter.dependentViews(w.stake.table)).filter((v) => !w.hit.viewsDroppedBefore.includes(v));
                const already = works.some((o) => o.finding.rule === 'drop-table-with-dependent-view' && o.finding.table === w.finding.table);
                if (views.length && !already) {
                    const f = makeFinding('drop-table-with-dependent-view', { name: w.finding.migration, file: w.finding.file, script: '' }, w.finding.line, `DROP TABLE ${(0,markdown/* code */.aY)(w.finding.table ?? '?')} will fail: the view ${views.map((v) => (0,markdown/* code */.aY)(v)).join(', ')} in the database reads it.`, {
                        schema: w.finding.schema,
                        table: w.finding.table,
                        severity: rules.get('drop-table-with-dependent-view')
                    });
                    added.push({ finding: f, hit: w.hit });
                }
            }
        }
    });
    return [...works.filter((w) => !withdrawn.has(w)), ...added];
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
    const linted = lintMigrations(input.migrations, new Set([...input.settings.rules.keys(), ...CROSS_CHECKED]));
    const perFile = linted.map((l) => ({ linted: l, ...reviewFile(l, input.settings.rules) }));
    if (input.execution === 'per-statement')
        for (const p of perFile)
            p.works = forStatementExecution(p.works, p.linted);
    let databaseCompared = false;
    if (input.client) {
        const all = perFile.flatMap((p) => p.works);
        try {
            const counted = await countStakes(all, input.client, input.settings.rules, input.stakeOptions);
            for (const p of perFile)
                p.works = counted.filter((w) => w.finding.file === p.linted.input.file && w.finding.migration === p.linted.input.name);
            databaseCompared = true;
        }
        catch (error) {
            notes.push(`Data at stake could not be counted on the database: ${(0,markdown/* quote */.hD)(error.message)}`);
        }
    }
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
            prismaWarnings: p.prismaWarnings
        };
    });
    const result = summarize(migrations, databaseCompared, notes);
    const migrationsDir = input.migrations[0]
        ? external_node_path_.posix.dirname(external_node_path_.posix.dirname(input.migrations[0].file))
        : 'prisma/migrations';
    return withModifiedMigrations(result, {
        modified: input.modifiedMigrations ?? [],
        deleted: input.deletedMigrations ?? [],
        base: input.base ?? 'the base branch',
        migrationsDir,
        rules: input.settings.rules,
        allowDestructive: input.allowDestructive
    });
}
/** Whether migrate-deploy may apply the reviewed migrations. Decide before taking the advisory lock. */
function gateDecision(result, allowDestructive) {
    const errors = result.findings.filter((f) => f.severity === 'error');
    const allowedBy = errors
        .filter((f) => f.acknowledged || allowDestructive)
        .map((f) => ({
        finding: f,
        by: f.acknowledged?.by ?? 'input',
        reason: f.acknowledged?.reason ?? 'allow-destructive: true'
    }));
    const blocking = errors.filter((f) => !f.acknowledged);
    if (blocking.length === 0)
        return {
            allowed: true,
            reason: errors.length
                ? `${errors.length} error-level finding(s), each acknowledged in the migration file.`
                : 'No error-level findings.',
            allowedBy
        };
    if (allowDestructive)
        return {
            allowed: true,
            reason: `${blocking.length} error-level finding(s) allowed by \`allow-destructive: true\`.`,
            allowedBy
        };
    const list = blocking
        .slice(0, 5)
        .map((f) => `${f.rule} in ${f.migration} line ${f.line}`)
        .join('; ');
    return {
        allowed: false,
        reason: `Refusing to apply: ${blocking.length} error-level finding(s) are not acknowledged (${list}${blocking.length > 5 ? '; ...' : ''}). Acknowledge each with a \`-- pg-ops:allow <rule> <reason>\` line directly above the statement, or set \`allow-destructive: true\`.`,
        allowedBy
    };
}
/** Whether migrate-status fails the check for these findings. Acknowledged findings do not count. */
function failOnDecision(result, failOn) {
    if (failOn === 'never')
        return false;
    const open = result.findings.filter((f) => !f.acknowledged);
    if (failOn === 'warning')
        return open.some((f) => f.severity === 'error' || f.severity === 'warning');
    return open.some((f) => f.severity === 'error');
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

//# sourceMappingURL=402.index.js.map
export const id = 959;
export const ids = [959,280];
export const modules = {

/***/ 38280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runBackupMode: () => (/* binding */ runBackupMode),
/* harmony export */   toActionError: () => (/* binding */ toActionError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _backup_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20806);
/* harmony import */ var _backup_run_backup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42019);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84537);




function toActionError(error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
        return error;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ((0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)), { cause: error });
}
/** mode: backup — one streamed, verified, manifest-backed backup plus retention. */
async function runBackupMode(ctx) {
    try {
        const result = await (0,_backup_run_backup_js__WEBPACK_IMPORTED_MODULE_2__/* .runBackup */ .Q)({
            connection: ctx.connection,
            workingDirectory: ctx.workingDirectory,
            settings: ctx.settings
        });
        return {
            outputs: {
                'backup-uri': result.uri,
                'backup-size': String(result.size),
                'backup-sha256': result.sha256,
                'manifest-uri': result.manifestUri
            },
            markdown: (0,_backup_report_js__WEBPACK_IMPORTED_MODULE_1__/* .renderBackupReport */ .HN)(result),
            report: {
                backup: {
                    uri: result.uri,
                    manifestUri: result.manifestUri,
                    destination: result.destination,
                    size: result.size,
                    sha256: result.sha256,
                    durationMs: result.durationMs,
                    restoreCommand: result.restoreCommand,
                    retention: result.retention ?? null,
                    manifest: result.manifest
                }
            }
        };
    }
    catch (error) {
        const failure = toActionError(error);
        return {
            outputs: {},
            markdown: (0,_backup_report_js__WEBPACK_IMPORTED_MODULE_1__/* .renderBackupFailure */ .B7)(ctx.connection.database, (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(failure.message)),
            report: { backup: { failed: true, error: (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(failure.describe()) } },
            failure
        };
    }
}


/***/ }),

/***/ 9959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRestoreDrillMode: () => (/* binding */ runRestoreDrillMode)
});

// EXTERNAL MODULE: ./src/backup/report.ts
var report = __webpack_require__(20806);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/db/connect.ts + 1 modules
var connect = __webpack_require__(92059);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/backup/child.ts
var backup_child = __webpack_require__(71624);
// EXTERNAL MODULE: ./src/backup/child-env.ts
var child_env = __webpack_require__(15146);
// EXTERNAL MODULE: ./src/backup/destination.ts
var backup_destination = __webpack_require__(28962);
// EXTERNAL MODULE: ./src/backup/encryption.ts
var encryption = __webpack_require__(13985);
// EXTERNAL MODULE: ./src/backup/manifest.ts + 1 modules
var backup_manifest = __webpack_require__(46473);
// EXTERNAL MODULE: ./src/backup/pg-client.ts
var pg_client = __webpack_require__(25941);
// EXTERNAL MODULE: ./src/backup/retention.ts
var retention = __webpack_require__(65668);
// EXTERNAL MODULE: ./src/backup/row-counts.ts
var row_counts = __webpack_require__(23643);
// EXTERNAL MODULE: ./src/backup/storage/index.ts + 2 modules
var backup_storage = __webpack_require__(64671);
;// CONCATENATED MODULE: ./src/backup/restore-drill.ts



















async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
async function resolveBackup(ctx, tempDir) {
    const { settings } = ctx;
    const storageOptions = {
        s3Endpoint: settings.s3Endpoint,
        s3Region: settings.s3Region,
        s3ForcePathStyle: settings.s3ForcePathStyle,
        tempDir,
        workingDirectory: ctx.workingDirectory
    };
    if (settings.backupUri !== 'latest')
        return await (0,backup_storage/* storageForUri */.rL)(settings.backupUri ?? '', storageOptions);
    const destination = (0,backup_destination/* resolveDestination */.H$)(settings.destination, ctx.workingDirectory);
    const { storage, prefix } = await (0,backup_storage/* createStorage */.wE)(destination, storageOptions);
    const backups = (await (0,retention/* listOurBackups */.oz)(storage, prefix, ctx.connection.database)).filter((b) => b.manifest.verification.passed);
    backups.sort((a, b) => b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime());
    if (backups.length === 0) {
        throw new errors/* ActionError */.lZ(`No verified backup of database "${ctx.connection.database}" was found under the destination.`, {
            hint: 'Run mode backup first, or give `backup-uri` explicitly.'
        });
    }
    return { storage, key: backups[0].candidate.key };
}
/** The `schema.table` of every table whose data the archive holds. */
async function tablesWithData(file, format, pgRestore, candidates) {
    const lines = [];
    if (format === 'custom') {
        const list = (0,backup_child/* spawnClient */.N9)(pgRestore.path, ['--list', file], (0,child_env/* clientEnv */.h)(), {
            stdin: 'ignore',
            stdout: 'pipe'
        });
        const reader = (0,external_node_readline_.createInterface)({ input: list.child.stdout });
        for await (const line of reader)
            lines.push(line);
        const exit = await list.exited;
        if (exit.code !== 0)
            throw new errors/* ActionError */.lZ(`pg_restore --list failed: ${(0,backup_child/* exitSummary */.RL)('pg_restore', exit)}\n${(0,backup_child/* stderrTail */.be)(list.stderr())}`);
    }
    else {
        const reader = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(file) });
        for await (const line of reader)
            if (line.startsWith('-- Data for Name: '))
                lines.push(line);
    }
    // Names may contain spaces, so match the known tables against each entry instead of splitting it.
    const found = new Set();
    for (const t of candidates) {
        const custom = ` TABLE DATA ${t.schema} ${t.table} `;
        const plain = `-- Data for Name: ${t.table}; Type: TABLE DATA; Schema: ${t.schema};`;
        if (lines.some((l) => format === 'custom' ? /^\d+; \d+ \d+ /.test(l) && l.includes(custom) : l.startsWith(plain))) {
            found.add(`${t.schema}.${t.table}`);
        }
    }
    return found;
}
/** Pure: compare the manifest's counts with what the restore produced. */
function compareCounts(manifest, inDump, restored) {
    const actual = new Map(restored.map((t) => [`${t.schema}.${t.table}`, t.rows]));
    const out = [];
    const seen = new Set();
    for (const t of manifest.rowCounts.tables) {
        const name = `${t.schema}.${t.table}`;
        seen.add(name);
        const got = actual.get(name);
        let status;
        if (!inDump.has(name))
            status = got === undefined || got === 0 ? 'not-in-dump' : 'unexpected';
        else if (got === undefined)
            status = 'missing';
        else if (manifest.rowCounts.kind === 'estimated')
            status = 'estimated';
        else
            status = got === t.rows ? 'match' : 'mismatch';
        out.push({ schema: t.schema, table: t.table, expected: t.rows, actual: got ?? null, status });
    }
    for (const t of restored) {
        const name = `${t.schema}.${t.table}`;
        if (!seen.has(name))
            out.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows, status: 'unexpected' });
    }
    return out;
}
function conninfoDbname(database) {
    return `dbname='${database.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
async function prepareTarget(ctx) {
    const target = ctx.settings.targetConnection;
    const session = await (0,connect/* connect */.Ng)(target, {
        baseDir: ctx.workingDirectory,
        ensureSchema: false,
        setSearchPath: false
    });
    try {
        const { rows } = await session.client.query(`SELECT n.nspname, count(c.oid)::text AS tables FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' GROUP BY 1 ORDER BY 1`);
        const tables = rows.reduce((sum, r) => sum + Number(r.tables), 0);
        if (tables === 0)
            return;
        if (!ctx.settings.targetClean) {
            throw new errors/* ActionError */.lZ(`The drill target ${(0,connection_url/* describeTarget */.ff)(target)} already holds ${tables} tables or views; refusing to restore into it.`, {
                hint: 'Use an empty scratch database, or set `target-clean: true` to drop its schemas first.'
            });
        }
        core/* info */.pq(`target-clean: dropping schemas ${rows.map((r) => r.nspname).join(', ')} of ${(0,connection_url/* describeTarget */.ff)(target)}`);
        for (const r of rows)
            await session.client.query(`DROP SCHEMA ${(0,connect/* quoteIdent */.v4)(r.nspname)} CASCADE`);
        await session.client.query('CREATE SCHEMA IF NOT EXISTS public');
    }
    finally {
        await session.close();
    }
}
async function restoreInto(ctx, client, file, format) {
    const target = ctx.settings.targetConnection;
    const env = (0,child_env/* clientEnv */.h)(target, ctx.workingDirectory);
    const args = format === 'custom'
        ? [
            '--no-owner',
            '--no-privileges',
            '--exit-on-error',
            '--single-transaction',
            `--dbname=${conninfoDbname(target.database)}`,
            file
        ]
        : ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '--no-password', `--file=${file}`];
    const child = (0,backup_child/* spawnClient */.N9)(client.path, args, env, { stdin: 'ignore', stdout: 'ignore' });
    const exit = await child.exited;
    if (exit.code !== 0 || exit.signal) {
        throw new errors/* ActionError */.lZ(`Restoring into ${(0,connection_url/* describeTarget */.ff)(target)} failed: ${(0,backup_child/* exitSummary */.RL)(client.tool, exit)}.\n${(0,backup_child/* stderrTail */.be)(child.stderr())}`.trim(), {
            hint: 'The backup could not be restored as it is; fix the cause before relying on it.'
        });
    }
}
/**
 * Download a backup, prove it is the one the manifest describes (SHA-256 of the stored bytes and, after
 * decryption, of the dump), restore it into a scratch database and compare every table's row count.
 */
async function runRestoreDrill(ctx) {
    const started = Date.now();
    const { settings } = ctx;
    // Inputs that need neither the backup nor a database fail first, before anything is downloaded or restored.
    await Promise.all([
        settings.ageIdentity === undefined ? undefined : (0,encryption/* checkIdentity */.Z0)(settings.ageIdentity),
        (0,pg_client/* checkExplicitPath */.gV)(settings.pgDumpPath)
    ]);
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.tempDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'pgops-drill-'));
    try {
        const { storage, key } = await resolveBackup(ctx, scratch);
        const manifestKey = (0,backup_manifest/* manifestKeyFor */.uL)(key);
        let manifestBytes;
        try {
            manifestBytes = await storage.getBytes(manifestKey);
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`The manifest ${storage.uri(manifestKey)} could not be read: ${error.message}`, {
                hint: 'Drills need a backup made by this action (the object and its .manifest.json).',
                cause: error
            });
        }
        const manifest = (0,backup_manifest/* parseManifest */.Ng)(manifestBytes);
        if (!manifest || (0,external_node_path_.basename)(manifest.object.key) !== (0,external_node_path_.basename)(key)) {
            throw new errors/* ActionError */.lZ(`${storage.uri(manifestKey)} is not a manifest of this action for ${storage.uri(key)}.`);
        }
        const format = manifest.dump.format;
        const tool = format === 'custom' ? 'pg_restore' : 'psql';
        const client = await (0,pg_client/* findClient */.$r)(tool, manifest.pgDump.major, {
            explicitPath: settings.pgDumpPath,
            installClient: settings.installClient
        });
        const objectFile = (0,external_node_path_.join)(scratch, 'object');
        await storage.download(key, objectFile);
        const size = (await (0,promises_.stat)(objectFile)).size;
        const digest = await sha256File(objectFile);
        if (size !== manifest.object.size || digest !== manifest.object.sha256) {
            throw new errors/* ActionError */.lZ(`The downloaded backup does not match its manifest: ${size} bytes, sha256 ${digest}; the manifest says ${manifest.object.size} bytes, sha256 ${manifest.object.sha256}.`, { hint: 'The object was altered or damaged in storage. Do not restore it.' });
        }
        let dumpFile = objectFile;
        if (manifest.encryption) {
            if (!settings.ageIdentity) {
                throw new errors/* ActionError */.lZ('This backup is encrypted; `age-identity` is required.', {
                    hint: `Give the secret key of one of: ${manifest.encryption.recipients.map((r) => r.fingerprint).join(', ')}.`
                });
            }
            dumpFile = (0,external_node_path_.join)(scratch, 'dump');
            await (0,encryption/* decryptFile */.It)(objectFile, dumpFile, settings.ageIdentity);
            const plainDigest = await sha256File(dumpFile);
            if (plainDigest !== manifest.dump.sha256) {
                throw new errors/* ActionError */.lZ(`The decrypted dump's sha256 ${plainDigest} differs from the manifest's ${manifest.dump.sha256}.`);
            }
        }
        await prepareTarget(ctx);
        await restoreInto(ctx, client, dumpFile, format);
        const inDump = await tablesWithData(dumpFile, format, client, manifest.rowCounts.tables);
        const target = settings.targetConnection;
        const session = await (0,connect/* connect */.Ng)(target, {
            baseDir: ctx.workingDirectory,
            ensureSchema: false,
            setSearchPath: false
        });
        let restored;
        try {
            restored = await (0,row_counts/* exactCounts */.Eh)(session.client);
        }
        finally {
            await session.close();
        }
        const tables = compareCounts(manifest, inDump, restored);
        const compared = tables.filter((t) => t.status === 'match' || t.status === 'mismatch' || t.status === 'missing').length;
        const mismatches = tables.filter((t) => t.status === 'mismatch' || t.status === 'missing').length;
        const failure = mismatches > 0
            ? new errors/* ActionError */.lZ(`Restore drill: ${mismatches} of ${compared} tables differ from the manifest's row counts.`, {
                hint: 'See the table in the job summary.'
            })
            : undefined;
        return {
            status: failure ? 'failed' : 'passed',
            uri: storage.uri(key),
            manifestUri: storage.uri(manifestKey),
            manifest,
            target: (0,connection_url/* describeTarget */.ff)(target),
            pgRestoreVersion: client.version,
            durationMs: Date.now() - started,
            tables,
            compared,
            mismatches,
            failure
        };
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
// EXTERNAL MODULE: ./src/modes/backup.ts
var backup = __webpack_require__(38280);
;// CONCATENATED MODULE: ./src/modes/restore-drill.ts




/** mode: restore-drill — restore a backup into a scratch database and compare every table's row count. */
async function runRestoreDrillMode(ctx) {
    try {
        const result = await runRestoreDrill({
            connection: ctx.connection,
            workingDirectory: ctx.workingDirectory,
            settings: ctx.settings
        });
        return {
            outputs: {
                'drill-status': result.status,
                'tables-compared': String(result.compared),
                // action.yml: a JSON array of the tables whose restored row count differs (or that are missing).
                mismatches: JSON.stringify(result.tables
                    .filter((t) => t.status === 'mismatch' || t.status === 'missing')
                    .map((t) => `${t.schema}.${t.table}`)),
                'backup-uri': result.uri
            },
            markdown: (0,report/* renderDrillReport */.ED)(result),
            report: {
                restoreDrill: {
                    status: result.status,
                    uri: result.uri,
                    target: result.target,
                    durationMs: result.durationMs,
                    compared: result.compared,
                    mismatches: result.mismatches,
                    tables: result.tables
                }
            },
            failure: result.failure
        };
    }
    catch (error) {
        const failure = (0,backup.toActionError)(error);
        return {
            outputs: { 'drill-status': 'failed', 'tables-compared': '0', mismatches: '[]' },
            markdown: (0,report/* renderDrillFailure */.WM)((0,secrets/* scrub */._I)(failure.message)),
            report: { restoreDrill: { status: 'failed', error: (0,secrets/* scrub */._I)(failure.describe()) } },
            failure
        };
    }
}


/***/ })

};

//# sourceMappingURL=959.index.js.map
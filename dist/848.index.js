export const id = 848;
export const ids = [848];
export const modules = {

/***/ 75848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRestoreDrillMode: () => (/* binding */ runRestoreDrillMode)
});

// UNUSED EXPORTS: runRestoreDrill

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/backup/destination.ts
var backup_destination = __webpack_require__(28962);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/backup/encryption.ts
var encryption = __webpack_require__(13985);
// EXTERNAL MODULE: ./src/backup/manifest.ts + 1 modules
var backup_manifest = __webpack_require__(46473);
// EXTERNAL MODULE: ./src/backup/pg-client.ts
var pg_client = __webpack_require__(25941);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/backup/plain-restore.ts





/**
 * Restoring a plain-format (SQL) backup means feeding it to psql, and psql runs meta-commands: `\!` and
 * `\o |cmd` start shell commands on the runner, `\copy ... program` too, `\i` reads other files, `\setenv`,
 * `\gexec`, backticks... A planted backup (anyone with write access to the bucket can forge a matching manifest)
 * would run them with the target's password in the environment. So the drill:
 *
 * 1. switches psql to restricted mode first (`\restrict <key>`, psql 13.22/14.19/15.14/16.10/17.6/18 and newer;
 *    CVE-2025-8714) with a random key the file cannot know: every meta-command of the file is then refused, and
 *    ON_ERROR_STOP ends the restore there;
 * 2. refuses a file that holds the text `\unrestrict` anywhere but pg_dump's own last line: restricted mode still
 *    parses that one command's argument, and psql before 14.24/15.19/16.15/17.11/18.6 expands backticks in it
 *    (CVE-2026-18408), so `\unrestrict \`cmd\`` would run a command despite step 1;
 * 3. leaves out pg_dump's own `\restrict <key>` header line and `\unrestrict <key>` last line (pg_dump 15.14 and
 *    newer write them), which restricted mode would refuse. Both lines are replaced by empty lines so that psql's
 *    line numbers still match the file.
 */
/** The first minor of each major whose psql knows `\restrict`. */
const RESTRICT_SINCE = { 13: 22, 14: 19, 15: 14, 16: 10, 17: 6 };
function psqlHasRestrict(version) {
    const [major, minor] = version.split('.').map(Number);
    if (major >= 18)
        return true;
    const since = RESTRICT_SINCE[major];
    return since !== undefined && minor >= since;
}
/** A key no file can contain by chance, only [0-9a-f] as psql wants it. */
function newRestrictKey() {
    return (0,external_node_crypto_.randomBytes)(32).toString('hex');
}
const NEEDLE = Buffer.from('\\unrestrict');
const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 4 * 1024;
async function readRange(file, position, length) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
function findHeader(head) {
    // latin1 keeps one character per byte, so string offsets are file offsets.
    const text = head.toString('latin1');
    let start = 0;
    while (start < text.length) {
        const newline = text.indexOf('\n', start);
        if (newline === -1)
            return undefined;
        const line = text.slice(start, newline).replace(/\r$/, '');
        if (line.trim() === '' || line.startsWith('--')) {
            start = newline + 1;
            continue;
        }
        const match = /^\\restrict ([A-Za-z0-9]+)$/.exec(line);
        return match ? { start, end: start + line.length, key: match[1] } : undefined;
    }
    return undefined;
}
function findTrailer(tail, tailStart, key) {
    const text = tail.toString('latin1');
    const match = new RegExp(`(?:^|\\n)(\\\\unrestrict ${key})\\r?(?:\\n[ \\t\\r\\n]*)?$`).exec(text);
    if (!match)
        return undefined;
    const start = tailStart + match.index + match[0].indexOf('\\');
    // The line must start a line of the file, not only of the tail we read.
    if (match.index === 0 && match[0].startsWith('\\') && tailStart !== 0)
        return undefined;
    return { start, end: start + match[1].length };
}
function countNewlines(data) {
    let count = 0;
    for (let at = data.indexOf(0x0a); at !== -1; at = data.indexOf(0x0a, at + 1))
        count++;
    return count;
}
/**
 * Read the whole file once and decide what psql may see: throws when the text `\unrestrict` occurs anywhere but on
 * pg_dump's own last line.
 */
async function scanPlainDump(file) {
    const { size } = await (0,promises_.stat)(file);
    const header = findHeader(await readRange(file, 0, Math.min(size, HEAD_BYTES)));
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const trailer = header
        ? findTrailer(await readRange(file, tailStart, size - tailStart), tailStart, header.key)
        : undefined;
    let offset = 0;
    let newlines = 0;
    let carry = Buffer.alloc(0);
    for await (const chunk of (0,external_node_fs_.createReadStream)(file)) {
        const data = chunk;
        const window = Buffer.concat([carry, data]);
        const windowStart = offset - carry.length;
        for (let at = window.indexOf(NEEDLE); at !== -1; at = window.indexOf(NEEDLE, at + 1)) {
            const position = windowStart + at;
            if (trailer && position === trailer.start)
                continue;
            const line = newlines + 1 + countNewlines(data.subarray(0, Math.max(0, position - offset)));
            throw new errors/* ActionError */.lZ(`The plain-format backup holds the psql meta-command \`\\unrestrict\` at line ${line}, which is not pg_dump's own last line. psql parses that one command even in restricted mode (older psql versions run backtick commands in it), so this drill refuses to feed the file to psql; nothing was restored.`, {
                hint: 'pg_dump writes this text elsewhere only inside table data that holds it; drill such a database with `format: custom`. Otherwise do not trust this backup and check who can write to the backup storage: a manifest proves that the object matches it, not who wrote them.'
            });
        }
        newlines += countNewlines(data);
        offset += data.length;
        carry = window.subarray(Math.max(0, window.length - (NEEDLE.length - 1)));
    }
    return { size, header, trailer };
}
/** The file as psql should read it: pg_dump's own `\restrict`/`\unrestrict` lines left out, line numbers kept. */
function plainDumpStream(file, scan) {
    const skipped = [scan.header, scan.trailer].filter((r) => r !== undefined);
    skipped.sort((a, b) => a.start - b.start);
    async function* parts() {
        let from = 0;
        for (const range of [...skipped, { start: scan.size, end: scan.size }]) {
            if (range.start > from) {
                for await (const chunk of (0,external_node_fs_.createReadStream)(file, { start: from, end: range.start - 1 }))
                    yield chunk;
            }
            from = range.end;
        }
    }
    return external_node_stream_.Readable.from(parts(), { objectMode: false });
}

// EXTERNAL MODULE: ./src/backup/retention.ts
var retention = __webpack_require__(65668);
// EXTERNAL MODULE: ./src/backup/storage/index.ts + 1 modules
var backup_storage = __webpack_require__(91825);
;// CONCATENATED MODULE: ./src/backup/drill-source.ts
/**
 * The backup a drill restores: found (`latest` or a URI), its manifest read and checked, the object downloaded
 * and proven to be the one the manifest describes (and, decrypted, the dump it describes).
 */












async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/** The storage and key of the backup to drill: `backup-uri`, or the newest verified backup of `database`. */
async function resolveBackup(settings, database, workingDirectory, tempDir) {
    const storageOptions = {
        s3Endpoint: settings.s3Endpoint,
        s3Region: settings.s3Region,
        s3ForcePathStyle: settings.s3ForcePathStyle,
        tempDir,
        workingDirectory
    };
    if (settings.backupUri !== 'latest' || !settings.destination)
        return await (0,backup_storage/* storageForUri */.rL)(settings.backupUri, storageOptions);
    const destination = (0,backup_destination/* resolveDestination */.H$)(settings.destination, workingDirectory);
    const { storage, prefix } = await (0,backup_storage/* createStorage */.wE)(destination, storageOptions);
    const backups = (await (0,retention/* listOurBackups */.oz)(storage, prefix, database)).filter((b) => b.manifest.verification.passed);
    backups.sort((a, b) => b.candidate.createdAt.getTime() - a.candidate.createdAt.getTime());
    if (backups.length === 0) {
        throw new errors/* ActionError */.lZ(`No verified backup of database "${database}" was found under the destination.`, {
            hint: 'Run mode backup first, or give `backup-uri` explicitly.'
        });
    }
    return { storage, key: backups[0].candidate.key };
}
/** The manifest beside `key`, checked to be ours, for that object, of a format and pg_dump major we know. */
async function readDrillManifest(storage, key) {
    const manifestKey = (0,backup_manifest/* manifestKeyFor */.uL)(key);
    let manifestBytes;
    try {
        manifestBytes = await storage.getBytes(manifestKey);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`The manifest ${storage.uri(manifestKey)} could not be read: ${error.message}`, { hint: 'Drills need a backup made by this action (the object and its .manifest.json).', cause: error });
    }
    const manifest = (0,backup_manifest/* parseManifest */.Ng)(manifestBytes);
    if (!manifest || (0,external_node_path_.basename)(manifest.object.key) !== (0,external_node_path_.basename)(key)) {
        throw new errors/* ActionError */.lZ(`${storage.uri(manifestKey)} is not a manifest of this action for ${storage.uri(key)}.`);
    }
    const format = manifest.dump.format;
    if ((format !== 'custom' && format !== 'plain') || !Number.isInteger(manifest.pgDump?.major)) {
        throw new errors/* ActionError */.lZ(`${storage.uri(manifestKey)} names the dump format "${String(format)}" and pg_dump major "${String(manifest.pgDump?.major)}"; this action writes custom or plain dumps of a known major.`, { hint: 'The manifest was not written by this action, or was altered. Do not restore this backup.' });
    }
    return manifest;
}
/** pg_restore for a custom archive, psql for plain SQL (only one that can switch its meta-commands off). */
async function findRestoreClient(manifest, settings) {
    const format = manifest.dump.format;
    const client = await (0,pg_client/* findClient */.$r)(format === 'custom' ? 'pg_restore' : 'psql', manifest.pgDump.major, {
        explicitPath: settings.pgDumpPath,
        installClient: settings.installClient
    });
    if (format === 'plain' && !psqlHasRestrict(client.version)) {
        throw new errors/* ActionError */.lZ(`psql ${client.version} (${client.path}) cannot switch its meta-commands off (\\restrict needs psql 13.22, 14.19, 15.14, 16.10, 17.6, 18 or newer), and psql would run any \\! or \\o |command planted in a plain-format backup on this runner; the drill refuses to restore it with this psql.`, {
            hint: 'Use a current PostgreSQL client (`install-client: true`, or `pg-dump-path` pointing at a newer client directory), or take backups with `format: custom`.'
        });
    }
    return client;
}
/**
 * Download the object into `scratch`, prove it is the one the manifest describes (size and SHA-256), and decrypt
 * it when it is encrypted, proving the dump too. Returns the path of the dump to restore.
 */
async function downloadVerified(storage, key, manifest, scratch, ageIdentity) {
    const objectFile = (0,external_node_path_.join)(scratch, 'object');
    await storage.download(key, objectFile);
    const size = (await (0,promises_.stat)(objectFile)).size;
    const digest = await sha256File(objectFile);
    if (size !== manifest.object.size || digest !== manifest.object.sha256) {
        throw new errors/* ActionError */.lZ(`The downloaded backup does not match its manifest: ${size} bytes, sha256 ${digest}; the manifest says ${manifest.object.size} bytes, sha256 ${manifest.object.sha256}.`, { hint: 'The object was altered or damaged in storage. Do not restore it.' });
    }
    if (!manifest.encryption)
        return objectFile;
    if (!ageIdentity) {
        throw new errors/* ActionError */.lZ('This backup is encrypted; `age-identity` is required.', {
            hint: `Give the secret key of one of: ${manifest.encryption.recipients.map((r) => r.fingerprint).join(', ')}.`
        });
    }
    const dumpFile = (0,external_node_path_.join)(scratch, 'dump');
    await (0,encryption/* decryptFile */.It)(objectFile, dumpFile, ageIdentity);
    const plainDigest = await sha256File(dumpFile);
    if (plainDigest !== manifest.dump.sha256) {
        throw new errors/* ActionError */.lZ(`The decrypted dump's sha256 ${plainDigest} differs from the manifest's ${manifest.dump.sha256}.`);
    }
    return dumpFile;
}
/** The drill's download directory under `root` (RUNNER_TEMP). */
async function makeScratch(root) {
    try {
        return await (0,promises_.mkdtemp)((0,external_node_path_.join)(root, 'pgops-drill-'));
    }
    catch (error) {
        const e = error;
        throw new errors/* ActionError */.lZ(`The drill cannot create its download directory in ${root} (${e.code ?? e.message}); nothing was dropped or restored.`, { hint: 'RUNNER_TEMP must be a writable directory with room for the backup.', cause: error });
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/db/connect.ts + 1 modules
var connect = __webpack_require__(92059);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/backup/identity.ts

/** Time-zone and DateStyle independent, so that two sessions with different settings agree. */
const STARTED_AT = `to_char(pg_postmaster_start_time() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const DATABASE_OID = '(SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())';
async function readIdentity(client) {
    const { rows } = await client.query(`SELECT d.oid::text AS oid, d.datname AS name, d.datistemplate AS template, ${STARTED_AT} AS started
     FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()`);
    let systemIdentifier = null;
    try {
        const result = await client.query('SELECT system_identifier::text AS id FROM pg_catalog.pg_control_system()');
        systemIdentifier = result.rows[0]?.id ?? null;
    }
    catch {
        // Revoked on some managed services: the postmaster's start time then tells servers apart.
        systemIdentifier = null;
    }
    return {
        systemIdentifier,
        startedAt: rows[0].started,
        databaseOid: rows[0].oid,
        databaseName: rows[0].name,
        isTemplate: rows[0].template
    };
}
/**
 * The same server: equal system identifiers when both sides can read them, else the same postmaster start time.
 * A physical copy of a server (a promoted replica, a point-in-time restore, some providers' branches) keeps the
 * system identifier, so it counts as the same server: a drill there must use a database of another name.
 */
function sameServer(a, b) {
    if (a.systemIdentifier !== null && b.systemIdentifier !== null)
        return a.systemIdentifier === b.systemIdentifier;
    return a.startedAt === b.startedAt;
}
function serverName(identity) {
    return identity.systemIdentifier !== null
        ? `system identifier ${identity.systemIdentifier}`
        : `started at ${identity.startedAt}`;
}
function describeIdentity(identity) {
    return `database "${identity.databaseName}" (oid ${identity.databaseOid}) on the server with ${serverName(identity)}`;
}
/**
 * Refuse a drill target that is the source database. The same server is allowed only with another database:
 * a database of another name and oid is another database (a scratch one next to the source).
 * Returns whether the target is on the source's server.
 */
function checkTargetIsNotSource(source, target) {
    if (target.isTemplate) {
        throw new errors/* InputError */.dz('target-database-url', `reaches the template database "${target.databaseName}": every database created on that server afterwards would copy what the drill restores there. Nothing was dropped or restored.`, 'Point `target-database-url` at a scratch database: a `services: postgres` container, or an empty database made for the drill (e.g. CREATE DATABASE drill).');
    }
    if (!sameServer(source, target))
        return false;
    if (source.databaseOid === target.databaseOid || source.databaseName === target.databaseName) {
        throw new errors/* InputError */.dz('target-database-url', `reaches the source database: ${describeIdentity(target)}, the database \`database-url\` names (however the two URLs spell host, port, socket directory, user or name). A restore drill never restores into the source; nothing was dropped or restored.`, 'Point `target-database-url` at a scratch database: a `services: postgres` container, another server, or an empty database of another name on this server (e.g. CREATE DATABASE drill).');
    }
    return true;
}
/** Whether `now` (read again before a destructive step) is still the target that was checked. */
function sameDatabase(checked, now) {
    return (checked.databaseOid === now.databaseOid &&
        checked.databaseName === now.databaseName &&
        checked.startedAt === now.startedAt &&
        checked.systemIdentifier === now.systemIdentifier);
}
/**
 * SQL that fails unless its session is connected to `checked`: the first statement of a psql restore, so that the
 * process doing the restore proves it reached the database that was compared with the source.
 */
function identityGuardSql(checked) {
    const literal = (text) => `'${text.replace(/'/g, "''")}'`;
    return [
        'DO $pgops_guard$ BEGIN',
        `  IF ${DATABASE_OID}::text IS DISTINCT FROM ${literal(checked.databaseOid)}`,
        `     OR ${STARTED_AT} IS DISTINCT FROM ${literal(checked.startedAt)} THEN`,
        `    RAISE EXCEPTION 'restore-drill: this session did not reach the checked target database; nothing is restored';`,
        '  END IF;',
        'END $pgops_guard$;'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/backup/drill-target.ts
/**
 * The drill's target database: proven not to be the source however its URL spells it, checked again by the
 * session that may drop its schemas, and emptied only with `target-clean`.
 */






const SESSION = { ensureSchema: false, setSearchPath: false };
async function connectAs(input, settings, baseDir) {
    try {
        return await (0,connect/* connect */.Ng)(settings, { ...SESSION, baseDir });
    }
    catch (error) {
        const e = error instanceof errors/* ActionError */.lZ ? error : new errors/* ActionError */.lZ((0,errors/* getErrorMessage */.u1)(error));
        const why = input === 'database-url'
            ? 'A drill proves that `target-database-url` is not the source by comparing what both connections reach (server system identifier, database oid), so the source must be reachable from this job; a role that may only connect is enough.'
            : 'Check `target-database-url`: the scratch database must exist and accept connections from this job.';
        throw new errors/* ActionError */.lZ(`Restore drill: connecting to \`${input}\` failed, so nothing was dropped or restored. ${e.message}`, { code: e.code, hint: e.hint ? `${why} ${e.hint}` : why, cause: error });
    }
}
/**
 * Connect to both databases and refuse a target that is the source, however its URL spells it. The source
 * session is opened first and read last: had its server restarted in between (a new start time), that session
 * would be gone and the read would fail instead of comparing a stale identity.
 */
async function proveTargetIsNotSource(ctx) {
    const source = await connectAs('database-url', ctx.connection, ctx.workingDirectory);
    try {
        const targetSession = await connectAs('target-database-url', ctx.target, ctx.workingDirectory);
        let target;
        try {
            target = await readIdentity(targetSession.client);
        }
        finally {
            await targetSession.close();
        }
        const sourceIdentity = await readIdentity(source.client);
        const sameServerAsSource = checkTargetIsNotSource(sourceIdentity, target);
        (0,log/* info */.p)(`Restore target: ${describeIdentity(target)}; source: ${describeIdentity(sourceIdentity)}`);
        if (sameServerAsSource) {
            core/* warning */.$e(`target-database-url is another database on the source's own server. The backup's SQL runs there with the target role's privileges, so a forged backup can reach whatever that role reaches on the production server (roles, other databases, COPY ... PROGRAM for a superuser). Prefer a throwaway server such as a \`services: postgres\` container.`);
        }
        return { sameServerAsSource, target, source: sourceIdentity };
    }
    finally {
        await source.close();
    }
}
/** Connect to the target, prove it is still the database that was checked, and empty it (`clean`) or refuse. */
async function prepareTarget(target, options, checked) {
    const session = await connectAs('target-database-url', target, options.workingDirectory);
    try {
        // The same session that may drop schemas proves it is the database that was compared with the source.
        const now = await readIdentity(session.client);
        if (!sameDatabase(checked, now)) {
            throw new errors/* ActionError */.lZ(`Restore drill: \`target-database-url\` now reaches ${describeIdentity(now)}, not the ${describeIdentity(checked)} that was compared with the source; nothing was dropped or restored.`, {
                hint: 'The host name resolves to different servers (DNS, a load balancer, a restart). Use an address that always reaches the same scratch server.'
            });
        }
        const { rows } = await session.client.query(`SELECT n.nspname, count(c.oid)::text AS tables FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' GROUP BY 1 ORDER BY 1`);
        const tables = rows.reduce((sum, r) => sum + Number(r.tables), 0);
        if (tables === 0)
            return;
        if (!options.clean) {
            throw new errors/* ActionError */.lZ(`The drill target ${(0,connection_url/* describeTarget */.ff)(target)} already holds ${tables} tables or views; refusing to restore into it.`, {
                hint: 'Use an empty scratch database, or set `target-clean: true` to drop its schemas first.'
            });
        }
        (0,log/* info */.p)(`target-clean: dropping schemas ${rows.map((r) => r.nspname).join(', ')} of ${(0,connection_url/* describeTarget */.ff)(target)}`);
        for (const r of rows)
            await session.client.query(`DROP SCHEMA ${(0,connect/* quoteIdent */.v4)(r.nspname)} CASCADE`);
        await session.client.query('CREATE SCHEMA IF NOT EXISTS public');
    }
    finally {
        await session.close();
    }
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/backup/child.ts
var backup_child = __webpack_require__(71624);
// EXTERNAL MODULE: ./src/backup/child-env.ts
var child_env = __webpack_require__(15146);
;// CONCATENATED MODULE: ./src/backup/restore.ts
/** Restoring a verified dump into the drill's target, and reading back which tables the archive holds data for. */









/** The `schema.table` of every table whose data the archive holds. */
async function tablesWithData(file, format, pgRestore, candidates) {
    const lines = [];
    if (format === 'custom') {
        const list = (0,backup_child/* spawnClient */.N9)(pgRestore.path, ['--list', file], (0,child_env/* clientEnv */.h)(), {
            stdin: 'ignore',
            stdout: 'pipe'
        });
        const reader = (0,external_node_readline_.createInterface)({ input: (0,backup_child/* pipeOf */._W)(list.child.stdout, 'pg_restore --list stdout') });
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
function conninfoDbname(database) {
    return `dbname='${database.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
/** psql's complaint when the file tried a meta-command in restricted mode, e.g. `psql:<stdin>:12: error: backslash…`. */
const RESTRICTED = /psql:[^\n]*?:(\d+): error: backslash commands are restricted/;
/** Restore `file` into `target` in one transaction; plain SQL with psql's meta-commands off, guarded to `checked`. */
async function restoreInto(target, workingDirectory, client, file, format, checked) {
    const env = (0,child_env/* clientEnv */.h)(target, workingDirectory);
    if (format === 'custom') {
        const args = [
            '--no-owner',
            '--no-privileges',
            '--exit-on-error',
            '--single-transaction',
            `--dbname=${conninfoDbname(target.database)}`,
            file
        ];
        const child = (0,backup_child/* spawnClient */.N9)(client.path, args, env, { stdin: 'ignore', stdout: 'ignore' });
        failUnlessRestored(target, client, await child.exited, child.stderr());
        return;
    }
    // Plain SQL: psql in restricted mode (no meta-command of the file runs), guarded to the checked database.
    const scan = await scanPlainDump(file);
    const args = [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '--single-transaction',
        '--no-password',
        '-c',
        `\\restrict ${newRestrictKey()}`,
        '-c',
        identityGuardSql(checked),
        '-f',
        '-'
    ];
    const child = (0,backup_child/* spawnClient */.N9)(client.path, args, env, { stdin: 'pipe', stdout: 'ignore' });
    // psql stops reading when it stops on an error: the broken pipe is expected, its exit status tells the story.
    const fed = (0,external_node_stream_promises_.pipeline)(plainDumpStream(file, scan), (0,backup_child/* pipeOf */._W)(child.child.stdin, 'psql stdin')).catch(() => undefined);
    const exit = await child.exited;
    await fed;
    const stderr = child.stderr();
    const restricted = RESTRICTED.exec(stderr);
    if (restricted && exit.code !== 0) {
        throw new errors/* ActionError */.lZ(`The plain-format backup holds a psql meta-command at line ${restricted[1]} (such as \\! or \\o |command, which would run on the runner). The drill restores plain backups with psql's meta-commands disabled, so it ran nothing, stopped there and rolled the restore back.`, {
            hint: 'pg_dump writes no meta-commands but its own \\restrict lines (and \\connect with --create, which a drill cannot restore). Do not trust this backup, and check who can write to the backup storage: a manifest proves that the object matches it, not who wrote them.'
        });
    }
    failUnlessRestored(target, client, exit, stderr);
}
function failUnlessRestored(target, client, exit, stderr) {
    if (exit.code !== 0 || exit.signal) {
        throw new errors/* ActionError */.lZ(`Restoring into ${(0,connection_url/* describeTarget */.ff)(target)} failed: ${(0,backup_child/* exitSummary */.RL)(client.tool, exit)}.\n${(0,backup_child/* stderrTail */.be)(stderr)}`.trim(), {
            hint: 'The backup could not be restored as it is; fix the cause before relying on it.'
        });
    }
}

// EXTERNAL MODULE: ./src/backup/results.ts
var results = __webpack_require__(62752);
// EXTERNAL MODULE: ./src/backup/row-counts.ts
var row_counts = __webpack_require__(23643);
// EXTERNAL MODULE: ./src/render/backup-report.ts
var backup_report = __webpack_require__(53543);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
// EXTERNAL MODULE: ./src/modes/backup.ts + 4 modules
var backup = __webpack_require__(15868);
;// CONCATENATED MODULE: ./src/modes/restore-drill.ts















/** Inputs that need neither the backup nor a database fail first, before anything is downloaded or restored. */
async function checkDrillInputs(settings) {
    await Promise.all([
        settings.ageIdentity === undefined ? undefined : (0,encryption/* checkIdentity */.Z0)(settings.ageIdentity),
        (0,pg_client/* checkExplicitPath */.gV)(settings.pgDumpPath)
    ]);
    const latest = settings.backupUri === 'latest';
    const fromArtifact = /^artifact:\/\//i.test(settings.backupUri) || (latest && settings.destination?.kind === 'artifact');
    if (fromArtifact)
        (0,backup_destination/* checkArtifactRuntime */.N5)(latest ? 'destination' : 'backup-uri');
}
async function countRestored(target, workingDirectory) {
    const session = await connectAs('target-database-url', target, workingDirectory);
    try {
        return await (0,row_counts/* exactCounts */.Eh)(session.client);
    }
    finally {
        await session.close();
    }
}
/**
 * Download a backup, prove it is the one the manifest describes (SHA-256 of the stored bytes and, after
 * decryption, of the dump), restore it into a scratch database and compare every table's row count.
 */
async function runRestoreDrill(ctx) {
    const started = Date.now();
    const { settings, workingDirectory } = ctx;
    const target = settings.target;
    await checkDrillInputs(settings);
    // Before anything is downloaded, dropped or restored: the target must not be the source, however it is named.
    const targetIdentity = await proveTargetIsNotSource({
        connection: ctx.connection,
        target,
        workingDirectory
    });
    const checked = targetIdentity.target;
    const scratch = await makeScratch(ctx.tempDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)());
    try {
        const { storage, key } = await resolveBackup(settings, ctx.connection.database, workingDirectory, scratch);
        const manifest = await readDrillManifest(storage, key);
        const client = await findRestoreClient(manifest, settings);
        const dumpFile = await downloadVerified(storage, key, manifest, scratch, settings.ageIdentity);
        await prepareTarget(target, { workingDirectory, clean: settings.targetClean }, checked);
        await restoreInto(target, workingDirectory, client, dumpFile, manifest.dump.format, checked);
        const inDump = await tablesWithData(dumpFile, manifest.dump.format, client, manifest.rowCounts.tables);
        const tables = (0,results/* compareCounts */.G8)(manifest, inDump, await countRestored(target, workingDirectory));
        const { compared, mismatches, failure } = (0,results/* judgeDrill */.Jg)(tables);
        return {
            status: failure ? 'failed' : 'passed',
            uri: storage.uri(key),
            manifestUri: storage.uri((0,backup_manifest/* manifestKeyFor */.uL)(key)),
            manifest,
            target: (0,connection_url/* describeTarget */.ff)(target),
            pgRestoreVersion: client.version,
            durationMs: Date.now() - started,
            tables,
            compared,
            mismatches,
            targetIdentity,
            failure
        };
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** mode: restore-drill — restore a backup into a scratch database and compare every table's row count. */
async function runRestoreDrillMode(ctx) {
    try {
        const result = await runRestoreDrill({
            connection: ctx.connection,
            workingDirectory: ctx.workingDirectory,
            settings: ctx.drill
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
            markdown: (0,backup_report/* renderDrillReport */.ED)(result),
            report: {
                restoreDrill: {
                    status: result.status,
                    uri: result.uri,
                    target: result.target,
                    durationMs: result.durationMs,
                    compared: result.compared,
                    mismatches: result.mismatches,
                    targetIdentity: result.targetIdentity,
                    tables: result.tables
                }
            },
            failure: result.failure
        };
    }
    catch (error) {
        const failure = (0,backup/* toActionError */.ie)(error);
        return {
            outputs: { 'drill-status': 'failed', 'tables-compared': '0', mismatches: '[]' },
            markdown: (0,backup_report/* renderDrillFailure */.WM)((0,secrets/* scrub */._I)(failure.message)),
            report: { restoreDrill: { status: 'failed', error: (0,secrets/* scrub */._I)(failure.describe()) } },
            failure
        };
    }
}


/***/ })

};

//# sourceMappingURL=848.index.js.map
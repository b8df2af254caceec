export const id = 868;
export const ids = [868];
export const modules = {

/***/ 15146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ clientEnv)
/* harmony export */ });
/* harmony import */ var _db_connection_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90564);

/** Variables a PostgreSQL client may need from the runner; everything else (INPUT_*, AWS_*, tokens) stays out. */
const PASS_THROUGH = [
    'PATH',
    'HOME',
    'TMPDIR',
    'TZ',
    'LANG',
    'LANGUAGE',
    'LC_ALL',
    'LC_CTYPE',
    'LC_MESSAGES',
    'SYSTEMROOT'
];
/**
 * The environment of pg_dump/pg_restore/psql: an allow-list of the runner's variables plus explicit libpq
 * settings. The password travels in PGPASSWORD, never in argv, and secrets of other inputs never reach the child.
 */
function clientEnv(settings, baseDir = process.cwd()) {
    const env = {};
    for (const name of PASS_THROUGH)
        if (process.env[name] !== undefined)
            env[name] = process.env[name];
    // Without a connection the child still must not fall back to a local cluster via PG* defaults.
    return settings ? { ...env, ...(0,_db_connection_url_js__WEBPACK_IMPORTED_MODULE_0__/* .toLibpqEnv */ .Bx)(settings, baseDir) } : env;
}


/***/ }),

/***/ 71624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N9: () => (/* binding */ spawnClient),
/* harmony export */   RL: () => (/* binding */ exitSummary),
/* harmony export */   _W: () => (/* binding */ pipeOf),
/* harmony export */   be: () => (/* binding */ stderrTail)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84537);


const STDERR_LIMIT = 16 * 1024;
/** Spawn without a shell, keep a bounded tail of stderr for error messages. */
/** The pipe of a child spawned with it (`stdio: 'pipe'`); node types it as possibly null. */
function pipeOf(stream, what) {
    if (!stream)
        throw new Error(`${what} is not a pipe`);
    return stream;
}
function spawnClient(path, args, env, stdio) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(path, args, { env, stdio: [stdio.stdin, stdio.stdout, 'pipe'] });
    let tail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text) => {
        tail = (tail + text).slice(-STDERR_LIMIT);
    });
    let spawnError;
    const exited = new Promise((resolve) => {
        child.on('error', (error) => {
            spawnError = error;
            resolve({ code: -1, signal: null });
        });
        child.on('close', (code, signal) => resolve({ code, signal }));
    });
    return {
        child,
        exited,
        stderr: () => (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(spawnError ? `${spawnError.message}\n${tail}` : tail).trim()
    };
}
function exitSummary(name, exit) {
    return exit.signal ? `${name} was killed by ${exit.signal}` : `${name} exited with code ${exit.code}`;
}
/** The last few lines of stderr, for an error message. */
function stderrTail(text, lines = 8) {
    const kept = text.split('\n').filter((l) => l.trim().length > 0);
    return kept.slice(-lines).join('\n');
}


/***/ }),

/***/ 28962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G2: () => (/* binding */ parseDestination),
/* harmony export */   H$: () => (/* binding */ resolveDestination),
/* harmony export */   N5: () => (/* binding */ checkArtifactRuntime),
/* harmony export */   R_: () => (/* binding */ checkKeyPath),
/* harmony export */   Xh: () => (/* binding */ redactEndpoint),
/* harmony export */   aC: () => (/* binding */ describeDestination)
/* harmony export */ });
/* unused harmony export normalizePrefix */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Strip a trailing slash so that keys are joined with exactly one `/`. */
function normalizePrefix(prefix) {
    return prefix.replace(/\/+$/, '');
}
/**
 * Refuse an S3 key (or key prefix) that is not a plain path: `.`/`..` segments (also percent-encoded), empty
 * segments (`//`, a leading `/`), backslashes and control characters. S3 itself stores such keys literally, but
 * S3-compatible servers, proxies and the tools that later copy the backups out normalise or decode them, so the
 * object could land, or be read, somewhere else than the key says.
 */
function checkKeyPath(path, input, what) {
    const refuse = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has the ${what} "${path}", which ${why}.`, 'Use plain segments separated by single slashes, e.g. s3://bucket/backups/app, without ".", "..", "//", backslashes or percent-encoded separators.');
    };
    if (/[\u0000-\u001f\u007f]/.test(path))
        refuse('contains a control character');
    if (path.includes('\\'))
        refuse('contains a backslash');
    if (path.startsWith('/'))
        refuse('starts with "/" (an absolute key)');
    for (const segment of path.split('/')) {
        if (segment === '')
            refuse('has an empty segment ("//")');
        let decoded = segment;
        try {
            decoded = decodeURIComponent(segment);
        }
        catch {
            refuse(`has the segment "${segment}" with invalid percent-encoding`);
        }
        if (decoded === '.' || decoded === '..')
            refuse(`has the segment "${segment}", which names a relative directory`);
        if (decoded !== segment && /[/\\]/.test(decoded))
            refuse(`has the segment "${segment}", which decodes to a path separator`);
    }
}
/**
 * `destination: artifact` (and drills of artifacts) need the runner's artifact service: checked before anything
 * is dumped, downloaded or restored, so that a run outside a GitHub Actions job fails in milliseconds.
 */
function checkArtifactRuntime(input = 'destination', env = process.env) {
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((name) => !env[name]);
    if (missing.length === 0)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `uses GitHub artifacts, but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: artifacts can be stored only from a step of a GitHub Actions job (not on GHES, not in local runs).`, 'Run the step in a GitHub Actions job on github.com, or use s3://bucket/prefix or a directory as `destination`.');
}
/** Parse `destination`. A relative directory stays relative until `resolveDestination` knows the working directory. */
function parseDestination(raw, input = 'destination') {
    const text = raw.trim();
    if (text === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'is required.', 'Use s3://bucket/prefix, artifact, or a directory path.');
    if (text.toLowerCase() === 'artifact')
        return { kind: 'artifact' };
    if (/^s3:\/\//i.test(text)) {
        const rest = text.slice('s3://'.length);
        const slash = rest.indexOf('/');
        const bucket = slash === -1 ? rest : rest.slice(0, slash);
        if (!BUCKET.test(bucket)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `names the bucket "${bucket}", which is not a valid bucket name.`, 'Use s3://bucket/prefix.');
        }
        if (/[?#]/.test(rest)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'must not contain a query string or credentials.', 'Pass credentials through the AWS_* environment variables.');
        }
        const prefix = normalizePrefix(slash === -1 ? '' : rest.slice(slash + 1));
        if (prefix !== '')
            checkKeyPath(prefix, input, 'key prefix');
        return { kind: 's3', bucket, prefix };
    }
    if (/^file:\/\//i.test(text))
        return { kind: 'local', directory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(decodeURIComponent(new URL(text).pathname)) };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has the unsupported scheme "${text.split(':')[0]}".`, 'Use s3://bucket/prefix (also for R2, MinIO and other S3-compatible stores with `s3-endpoint`), artifact, or a directory path.');
    }
    return { kind: 'local', directory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(text) ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(text) : text };
}
function resolveDestination(destination, workingDirectory) {
    if (destination.kind !== 'local' || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(destination.directory))
        return destination;
    return { kind: 'local', directory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workingDirectory, destination.directory) };
}
/** A secret-free, human-readable name of the destination for reports. */
function describeDestination(destination, endpoint) {
    switch (destination.kind) {
        case 's3': {
            const where = `s3://${destination.bucket}/${destination.prefix}`;
            return endpoint ? `${where} (endpoint ${redactEndpoint(endpoint)})` : where;
        }
        case 'artifact':
            return 'GitHub artifact';
        case 'local':
            return destination.directory;
    }
}
/** An endpoint URL without user info or query string, which could carry credentials. */
function redactEndpoint(endpoint) {
    try {
        const url = new URL(endpoint);
        return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    }
    catch {
        return '<invalid endpoint>';
    }
}


/***/ }),

/***/ 13985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ checkRecipients),
/* harmony export */   It: () => (/* binding */ decryptFile),
/* harmony export */   Z0: () => (/* binding */ checkIdentity),
/* harmony export */   a2: () => (/* binding */ describeRecipients),
/* harmony export */   sZ: () => (/* binding */ encryptStage)
/* harmony export */ });
/* unused harmony exports fingerprint, identityLines */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);





let agePromise;
function loadAge() {
    agePromise ??= __webpack_require__.e(/* import() */ 855).then(__webpack_require__.bind(__webpack_require__, 20855));
    return agePromise;
}
function fingerprint(recipient) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(recipient).digest('hex')}`;
}
function describeRecipients(recipients) {
    return recipients.map((recipient) => ({ recipient, fingerprint: fingerprint(recipient) }));
}
/**
 * `encrypt-to`, checked by age-encryption itself (bech32 checksum, key type and length). The settings only check
 * the shape synchronously; this runs before connecting, so a bad key fails before anything is dumped.
 */
async function checkRecipients(recipients) {
    if (recipients.length === 0)
        return;
    const { Encrypter } = await loadAge();
    for (const r of recipients) {
        try {
            new Encrypter().addRecipient(r);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('encrypt-to', `has "${r}", which is not an age public key.`, 'Use keys printed by `age-keygen -y` (age1…), separated by commas or new lines.');
        }
    }
}
/** The non-comment lines of an `age-identity` (a key file's contents or just its AGE-SECRET-KEY-1… line). */
function identityLines(identity) {
    return identity
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !line.startsWith('#'));
}
/**
 * `age-identity`, parsed by age-encryption exactly as decryption will parse it. The message never contains the
 * key (it is a secret), only which line is wrong.
 */
async function checkIdentity(identity) {
    const lines = identityLines(identity);
    const hint = 'Give the contents of the key file made by `age-keygen` (its AGE-SECRET-KEY-1… line; `#` comment lines are ignored), from a secret.';
    if (lines.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('age-identity', 'holds no age identity.', hint);
    const { Decrypter } = await loadAge();
    lines.forEach((line, i) => {
        try {
            new Decrypter().addIdentity(line);
        }
        catch {
            const which = lines.length > 1 ? `line ${i + 1} (not counting comments)` : 'it';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('age-identity', `is not a valid age identity: ${which} does not parse as AGE-SECRET-KEY-1….`, hint);
        }
    });
}
/**
 * A pipeline stage that age-encrypts its input to every recipient (STREAM construction: 64 KiB chunks, constant
 * memory). Only public keys are involved, so the runner can never decrypt what it wrote.
 */
async function encryptStage(recipients) {
    const { Encrypter } = await loadAge();
    return async function* encrypt(source) {
        const encrypter = new Encrypter();
        for (const r of recipients)
            encrypter.addRecipient(r);
        const input = node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.toWeb(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(source));
        const output = await encrypter.encrypt(input);
        yield* node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.fromWeb(output);
    };
}
/** Decrypt a file with an identity (AGE-SECRET-KEY-1…). A wrong key or a damaged file is an ActionError. */
async function decryptFile(inputPath, outputPath, identity) {
    const { Decrypter } = await loadAge();
    const decrypter = new Decrypter();
    try {
        for (const key of identityLines(identity))
            decrypter.addIdentity(key);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ('Input `age-identity` is not a valid age identity.', {
            hint: 'Give the AGE-SECRET-KEY-1… line of the key file (comments are ignored), stored as a secret.'
        });
    }
    try {
        const input = node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.toWeb((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(inputPath));
        const output = await decrypter.decrypt(input);
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.fromWeb(output), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(outputPath));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`Decrypting the backup failed: ${error.message}.`, {
            hint: 'Check that `age-identity` matches one of the recipients in the manifest (compare the fingerprints).',
            cause: error
        });
    }
}


/***/ }),

/***/ 99512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ makeDirectory),
/* harmony export */   W: () => (/* binding */ ensureWritableDirectory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * `mkdir -p` that always settles. Node's own `mkdir(path, { recursive: true })` spins forever (100% CPU, the
 * promise never settles, the sync form freezes the event loop) when mkdir of a child answers ENOENT although its
 * parent exists: any path under /proc, a dangling symlink to an unmounted disk. Here each level is retried at most
 * once after its parent exists, so an ENOENT then is final, and the walk only ever moves towards the root.
 */
async function makeDirectory(dir) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir);
        return;
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            return ensureDirectory(dir, error);
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
        if (code !== 'ENOENT' || parent === dir)
            throw error;
    }
    await makeDirectory((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir));
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir);
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return ensureDirectory(dir, error);
        throw error;
    }
}
/** EEXIST is success only for a directory (or a symlink to one); a file or a dangling symlink is an error. */
async function ensureDirectory(dir, original) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(dir).catch(() => undefined);
    if (info?.isDirectory())
        return;
    const error = new Error(info ? `${dir} exists and is not a directory` : `${dir} exists but does not resolve to a directory`);
    error.code = info ? 'ENOTDIR' : 'ENOENT';
    error.cause = original;
    throw error;
}
/** Create `dir` if needed and check that this process may create files in it. */
async function ensureWritableDirectory(dir) {
    await makeDirectory(dir);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(dir, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
}


/***/ }),

/***/ 46473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iV: () => (/* binding */ backupDirectory),
  H: () => (/* binding */ backupObjectKey),
  u1: () => (/* binding */ buildManifest),
  uL: () => (/* binding */ manifestKeyFor),
  NY: () => (/* binding */ objectKeyOfManifest),
  Ng: () => (/* binding */ parseManifest)
});

// UNUSED EXPORTS: MANIFEST_FORMAT, MANIFEST_SUFFIX, actionInfo, parseTimestampName, safeName, timestampName

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/backup/storage/types.ts
function joinKey(...parts) {
    return parts
        .map((p) => p.replace(/^\/+|\/+$/g, ''))
        .filter((p) => p.length > 0)
        .join('/');
}

;// CONCATENATED MODULE: ./src/backup/manifest.ts


const MANIFEST_FORMAT = `${constants/* ACTION_NAME */.px}/backup-manifest`;
const MANIFEST_SUFFIX = '.manifest.json';
/** Database names go into keys and artifact names; keep them to a portable character set. */
function safeName(database) {
    return database.replace(/[^A-Za-z0-9._-]/g, '_').replace(/_{2,}/g, '_') || '_';
}
/** `2026-01-02T03-04-05.678Z`: sorts by time, valid in S3 keys, file names and artifact names. */
function timestampName(date) {
    return date.toISOString().replace(/:/g, '-');
}
function parseTimestampName(name) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d{3})?Z/.exec(name);
    if (!match)
        return undefined;
    const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}${match[5] ?? ''}Z`);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
function backupDirectory(prefix, database) {
    return joinKey(prefix, safeName(database));
}
function backupObjectKey(prefix, database, date, format, encrypted) {
    const extension = (format === 'custom' ? '.dump' : '.sql') + (encrypted ? '.age' : '');
    return joinKey(backupDirectory(prefix, database), timestampName(date) + extension);
}
function manifestKeyFor(key) {
    return key + MANIFEST_SUFFIX;
}
function objectKeyOfManifest(manifestKey) {
    return manifestKey.endsWith(MANIFEST_SUFFIX) ? manifestKey.slice(0, -MANIFEST_SUFFIX.length) : undefined;
}
function actionInfo() {
    return { name: constants/* ACTION_NAME */.px, version: constants/* ACTION_VERSION */.Yt };
}
/**
 * Parse a manifest and check it is ours and describes `expectedKey`: retention and `latest` act only on objects
 * that such a manifest vouches for. Returns undefined for anything else (foreign JSON, other tools, damage).
 */
function parseManifest(body, expectedKey) {
    let value;
    try {
        value = JSON.parse(body.toString());
    }
    catch {
        return undefined;
    }
    const m = value;
    if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || m.formatVersion !== 1)
        return undefined;
    if (!m.object || typeof m.object.key !== 'string' || typeof m.object.sha256 !== 'string')
        return undefined;
    if (expectedKey !== undefined && m.object.key !== expectedKey)
        return undefined;
    if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt)))
        return undefined;
    if (!m.dump || !m.verification || !m.rowCounts)
        return undefined;
    return m;
}
/** Pure: the manifest of a backup from what the run measured. */
function buildManifest(facts) {
    const { dump } = facts;
    return {
        format: MANIFEST_FORMAT,
        formatVersion: 1,
        action: actionInfo(),
        database: facts.database,
        createdAt: facts.createdAt.toISOString(),
        finishedAt: facts.finishedAt.toISOString(),
        durationMs: dump.durationMs,
        object: {
            key: facts.key,
            size: dump.stored.bytes,
            sha256: dump.stored.sha256,
            contentType: facts.contentType
        },
        dump: {
            format: facts.format,
            size: dump.plain.bytes,
            sha256: dump.plain.sha256,
            archiveEntries: dump.header?.tocEntries ?? null,
            archiveVersion: dump.header?.archiveVersion ?? null,
            extraArgs: facts.extraArgs,
            consistentSnapshot: facts.consistentSnapshot
        },
        server: facts.server,
        pgDump: facts.pgDump,
        verification: dump.verification,
        rowCounts: facts.rowCounts,
        encryption: facts.recipients.length > 0
            ? {
                scheme: 'age',
                fingerprintMethod: 'sha256 of the recipient string (hex)',
                recipients: facts.recipients
            }
            : null
    };
}


/***/ }),

/***/ 25941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ findClient),
/* harmony export */   Rw: () => (/* binding */ prewarmClients),
/* harmony export */   gV: () => (/* binding */ checkExplicitPath)
/* harmony export */ });
/* unused harmony exports parseClientVersion, explicitToolPath, installClient */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(91659);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);







const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_4__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';
/** Parse `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` or `... 17beta1` → 15.18 / 17.0. */
function parseClientVersion(output) {
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(output);
    if (!match)
        return undefined;
    const major = Number(match[1]);
    // Before 10 the major was two numbers (9.6); such clients are far too old for any supported server anyway.
    const version = match[3] !== undefined ? `${match[1]}.${match[2]}.${match[3]}` : `${match[1]}.${match[2] ?? '0'}`;
    return { version, major };
}
/** One `--version` per binary and run: discovery may ask again, and prewarmClients asks early. */
const probes = new Map();
function probe(path) {
    let result = probes.get(path);
    if (!result) {
        result = runProbe(path);
        probes.set(path, result);
    }
    return result;
}
async function runProbe(path) {
    try {
        // An empty env: the version probe needs no connection settings and must see no secrets.
        const { stdout } = await execFileAsync(path, ['--version'], {
            timeout: 15_000,
            env: { PATH: process.env.PATH ?? '' }
        });
        return parseClientVersion(stdout);
    }
    catch {
        return undefined;
    }
}
function isExecutable(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Debian's /usr/bin/pg_dump is pg_wrapper, which picks a version by local cluster, not by the server we dump. */
function isPgWrapper(path) {
    try {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(path);
        return /pg_wrapper$/.test(real) || real.includes('postgresql-common');
    }
    catch {
        return false;
    }
}
function debianMajors(root, tool) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(root))
        return [];
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(root)
        .filter((d) => /^\d+$/.test(d) && isExecutable((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, d, 'bin', tool)))
        .map(Number)
        .sort((a, b) => a - b);
}
function pathCandidates(tool, searchPath) {
    return searchPath
        .split(node_path__WEBPACK_IMPORTED_MODULE_3__.delimiter)
        .filter((d) => d.length > 0)
        .map((d) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(d, tool))
        .filter((p) => isExecutable(p) && !isPgWrapper(p));
}
function howToGet(major, tool) {
    return [
        `Set \`install-client: true\` (GitHub-hosted Ubuntu runners: installs postgresql-client-${major} from the PostgreSQL apt repository),`,
        `or add a step: sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && sudo apt-get install -y postgresql-client-${major},`,
        `or point \`pg-dump-path\` at a ${tool === 'pg_dump' ? 'pg_dump' : 'pg_dump whose directory also holds ' + tool} of major ${major} or newer.`
    ].join(' ');
}
const PATH_HINT = 'Give the absolute path of pg_dump or of the directory holding the PostgreSQL client binaries (e.g. /usr/lib/postgresql/17/bin), or leave `pg-dump-path` empty to use one that matches the server.';
/** Where `tool` is under `pg-dump-path`: the directory it names, else beside the pg_dump binary it names. */
function explicitToolPath(explicitPath, tool) {
    let isDirectory = false;
    try {
        isDirectory = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(explicitPath).isDirectory();
    }
    catch {
        isDirectory = false;
    }
    if (isDirectory)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(explicitPath, tool);
    return tool === 'pg_dump' ? explicitPath : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(explicitPath), tool);
}
/**
 * `pg-dump-path` must exist and (with `tool`) hold that tool: checked before connecting, so that the error names
 * the input.
 */
async function checkExplicitPath(explicitPath, tool) {
    if (!explicitPath)
        return;
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(explicitPath).catch(() => undefined);
    if (!info)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('pg-dump-path', `is "${explicitPath}", which does not exist.`, PATH_HINT);
    if (!tool)
        return;
    const path = explicitToolPath(explicitPath, tool);
    const ok = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK).then(() => true, () => false);
    // Beside a pg_dump binary, a missing pg_restore/psql is looked for elsewhere; pg_dump itself must be there.
    if (!ok && (tool === 'pg_dump' || info.isDirectory()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('pg-dump-path', info.isDirectory()
            ? `is the directory "${explicitPath}", which holds no executable ${tool}.`
            : `is "${explicitPath}", which is not executable.`, PATH_HINT);
}
/**
 * Start the `--version` probes of every candidate `tool` now, without waiting: the connection is made meanwhile,
 * and findClient, which needs the server's major, then finds them answered.
 */
function prewarmClients(tools, options) {
    for (const tool of tools) {
        const paths = [];
        if (options.explicitPath)
            paths.push(explicitToolPath(options.explicitPath, tool));
        const root = options.debianRoot ?? DEBIAN_ROOT;
        for (const major of debianMajors(root, tool))
            paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, String(major), 'bin', tool));
        for (const path of paths)
            if (isExecutable(path))
                void probe(path);
    }
}
/**
 * Find `tool` of major `minMajor` or newer: under `pg-dump-path` if given, else the smallest suitable major in
 * the Debian/Ubuntu layout, else PATH (never pg_wrapper), else install it when allowed. Every candidate's own
 * `--version` decides, never its file name.
 */
async function findClient(tool, minMajor, options) {
    const seen = [];
    if (options.explicitPath) {
        const path = explicitToolPath(options.explicitPath, tool);
        if (tool === 'pg_dump' || isExecutable(path)) {
            const found = await probe(path);
            if (!found) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz('pg-dump-path', `points at "${path}", which does not run as ${tool} (\`${tool} --version\` failed).`, PATH_HINT);
            }
            if (found.major < minMajor) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`${tool} at "${path}" is version ${found.version}, older than the server's major ${minMajor}; ${tool} cannot work with a newer server's data.`, { hint: howToGet(minMajor, tool) });
            }
            return { tool, path, ...found, source: 'input' };
        }
    }
    const root = options.debianRoot ?? DEBIAN_ROOT;
    for (const major of debianMajors(root, tool).filter((m) => m >= minMajor)) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, String(major), 'bin', tool);
        const found = await probe(path);
        if (found && found.major >= minMajor)
            return { tool, path, ...found, source: 'debian-layout' };
        seen.push(`${path} (${found?.version ?? 'does not run'})`);
    }
    for (const major of debianMajors(root, tool).filter((m) => m < minMajor))
        seen.push(`${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, String(major), 'bin', tool)} (${major})`);
    for (const path of pathCandidates(tool, options.searchPath ?? process.env.PATH ?? '')) {
        const found = await probe(path);
        if (found && found.major >= minMajor)
            return { tool, path, ...found, source: 'path' };
        seen.push(`${path} (${found?.version ?? 'does not run'})`);
    }
    if (options.installClient) {
        await installClient(minMajor);
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(DEBIAN_ROOT, String(minMajor), 'bin', tool);
        const found = await runProbe(path);
        if (found && found.major >= minMajor)
            return { tool, path, ...found, source: 'installed' };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`Installed postgresql-client-${minMajor}, but ${path} does not report major ${minMajor}.`);
    }
    const found = seen.length > 0
        ? ` Found only: ${seen.join(', ')}.`
        : ` No ${tool} was found (Debian layout ${root}/<major>/bin, then PATH).`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`No ${tool} of major ${minMajor} or newer is available for this PostgreSQL ${minMajor} server.${found}`, {
        hint: howToGet(minMajor, tool)
    });
}
function runInstaller(command, args) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('error', reject);
        child.on('close', (code) => code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)));
    });
}
/**
 * Install postgresql-client-<major> from the PostgreSQL apt repository (PGDG). GitHub's Ubuntu images remove the
 * PGDG source after installing their own server, so it is added again with postgresql-common's keyring script.
 * Only Ubuntu/Debian runners with passwordless sudo qualify.
 */
async function installClient(major) {
    const osRelease = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)('/etc/os-release') ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/etc/os-release', 'utf8') : '';
    if (!/^ID(_LIKE)?=.*\b(ubuntu|debian)\b/m.test(osRelease)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ('`install-client: true` works only on Ubuntu/Debian runners.', {
            hint: howToGet(major, 'pg_dump')
        });
    }
    await _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .group */ .Os(`Installing postgresql-client-${major} from apt.postgresql.org`, async () => {
        const script = '/usr/share/postgresql-common/pgdg/apt.postgresql.org.sh';
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(script))
                await runInstaller('sudo', ['apt-get', 'install', '-y', 'postgresql-common']);
            await runInstaller('sudo', [script, '-y']);
            await runInstaller('sudo', [
                'apt-get',
                'install',
                '-y',
                '--no-install-recommends',
                `postgresql-client-${major}`
            ]);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`Installing postgresql-client-${major} failed: ${error.message}`, {
                hint: howToGet(major, 'pg_dump')
            });
        }
    });
}


/***/ }),

/***/ 62752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ compareCounts),
/* harmony export */   Jg: () => (/* binding */ judgeDrill),
/* harmony export */   kU: () => (/* binding */ BackupLeftoverError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/** What a backup and a restore drill produce: plain data for the mode, the renderers and the JSON report. */

/** A failure that left something at the destination; `leftover` says what, for the report. */
class BackupLeftoverError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    leftover;
    constructor(message, leftover, options = {}) {
        super(message, options);
        this.leftover = leftover;
        this.name = 'BackupLeftoverError';
    }
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
/** Pure: how many tables were compared and differ, and the failure when any differs. */
function judgeDrill(tables) {
    const compared = tables.filter((t) => t.status === 'match' || t.status === 'mismatch' || t.status === 'missing').length;
    const mismatches = tables.filter((t) => t.status === 'mismatch' || t.status === 'missing').length;
    const failure = mismatches > 0
        ? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Restore drill: ${mismatches} of ${compared} tables differ from the manifest's row counts.`, { hint: 'See the table in the job summary.' })
        : undefined;
    return { compared, mismatches, failure };
}


/***/ }),

/***/ 65668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dX: () => (/* binding */ applyRetention),
/* harmony export */   lJ: () => (/* binding */ retentionAfterBackup),
/* harmony export */   oz: () => (/* binding */ listOurBackups)
/* harmony export */ });
/* unused harmony export decideRetention */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29906);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46473);



const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Which of our backups to delete. A backup goes only when every given rule lets it go (outside the newest
 * `keepLast` and older than `keepDays`), and the newest verified backup always stays, whatever the rules say.
 * Pure: candidates are the backups whose manifests we wrote; anything else never reaches this function.
 */
function decideRetention(candidates, policy, now) {
    const sorted = [...candidates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.key.localeCompare(a.key));
    if (policy.keepLast === undefined && policy.keepDays === undefined)
        return { keep: sorted, delete: [] };
    const newestVerified = sorted.find((c) => c.verified);
    const decision = { keep: [], delete: [] };
    sorted.forEach((candidate, index) => {
        const keptByCount = policy.keepLast !== undefined && index < policy.keepLast;
        const ageDays = (now.getTime() - candidate.createdAt.getTime()) / DAY_MS;
        const keptByAge = policy.keepDays !== undefined && ageDays < policy.keepDays;
        if (candidate === newestVerified || keptByCount || keptByAge) {
            decision.keep.push(candidate);
            return;
        }
        const reasons = [];
        if (policy.keepLast !== undefined)
            reasons.push(`not among the newest ${policy.keepLast}`);
        if (policy.keepDays !== undefined)
            reasons.push(`older than ${policy.keepDays} days (${ageDays.toFixed(1)})`);
        decision.delete.push({ ...candidate, reason: reasons.join(' and ') });
    });
    return decision;
}
/** Our backups of `database` under `prefix`: objects that a manifest of ours (same key) vouches for. */
async function listOurBackups(storage, prefix, database) {
    const directory = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .backupDirectory */ .iV)(prefix, database);
    const objects = await storage.list(directory);
    const keys = new Set(objects.map((o) => o.key));
    const out = [];
    for (const object of objects) {
        const key = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .objectKeyOfManifest */ .NY)(object.key);
        if (key === undefined || !keys.has(key))
            continue;
        const manifest = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(await storage.getBytes(object.key), key);
        if (!manifest || manifest.database !== database)
            continue;
        out.push({
            candidate: {
                key,
                manifestKey: object.key,
                createdAt: new Date(manifest.createdAt),
                verified: manifest.verification.passed
            },
            manifest
        });
    }
    return out;
}
/**
 * Apply the policy after a verified backup. The object goes first, then its manifest: an interrupted run leaves
 * at worst a manifest without object (ignored by `latest` and retention), never an object nobody vouches for.
 */
async function applyRetention(storage, prefix, database, policy, newestKey, now = new Date()) {
    const backups = await listOurBackups(storage, prefix, database);
    const candidates = backups.map((b) => b.candidate);
    // The backup we just made is the newest verified one by construction; make sure it is in the set.
    if (!candidates.some((c) => c.key === newestKey)) {
        return {
            deleted: [],
            kept: candidates.length,
            skipped: 'the new backup was not found in the listing, so nothing was deleted'
        };
    }
    const decision = decideRetention(candidates, policy, now);
    const deleted = [];
    // Retention stops at the first deletion refused: what was deleted so far is reported, the rest kept.
    const stopped = (key, error) => ({
        deleted,
        kept: candidates.length - deleted.length,
        failed: `deleting ${storage.uri(key)} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}`
    });
    for (const item of decision.delete) {
        if (item.key === newestKey)
            continue;
        try {
            await storage.delete(item.key);
        }
        catch (error) {
            return stopped(item.key, error);
        }
        deleted.push({ uri: storage.uri(item.key), createdAt: item.createdAt.toISOString(), reason: item.reason });
        (0,_util_log_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .p)(`Retention: deleted ${storage.uri(item.key)} (${item.reason})`);
        try {
            await storage.delete((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestKeyFor */ .uL)(item.key));
        }
        catch (error) {
            // The object is gone; a manifest without its object is ignored by `latest` and by retention.
            return stopped((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestKeyFor */ .uL)(item.key), error);
        }
    }
    return { deleted, kept: decision.keep.length };
}
/**
 * Pure: whether retention runs after a backup. Only a verified backup may let older ones go, and only where the
 * destination can delete (artifacts expire by `retention-days` instead); no rule, no retention.
 */
function retentionAfterBackup(policy, backup) {
    if (policy.keepLast === undefined && policy.keepDays === undefined)
        return undefined;
    if (!backup.verified)
        return { skipped: 'retention runs only after a verified backup (`verify: true`)' };
    if (!backup.canDelete)
        return { skipped: 'this destination cannot delete; use retention-days' };
    return 'apply';
}


/***/ }),

/***/ 23643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ countRows),
/* harmony export */   Eh: () => (/* binding */ exactCounts),
/* harmony export */   Ju: () => (/* binding */ databaseSize),
/* harmony export */   "if": () => (/* binding */ releaseSnapshot),
/* harmony export */   v2: () => (/* binding */ exportSnapshot)
/* harmony export */ });
/* unused harmony export EXACT_ROW_LIMIT */
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92059);

/** Above this many estimated rows (or this much never-analysed data) counting exactly would slow the backup. */
const EXACT_ROW_LIMIT = 1_000_000;
const UNANALYSED_BYTES_LIMIT = 256 * 1024 * 1024;
/**
 * Ordinary tables and partitions of user schemas whose data pg_dump writes: not catalogs, not temp/toast, not
 * tables that belong to an extension (pg_dump skips those). Partitioned parents are left out: their rows are
 * counted in their partitions.
 */
const TABLES_SQL = `
SELECT n.nspname AS schema, c.relname AS "table", c.reltuples::float8 AS reltuples, pg_relation_size(c.oid)::text AS bytes
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND c.relpersistence <> 't'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2`;
/**
 * Row counts for the manifest: exact `count(*)` when the database is small enough, else the planner's estimate,
 * labelled as such. Run inside the transaction whose snapshot pg_dump uses, the exact counts match the dump.
 */
async function countRows(client, inSnapshot) {
    const { rows } = await client.query(TABLES_SQL);
    const estimated = rows.reduce((sum, r) => sum + Math.max(r.reltuples, 0), 0);
    const unanalysed = rows.filter((r) => r.reltuples < 0).reduce((sum, r) => sum + Number(r.bytes), 0);
    if (estimated < EXACT_ROW_LIMIT && unanalysed < UNANALYSED_BYTES_LIMIT) {
        const tables = [];
        for (const r of rows) {
            const result = await client.query(`SELECT count(*)::text AS n FROM ${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(r.schema)}.${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(r.table)}`);
            tables.push({ schema: r.schema, table: r.table, rows: Number(result.rows[0].n) });
        }
        return {
            kind: 'exact',
            method: inSnapshot ? "count(*) in pg_dump's snapshot" : 'count(*) just before pg_dump started',
            tables
        };
    }
    return {
        kind: 'estimated',
        method: `pg_class.reltuples (the database holds about ${Math.round(estimated)} rows, above the ${EXACT_ROW_LIMIT} limit for exact counts)`,
        tables: rows.map((r) => ({
            schema: r.schema,
            table: r.table,
            rows: r.reltuples < 0 ? null : Math.round(r.reltuples)
        }))
    };
}
/**
 * Open a repeatable-read transaction and export its snapshot for `pg_dump --snapshot`, so that the dump and the
 * row counts see the same data. Undefined where exporting is impossible (e.g. some poolers); the caller then
 * dumps without it.
 */
async function exportSnapshot(client) {
    try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await client.query('SELECT pg_export_snapshot() AS id');
        return rows[0].id;
    }
    catch {
        await client.query('ROLLBACK').catch(() => undefined);
        return undefined;
    }
}
/** The database's size on disk (pg_database_size), for the upload's part size; undefined when unavailable. */
async function databaseSize(client) {
    try {
        const { rows } = await client.query('SELECT pg_database_size(current_database())::text AS size');
        const size = Number(rows[0].size);
        return Number.isFinite(size) && size > 0 ? size : undefined;
    }
    catch {
        return undefined;
    }
}
async function releaseSnapshot(client) {
    await client.query('COMMIT').catch(() => undefined);
}
/** Exact row counts of every table of a (restored) database, for the drill's comparison. */
async function exactCounts(client) {
    const { rows } = await client.query(TABLES_SQL);
    const out = [];
    for (const r of rows) {
        const result = await client.query(`SELECT count(*)::text AS n FROM ${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(r.schema)}.${(0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)(r.table)}`);
        out.push({ schema: r.schema, table: r.table, rows: Number(result.rows[0].n) });
    }
    return out;
}


/***/ }),

/***/ 91825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wE: () => (/* binding */ createStorage),
  MT: () => (/* binding */ prefixOf),
  rL: () => (/* binding */ storageForUri)
});

// UNUSED EXPORTS: joinKey

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/backup/destination.ts
var destination = __webpack_require__(28962);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/backup/fs-util.ts
var fs_util = __webpack_require__(99512);
;// CONCATENATED MODULE: ./src/backup/storage/local.ts






const PARTIAL = '.partial';
/** A directory on the runner (self-hosted runners, or a later upload step). Writes go to `.partial` and are renamed. */
class LocalStorage {
    root;
    kind = 'local';
    canDelete = true;
    constructor(root) {
        this.root = root;
    }
    path(key) {
        if (key.split('/').some((part) => part === '..'))
            throw new errors/* ActionError */.lZ(`Refusing the key "${key}": it leaves ${this.root}.`);
        return (0,external_node_path_.join)(this.root, ...key.split('/'));
    }
    uri(key) {
        return this.path(key);
    }
    /** `mkdir -p` and a write-permission check of the directory, before anything is dumped. */
    async check() {
        try {
            await (0,fs_util/* ensureWritableDirectory */.W)(this.root);
        }
        catch (error) {
            const e = error;
            throw new errors/* InputError */.dz('destination', `is the directory ${this.root}, which cannot be created or written (${e.code ?? e.message}).`, 'Use a directory this job can write (e.g. one under RUNNER_TEMP or the workspace), or s3://bucket/prefix or artifact.');
        }
    }
    async upload(key, source) {
        const target = this.path(key);
        const partial = target + PARTIAL;
        await (0,fs_util/* makeDirectory */.O)((0,external_node_path_.dirname)(target));
        if (await exists(target))
            throw new errors/* ActionError */.lZ(`${target} already exists; backups are never overwritten.`);
        try {
            await (0,external_node_stream_promises_.pipeline)(source, (0,external_node_fs_.createWriteStream)(partial, { flags: 'w', mode: 0o600 }));
            // The data must be on disk before the name says it is complete.
            const handle = await (0,promises_.open)(partial, 'r+');
            try {
                await handle.sync();
            }
            finally {
                await handle.close();
            }
            await (0,promises_.rename)(partial, target);
        }
        catch (error) {
            await (0,promises_.unlink)(partial).catch(() => undefined);
            throw error;
        }
    }
    async putBytes(key, body) {
        const target = this.path(key);
        await (0,fs_util/* makeDirectory */.O)((0,external_node_path_.dirname)(target));
        await (0,promises_.writeFile)(target + PARTIAL, body, { mode: 0o600 });
        await (0,promises_.rename)(target + PARTIAL, target);
    }
    async getBytes(key) {
        return (0,promises_.readFile)(this.path(key));
    }
    async download(key, filePath) {
        await (0,promises_.copyFile)(this.path(key), filePath);
    }
    async list(directory) {
        const dir = this.path(directory);
        let names;
        try {
            names = await (0,promises_.readdir)(dir);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        }
        const out = [];
        for (const name of names) {
            if (name.endsWith(PARTIAL))
                continue;
            const info = await (0,promises_.stat)((0,external_node_path_.join)(dir, name)).catch(() => undefined);
            if (info?.isFile())
                out.push({ key: directory ? `${directory}/${name}` : name, size: info.size });
        }
        return out;
    }
    async delete(key) {
        await (0,promises_.unlink)(this.path(key)).catch((error) => {
            if (error.code !== 'ENOENT')
                throw error;
        });
    }
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}

;// CONCATENATED MODULE: ./src/backup/storage/index.ts





/** The key prefix our objects live under at a destination. */
function prefixOf(destination) {
    return destination.kind === 's3' ? destination.prefix : '';
}
/**
 * The storage behind a destination plus the key prefix our objects live under. The S3 and artifact adapters are
 * loaded on demand: their SDKs are large, and start-up time counts against every backup.
 */
async function createStorage(destination, options) {
    switch (destination.kind) {
        case 's3': {
            const { S3Storage } = await Promise.all(/* import() */[__webpack_require__.e(358), __webpack_require__.e(524)]).then(__webpack_require__.bind(__webpack_require__, 14524));
            const storage = new S3Storage({
                bucket: destination.bucket,
                region: options.s3Region,
                endpoint: options.s3Endpoint,
                forcePathStyle: options.s3ForcePathStyle,
                maxAttempts: options.s3MaxAttempts,
                partSize: options.s3PartSize
            });
            return { storage, prefix: prefixOf(destination) };
        }
        case 'artifact': {
            const { ArtifactStorage } = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(251), __webpack_require__.e(111), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856));
            return { storage: new ArtifactStorage(options.tempDir, options.retentionDays), prefix: '' };
        }
        case 'local':
            return { storage: new LocalStorage(destination.directory), prefix: '' };
    }
}
/** Resolve a `backup-uri` (s3://bucket/key, artifact://name, a path or file:// URI) to its storage and key. */
async function storageForUri(uri, options) {
    const text = uri.trim();
    const s3 = /^s3:\/\/([^/]+)\/(.+)$/i.exec(text);
    if (s3) {
        (0,destination/* checkKeyPath */.R_)(s3[2], 'backup-uri', 'key');
        const { storage } = await createStorage({ kind: 's3', bucket: s3[1], prefix: '' }, options);
        return { storage, key: s3[2] };
    }
    if (/^artifact:\/\//i.test(text)) {
        const name = text.slice('artifact://'.length);
        if (!name)
            throw new errors/* InputError */.dz('backup-uri', 'names no artifact.', 'Use artifact://<name> as printed by the backup step.');
        const { ArtifactStorage, keyOfArtifact } = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(251), __webpack_require__.e(111), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856));
        const key = keyOfArtifact(name);
        (0,destination/* checkKeyPath */.R_)(key, 'backup-uri', 'artifact name');
        return { storage: new ArtifactStorage(options.tempDir), key };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^file:\/\//i.test(text)) {
        throw new errors/* InputError */.dz('backup-uri', 'has an unsupported scheme.', 'Use s3://bucket/key, artifact://name, a file path, or `latest` with `destination`.');
    }
    const path = /^file:\/\//i.test(text) ? decodeURIComponent(new URL(text).pathname) : text;
    const full = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(options.workingDirectory, path);
    return { storage: new LocalStorage((0,external_node_path_.dirname)(full)), key: (0,external_node_path_.basename)(full) };
}


/***/ }),

/***/ 15868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TM: () => (/* binding */ backupBeforeDeploy),
  runBackupMode: () => (/* binding */ runBackupMode),
  ie: () => (/* binding */ toActionError)
});

// UNUSED EXPORTS: expectedDumpBytes, runBackup

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/db/connect.ts + 1 modules
var connect = __webpack_require__(92059);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/backup/destination.ts
var backup_destination = __webpack_require__(28962);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/backup/archive-header.ts
class Reader {
    buf;
    offset = 0;
    intSize = 4;
    constructor(buf) {
        this.buf = buf;
    }
    byte() {
        if (this.offset >= this.buf.length)
            throw new RangeError('short');
        return this.buf[this.offset++];
    }
    int() {
        const sign = this.byte();
        let value = 0;
        for (let i = 0; i < this.intSize; i++)
            value += this.byte() * 2 ** (8 * i);
        return sign ? -value : value;
    }
    str() {
        const len = this.int();
        if (len < 0)
            return '';
        if (this.offset + len > this.buf.length)
            throw new RangeError('short');
        const text = this.buf.subarray(this.offset, this.offset + len).toString('utf8');
        this.offset += len;
        return text;
    }
}
/** Parse the header; `undefined` when the bytes are not (yet) enough or not a custom archive. */
function parseArchiveHeader(buf) {
    if (buf.length < 11 || buf.subarray(0, 5).toString('latin1') !== 'PGDMP')
        return undefined;
    const r = new Reader(buf);
    r.offset = 5;
    try {
        const major = r.byte();
        const minor = r.byte();
        const rev = r.byte();
        r.intSize = r.byte();
        r.byte(); // offset size
        const format = r.byte();
        if (format !== 1)
            return undefined; // 1 = custom; tar/directory archives are not streamed by us
        // 1.15 (PostgreSQL 16) replaced the compression level int with a one-byte algorithm id.
        if (major > 1 || minor >= 15)
            r.byte();
        else
            r.int();
        for (let i = 0; i < 7; i++)
            r.int(); // creation time: sec, min, hour, mday, mon, year, isdst
        const database = r.str();
        const serverVersion = r.str();
        const pgDumpVersion = r.str();
        const tocEntries = r.int();
        return { archiveVersion: `${major}.${minor}-${rev}`, database, serverVersion, pgDumpVersion, tocEntries };
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/backup/child.ts
var child = __webpack_require__(71624);
// EXTERNAL MODULE: ./src/backup/child-env.ts
var child_env = __webpack_require__(15146);
// EXTERNAL MODULE: ./src/backup/encryption.ts
var encryption = __webpack_require__(13985);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/backup/stream-stages.ts


/**
 * Buffer per stage. Node's default (16 KiB) couples every process of the pipeline in lockstep: a moment when the
 * verifier or the upload is not scheduled stalls pg_dump. 1 MiB per stage lets each run ahead a little.
 */
const STAGE_BUFFER = 1024 * 1024;
/** Chunks for the verifier are written in batches of this size (one writev, one wake-up of the child). */
const CHILD_TEE_BATCH = 512 * 1024;
/** How far the verifier may fall behind before the stream waits for it (bounded memory, not lockstep). */
const CHILD_TEE_SLACK = 8 * 1024 * 1024;
/** Passes bytes through while hashing and counting them; optionally keeps the first and last few bytes. */
class DigestTap extends external_node_stream_.Transform {
    keep;
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    headChunks = [];
    headLength = 0;
    tailBuffer = Buffer.alloc(0);
    constructor(keep = {}) {
        super({ highWaterMark: STAGE_BUFFER });
        this.keep = keep;
    }
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        const headLimit = this.keep.head ?? 0;
        if (this.headLength < headLimit) {
            const part = chunk.subarray(0, headLimit - this.headLength);
            this.headChunks.push(Buffer.from(part));
            this.headLength += part.length;
        }
        const tailLimit = this.keep.tail ?? 0;
        if (tailLimit > 0) {
            this.tailBuffer = Buffer.concat([this.tailBuffer, chunk.subarray(-tailLimit)]).subarray(-tailLimit);
        }
        callback(null, chunk);
    }
    /** Hex SHA-256 of everything that passed; call once, after the stream ended. */
    digest() {
        return this.hash.digest('hex');
    }
    head() {
        return Buffer.concat(this.headChunks);
    }
    tail() {
        return this.tailBuffer;
    }
}
/**
 * Copies every chunk into a child's stdin (the verifying pg_restore) with backpressure, and passes it on. If the
 * child stops reading, copying stops; whether that was a failure is decided by the child's exit code. The child
 * may fall up to CHILD_TEE_SLACK behind; past that the stream waits until its input has drained.
 */
class ChildTee extends external_node_stream_.Transform {
    target;
    stopped = false;
    pending = [];
    pendingBytes = 0;
    constructor(target) {
        super({ highWaterMark: STAGE_BUFFER });
        this.target = target;
        target.on('error', () => {
            // EPIPE: the child exited; its exit status carries the verdict.
            this.stopped = true;
        });
    }
    get childGone() {
        return this.stopped || this.target.destroyed;
    }
    /** One writev for many chunks: each write to the child's socket wakes it, and wake-ups cost more than bytes. */
    writePending() {
        if (this.pending.length === 0)
            return;
        this.target.cork();
        for (const chunk of this.pending)
            this.target.write(chunk);
        this.target.uncork();
        this.pending = [];
        this.pendingBytes = 0;
    }
    _transform(chunk, _encoding, callback) {
        if (this.childGone)
            return callback(null, chunk);
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        if (this.pendingBytes < CHILD_TEE_BATCH)
            return callback(null, chunk);
        this.writePending();
        if (this.target.writableLength < CHILD_TEE_SLACK)
            return callback(null, chunk);
        const done = () => {
            this.target.off('drain', done);
            this.target.off('close', done);
            callback(null, chunk);
        };
        this.target.once('drain', done);
        this.target.once('close', done);
    }
    _flush(callback) {
        if (this.childGone)
            return callback();
        this.writePending();
        this.target.end(() => callback());
    }
    _destroy(error, callback) {
        this.pending = [];
        if (!this.target.destroyed)
            this.target.destroy();
        callback(error);
    }
}
/**
 * Holds back the end of the stream until `check` has passed. The upload only completes (S3: the last part and
 * CompleteMultipartUpload; local: the rename) after the end, so a failed check means nothing becomes visible.
 */
class Gate extends external_node_stream_.Transform {
    check;
    constructor(check) {
        super({ highWaterMark: STAGE_BUFFER });
        this.check = check;
    }
    _transform(chunk, _encoding, callback) {
        callback(null, chunk);
    }
    _flush(callback) {
        this.check().then(() => callback(), (error) => callback(error));
    }
}

;// CONCATENATED MODULE: ./src/backup/dump-pipeline.ts








/** pg_dump ends every complete plain dump with this line. */
const PLAIN_TRAILER = '-- PostgreSQL database dump complete';
/**
 * A slow store (S3 retrying a part with backoff, a large part on a slow link) may not read for minutes; a store
 * that has not read anything for this long while data waits is stuck, and waiting longer only burns runner time.
 */
const STALL_TIMEOUT_MS = 10 * 60_000;
/** pg_dump gets SIGTERM first (it closes its connection cleanly), SIGKILL if it is still there after this. */
const KILL_GRACE_MS = 5_000;
/** After a failure elsewhere, how long the storage may take to clean up (S3: AbortMultipartUpload); at most the stall timeout. */
const STORAGE_SETTLE_MS = 60_000;
function dumpArgs(options) {
    const args = [`--format=${options.format}`, '--no-password'];
    if (options.snapshot)
        args.push(`--snapshot=${options.snapshot}`);
    return [...args, ...options.extraArgs];
}
/** The last stage, read by the storage; remembers when the storage last asked for data (stall detection). */
class StorageFeed extends external_node_stream_.PassThrough {
    lastRead = Date.now();
    constructor() {
        super({ highWaterMark: STAGE_BUFFER });
    }
    read(size) {
        this.lastRead = Date.now();
        return super.read(size);
    }
}
function delay(ms) {
    let timer;
    const promise = new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
    });
    return { promise, cancel: () => clearTimeout(timer) };
}
/**
 * Pure: which failure to report. pg_dump's own failure is the root cause even when the verifier or the storage
 * noticed first (a SIGKILL we did not send, an exit code before we stopped it); what our stopping caused
 * (SIGTERM, SIGPIPE) is not. Then the storage's, when it failed first or the stream error only echoes it; then the
 * first failure. Undefined: the pipeline succeeded.
 */
function rootCause(outcome) {
    const { dumpExit, first, uploadError } = outcome;
    const ownFailure = (dumpExit.code !== 0 || dumpExit.signal !== null) &&
        (!outcome.dumpKilledByUs || (dumpExit.signal === 'SIGKILL' && !outcome.escalated));
    if (ownFailure)
        return { kind: 'pg_dump' };
    if (!first)
        return undefined;
    const storageFirst = uploadError !== undefined &&
        (first.origin === 'storage' || (first.origin === 'stream' && isUploadEcho(first.error, uploadError)));
    if (storageFirst)
        return { kind: 'storage', error: uploadError };
    return { kind: 'other', error: first.error };
}
/** The error the pipeline rejects with for a root cause. */
function rootCauseError(cause, dumpFailure) {
    if (cause.kind === 'pg_dump')
        return dumpFailure();
    if (cause.kind === 'storage') {
        if (cause.error instanceof errors/* ActionError */.lZ)
            return cause.error;
        return new errors/* ActionError */.lZ(`Storing the backup failed: ${cause.error.message}`, {
            hint: 'Nothing was stored.',
            cause: cause.error
        });
    }
    if (cause.error instanceof errors/* ActionError */.lZ)
        return cause.error;
    return new errors/* ActionError */.lZ(`The backup stream failed: ${cause.error.message}`, {
        hint: 'Nothing was stored.',
        cause: cause.error
    });
}
/** The children and the one failure path every part of the pipeline reports to. */
class PipelineRun {
    dump;
    verifier;
    started;
    output = new StorageFeed();
    first;
    uploadError;
    dumpKilledByUs = false;
    escalated = false;
    killTimer;
    failed;
    failure = new Promise((resolve) => (this.failed = resolve));
    constructor(dump, verifier, 
    /** Date.now() when the pipeline was asked for. */
    started) {
        this.dump = dump;
        this.verifier = verifier;
        this.started = started;
    }
    /** Stop both children and destroy the stream: the storage never completes the object. */
    fail(error, origin = 'ours') {
        if (this.first)
            return;
        this.first = { error, origin };
        this.stopChildren();
        if (!this.output.destroyed)
            this.output.destroy(error);
        this.failed();
    }
    dumpFailure(exit) {
        return new errors/* ActionError */.lZ(`pg_dump failed: ${(0,child/* exitSummary */.RL)('pg_dump', exit)}.\n${(0,child/* stderrTail */.be)(this.dump.stderr())}`.trim(), {
            hint: "Nothing was stored. Check the database connection and pg_dump's message above."
        });
    }
    stopChildren() {
        const { dump, verifier } = this;
        if (alive(dump)) {
            this.dumpKilledByUs = true;
            dump.child.kill('SIGTERM');
            this.killTimer = setTimeout(() => {
                if (!alive(dump))
                    return;
                this.escalated = true;
                dump.child.kill('SIGKILL');
            }, KILL_GRACE_MS);
        }
        if (verifier && alive(verifier))
            verifier.child.kill('SIGKILL');
    }
    clearTimers() {
        clearTimeout(this.killTimer);
    }
}
const alive = (child) => child.child.exitCode === null && child.child.signalCode === null;
/**
 * The gate's check: the stream may end only after pg_dump exited 0 and the verifier read the archive to its end
 * with exit 0 (custom format), or the plain dump ends with pg_dump's completion line.
 */
function endCheck(run, format, plainTap, verification) {
    return async () => {
        const dumpExit = await run.dump.exited;
        if (dumpExit.code !== 0 || dumpExit.signal)
            throw run.dumpFailure(dumpExit);
        if (plainTap.bytes === 0)
            throw new errors/* ActionError */.lZ('pg_dump exited 0 but wrote nothing.');
        const verifier = run.verifier;
        if (verifier) {
            const exit = await verifier.exited;
            verification.performed = true;
            verification.method = 'pg_restore --file=/dev/null read every block of the archive';
            if (exit.code !== 0 || exit.signal) {
                throw new errors/* ActionError */.lZ(`Verification failed: the archive does not parse to the end (${(0,child/* exitSummary */.RL)('pg_restore', exit)}).\n${(0,child/* stderrTail */.be)(verifier.stderr())}`.trim(), {
                    hint: 'Nothing was stored. A truncated or corrupt archive points at pg_dump or the connection being cut.'
                });
            }
            verification.passed = true;
        }
        else if (format === 'plain') {
            verification.performed = true;
            verification.method = `plain SQL ends with "${PLAIN_TRAILER}"`;
            if (!plainTap.tail().toString('utf8').includes(PLAIN_TRAILER)) {
                throw new errors/* ActionError */.lZ("Verification failed: the plain dump does not end with pg_dump's completion line.", {
                    hint: 'Nothing was stored; the dump is truncated.'
                });
            }
            verification.passed = true;
        }
        else if (!plainTap.head().subarray(0, 5).equals(Buffer.from('PGDMP'))) {
            throw new errors/* ActionError */.lZ('pg_dump did not write a custom-format archive (no PGDMP header).');
        }
        core/* debug */.Yz(`backup timing: stream checked and ending after ${Date.now() - run.started} ms`);
    };
}
/** A storage that has read nothing for `stallMs` while data waits is stuck: fail the run. */
function watchStall(run, stallMs) {
    return setInterval(() => {
        if (run.output.readableLength > 0 && Date.now() - run.output.lastRead > stallMs) {
            run.fail(new errors/* ActionError */.lZ(`Storing the backup stalled: the storage read nothing for ${Math.round(stallMs / 1000)} s while data was waiting.`, { hint: 'Nothing was stored. Check that the destination is reachable and writable.' }));
        }
    }, Math.max(Math.min(stallMs / 4, 5_000), 10));
}
/** The upload of the stream; resolves once the storage settled, having reported a failure to the run. */
function startUpload(run, options) {
    const getStorage = options.storage;
    return Promise.resolve()
        .then(() => (typeof getStorage === 'function' ? getStorage() : getStorage))
        .then((storage) => storage.upload(options.key, run.output, options.contentType, options.expectedBytes))
        .then(() => {
        // The storage contract: resolve only once the whole stream is stored. Anything else would be a partial object.
        if (!run.output.readableEnded)
            run.fail(new errors/* ActionError */.lZ('The storage reported success before it had read the whole backup.'));
    }, (error) => {
        run.uploadError = error;
        run.fail(error instanceof Error ? error : new Error(String(error)), 'storage');
    });
}
/** Wait for the upload or the first failure, then for the children; never forever on a storage that hangs. */
async function settle(run, uploading, stallMs) {
    let uploadSettled = false;
    await Promise.race([uploading.then(() => (uploadSettled = true)), run.failure]);
    // Let the children finish (after a failure they are being stopped) so that exit status and stderr are complete.
    await Promise.all([run.dump.exited, run.verifier?.exited]);
    if (uploadSettled)
        return;
    // A failure elsewhere: the stream is destroyed, so a storage that keeps its promise rejects now; give it time
    // to clean up (S3 aborts the multipart upload), but never wait forever on it.
    const timeout = delay(Math.min(STORAGE_SETTLE_MS, stallMs));
    await Promise.race([uploading, timeout.promise]);
    timeout.cancel();
}
function spawnChildren(options) {
    const dump = (0,child/* spawnClient */.N9)(options.pgDump.path, dumpArgs(options), (0,child_env/* clientEnv */.h)(options.connection, options.baseDir), {
        stdin: 'ignore',
        stdout: 'pipe'
    });
    const verifier = options.verifier
        ? (0,child/* spawnClient */.N9)(options.verifier.path, ['--file=/dev/null'], (0,child_env/* clientEnv */.h)(), {
            stdin: 'pipe',
            stdout: 'ignore'
        })
        : undefined;
    return { dump, verifier };
}
/**
 * pg_dump → SHA-256 of the plain dump → (tee into `pg_restore -f /dev/null`) → (age → SHA-256 of the stored
 * bytes) → gate → storage. Nothing touches the disk for S3 and memory is bounded by the upload's part buffers.
 * The gate lets the stream end only after pg_dump exited 0 and the verifier read the archive to its end with exit
 * 0; any failure before that destroys the stream, so the storage never completes the object.
 *
 * Every failure goes through one path, `PipelineRun.fail`: whichever comes first (a stage, a child, the verifier,
 * the storage rejecting at any moment, a storage that stops reading, a storage that claims success before the
 * end) stops both children and destroys the stream, and the function settles once the children are gone. It
 * never waits on the storage alone: a storage that neither reads nor settles is given up on after the stall
 * timeout.
 */
async function runDumpPipeline(options) {
    const started = Date.now();
    // Before any child exists: nothing can fail between spawning them and the one failure path below.
    const encrypt = options.recipients.length > 0 ? await (0,encryption/* encryptStage */.sZ)(options.recipients) : undefined;
    const { dump, verifier } = spawnChildren(options);
    const run = new PipelineRun(dump, verifier, started);
    void dump.exited.then((exit) => core/* debug */.Yz(`backup timing: pg_dump ${(0,child/* exitSummary */.RL)('pg_dump', exit)} after ${Date.now() - run.started} ms`));
    const plainTap = new DigestTap({ head: 64 * 1024, tail: options.format === 'plain' ? 256 : 0 });
    // Unencrypted, the stored bytes are the dump's bytes: one hash serves both.
    const storedTap = encrypt ? new DigestTap() : undefined;
    const verification = { performed: false, method: 'none', passed: false };
    const stages = [
        dump.child.stdout,
        plainTap
    ];
    if (verifier?.child.stdin)
        stages.push(new ChildTee(verifier.child.stdin));
    if (encrypt)
        stages.push(external_node_stream_.Duplex.from(encrypt));
    if (storedTap)
        stages.push(storedTap);
    stages.push(new Gate(endCheck(run, options.format, plainTap, verification)), run.output);
    (0,external_node_stream_.pipeline)(stages, (error) => {
        if (error)
            run.fail(error, 'stream');
    });
    // A verifier that fails mid-stream need not wait for pg_dump to finish.
    void verifier?.exited.then((exit) => {
        core/* debug */.Yz(`backup timing: pg_restore ${(0,child/* exitSummary */.RL)('pg_restore', exit)} after ${Date.now() - run.started} ms`);
        if ((exit.code !== 0 || exit.signal) && !run.output.readableEnded) {
            run.fail(new errors/* ActionError */.lZ(`Verification failed while streaming: ${(0,child/* exitSummary */.RL)('pg_restore', exit)}.\n${(0,child/* stderrTail */.be)(verifier.stderr())}`.trim()));
        }
    });
    const stallMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS;
    const watchdog = watchStall(run, stallMs);
    try {
        await settle(run, startUpload(run, options), stallMs);
    }
    finally {
        clearInterval(watchdog);
        run.clearTimers();
    }
    const dumpExit = await dump.exited;
    const cause = rootCause({
        dumpExit,
        dumpKilledByUs: run.dumpKilledByUs,
        escalated: run.escalated,
        first: run.first,
        uploadError: run.uploadError
    });
    if (cause)
        throw rootCauseError(cause, () => run.dumpFailure(dumpExit));
    const plain = { bytes: plainTap.bytes, sha256: plainTap.digest() };
    return {
        plain,
        stored: storedTap ? { bytes: storedTap.bytes, sha256: storedTap.digest() } : plain,
        header: options.format === 'custom' ? parseArchiveHeader(plainTap.head()) : undefined,
        verification,
        durationMs: Date.now() - run.started
    };
}
/**
 * A stream error that the storage itself caused is not a second failure: the error it failed the stream with
 * (local: the file's write error), or the premature close / abort that its giving up left behind.
 */
function isUploadEcho(streamError, uploadError) {
    return (streamError === uploadError ||
        streamError.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
        streamError.name === 'AbortError');
}

// EXTERNAL MODULE: ./src/backup/fs-util.ts
var fs_util = __webpack_require__(99512);
// EXTERNAL MODULE: ./src/backup/manifest.ts + 1 modules
var backup_manifest = __webpack_require__(46473);
// EXTERNAL MODULE: ./src/backup/pg-client.ts
var pg_client = __webpack_require__(25941);
;// CONCATENATED MODULE: ./src/backup/restore-command.ts

function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/**
 * A copy-paste shell command that restores the backup into $DATABASE_URL (set it to the target first). It names
 * no secret: the database URL comes from the environment, the age key from a file the operator holds.
 */
function restoreCommand(input) {
    let fetch;
    if (input.uri.startsWith('s3://')) {
        fetch = `aws s3 cp ${shellQuote(input.uri)} -${input.s3Endpoint ? ` --endpoint-url ${shellQuote((0,backup_destination/* redactEndpoint */.Xh)(input.s3Endpoint))}` : ''}`;
    }
    else if (input.uri.startsWith('artifact://')) {
        const name = input.uri.slice('artifact://'.length);
        fetch = `gh run download "$RUN_ID" --name ${shellQuote(name)} --dir backup && cat ${shellQuote(`backup/${name}`)}`;
    }
    else {
        fetch = `cat ${shellQuote(input.uri)}`;
    }
    const decrypt = input.encrypted ? ' | age --decrypt -i age-key.txt' : '';
    const restore = input.format === 'custom'
        ? ' | pg_restore --clean --if-exists --no-owner --exit-on-error --dbname "$DATABASE_URL"'
        : ' | psql -X -v ON_ERROR_STOP=1 --dbname "$DATABASE_URL"';
    return fetch + decrypt + restore;
}

// EXTERNAL MODULE: ./src/backup/results.ts
var results = __webpack_require__(62752);
// EXTERNAL MODULE: ./src/backup/retention.ts
var retention = __webpack_require__(65668);
// EXTERNAL MODULE: ./src/backup/row-counts.ts
var row_counts = __webpack_require__(23643);
// EXTERNAL MODULE: ./src/backup/storage/index.ts + 1 modules
var backup_storage = __webpack_require__(91825);
// EXTERNAL MODULE: ./src/render/backup-report.ts
var backup_report = __webpack_require__(53543);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
;// CONCATENATED MODULE: ./src/modes/backup.ts



















function toActionError(error) {
    if (error instanceof errors/* ActionError */.lZ)
        return error;
    return new errors/* ActionError */.lZ((0,secrets/* scrub */._I)((0,errors/* getErrorMessage */.u1)(error)), { cause: error });
}
/** `destination: artifact` runs only inside a job, and writes the dump to RUNNER_TEMP before uploading it. */
async function checkArtifactScratch(tempDir) {
    (0,backup_destination/* checkArtifactRuntime */.N5)();
    try {
        await (0,fs_util/* ensureWritableDirectory */.W)(tempDir);
    }
    catch (error) {
        const e = error;
        throw new errors/* ActionError */.lZ(`\`destination: artifact\` writes the backup to RUNNER_TEMP (${tempDir}) before uploading it, but that is not a writable directory (${e.code ?? e.message}); nothing was dumped.`, {
            hint: 'Point RUNNER_TEMP at a writable directory with room for the backup, or use s3://bucket/prefix.',
            cause: error
        });
    }
}
function contentTypeOf(format, encrypted) {
    if (encrypted)
        return 'application/octet-stream';
    return format === 'plain' ? 'application/sql' : 'application/octet-stream';
}
/**
 * A custom archive is compressed table data plus DDL: at most about the database's size (indexes, free space and
 * dead rows are not dumped; uncompressed `--compress=0` data comes close). Plain SQL text can be larger than the
 * data on disk (bytea as hex, numbers as text). The factors are margins, so that the upload's part size (chosen
 * from this estimate, at most 10,000 parts) never runs out of parts.
 */
function expectedDumpBytes(databaseBytes, format) {
    if (databaseBytes === undefined)
        return undefined;
    return databaseBytes * (format === 'plain' ? 4 : 2);
}
/** Inputs that need no database are checked before connecting: a wrong one fails in milliseconds, naming itself. */
async function prepareBackup(ctx) {
    const { settings } = ctx;
    const destination = (0,backup_destination/* resolveDestination */.H$)(settings.destination, ctx.workingDirectory);
    const t0 = Date.now();
    const phase = (name) => core/* debug */.Yz(`backup timing: ${name} at ${Date.now() - t0} ms (${Math.round(performance.now())} ms since the process started)`);
    phase('start');
    const recipientsChecked = (0,encryption/* checkRecipients */.$I)(settings.encryptTo);
    recipientsChecked.catch(() => undefined);
    const tempDir = ctx.tempDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
    // The storage SDK is loaded only once pg_dump runs: evaluating it takes this thread ~50 ms, which would delay
    // the connection, while pg_dump spends that long reading the catalog anyway.
    let storagePromise;
    const loadStorage = () => (storagePromise ??= (0,backup_storage/* createStorage */.wE)(destination, {
        s3Endpoint: settings.s3Endpoint,
        s3Region: settings.s3Region,
        s3ForcePathStyle: settings.s3ForcePathStyle,
        retentionDays: settings.retentionDays,
        tempDir,
        s3MaxAttempts: ctx.s3MaxAttempts,
        s3PartSize: ctx.s3PartSize
    }));
    await Promise.all([
        (0,pg_client/* checkExplicitPath */.gV)(settings.pgDumpPath, 'pg_dump'),
        destination.kind === 'local' ? loadStorage().then(({ storage }) => storage.check?.()) : undefined,
        destination.kind === 'artifact' ? checkArtifactScratch(tempDir) : undefined
    ]);
    phase('inputs checked');
    const clientOptions = { explicitPath: settings.pgDumpPath, installClient: settings.installClient };
    const wantVerifier = settings.verify && settings.format === 'custom';
    // The clients' `--version` probes run while we connect (started only now: a refused input spawns nothing).
    (0,pg_client/* prewarmClients */.Rw)(wantVerifier ? ['pg_dump', 'pg_restore'] : ['pg_dump'], clientOptions);
    const encrypted = settings.encryptTo.length > 0;
    const contentType = contentTypeOf(settings.format, encrypted);
    return {
        destination,
        clientOptions,
        wantVerifier,
        encrypted,
        contentType,
        recipientsChecked,
        loadStorage,
        phase
    };
}
/** A pg_dump that matches the server, and the pg_restore that verifies its archive (at least as new). */
async function findDumpClients(serverVersionNum, plan) {
    const serverMajor = Math.floor(serverVersionNum / 10000);
    const clientsPromise = Promise.all([
        (0,pg_client/* findClient */.$r)('pg_dump', serverMajor, plan.clientOptions),
        plan.wantVerifier
            ? (0,pg_client/* findClient */.$r)('pg_restore', serverMajor, { ...plan.clientOptions, installClient: false }).catch(() => undefined)
            : undefined
    ]);
    clientsPromise.catch(() => undefined);
    const [pgDump, restoreClient] = await clientsPromise;
    // The archive is written in pg_dump's format version; only a pg_restore at least as new can read it.
    const verifier = plan.wantVerifier && (!restoreClient || restoreClient.major < pgDump.major)
        ? await (0,pg_client/* findClient */.$r)('pg_restore', pgDump.major, plan.clientOptions)
        : restoreClient;
    await plan.recipientsChecked;
    return { pgDump, verifier };
}
/** pg_dump streamed to the storage inside an exported snapshot, with the row counts taken in the same one. */
async function dumpInSnapshot(ctx, plan, session, clients, key) {
    const { settings } = ctx;
    // Outside the snapshot's transaction: an error here must not abort it.
    const dbBytes = await (0,row_counts/* databaseSize */.Ju)(session.client);
    const snapshot = await (0,row_counts/* exportSnapshot */.v2)(session.client);
    const countsPromise = (0,row_counts/* countRows */.BO)(session.client, snapshot !== undefined).catch((error) => ({
        kind: 'estimated',
        method: `unavailable: ${error.message}`,
        tables: []
    }));
    try {
        const dump = await runDumpPipeline({
            ...clients,
            connection: ctx.connection,
            baseDir: ctx.workingDirectory,
            format: settings.format,
            extraArgs: settings.pgDumpArgs,
            snapshot,
            recipients: settings.encryptTo,
            storage: async () => (await plan.loadStorage()).storage,
            key,
            contentType: plan.contentType,
            expectedBytes: expectedDumpBytes(dbBytes, settings.format),
            stallTimeoutMs: ctx.stallTimeoutMs
        });
        return { dump, rowCounts: await countsPromise, consistentSnapshot: snapshot !== undefined };
    }
    finally {
        await countsPromise;
        if (snapshot)
            await (0,row_counts/* releaseSnapshot */["if"])(session.client);
    }
}
/**
 * Store the manifest once the object is complete. When that fails, delete the object again where the destination
 * can, so that no backup exists that nobody vouches for; otherwise say exactly what was left behind.
 */
async function storeManifest(storage, key, manifest) {
    const manifestKey = (0,backup_manifest/* manifestKeyFor */.uL)(key);
    try {
        await storage.putBytes(manifestKey, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 'application/json');
        return manifestKey;
    }
    catch (error) {
        const why = `Storing the manifest ${storage.uri(manifestKey)} failed: ${(0,errors/* getErrorMessage */.u1)(error)}`;
        const removed = storage.canDelete &&
            (await storage.delete(key).then(() => true, () => false));
        if (removed)
            throw new errors/* ActionError */.lZ(`${why}\nThe backup object was deleted again: nothing was stored.`, {
                cause: error
            });
        throw new results/* BackupLeftoverError */.kU(`${why}\nThe backup object ${storage.uri(key)} stays without a manifest: \`latest\`, drills and retention ignore it.`, `${storage.uri(key)} (without a manifest; delete it by hand)`, { cause: error });
    }
}
/** Retention after a stored backup: a failure is reported beside the backup, never instead of it. */
async function retentionAfter(settings, storage, where, verified) {
    const policy = { keepLast: settings.keepLast, keepDays: settings.keepDays };
    const decision = (0,retention/* retentionAfterBackup */.lJ)(policy, { verified, canDelete: storage.canDelete });
    if (decision === undefined)
        return undefined;
    if (decision !== 'apply')
        return { deleted: [], kept: 0, skipped: decision.skipped };
    return (0,retention/* applyRetention */.dX)(storage, where.prefix, where.database, policy, where.key).catch((error) => ({
        deleted: [],
        kept: 0,
        failed: `listing the backups failed: ${(0,errors/* getErrorMessage */.u1)(error)}`
    }));
}
/**
 * One backup, start to finish: pick a pg_dump that matches the server, stream it to the destination, write the
 * manifest once the object is complete, then apply retention. Throws an ActionError on any failure before the
 * manifest is stored, having left nothing visible; once it is stored, it returns the stored backup, and a failed
 * retention is in `retention.failed`. Shared by mode `backup` and migrate-deploy's `backup-before-deploy`.
 */
async function runBackup(ctx) {
    const { settings, connection } = ctx;
    const plan = await prepareBackup(ctx);
    const session = await (0,connect/* connect */.Ng)(connection, {
        baseDir: ctx.workingDirectory,
        ensureSchema: false,
        setSearchPath: false
    });
    try {
        plan.phase('connected');
        const clients = await findDumpClients(session.serverVersionNum, plan);
        plan.phase('clients found');
        const prefix = (0,backup_storage/* prefixOf */.MT)(plan.destination);
        const { pgDump } = clients;
        (0,log/* info */.p)(`Server ${session.serverVersion}; using ${pgDump.path} (${pgDump.version}, ${pgDump.source})`);
        const createdAt = (ctx.now ?? (() => new Date()))();
        const key = (0,backup_manifest/* backupObjectKey */.H)(prefix, connection.database, createdAt, settings.format, plan.encrypted);
        const { dump, rowCounts, consistentSnapshot } = await dumpInSnapshot(ctx, plan, session, clients, key);
        plan.phase('dump stored');
        const { storage } = await plan.loadStorage();
        const recipients = (0,encryption/* describeRecipients */.a2)(settings.encryptTo);
        const manifest = (0,backup_manifest/* buildManifest */.u1)({
            database: connection.database,
            key,
            createdAt,
            finishedAt: new Date(),
            format: settings.format,
            contentType: plan.contentType,
            extraArgs: settings.pgDumpArgs,
            dump,
            consistentSnapshot,
            server: { version: session.serverVersion, versionNum: session.serverVersionNum },
            pgDump: { version: pgDump.version, major: pgDump.major },
            rowCounts,
            recipients
        });
        const manifestKey = await storeManifest(storage, key, manifest);
        plan.phase('manifest stored');
        (0,log/* info */.p)(`Stored ${storage.uri(key)} (${dump.stored.bytes} bytes, sha256 ${dump.stored.sha256}) and its manifest`);
        const where = { prefix, database: connection.database, key };
        const retention = await retentionAfter(settings, storage, where, dump.verification.passed);
        const uri = storage.uri(key);
        return {
            uri,
            manifestUri: storage.uri(manifestKey),
            destination: (0,backup_destination/* describeDestination */.aC)(plan.destination, settings.s3Endpoint),
            database: connection.database,
            target: (0,connection_url/* describeTarget */.ff)(connection),
            size: dump.stored.bytes,
            sha256: dump.stored.sha256,
            dumpSize: dump.plain.bytes,
            dumpSha256: dump.plain.sha256,
            durationMs: dump.durationMs,
            throughputBytesPerSec: dump.plain.bytes / Math.max(dump.durationMs / 1000, 0.001),
            serverVersion: session.serverVersion,
            pgDumpVersion: pgDump.version,
            pgDumpPath: pgDump.path,
            pgDumpSource: pgDump.source,
            archiveEntries: manifest.dump.archiveEntries,
            format: settings.format,
            rowCounts,
            verification: dump.verification,
            recipients,
            retention,
            restoreCommand: restoreCommand({
                uri,
                format: settings.format,
                encrypted: plan.encrypted,
                s3Endpoint: settings.s3Endpoint
            }),
            manifest
        };
    }
    finally {
        await session.close();
    }
}
/** mode: backup — one streamed, verified, manifest-backed backup plus retention. */
async function runBackupMode(ctx) {
    try {
        const result = await runBackup({
            connection: ctx.connection,
            workingDirectory: ctx.workingDirectory,
            settings: ctx.backup
        });
        return backupModeResult(result);
    }
    catch (error) {
        const failure = toActionError(error);
        const leftover = error instanceof results/* BackupLeftoverError */.kU ? error.leftover : undefined;
        return {
            outputs: {},
            markdown: (0,backup_report/* renderBackupFailure */.B7)(ctx.connection.database, (0,secrets/* scrub */._I)(failure.message), leftover),
            report: { backup: { failed: true, error: (0,secrets/* scrub */._I)(failure.describe()), leftover: leftover ?? null } },
            failure
        };
    }
}
function backupModeResult(result) {
    const retentionFailed = result.retention?.failed;
    return {
        outputs: {
            'backup-uri': result.uri,
            'backup-size': String(result.size),
            'backup-sha256': result.sha256,
            'manifest-uri': result.manifestUri
        },
        markdown: (0,backup_report/* renderBackupReport */.HN)(result),
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
        },
        completed: `Backup stored as ${result.uri} (${result.size} bytes, sha256 ${result.sha256}) with its manifest ${result.manifestUri}`,
        // Retention that cannot delete fails the step (storage would grow unnoticed), but never un-reports the backup.
        failure: retentionFailed === undefined
            ? undefined
            : new errors/* ActionError */.lZ(`Backup stored as ${result.uri} with its manifest ${result.manifestUri}, but retention failed: ${retentionFailed}`, {
                hint: 'The new backup is complete and usable. Give the credentials s3:DeleteObject (and s3:ListBucket) on the prefix, or remove `keep-last`/`keep-days` and expire old backups with a bucket lifecycle rule.'
            })
    };
}
/**
 * The backup migrate-deploy takes before applying migrations (`backup-before-deploy`). It throws an ActionError
 * when the backup fails, so that the deploy does not go ahead without one; a failed retention after the backup is
 * stored is only a warning. Whether to call it at all is the deploy's decision (src/modes/deploy-decision.ts).
 */
async function backupBeforeDeploy(ctx) {
    const result = await runBackup(ctx);
    const retentionFailed = result.retention?.failed;
    if (retentionFailed !== undefined)
        core/* warning */.$e(`Backup before deploy stored as ${result.uri}, but retention failed: ${retentionFailed}`);
    return {
        uri: result.uri,
        manifestUri: result.manifestUri,
        sha256: result.sha256,
        size: result.size,
        restoreCommand: result.restoreCommand,
        markdown: (0,backup_report/* renderPreDeployBackup */.bM)(result)
    };
}


/***/ }),

/***/ 53543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ renderBackupFailure),
/* harmony export */   ED: () => (/* binding */ renderDrillReport),
/* harmony export */   HN: () => (/* binding */ renderBackupReport),
/* harmony export */   WM: () => (/* binding */ renderDrillFailure),
/* harmony export */   bM: () => (/* binding */ renderPreDeployBackup)
/* harmony export */ });
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32693);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42495);


/**
 * Pure renderers: plain data in, markdown out, through the shared primitives of render/markdown.ts (names and URIs as
 * code spans, other values as neutralised text, pipes escaped per cell). None of the values is a secret.
 */
function row(label, value) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)([label, value]);
}
function retentionLines(retention) {
    const deleted = retention.deleted.map((d) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(d.uri)} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(d.createdAt)}): ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(d.reason)}`);
    if (retention.failed !== undefined)
        return [
            `❌ Retention failed: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(retention.failed)}`,
            '',
            `The new backup above is complete. Deleted before the failure: ${retention.deleted.length}.`,
            ...deleted
        ];
    if (retention.skipped)
        return [`Skipped: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(retention.skipped)}.`];
    if (retention.deleted.length === 0)
        return [`Nothing to delete; ${retention.kept} backup(s) kept.`];
    return [`Deleted ${retention.deleted.length}, kept ${retention.kept}:`, '', ...deleted];
}
function renderBackupReport(result) {
    const m = result.manifest;
    const totalRows = result.rowCounts.tables.reduce((sum, t) => sum + (t.rows ?? 0), 0);
    const retentionFailed = result.retention?.failed !== undefined;
    const lines = [
        retentionFailed
            ? `### ⚠️ Backup of ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(result.database)} stored; retention failed`
            : `### ✅ Backup of ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(result.database)} stored`,
        '',
        '| | |',
        '|---|---|',
        row('Object', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(result.uri)),
        row('Manifest', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(result.manifestUri)),
        row('Destination', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.destination)),
        row('Source', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(result.target)),
        row('Size', `${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(result.size)} stored · ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(result.dumpSize)} dump (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.format)} format)`),
        row('Duration', `${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(result.durationMs)} · ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(Math.round(result.throughputBytesPerSec))}/s`),
        row('Versions', `server ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.serverVersion)} · pg_dump ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.pgDumpVersion)} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.pgDumpSource)}) · action ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(m.action.version)}`),
        row('SHA-256 (stored)', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(result.sha256)),
        row('SHA-256 (dump)', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(result.dumpSha256)),
        row('Archive entries', result.archiveEntries === null ? 'n/a (plain SQL)' : String(result.archiveEntries)),
        row('Verification', result.verification.performed
            ? `${result.verification.passed ? '✅' : '❌'} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.verification.method)}`
            : '⚠️ skipped (`verify: false`)'),
        row('Encryption', result.recipients.length === 0
            ? 'none'
            : `age, ${result.recipients.length} recipient(s): ${result.recipients.map((r) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(r.fingerprint.slice(0, 23))).join(', ')}`),
        row('Row counts', `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.rowCounts.kind)}: ${result.rowCounts.tables.length} tables, ${totalRows} rows${m.dump.consistentSnapshot ? ' (same snapshot as the dump)' : ''}`)
    ];
    if (result.retention)
        lines.push('', '#### Retention', '', ...retentionLines(result.retention));
    lines.push('', '#### Restore', '', 'Set `DATABASE_URL` to the target database, then:', '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .fence */ .EU)(result.restoreCommand, 'sh'));
    return lines.join('\n') + '\n';
}
/** `leftover`: what a failure left at the destination; without it, nothing was stored. */
function renderBackupFailure(database, message, leftover) {
    return ([
        `### ❌ Backup of ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(database)} failed`,
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(message),
        '',
        leftover === undefined
            ? 'No backup object and no manifest were stored.'
            : `Left at the destination: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(leftover)}.`
    ].join('\n') + '\n');
}
function describeTargetIdentity(identity) {
    const { target, source } = identity;
    const server = (id) => id.systemIdentifier !== null
        ? `system identifier ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(id.systemIdentifier)}`
        : `started ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(id.startedAt)}`;
    if (identity.sameServerAsSource)
        return `⚠️ database ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(target.databaseName)} (oid ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(target.databaseOid)}) on the source's own server (${server(target)}), not the source database ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(source.databaseName)} (oid ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(source.databaseOid)})`;
    return `✅ another server (${server(target)}) than the source (${server(source)})`;
}
const STATUS_ICON = {
    match: '✅',
    mismatch: '❌',
    missing: '❌',
    estimated: 'ℹ️',
    'not-in-dump': '➖',
    unexpected: '⚠️'
};
/** Tables listed in full up to this many; mismatches first so that they are never the ones cut. */
const MAX_TABLE_ROWS = 300;
function renderDrillReport(result) {
    const m = result.manifest;
    const lines = [
        `### ${result.status === 'passed' ? '✅' : '❌'} Restore drill ${result.status}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(m.database)}`,
        '',
        '| | |',
        '|---|---|',
        row('Backup', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(result.uri)),
        row('Taken', `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(m.createdAt)} (server ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(m.server.version)}, pg_dump ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(m.pgDump.version)})`),
        row('Integrity', `✅ sha256 ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(m.object.sha256)} matches the manifest${m.encryption ? '; decrypted dump matches too' : ''}`),
        row('Restored into', `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(result.target)} with ${m.dump.format === 'custom' ? 'pg_restore' : 'psql'} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(result.pgRestoreVersion)}`),
        row('Target identity', describeTargetIdentity(result.targetIdentity)),
        row('Duration', (0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(result.durationMs)),
        row('Tables', `${result.compared} compared (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(m.rowCounts.kind)} counts), ${result.mismatches} mismatches`)
    ];
    const order = [
        'mismatch',
        'missing',
        'unexpected',
        'estimated',
        'match',
        'not-in-dump'
    ];
    const sorted = [...result.tables].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    lines.push('', '| | Table | Manifest | Restored |', '|---|---|---:|---:|');
    for (const t of sorted.slice(0, MAX_TABLE_ROWS)) {
        lines.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .tableRow */ .jD)([
            STATUS_ICON[t.status],
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`${t.schema}.${t.table}`),
            String(t.expected ?? '–'),
            String(t.actual ?? '–')
        ]));
    }
    if (sorted.length > MAX_TABLE_ROWS)
        lines.push('', `… and ${sorted.length - MAX_TABLE_ROWS} more tables, all listed in the JSON report.`);
    if (m.rowCounts.kind === 'estimated')
        lines.push('', 'The manifest holds estimated counts (pg_class.reltuples), so counts are shown but not judged.');
    return lines.join('\n') + '\n';
}
function renderDrillFailure(message) {
    return ['### ❌ Restore drill failed', '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(message)].join('\n') + '\n';
}
/** The deploy report's section about the backup taken before it: where it is and how to restore it. */
function renderPreDeployBackup(result) {
    const retentionFailed = result.retention?.failed;
    const lines = [
        '#### Backup before deploy',
        '',
        `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(result.uri)} · ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(result.size)} · sha256 ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(result.sha256)} · verified: ${result.verification.passed ? 'yes' : 'no'}`,
        ...(retentionFailed === undefined ? [] : ['', `⚠️ Retention failed: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(retentionFailed)}`]),
        '',
        'To roll back, set `DATABASE_URL` to the database and run:',
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .fence */ .EU)(result.restoreCommand, 'sh')
    ];
    return lines.join('\n') + '\n';
}


/***/ })

};

//# sourceMappingURL=868.index.js.map
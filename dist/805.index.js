export const id = 805;
export const ids = [805];
export const modules = {

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

/***/ 35805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readBackupSettings: () => (/* binding */ readBackupSettings),
  readDrillSettings: () => (/* binding */ readDrillSettings),
  readPreDeployBackup: () => (/* binding */ readPreDeployBackup)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/db/connection-url.ts
var connection_url = __webpack_require__(90564);
// EXTERNAL MODULE: ./src/backup/destination.ts
var backup_destination = __webpack_require__(28962);
;// CONCATENATED MODULE: ./src/backup/dump-args.ts

const INPUT = 'pg-dump-args';
/**
 * Options that narrow or shape what is dumped. Everything that decides where the dump goes, how it connects or
 * which format it has is ours (`-f`, `-F`, `-d`, `-h`, `-U`, `-j`, `--snapshot`, ...), so it is not accepted here.
 */
const ALLOWED = [
    { long: 'schema', short: 'n', takesValue: true },
    { long: 'exclude-schema', short: 'N', takesValue: true },
    { long: 'table', short: 't', takesValue: true },
    { long: 'exclude-table', short: 'T', takesValue: true },
    { long: 'table-and-children', takesValue: true },
    { long: 'exclude-table-and-children', takesValue: true },
    { long: 'exclude-table-data', takesValue: true },
    { long: 'exclude-table-data-and-children', takesValue: true },
    { long: 'extension', short: 'e', takesValue: true },
    { long: 'exclude-extension', takesValue: true },
    { long: 'section', takesValue: true },
    { long: 'encoding', short: 'E', takesValue: true },
    { long: 'lock-wait-timeout', takesValue: true },
    { long: 'role', takesValue: true },
    { long: 'compress', short: 'Z', takesValue: true, format: 'custom' },
    { long: 'rows-per-insert', takesValue: true, format: 'plain' },
    { long: 'no-owner', short: 'O', takesValue: false },
    { long: 'no-privileges', short: 'x', takesValue: false },
    { long: 'no-acl', takesValue: false },
    { long: 'no-comments', takesValue: false },
    { long: 'no-publications', takesValue: false },
    { long: 'no-subscriptions', takesValue: false },
    { long: 'no-security-labels', takesValue: false },
    { long: 'no-tablespaces', takesValue: false },
    { long: 'no-table-access-method', takesValue: false },
    { long: 'no-toast-compression', takesValue: false },
    { long: 'no-unlogged-table-data', takesValue: false },
    { long: 'no-large-objects', takesValue: false },
    { long: 'large-objects', short: 'b', takesValue: false },
    { long: 'blobs', takesValue: false },
    { long: 'no-blobs', short: 'B', takesValue: false },
    { long: 'quote-all-identifiers', takesValue: false },
    { long: 'load-via-partition-root', takesValue: false },
    { long: 'enable-row-security', takesValue: false },
    { long: 'strict-names', takesValue: false },
    { long: 'serializable-deferrable', takesValue: false },
    { long: 'no-sync', takesValue: false },
    { long: 'clean', short: 'c', takesValue: false, format: 'plain' },
    { long: 'if-exists', takesValue: false, format: 'plain' },
    { long: 'create', short: 'C', takesValue: false },
    { long: 'inserts', takesValue: false, format: 'plain' },
    { long: 'column-inserts', takesValue: false, format: 'plain' },
    { long: 'attribute-inserts', takesValue: false, format: 'plain' },
    { long: 'on-conflict-do-nothing', takesValue: false, format: 'plain' },
    { long: 'disable-dollar-quoting', takesValue: false },
    { long: 'disable-triggers', takesValue: false }
];
const byLong = new Map(ALLOWED.map((f) => [f.long, f]));
const byShort = new Map(ALLOWED.filter((f) => f.short).map((f) => [f.short, f]));
/** Split like a shell would for words and quotes, without any expansion (no shell ever runs these). */
function splitArgs(text) {
    const out = [];
    let current = '';
    let inWord = false;
    let quote = null;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = null;
            else if (ch === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\'))
                current += text[++i];
            else
                current += ch;
        }
        else if (ch === '"' || ch === "'") {
            quote = ch;
            inWord = true;
        }
        else if (/\s/.test(ch)) {
            if (inWord)
                out.push(current);
            current = '';
            inWord = false;
        }
        else {
            current += ch;
            inWord = true;
        }
    }
    if (quote)
        throw new errors/* InputError */.dz(INPUT, 'has an unterminated quote.');
    if (inWord)
        out.push(current);
    return out;
}
function refuse(arg, format) {
    const names = ALLOWED.filter((f) => !f.format || f.format === format).map((f) => `--${f.long}`);
    throw new errors/* InputError */.dz(INPUT, `does not accept "${arg}".`, `Allowed options with format ${format}: ${names.join(', ')}. Connection, output file and format are set by the action.`);
}
/**
 * Validate the extra pg_dump options against the allow-list and return them in one canonical form
 * (`--long=value` / `--long`), so what runs is exactly what the manifest records.
 */
function parseDumpArgs(text, format) {
    const words = splitArgs(text);
    const out = [];
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        let spec;
        let value;
        if (word.startsWith('--')) {
            const eq = word.indexOf('=');
            const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
            spec = byLong.get(name);
            if (eq !== -1)
                value = word.slice(eq + 1);
        }
        else if (/^-[A-Za-z]/.test(word)) {
            spec = byShort.get(word[1]);
            if (word.length > 2)
                value = word.slice(2);
        }
        if (!spec || (spec.format && spec.format !== format))
            refuse(word, format);
        if (spec.takesValue) {
            if (value === undefined) {
                value = words[++i];
                if (value === undefined)
                    throw new errors/* InputError */.dz(INPUT, `needs a value after "${word}".`);
            }
            if (value === '')
                throw new errors/* InputError */.dz(INPUT, `has an empty value for "${word}".`);
            out.push(`--${spec.long}=${value}`);
        }
        else {
            if (value !== undefined)
                refuse(word, format);
            out.push(`--${spec.long}`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/backup/settings.ts
const BACKUP_BEFORE_DEPLOY = ['never', 'always', 'destructive'];
const DUMP_FORMATS = ['custom', 'plain'];

// EXTERNAL MODULE: ./src/util/secrets.ts
var secrets = __webpack_require__(84537);
// EXTERNAL MODULE: ./src/settings/input.ts
var input = __webpack_require__(54781);
;// CONCATENATED MODULE: ./src/settings/backup-inputs.ts
/**
 * The backup inputs (`backup`, `restore-drill` and migrate-deploy's `backup-before-deploy`): parsed and checked
 * together for each of those modes, whichever of them the mode uses, so that a wrong value fails every such mode
 * the same way; each mode then gets only the fields it uses (src/backup/settings.ts).
 */







const AGE_RECIPIENT = /^age1[0-9a-z]+$/;
const BECH32_DATA = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/;
function defaultRegion() {
    return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}
/** An s3:// or artifact:// `backup-uri` must name a plain key: checked before anything connects. */
function checkBackupUri(uri) {
    const s3 = /^s3:\/\/[^/]*\/?(.*)$/is.exec(uri);
    if (s3) {
        if (s3[1] === '')
            throw new errors/* InputError */.dz('backup-uri', 'names no object key.', 'Use s3://bucket/key as printed by the backup step.');
        (0,backup_destination/* checkKeyPath */.R_)(s3[1], 'backup-uri', 'key');
    }
    const artifact = /^artifact:\/\/(.+)$/is.exec(uri);
    if (artifact)
        (0,backup_destination/* checkKeyPath */.R_)(artifact[1].split('__').join('/'), 'backup-uri', 'artifact name');
}
function readEncryptTo(read) {
    const recipients = (0,input/* parseList */.E1)(read, 'encrypt-to').flatMap((item) => item.split(/\s+/));
    for (const r of recipients) {
        if (r.startsWith('AGE-SECRET-KEY-')) {
            (0,secrets/* registerSecret */.cl)(r);
            throw new errors/* InputError */.dz('encrypt-to', 'holds a secret key (AGE-SECRET-KEY-…), not a public key.', 'Give the public key (age1…) here and rotate the exposed secret key.');
        }
        // The shape only (bech32's alphabet after the last `1`): age-encryption itself checks the key before the
        // backup connects (checkRecipients), and is loaded only by runs that encrypt.
        if (!AGE_RECIPIENT.test(r) || !BECH32_DATA.test(r.slice(r.lastIndexOf('1') + 1)))
            throw new errors/* InputError */.dz('encrypt-to', `has "${r}", which is not an age public key.`, 'Use keys printed by `age-keygen -y` (age1…), separated by commas or new lines.');
    }
    return [...new Set(recipients)];
}
/** The S3 inputs; `s3-force-path-style` is parsed earlier, with the other inputs of a fixed syntax. */
function readS3Settings(read, s3ForcePathStyle) {
    const s3Endpoint = read('s3-endpoint') || undefined;
    if (s3Endpoint) {
        let url;
        try {
            url = new URL(s3Endpoint);
        }
        catch {
            url = undefined;
        }
        if (!url || !/^https?:$/.test(url.protocol))
            throw new errors/* InputError */.dz('s3-endpoint', 'must be an http(s) URL, e.g. https://<account>.r2.cloudflarestorage.com.');
        if (url.username || url.password)
            throw new errors/* InputError */.dz('s3-endpoint', 'must not contain credentials.', 'Pass them as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.');
    }
    return {
        s3Endpoint,
        s3Region: read('s3-region') || defaultRegion(),
        s3ForcePathStyle
    };
}
/** Every backup input, checked; `mode` decides which are required. */
function readBackupInputs(read, mode) {
    const targetDatabaseUrl = read('target-database-url');
    const target = targetDatabaseUrl ? (0,connection_url/* parseDatabaseUrl */.mx)(targetDatabaseUrl, 'target-database-url') : undefined;
    // Inputs with a fixed syntax (choices, booleans, numbers) first: their messages are the most specific.
    const backupBeforeDeploy = (0,input/* parseChoice */.HU)(read, 'backup-before-deploy', BACKUP_BEFORE_DEPLOY, 'never');
    const format = (0,input/* parseChoice */.HU)(read, 'format', DUMP_FORMATS, 'custom');
    const s3ForcePathStyle = (0,input/* parseBool */.q6)(read, 's3-force-path-style', false);
    const common = {
        retentionDays: (0,input/* parseInteger */.cG)(read, 'retention-days', { min: 1, max: 400 }),
        installClient: (0,input/* parseBool */.q6)(read, 'install-client', false),
        verify: (0,input/* parseBool */.q6)(read, 'verify', true),
        allowUnencrypted: (0,input/* parseBool */.q6)(read, 'allow-unencrypted', false),
        keepLast: (0,input/* parseInteger */.cG)(read, 'keep-last', { min: 1 }),
        keepDays: (0,input/* parseInteger */.cG)(read, 'keep-days', { min: 1 }),
        targetClean: (0,input/* parseBool */.q6)(read, 'target-clean', false)
    };
    const destinationRaw = read('destination');
    const needsDestination = mode === 'backup' || (mode === 'migrate-deploy' && backupBeforeDeploy !== 'never');
    if (needsDestination && !destinationRaw) {
        throw new errors/* InputError */.dz('destination', mode === 'backup'
            ? 'is required for mode backup.'
            : `is required when backup-before-deploy is ${backupBeforeDeploy}.`, 'Use s3://bucket/prefix, artifact, or a directory path.');
    }
    const destination = destinationRaw ? (0,backup_destination/* parseDestination */.G2)(destinationRaw) : undefined;
    const s3 = readS3Settings(read, s3ForcePathStyle);
    const inputs = {
        ...common,
        ...s3,
        backupBeforeDeploy,
        format,
        destination,
        target,
        pgDumpArgs: parseDumpArgs(read('pg-dump-args'), format),
        pgDumpPath: read('pg-dump-path') || undefined,
        encryptTo: readEncryptTo(read),
        backupUri: read('backup-uri') || undefined,
        ageIdentity: read('age-identity') || undefined
    };
    if (needsDestination && destination?.kind === 'artifact')
        checkArtifactRetention(inputs);
    if (inputs.pgDumpPath && !inputs.pgDumpPath.startsWith('/'))
        throw new errors/* InputError */.dz('pg-dump-path', 'must be an absolute path to a pg_dump binary.');
    return inputs;
}
/** Artifacts: public to every reader of the repository, and never listed across runs. */
function checkArtifactRetention(inputs) {
    if (inputs.encryptTo.length === 0 && !inputs.allowUnencrypted) {
        throw new errors/* InputError */.dz('encrypt-to', 'is required with destination artifact: anyone with read access to the repository can download artifacts.', 'Give an age public key (age1…), or set `allow-unencrypted: true` if the repository is private and that is acceptable.');
    }
    if (inputs.keepLast !== undefined || inputs.keepDays !== undefined) {
        throw new errors/* InputError */.dz(inputs.keepLast !== undefined ? 'keep-last' : 'keep-days', 'does not apply to artifacts: they cannot be listed across runs without a token and expire after `retention-days`.', 'Use `retention-days` for artifacts.');
    }
}
function backupOf(inputs) {
    if (!inputs.destination)
        throw new errors/* InputError */.dz('destination', 'is required for a backup.');
    return {
        destination: inputs.destination,
        s3Endpoint: inputs.s3Endpoint,
        s3Region: inputs.s3Region,
        s3ForcePathStyle: inputs.s3ForcePathStyle,
        retentionDays: inputs.retentionDays,
        format: inputs.format,
        pgDumpArgs: inputs.pgDumpArgs,
        pgDumpPath: inputs.pgDumpPath,
        installClient: inputs.installClient,
        verify: inputs.verify,
        encryptTo: inputs.encryptTo,
        keepLast: inputs.keepLast,
        keepDays: inputs.keepDays
    };
}
/** Mode `backup`. */
function readBackupSettings(read) {
    return backupOf(readBackupInputs(read, 'backup'));
}
/** migrate-deploy's `backup-before-deploy` (the backup inputs are checked whatever it says). */
function readPreDeployBackup(read) {
    const inputs = readBackupInputs(read, 'migrate-deploy');
    const when = inputs.backupBeforeDeploy;
    return when === 'never' ? { when } : { when, settings: backupOf(inputs) };
}
/** Mode `restore-drill`. */
function readDrillSettings(read) {
    const inputs = readBackupInputs(read, 'restore-drill');
    const backupUri = inputs.backupUri;
    if (!backupUri)
        throw new errors/* InputError */.dz('backup-uri', 'is required for mode restore-drill.', 'Give the backup-uri output of a backup step, or `latest` together with `destination`.');
    if (backupUri === 'latest' && !inputs.destination) {
        throw new errors/* InputError */.dz('destination', 'is required with backup-uri latest.', 'Give the same destination as the backup step.');
    }
    if (!inputs.target) {
        throw new errors/* InputError */.dz('target-database-url', 'is required for mode restore-drill.', 'Point it at a scratch database, e.g. a `services: postgres` container.');
    }
    // Whether the target is the source is proven by connecting to both (src/backup/drill-target.ts), not by
    // comparing spellings: one database has many URLs.
    checkBackupUri(backupUri);
    return {
        backupUri,
        destination: inputs.destination,
        s3Endpoint: inputs.s3Endpoint,
        s3Region: inputs.s3Region,
        s3ForcePathStyle: inputs.s3ForcePathStyle,
        pgDumpPath: inputs.pgDumpPath,
        installClient: inputs.installClient,
        ageIdentity: inputs.ageIdentity,
        target: inputs.target,
        targetClean: inputs.targetClean
    };
}


/***/ })

};

//# sourceMappingURL=805.index.js.map
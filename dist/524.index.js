export const id = 524;
export const ids = [524];
export const modules = {

/***/ 14524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3Storage: () => (/* binding */ S3Storage)
/* harmony export */ });
/* unused harmony exports MAX_PARTS, MAX_PART_SIZE, MIN_PART_SIZE, PART_SIZE, QUEUE_SIZE, partSizeFor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22358);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91659);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _destination_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28962);







const MiB = 1024 * 1024;
/** S3's limits: at most 10,000 parts of 5 MiB to 5 GiB each (the last part may be smaller). */
const MAX_PARTS = 10_000;
const MAX_PART_SIZE = 5 * 1024 * MiB;
/**
 * The smallest part we use: an 8 MiB part keeps the upload close behind pg_dump (what is left after the dump ends
 * is at most one part), while 5 MiB parts would double the requests for no measurable gain.
 */
const MIN_PART_SIZE = 8 * MiB;
/** Without a size estimate: 10,000 × 64 MiB = 625 GiB, so objects of 500 GiB and more still fit. */
const PART_SIZE = 64 * MiB;
const QUEUE_SIZE = 2;
/**
 * The part size for an object of at most `expectedBytes`: the smallest whole number of MiB, at least 8 MiB, with
 * which 10,000 parts hold it. Memory is bounded by about (QUEUE_SIZE + 1) parts: 24 MiB for every object up to
 * 78 GiB, ~3 × 54 MiB for a 500 GiB object. The estimate must be an upper bound (the caller adds a margin): an
 * object that outgrows 10,000 parts fails, leaving nothing behind.
 */
function partSizeFor(expectedBytes) {
    if (expectedBytes === undefined || !Number.isFinite(expectedBytes) || expectedBytes <= 0)
        return PART_SIZE;
    const needed = Math.ceil(expectedBytes / MAX_PARTS / MiB) * MiB;
    return Math.min(Math.max(MIN_PART_SIZE, needed), MAX_PART_SIZE);
}
class S3Storage {
    options;
    kind = 's3';
    canDelete = true;
    client;
    constructor(options) {
        this.options = options;
        const config = {
            region: options.region,
            forcePathStyle: options.forcePathStyle,
            maxAttempts: options.maxAttempts ?? 6,
            retryMode: 'standard'
        };
        if (options.endpoint) {
            config.endpoint = options.endpoint;
            // R2, MinIO and friends reject or mishandle the SDK's default CRC32 checksums (aws/aws-sdk-js-v3#6810).
            config.requestChecksumCalculation = 'WHEN_REQUIRED';
            config.responseChecksumValidation = 'WHEN_REQUIRED';
        }
        // Credentials come from the standard chain: AWS_* variables (also set by aws-actions/configure-aws-credentials
        // with OIDC), shared config, container/instance metadata. Never from inputs.
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.S3Client(config);
    }
    uri(key) {
        return `s3://${this.options.bucket}/${key}`;
    }
    async upload(key, source, contentType, expectedBytes) {
        const partSize = this.options.partSize ?? partSizeFor(expectedBytes);
        const upload = new _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__/* .Upload */ ._({
            client: this.client,
            params: { Bucket: this.options.bucket, Key: key, Body: source, ContentType: contentType },
            partSize,
            queueSize: QUEUE_SIZE,
            leavePartsOnError: false
        });
        let ended = 0;
        source.once('end', () => (ended = Date.now()));
        try {
            await upload.done();
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .debug */ .Yz(`backup timing: ${partSize / 1024 / 1024} MiB parts; the upload completed ${Date.now() - ended} ms after the stream ended`);
        }
        catch (error) {
            // lib-storage stops reading on a failed part; the caller destroys the source (and stops pg_dump) when
            // this rejects.
            throw this.wrap(error, `upload ${key}`);
        }
    }
    async putBytes(key, body, contentType) {
        await this.call(`write ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType })));
    }
    async getBytes(key) {
        const response = await this.call(`read ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.GetObjectCommand({ Bucket: this.options.bucket, Key: key })));
        return Buffer.from(await response.Body.transformToByteArray());
    }
    async download(key, filePath) {
        const response = await this.call(`read ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.GetObjectCommand({ Bucket: this.options.bucket, Key: key })));
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(response.Body, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(filePath, { mode: 0o600 }));
    }
    async list(directory) {
        const out = [];
        let token;
        do {
            const page = await this.call(`list ${directory}/`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.ListObjectsV2Command({
                Bucket: this.options.bucket,
                Prefix: directory ? `${directory}/` : '',
                Delimiter: '/',
                ContinuationToken: token
            })));
            for (const item of page.Contents ?? [])
                if (item.Key)
                    out.push({ key: item.Key, size: item.Size });
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return out;
    }
    async delete(key) {
        await this.call(`delete ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.DeleteObjectCommand({ Bucket: this.options.bucket, Key: key })));
    }
    async call(what, operation) {
        try {
            return await operation();
        }
        catch (error) {
            throw this.wrap(error, what);
        }
    }
    wrap(error, what) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ)
            return error;
        const e = error;
        const where = `s3://${this.options.bucket}${this.options.endpoint ? ` at ${(0,_destination_js__WEBPACK_IMPORTED_MODULE_5__/* .redactEndpoint */ .Xh)(this.options.endpoint)}` : ''}`;
        const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
        const name = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
        let hint = 'Check `destination`, `s3-endpoint`, `s3-region` and `s3-force-path-style`.';
        if (/credential/i.test(`${e.name} ${e.message}`)) {
            hint =
                'Provide AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or use aws-actions/configure-aws-credentials (OIDC) before this step.';
        }
        else if (e.name === 'NoSuchBucket')
            hint = `Create the bucket "${this.options.bucket}" first, or fix \`destination\`.`;
        else if (e.name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403)
            hint =
                'The credentials lack permission (s3:PutObject, s3:GetObject, s3:ListBucket, s3:DeleteObject, s3:AbortMultipartUpload).';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`Storage error during ${what} on ${where}${status}: ${name}${e.message ?? String(error)}`, { hint, cause: error });
    }
}


/***/ })

};

//# sourceMappingURL=524.index.js.map
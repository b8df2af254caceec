export const id = 524;
export const ids = [524];
export const modules = {

/***/ 14524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3Storage: () => (/* binding */ S3Storage)
/* harmony export */ });
/* unused harmony exports PART_SIZE, QUEUE_SIZE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22358);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _destination_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28962);






/**
 * 64 MiB parts: 10,000 parts × 64 MiB = 625 GiB, so objects of 500 GiB and more fit (the default 5 MiB stops at
 * 48.8 GiB). With 2 parts in flight plus one being filled the upload buffers about 3 × 64 MiB at most.
 */
const PART_SIZE = 64 * 1024 * 1024;
const QUEUE_SIZE = 2;
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
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.S3Client(config);
    }
    uri(key) {
        return `s3://${this.options.bucket}/${key}`;
    }
    async upload(key, source, contentType) {
        const upload = new _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__/* .Upload */ ._({
            client: this.client,
            params: { Bucket: this.options.bucket, Key: key, Body: source, ContentType: contentType },
            partSize: this.options.partSize ?? PART_SIZE,
            queueSize: QUEUE_SIZE,
            leavePartsOnError: false
        });
        try {
            await upload.done();
        }
        catch (error) {
            // lib-storage stops reading on a failed part; the source must not keep pg_dump running.
            if (!source.destroyed)
                source.destroy(error);
            throw this.wrap(error, `upload ${key}`);
        }
    }
    async putBytes(key, body, contentType) {
        await this.call(`write ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType })));
    }
    async getBytes(key) {
        const response = await this.call(`read ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.GetObjectCommand({ Bucket: this.options.bucket, Key: key })));
        return Buffer.from(await response.Body.transformToByteArray());
    }
    async download(key, filePath) {
        const response = await this.call(`read ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.GetObjectCommand({ Bucket: this.options.bucket, Key: key })));
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(response.Body, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(filePath, { mode: 0o600 }));
    }
    async list(directory) {
        const out = [];
        let token;
        do {
            const page = await this.call(`list ${directory}/`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.ListObjectsV2Command({
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
        await this.call(`delete ${key}`, () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.DeleteObjectCommand({ Bucket: this.options.bucket, Key: key })));
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
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ)
            return error;
        const e = error;
        const where = `s3://${this.options.bucket}${this.options.endpoint ? ` at ${(0,_destination_js__WEBPACK_IMPORTED_MODULE_4__/* .redactEndpoint */ .Xh)(this.options.endpoint)}` : ''}`;
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`Storage error during ${what} on ${where}${status}: ${name}${e.message ?? String(error)}`, { hint, cause: error });
    }
}


/***/ })

};

//# sourceMappingURL=524.index.js.map
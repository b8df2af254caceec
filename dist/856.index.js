export const id = 856;
export const ids = [856];
export const modules = {

/***/ 6856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ArtifactStorage: () => (/* binding */ ArtifactStorage),
/* harmony export */   keyOfArtifact: () => (/* binding */ keyOfArtifact)
/* harmony export */ });
/* unused harmony export artifactName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40111);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);






/**
 * Artifact names cannot hold `/`; a key's folders are joined with `__` instead (database names in keys are
 * sanitised so that they never contain it).
 */
function artifactName(key) {
    return key.split('/').join('__');
}
function keyOfArtifact(name) {
    return name.split('__').join('/');
}
/**
 * A GitHub artifact per object (`skipArchive`: the file as-is, no zip). The artifact API takes files, not streams,
 * so the object is written to RUNNER_TEMP first and uploaded only after the source ended successfully; a failure
 * before that leaves no artifact. Artifacts cannot be deleted without a token, so retention uses `retention-days`.
 */
class ArtifactStorage {
    tempRoot;
    retentionDays;
    kind = 'artifact';
    canDelete = false;
    client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_4__/* .DefaultArtifactClient */ .t9();
    constructor(tempRoot, retentionDays) {
        this.tempRoot = tempRoot;
        this.retentionDays = retentionDays;
    }
    uri(key) {
        return `artifact://${artifactName(key)}`;
    }
    async withTempDir(work) {
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.tempRoot, 'pgops-artifact-'));
        try {
            return await work(dir);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        }
    }
    async uploadFile(name, dir) {
        try {
            await this.client.uploadArtifact(name, [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name)], dir, {
                skipArchive: true,
                retentionDays: this.retentionDays
            });
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Uploading the artifact ${name} failed: ${error.message}`, {
                hint: 'Artifacts work only inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL) and not on GHES.',
                cause: error
            });
        }
    }
    async upload(key, source) {
        const name = artifactName(key);
        await this.withTempDir(async (dir) => {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(source, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name), { mode: 0o600 }));
            await this.uploadFile(name, dir);
        });
    }
    async putBytes(key, body) {
        const name = artifactName(key);
        await this.withTempDir(async (dir) => {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name), body, { mode: 0o600 });
            await this.uploadFile(name, dir);
        });
    }
    async fetchTo(key, use) {
        const name = artifactName(key);
        const { artifact } = await this.client.getArtifact(name).catch((error) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Artifact ${name} was not found in this workflow run: ${error.message}`, { cause: error });
        });
        return this.withTempDir(async (dir) => {
            await this.client.downloadArtifact(artifact.id, { path: dir, skipDecompress: true });
            const files = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
            if (files.length !== 1)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Artifact ${name} did not download as a single file.`);
            return use((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, files[0]));
        });
    }
    async getBytes(key) {
        return this.fetchTo(key, (file) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file));
    }
    async download(key, filePath) {
        await this.fetchTo(key, (file) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(file, filePath));
    }
    async list(directory) {
        const { artifacts } = await this.client.listArtifacts({ latest: true });
        const prefix = directory ? `${directory}/` : '';
        return artifacts
            .map((a) => ({ key: keyOfArtifact(a.name), size: a.size }))
            .filter((o) => o.key.startsWith(prefix) && !o.key.slice(prefix.length).includes('/'));
    }
    async delete() {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ('Artifacts are not deleted by this action; they expire after `retention-days`.');
    }
}


/***/ })

};

//# sourceMappingURL=856.index.js.map
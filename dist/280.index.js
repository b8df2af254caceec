export const id = 280;
export const ids = [280];
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
        const result = await (0,_backup_run_backup_js__WEBPACK_IMPORTED_MODULE_2__/* .runBackup */ .Q3)({
            connection: ctx.connection,
            workingDirectory: ctx.workingDirectory,
            settings: ctx.settings
        });
        const retentionFailed = result.retention?.failed;
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
            },
            completed: `Backup stored as ${result.uri} (${result.size} bytes, sha256 ${result.sha256}) with its manifest ${result.manifestUri}`,
            // Retention that cannot delete fails the step (storage would grow unnoticed), but never un-reports the backup.
            failure: retentionFailed === undefined
                ? undefined
                : new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Backup stored as ${result.uri} with its manifest ${result.manifestUri}, but retention failed: ${retentionFailed}`, {
                    hint: 'The new backup is complete and usable. Give the credentials s3:DeleteObject (and s3:ListBucket) on the prefix, or remove `keep-last`/`keep-days` and expire old backups with a bucket lifecycle rule.'
                })
        };
    }
    catch (error) {
        const failure = toActionError(error);
        const leftover = error instanceof _backup_run_backup_js__WEBPACK_IMPORTED_MODULE_2__/* .BackupLeftoverError */ .kU ? error.leftover : undefined;
        return {
            outputs: {},
            markdown: (0,_backup_report_js__WEBPACK_IMPORTED_MODULE_1__/* .renderBackupFailure */ .B7)(ctx.connection.database, (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(failure.message), leftover),
            report: { backup: { failed: true, error: (0,_util_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(failure.describe()), leftover: leftover ?? null } },
            failure
        };
    }
}


/***/ })

};

//# sourceMappingURL=280.index.js.map
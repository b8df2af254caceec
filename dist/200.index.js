export const id = 200;
export const ids = [200];
export const modules = {

/***/ 27200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ migrateStartup),
/* harmony export */   connectEarly: () => (/* binding */ connectEarly)
/* harmony export */ });
/* harmony import */ var _db_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92059);
/* harmony import */ var _settings_lock_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35418);
/**
 * The connection request of a migrate mode, sent before the mode's code is loaded. Through a remote database's
 * public proxy every round trip costs 10–100 ms, and a connection takes three or more (TCP, TLS, authentication)
 * before the first query: sent first, they are answered while the mode loads and the migrations folder is read
 * (see bench/, status through a 20 ms round trip). Only the startup message and the authentication exchange are
 * sent before the folder is accepted: a refused migration file still stops the run before any statement reaches
 * the database, and the request is closed unused (`discard`).
 *
 * Kept small on purpose: importing this module must cost little more than `pg` itself.
 */


/** The startup options of a migrate mode's session (migrate-deploy's lock_timeout / statement_timeout). */
function migrateStartup(settings) {
    return {
        baseDir: settings.workingDirectory,
        sessionSettings: settings.mode === 'migrate-deploy' ? (0,_settings_lock_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .sessionTimeouts */ .n)(settings.lockSafety) : undefined
    };
}
/** The mode's connection request, on its way; undefined without a database (an offline review). */
function connectEarly(settings) {
    return settings.connection ? (0,_db_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .startConnecting */ .FW)(settings.connection, migrateStartup(settings)) : undefined;
}


/***/ })

};

//# sourceMappingURL=200.index.js.map
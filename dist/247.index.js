export const id = 247;
export const ids = [247];
export const modules = {

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


/***/ }),

/***/ 67247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readReviewInputs: () => (/* binding */ readReviewInputs)
/* harmony export */ });
/* harmony import */ var _review_rule_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45488);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54781);


/**
 * The review inputs, checked together for both modes that review (migrate-status and migrate-deploy), so that a
 * wrong value fails either the same way; each mode keeps the fields it uses.
 */
function readReviewInputs(read) {
    return {
        allowDestructive: (0,_input_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(read, 'allow-destructive', false),
        failOn: (0,_input_js__WEBPACK_IMPORTED_MODULE_1__/* .parseChoice */ .HU)(read, 'fail-on', _review_rule_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .FAIL_ON */ .d$, 'error'),
        rules: (0,_review_rule_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRuleOverrides */ .Lc)((0,_input_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(read, 'rules')),
        comment: (0,_input_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(read, 'comment', true),
        githubToken: read('github-token'),
        baseRef: read('base-ref') || undefined
    };
}


/***/ })

};

//# sourceMappingURL=247.index.js.map
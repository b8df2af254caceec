export const id = 906;
export const ids = [906];
export const modules = {

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ info)
/* harmony export */ });
/* unused harmony export neutralizeCommands */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);

/**
 * The runner reads a line of the step's stdout as a workflow command when, after leading whitespace, it starts with
 * `::` (`::add-mask::`, `::warning::`, `::stop-commands::`…), or when it contains the legacy prefix `##[` anywhere.
 * Text that comes from a pull request, a database or a backup (directory names, SQL, server messages) can hold
 * either. A zero-width space after the first character keeps the line readable and makes it no command.
 * Annotations and groups (`core.warning`, `core.group`…) escape their text themselves; `core.info` does not.
 */
function neutralizeCommands(text) {
    // `m`: a line starts after \n and after a lone \r too, as the runner splits them. .NET's Trim() also strips U+0085,
    // which `\s` does not cover.
    return text.replace(/^([\s\u0085]*):(?=:)/gm, '$1:\u200b').replace(/#(?=#\[)/g, '#\u200b');
}
/** `core.info` for any text that may hold something we did not write. */
function info(text) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(neutralizeCommands(text));
}


/***/ })

};

//# sourceMappingURL=906.index.js.map
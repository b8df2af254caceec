#!/usr/bin/env node
// The structure checks of CONTRIBUTING.md, over src/ with the TypeScript compiler API (no other tool needed):
// - no import cycle (static, dynamic and type-only imports all count: a cycle of types is still a tangle);
// - each folder imports only what the path table allows (LAYERS below, the same table as CONTRIBUTING.md);
// - no function longer than MAX_FUNCTION_LINES, except the KNOWN_LONG ones (each with whose lane clears it);
// - no top-level helper defined twice (the same function name declared in two files).
// `node scripts/check-structure.mjs` prints what it finds and exits 1 on any violation; `--report` prints the
// measures (longest functions, cycles, duplicates) and always exits 0. `npm run lint` runs it.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SRC = join(ROOT, 'src')

export const MAX_FUNCTION_LINES = 80

/**
 * Functions allowed over the limit for a while, by `file:name` → the work that will split them (say whose, and
 * remove the entry once it is done). Empty: every function is within the limit.
 */
export const KNOWN_LONG = new Map()

/**
 * Folder (first path segment under src/, or a top-level file) → the folders (or single files, e.g.
 * `render/markdown.ts`) it may import. The path table of CONTRIBUTING.md; `*` = any.
 */
export const LAYERS = {
  'index.ts': ['main.ts', 'cli', 'dirname-shim.ts'],
  'main.ts': ['*'],
  'dirname-shim.ts': [],
  'constants.ts': [],
  'errors.ts': [],
  cli: ['*'],
  modes: ['*'],
  settings: ['constants.ts', 'errors.ts', 'db', 'migrate', 'review', 'backup', 'util'],
  migrate: ['constants.ts', 'errors.ts', 'db', 'sql', 'util'],
  review: ['constants.ts', 'errors.ts', 'db', 'sql', 'migrate', 'render/markdown.ts', 'util'],
  backup: ['constants.ts', 'errors.ts', 'db', 'util'],
  render: ['constants.ts', 'errors.ts', 'review', 'backup', 'migrate', 'github', 'util'],
  report: ['constants.ts', 'errors.ts', 'review', 'util'],
  github: ['constants.ts', 'errors.ts', 'util'],
  db: ['constants.ts', 'errors.ts', 'util'],
  sql: ['constants.ts', 'errors.ts', 'util'],
  util: ['constants.ts', 'errors.ts']
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const rel = (path) => relative(ROOT, path).split('\\').join('/')
const layerOf = (path) => relative(SRC, path).split(/[\\/]/)[0]

function parse(path) {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true)
}

/** Every module specifier a file imports: `import`, `export ... from`, `import()`. */
function importsOf(source) {
  const out = []
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      out.push(node.moduleSpecifier.text)
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      out.push(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

function resolveLocal(from, specifier) {
  if (!specifier.startsWith('.')) return undefined
  return resolve(dirname(from), specifier).replace(/\.js$/, '.ts')
}

function functionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  return '(anonymous)'
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node)

function functionsOf(source) {
  const out = []
  const visit = (node) => {
    if (isFunction(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      out.push({ name: functionName(node), lines: end - start + 1, line: start + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

/** Names of functions declared at the top level of a module (declarations and `const x = () => ...`). */
function topLevelHelpers(source) {
  const names = []
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text)
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (
          ts.isIdentifier(d.name) &&
          d.initializer &&
          (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
        )
          names.push(d.name.text)
  }
  return names
}

/** Elementary cycles, each reported once (Tarjan's strongly connected components, then one path per component). */
function findCycles(graph) {
  let index = 0
  const stack = []
  const onStack = new Set()
  const indices = new Map()
  const low = new Map()
  const components = []
  const strongConnect = (v) => {
    indices.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strongConnect(w)
        low.set(v, Math.min(low.get(v), low.get(w)))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)))
    }
    if (low.get(v) === indices.get(v)) {
      const component = []
      let w
      do {
        w = stack.pop()
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component)
    }
  }
  for (const v of graph.keys()) if (!indices.has(v)) strongConnect(v)
  return components.map((c) => c.map(rel).sort())
}

export function analyse() {
  const files = sourceFiles(SRC)
  const graph = new Map()
  const layerViolations = []
  const functions = []
  const helpers = new Map()
  for (const path of files) {
    const source = parse(path)
    const targets = importsOf(source)
      .map((s) => resolveLocal(path, s))
      .filter(Boolean)
    graph.set(path, targets)
    const from = layerOf(path)
    const allowed = LAYERS[from]
    for (const target of targets) {
      const to = layerOf(target)
      const file = relative(SRC, target).split(/[\\/]/).join('/')
      if (to === from || !allowed || allowed.includes('*') || allowed.includes(to) || allowed.includes(file))
        continue
      layerViolations.push(
        `${rel(path)} imports ${rel(target)} (${from}/ may import: ${allowed.join(', ') || 'nothing'})`
      )
    }
    for (const f of functionsOf(source)) functions.push({ file: rel(path), ...f })
    for (const name of topLevelHelpers(source)) helpers.set(name, [...(helpers.get(name) ?? []), rel(path)])
  }
  const cycles = findCycles(graph)
  const long = functions.filter((f) => f.lines > MAX_FUNCTION_LINES).sort((a, b) => b.lines - a.lines)
  const duplicateHelpers = [...helpers].filter(([, where]) => where.length > 1)
  return { files, functions, long, cycles, layerViolations, duplicateHelpers }
}

function main() {
  const result = analyse()
  const report = process.argv.includes('--report')
  const problems = []
  for (const cycle of result.cycles) problems.push(`import cycle: ${cycle.join(' → ')}`)
  problems.push(...result.layerViolations.map((v) => `import across layers: ${v}`))
  for (const f of result.long) {
    const known = KNOWN_LONG.get(`${f.file}:${f.name}`)
    if (known) console.log(`known exception: ${f.file}:${f.line} ${f.name} (${f.lines} lines) — ${known}`)
    else
      problems.push(
        `function over ${MAX_FUNCTION_LINES} lines: ${f.file}:${f.line} ${f.name} (${f.lines} lines)`
      )
  }
  for (const [name, where] of result.duplicateHelpers)
    problems.push(`helper defined twice: ${name} in ${where.join(', ')}`)
  if (report) {
    const top = [...result.functions].sort((a, b) => b.lines - a.lines).slice(0, 25)
    console.log(`${result.files.length} files, ${result.functions.length} functions; longest:`)
    for (const f of top) console.log(`  ${String(f.lines).padStart(4)}  ${f.file}:${f.line} ${f.name}`)
  }
  for (const p of problems) console.log(p)
  console.log(
    problems.length === 0
      ? `structure: no cycle, no layer violation, no function over ${MAX_FUNCTION_LINES} lines${KNOWN_LONG.size > 0 ? ' but the known ones' : ''}, no helper defined twice`
      : `structure: ${problems.length} problem(s)`
  )
  if (problems.length > 0 && !report) process.exitCode = 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()

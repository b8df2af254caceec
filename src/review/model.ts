import type { ParsedStatement } from '../sql/parse.js'
import {
  type AnyNode,
  calledFunctions,
  collectRelations,
  columnDefOf,
  cteNames,
  displayName,
  isSelfContained,
  objectKey,
  qualifiedName,
  type RelationName,
  relationOf,
  stringsOf,
  type TypeInfo,
  typeOf
} from '../sql/ast.js'
import type { DataSource, Holdings } from './holdings.js'
import type { StakeRequest } from './types.js'

/** What the target database holds before the deploy, as far as the review needs it to name objects exactly. */
export interface DatabaseCatalog {
  /** Schemas searched for an unqualified name, in order (`current_schemas(false)`). */
  searchPath: string[]
  /** Where an unqualified CREATE puts a table (`current_schema()`); undefined when no schema qualifies. */
  creationSchema?: string
  /** `relationKey(schema, name)` of every relation the pending SQL names that exists in the database. */
  relations: ReadonlySet<string>
  /** Functions the pending SQL calls that the database defines itself (not built in, not from an extension). */
  functions?: ReadonlySet<string>
}

/** A function or procedure created (or replaced) by the pending migrations. */
export interface PendingRoutine {
  name: string
  kind: 'function' | 'procedure'
  migration?: string
  line: number
  /** `CREATE OR REPLACE`: objects already in the database (triggers, defaults, views) may call the new body. */
  replaces: boolean
  /** Returns `trigger` or `event_trigger`: it runs when a trigger fires, without being named. */
  trigger: boolean
}

/** The key of one relation: schema and name exactly (names are already case-folded by the parser). */
export function relationKey(schema: string, name: string): string {
  return `${schema}\u0000${name}`
}

const TEMP = 'pg_temp'
/** Without a database the review assumes Prisma's default: everything unqualified is in `public`. */
const OFFLINE_PATH = ['public']

interface ColumnState {
  type?: TypeInfo
  /** Set when the pending set added the column to a table that existed before. */
  createdBy?: string
  /** The column's name in the database, for a column of an existing table that the pending set renamed. */
  databaseName?: string
  sources: DataSource[]
}

interface TableState {
  schema: string
  name: string
  /** Set for a table created in the pending set. */
  createdBy?: string
  /** Set for a table that existed before the deploy: its name in the database. */
  databaseName?: RelationName
  /** Every column of a created table; for an existing table, only the ones the pending set added or changed. */
  columns: Map<string, ColumnState>
  /** Where rows written into a created table come from. */
  sources: DataSource[]
}

const split = (key: string): RelationName => {
  const [schema, name] = key.split('\u0000')
  return { schema, name }
}

/** A write statement without its target table: what is left is what it reads. */
const withoutTarget = (node: AnyNode): AnyNode => ({ ...node, relation: undefined })

const show = (rel: RelationName): string => (rel.schema === TEMP ? rel.name : displayName(rel))

/**
 * What the pending migrations create, rename, fill and drop, followed statement by statement and named as Postgres
 * resolves names (schema-qualified, temporary tables first, then the search path; quoted names exactly). A table
 * created earlier in the pending set holds no data in the target database yet, so lock and data-loss rules do not
 * apply to it; its column types and enum values are known without a database. With a database catalog the model
 * also knows which names exist there, so it can tell, for each destructive statement, whether the object it
 * destroys holds data that existed before the deploy (`holdings`).
 */
export class PendingModel {
  private readonly tables = new Map<string, TableState>()
  /** Keys of relations of the database that the pending set dropped, renamed or moved away. */
  private readonly gone = new Set<string>()
  private readonly enums = new Map<string, string[]>()
  /** Every view created in the pending set → its name, the tables its query reads and the query. */
  private readonly views = new Map<string, { name: RelationName; reads: string[]; query: AnyNode }>()
  /** Functions the pending set or the database defines (by last name): calling one can move any data. */
  private readonly functions = new Set<string>()
  /** Functions and procedures by bare name (schema ignored: a call may reach any of them through search_path). */
  private readonly routines = new Map<string, PendingRoutine>()
  /** Keys of tables the pending set puts a trigger on: writing to them can move any data. */
  private readonly triggered = new Set<string>()
  private searchPath: string[]
  private creationSchema: string | undefined
  /** The path to restore when the file ends (after `SET LOCAL search_path`). */
  private sessionPath: { path: string[]; creation: string | undefined }
  private migration = ''

  constructor(private readonly catalog?: DatabaseCatalog) {
    for (const name of catalog?.functions ?? []) this.functions.add(name)
    this.searchPath = catalog ? [...catalog.searchPath] : OFFLINE_PATH
    this.creationSchema = catalog ? catalog.creationSchema : 'public'
    this.sessionPath = { path: this.searchPath, creation: this.creationSchema }
  }

  /** Starts the next migration file: Prisma runs each file as one transaction on one session. */
  beginMigration(name: string): void {
    this.migration = name
    this.searchPath = this.sessionPath.path
    this.creationSchema = this.sessionPath.creation
  }

  isNewTable(rel: RelationName): boolean {
    return this.lookup(rel).state?.createdBy !== undefined
  }

  columnType(rel: RelationName, column: string): TypeInfo | undefined {
    return this.lookup(rel).state?.columns.get(column)?.type
  }

  enumValues(rel: RelationName): string[] | undefined {
    return this.enums.get(objectKey(rel))
  }

  isNewView(rel: RelationName): boolean {
    return this.views.has(objectKey(rel))
  }

  /** Views created in the pending set (and not dropped since) that read the table. */
  viewsReading(rel: RelationName): RelationName[] {
    const key = objectKey(rel)
    return [...this.views.values()].filter((v) => v.reads.includes(key)).map((v) => v.name)
  }

  hasRoutines(): boolean {
    return this.routines.size > 0
  }

  /** The function or procedure of that name created earlier in the pending set. */
  routine(name: string): PendingRoutine | undefined {
    return this.routines.get(name)
  }

  /** Routines created earlier in the pending set that the database may run without a statement naming them. */
  implicitRoutines(): PendingRoutine[] {
    return [...new Set(this.routines.values())].filter((r) => r.replaces || r.trigger)
  }

  /** What the table (or one of its columns) holds at this point of the deploy. */
  holdings(rel: RelationName, column?: string): Holdings {
    const found = this.lookup(rel)
    const state = found.state
    const label = (table: RelationName, col = column): string =>
      col === undefined ? show(table) : `${show(table)}.${col}`
    if (state?.createdBy)
      return {
        kind: 'created',
        by: state.createdBy,
        name: show(state),
        sources: [...state.sources, ...((column && state.columns.get(column)?.sources) || [])],
        ...(state.schema === TEMP ? { temporary: true } : {})
      }
    if (!this.catalog) return { kind: 'unknown' }
    if (state?.databaseName || found.inDatabase) {
      const col = column === undefined ? undefined : state?.columns.get(column)
      if (state && col?.createdBy)
        return { kind: 'created', by: col.createdBy, name: label(state), sources: col.sources }
      const database = state?.databaseName ?? split(found.key)
      const databaseColumn = col?.databaseName ?? column
      const here = label(state ?? database)
      const there = label(database, databaseColumn)
      return { kind: 'existing', name: here, databaseName: here === there ? undefined : there }
    }
    return { kind: 'absent', name: label(split(found.key)) }
  }

  /**
   * The stake to count in the database for a statement at this point: names the pending set gave to existing
   * objects are mapped back to the database's names; objects the pending set created are not counted (they are
   * not in the database). Undefined when there is nothing to count.
   */
  stakeInDatabase(stake: StakeRequest): StakeRequest | undefined {
    const map = (table: RelationName, column?: string): { table: RelationName; column?: string } | null => {
      const found = this.lookup(table)
      if (found.state?.createdBy) return null
      const col = column === undefined ? undefined : found.state?.columns.get(column)
      if (col?.createdBy) return null
      if (!this.catalog) return { table, column }
      const database = found.state?.databaseName ?? split(found.key)
      return { table: database, column: col?.databaseName ?? column }
    }
    switch (stake.kind) {
      case 'table-rows': {
        const m = map(stake.table)
        return m ? { ...stake, table: m.table } : undefined
      }
      case 'non-null':
      case 'nulls':
      case 'cast': {
        const m = map(stake.table, stake.column)
        return m ? { ...stake, table: m.table, column: m.column ?? stake.column } : undefined
      }
      case 'duplicates': {
        const m = map(stake.table)
        if (!m) return undefined
        const columns = stake.columns.map((c) => map(stake.table, c)?.column ?? c)
        return { ...stake, table: m.table, columns }
      }
      case 'enum-values': {
        const usages = stake.usages
          .map((u) => map(u.table, u.column))
          .filter((u): u is { table: RelationName; column: string } => u !== null)
        return usages.length ? { ...stake, usages } : undefined
      }
    }
  }

  /** Records what the statement creates, alters, fills or drops. Call after the rules have seen it. */
  apply(stmt: ParsedStatement): void {
    const node = (stmt.node as AnyNode)[stmt.kind]
    switch (stmt.kind) {
      case 'CreateStmt':
        return this.applyCreate(node)
      case 'CreateTableAsStmt':
        return this.createAs(node.into?.rel, node.if_not_exists, node.query, stmt)
      case 'SelectStmt':
        if (node.intoClause)
          return this.createAs(node.intoClause.rel, false, { ...node, intoClause: undefined }, stmt)
        return this.opaqueIfCalling(node, stmt, 'a function that is not built in')
      case 'ViewStmt':
        return this.applyView(node)
      case 'InsertStmt':
        return this.applyInsert(node, stmt)
      case 'UpdateStmt':
        return this.applyUpdate(node, stmt)
      case 'MergeStmt': {
        const target = relationOf(node.relation)
        if (target) this.fill(target, this.readSources(withoutTarget(node), stmt), undefined, stmt)
        return
      }
      case 'DeleteStmt':
        return this.applyDelete(node, stmt)
      case 'CopyStmt': {
        const target = relationOf(node.relation)
        if (target && node.is_from) this.fill(target, [this.opaque(stmt, 'COPY ... FROM')], undefined, stmt)
        return
      }
      case 'DoStmt':
        return this.opaqueAll(stmt, 'a DO block')
      case 'CallStmt':
        return this.opaqueAll(stmt, 'a procedure call')
      default:
        return this.applyDefinition(stmt.kind, node, stmt)
    }
  }

  /** Statements that define or rename things rather than move data. */
  private applyDefinition(kind: string, node: AnyNode, stmt: ParsedStatement): void {
    switch (kind) {
      case 'CreateFunctionStmt':
        return this.applyCreateFunction(node, stmt)
      case 'CreateTrigStmt': {
        const rel = relationOf(node.relation)
        if (rel) this.triggered.add(this.lookup(rel).key)
        return
      }
      case 'VariableSetStmt':
        return this.applySearchPath(node)
      case 'AlterTableStmt':
        return this.applyAlterTable(node)
      case 'AlterObjectSchemaStmt':
        if (node.objectType === 'OBJECT_TABLE') {
          const rel = relationOf(node.relation)
          if (rel && typeof node.newschema === 'string') this.move(rel, node.newschema, rel.name)
        }
        return
      case 'DropStmt':
        return this.applyDrop(node)
      case 'RenameStmt':
        return this.applyRename(node)
      case 'CreateEnumStmt':
        this.enums.set(objectKey(qualifiedName(stringsOf(node.typeName))), stringsOf(node.vals))
        return
      case 'AlterEnumStmt': {
        const values = this.enums.get(objectKey(qualifiedName(stringsOf(node.typeName))))
        if (values && typeof node.newVal === 'string' && !node.oldVal) values.push(node.newVal)
        return
      }
    }
  }

  private applyCreate(node: AnyNode): void {
    const rel = relationOf(node.relation)
    if (!rel) return
    if (node.if_not_exists && this.exists(rel)) return
    const columns = new Map<string, ColumnState>()
    for (const elt of node.tableElts ?? []) {
      const col = columnDefOf(elt)
      if (col) columns.set(col.name, { type: col.type, sources: [] })
    }
    this.create(rel, node.relation, columns, [])
  }

  private applyView(node: AnyNode): void {
    const rel = relationOf(node.view)
    if (rel)
      this.views.set(objectKey(rel), {
        name: rel,
        reads: collectRelations(node.query).map(objectKey),
        query: node.query
      })
  }

  private applyInsert(node: AnyNode, stmt: ParsedStatement): void {
    const target = relationOf(node.relation)
    if (!target) return
    const columns = (node.cols ?? [])
      .map((c: AnyNode) => c?.ResTarget?.name)
      .filter((n: unknown): n is string => typeof n === 'string')
    this.fill(target, this.readSources(withoutTarget(node), stmt), columns.length ? columns : undefined, stmt)
  }

  private applyDelete(node: AnyNode, stmt: ParsedStatement): void {
    const target = relationOf(node.relation)
    if (target && this.triggered.has(this.lookup(target).key))
      this.opaqueAll(stmt, 'a trigger this deploy created')
    return this.opaqueIfCalling(node, stmt, 'a function that is not built in')
  }

  private applyCreateFunction(node: AnyNode, stmt: ParsedStatement): void {
    const name = stringsOf(node.funcname).pop()
    if (!name) return
    this.functions.add(name)
    const returns = stringsOf(node.returnType?.names ?? []).pop()
    this.routines.set(name, {
      name,
      kind: node.is_procedure ? 'procedure' : 'function',
      migration: this.migration,
      line: stmt.startLine,
      replaces: node.replace === true,
      trigger: returns === 'trigger' || returns === 'event_trigger'
    })
  }

  /** The relation a name refers to now, as Postgres resolves it: temporary tables, then the search path. */
  private lookup(rel: RelationName): { key: string; state?: TableState; inDatabase?: boolean } {
    if (rel.schema) {
      const key = relationKey(rel.schema, rel.name)
      const state = this.tables.get(key)
      return { key, state, inDatabase: state ? false : this.inDatabase(key) }
    }
    const temp = relationKey(TEMP, rel.name)
    if (this.tables.has(temp)) return { key: temp, state: this.tables.get(temp) }
    for (const schema of this.searchPath) {
      const key = relationKey(schema, rel.name)
      const state = this.tables.get(key)
      if (state) return { key, state }
      const inDatabase = this.inDatabase(key)
      if (inDatabase !== false) return { key, inDatabase }
    }
    return {
      key: relationKey(this.creationSchema ?? this.searchPath[0] ?? 'public', rel.name),
      inDatabase: false
    }
  }

  /** Whether the database held the relation before the deploy and the deploy has not removed it; unknown offline. */
  private inDatabase(key: string): boolean | undefined {
    if (this.gone.has(key)) return false
    return this.catalog ? this.catalog.relations.has(key) : undefined
  }

  private exists(rel: RelationName): boolean {
    const found = this.lookup(rel)
    return found.state !== undefined || found.inDatabase !== false
  }

  /** The state of a table, created on first change for a table of the database. */
  private stateOf(rel: RelationName): TableState | undefined {
    const found = this.lookup(rel)
    if (found.state) return found.state
    if (found.inDatabase === false) return undefined
    const database = split(found.key)
    const state: TableState = {
      ...database,
      databaseName: database,
      columns: new Map(),
      sources: []
    } as TableState
    this.tables.set(found.key, state)
    return state
  }

  private create(
    rel: RelationName,
    rangeVar: AnyNode,
    columns: Map<string, ColumnState>,
    sources: DataSource[]
  ): void {
    const temporary = (rangeVar?.RangeVar ?? rangeVar)?.relpersistence === 't'
    const schema = temporary ? TEMP : (rel.schema ?? this.creationSchema ?? this.searchPath[0] ?? 'public')
    this.tables.set(relationKey(schema, rel.name), {
      schema,
      name: rel.name,
      createdBy: this.migration,
      columns,
      sources
    })
  }

  private createAs(rangeVar: AnyNode, ifNotExists: boolean, query: AnyNode, stmt: ParsedStatement): void {
    const rel = relationOf(rangeVar)
    if (!rel || (ifNotExists && this.exists(rel))) return
    this.create(rel, rangeVar, new Map(), this.readSources(query, stmt))
  }

  /** Where the data a statement reads comes from: every table (through views and CTEs) and opaque calls. */
  private readSources(node: AnyNode, stmt?: ParsedStatement, depth = 0): DataSource[] {
    const ctes = cteNames(node)
    const out: DataSource[] = []
    for (const rel of collectRelations(node)) {
      if (!rel.schema && ctes.has(rel.name)) continue
      const view = this.views.get(objectKey(rel))
      if (view && depth < 8) {
        out.push(...this.readSources(view.query, stmt, depth + 1))
        continue
      }
      const found = this.lookup(rel)
      if (found.state?.createdBy)
        out.push(
          { kind: 'created', by: found.state.createdBy, name: show(found.state) },
          ...found.state.sources
        )
      else out.push({ kind: 'existing', name: show(found.state?.databaseName ?? split(found.key)) })
    }
    if (stmt && [...calledFunctions(node)].some((f) => this.functions.has(f)))
      out.push(this.opaque(stmt, 'a function that is not built in'))
    return out
  }

  private opaque(stmt: ParsedStatement, what: string): DataSource {
    return { kind: 'opaque', migration: this.migration, line: stmt.startLine, what }
  }

  /** A statement the review cannot follow may have written anything into every object created so far. */
  private opaqueAll(stmt: ParsedStatement, what: string): void {
    const source = this.opaque(stmt, what)
    for (const state of this.tables.values()) {
      if (state.createdBy) state.sources.push(source)
      for (const col of state.columns.values()) if (col.createdBy) col.sources.push(source)
    }
  }

  private opaqueIfCalling(node: AnyNode, stmt: ParsedStatement, what: string): void {
    if ([...calledFunctions(node)].some((f) => this.functions.has(f))) this.opaqueAll(stmt, what)
  }

  /** Rows (or the given columns) written into a table from the sources. */
  private fill(
    target: RelationName,
    sources: DataSource[],
    columns: string[] | undefined,
    stmt: ParsedStatement | undefined
  ): void {
    const found = this.lookup(target)
    if (stmt && this.triggered.has(found.key)) this.opaqueAll(stmt, 'a trigger this deploy created')
    const state = found.state
    if (!state || sources.length === 0) return
    if (state.createdBy) {
      state.sources.push(...sources)
      return
    }
    for (const [name, col] of state.columns)
      if (col.createdBy && (!columns || columns.includes(name))) col.sources.push(...sources)
  }

  private applyUpdate(node: AnyNode, stmt: ParsedStatement): void {
    const target = relationOf(node.relation)
    if (!target) return
    const from = this.readSources({ from: node.fromClause, with: node.withClause }, stmt)
    const self = this.readSources({ RangeVar: node.relation.RangeVar ?? node.relation })
    const found = this.lookup(target)
    if (this.triggered.has(found.key)) this.opaqueAll(stmt, 'a trigger this deploy created')
    this.opaqueIfCalling(node, stmt, 'a function that is not built in')
    for (const item of node.targetList ?? []) {
      const res = item?.ResTarget
      if (!res || typeof res.name !== 'string' || isSelfContained(res.val)) continue
      // A value computed from other columns of the row (or from a joined table) copies their data.
      this.fill(target, [...this.readSources(res.val, stmt), ...from, ...self], [res.name], stmt)
    }
  }

  private applySearchPath(node: AnyNode): void {
    if (node.name !== 'search_path') return
    let path: string[]
    if (node.kind === 'VAR_SET_VALUE')
      path = (node.args ?? [])
        .map((a: AnyNode) => a?.A_Const?.sval?.sval)
        .filter((s: unknown): s is string => typeof s === 'string' && s !== '$user')
    else if (node.kind === 'VAR_RESET' || node.kind === 'VAR_SET_DEFAULT')
      path = this.catalog?.searchPath ?? OFFLINE_PATH
    else return
    // Without a database the schemas cannot be checked; with one, the first schema of the path is where CREATE goes.
    this.searchPath = path
    this.creationSchema = path[0]
    if (!node.is_local) this.sessionPath = { path, creation: path[0] }
  }

  private applyAlterTable(node: AnyNode): void {
    const rel = relationOf(node.relation)
    if (!rel || (node.objtype && node.objtype !== 'OBJECT_TABLE')) return
    for (const cmd of (node.cmds ?? []).map((c: AnyNode) => c.AlterTableCmd)) {
      if (cmd?.subtype === 'AT_AddColumn') {
        const col = columnDefOf(cmd.def)
        const state = col && this.stateOf(rel)
        if (!col || !state) continue
        const generated = (cmd.def?.ColumnDef?.constraints ?? []).some(
          (c: AnyNode) => c?.Constraint?.contype === 'CONSTR_GENERATED'
        )
        state.columns.set(col.name, {
          type: col.type,
          createdBy: state.createdBy ? undefined : this.migration,
          sources: generated ? this.readSources({ RangeVar: node.relation.RangeVar ?? node.relation }) : []
        })
      } else if (cmd?.subtype === 'AT_AttachPartition') {
        // The partition's rows are now the parent's: dropping the parent drops them.
        const partition = cmd.def?.PartitionCmd?.name
        if (partition) this.fill(rel, this.readSources({ RangeVar: partition }), undefined, undefined)
      } else if (cmd?.subtype === 'AT_AddInherit') {
        // A child's rows are read through its parent, and DROP ... CASCADE of the parent drops the child.
        const parent = relationOf(cmd.def)
        if (parent)
          this.fill(
            parent,
            this.readSources({ RangeVar: node.relation.RangeVar ?? node.relation }),
            undefined,
            undefined
          )
      } else if (cmd?.subtype === 'AT_DropColumn') this.lookup(rel).state?.columns.delete(cmd.name)
      else if (cmd?.subtype === 'AT_AlterColumnType') {
        const state = this.stateOf(rel)
        if (!state) continue
        const col = state.columns.get(cmd.name) ?? { sources: [] }
        state.columns.set(cmd.name, { ...col, type: typeOf(cmd.def?.ColumnDef?.typeName) })
      }
    }
  }

  private applyDrop(node: AnyNode): void {
    for (const obj of node.objects ?? []) {
      if (node.removeType === 'OBJECT_TABLE') {
        const key = this.lookup(qualifiedName(stringsOf(obj))).key
        this.tables.delete(key)
        this.gone.add(key)
      } else if (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
        this.views.delete(objectKey(qualifiedName(stringsOf(obj))))
      else if (node.removeType === 'OBJECT_TYPE')
        this.enums.delete(objectKey(qualifiedName(stringsOf(obj?.TypeName?.names))))
    }
  }

  /** A table renamed or moved to another schema: the same rows under a new key. */
  private move(rel: RelationName, schema: string | undefined, name: string): void {
    const found = this.lookup(rel)
    const state = this.stateOf(rel)
    if (!state) return
    this.tables.delete(found.key)
    this.gone.add(found.key)
    const target = schema ?? state.schema
    this.tables.set(relationKey(target, name), { ...state, schema: target, name })
  }

  private applyRename(node: AnyNode): void {
    if (node.renameType === 'OBJECT_FUNCTION' || node.renameType === 'OBJECT_PROCEDURE') {
      const routine = this.routines.get(stringsOf(node.object?.ObjectWithArgs?.objname ?? []).pop() ?? '')
      if (routine && typeof node.newname === 'string') {
        this.routines.set(node.newname, routine)
        this.functions.add(node.newname)
      }
    } else if (node.renameType === 'OBJECT_TABLE') {
      const rel = relationOf(node.relation)
      if (rel && typeof node.newname === 'string') this.move(rel, undefined, node.newname)
    } else if (node.renameType === 'OBJECT_COLUMN') {
      const rel = relationOf(node.relation)
      const state = rel && this.stateOf(rel)
      if (!state || typeof node.subname !== 'string' || typeof node.newname !== 'string') return
      const col = state.columns.get(node.subname)
      if (state.createdBy && !col) return
      state.columns.delete(node.subname)
      state.columns.set(node.newname, col ?? { databaseName: node.subname, sources: [] })
    } else if (node.renameType === 'OBJECT_TYPE') {
      const rel = qualifiedName(stringsOf(node.object))
      const values = this.enums.get(objectKey(rel))
      if (!values) return
      this.enums.delete(objectKey(rel))
      this.enums.set(objectKey({ schema: rel.schema, name: node.newname }), values)
    }
  }
}

import type { ParsedStatement } from '../sql/parse.js'
import {
  type AnyNode,
  collectRelations,
  columnDefOf,
  objectKey,
  qualifiedName,
  type RelationName,
  relationOf,
  stringsOf,
  type TypeInfo,
  typeOf
} from './ast.js'

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

/**
 * What the pending migrations create, followed statement by statement. A table created earlier in the pending
 * set holds no data in the target database yet, so lock and data-loss rules do not apply to it; its column types
 * and enum values are known without a database.
 */
export class PendingModel {
  private readonly tables = new Map<string, Map<string, TypeInfo>>()
  private readonly enums = new Map<string, string[]>()
  /** Every view created in the pending set → the tables its query reads. */
  private readonly views = new Map<string, { name: RelationName; reads: string[] }>()
  /** Functions and procedures by bare name (schema ignored: a call may reach any of them through search_path). */
  private readonly routines = new Map<string, PendingRoutine>()

  isNewTable(rel: RelationName): boolean {
    return this.tables.has(objectKey(rel))
  }

  columnType(rel: RelationName, column: string): TypeInfo | undefined {
    return this.tables.get(objectKey(rel))?.get(column)
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

  /** Records what the statement creates, alters or drops. Call after the rules have seen it. */
  apply(stmt: ParsedStatement, migration?: string): void {
    const node = (stmt.node as AnyNode)[stmt.kind]
    switch (stmt.kind) {
      case 'CreateFunctionStmt': {
        const name = stringsOf(node.funcname).pop()
        const returns = stringsOf(node.returnType?.names ?? []).pop()
        if (name)
          this.routines.set(name, {
            name,
            kind: node.is_procedure ? 'procedure' : 'function',
            migration,
            line: stmt.startLine,
            replaces: node.replace === true,
            trigger: returns === 'trigger' || returns === 'event_trigger'
          })
        return
      }
      case 'CreateStmt': {
        const rel = relationOf(node.relation)
        if (!rel) return
        const columns = new Map<string, TypeInfo>()
        for (const elt of node.tableElts ?? []) {
          const col = columnDefOf(elt)
          if (col) columns.set(col.name, col.type)
        }
        this.tables.set(objectKey(rel), columns)
        return
      }
      case 'CreateTableAsStmt': {
        const rel = relationOf(node.into?.rel)
        if (rel) this.tables.set(objectKey(rel), new Map())
        return
      }
      case 'ViewStmt': {
        const rel = relationOf(node.view)
        if (rel)
          this.views.set(objectKey(rel), { name: rel, reads: collectRelations(node.query).map(objectKey) })
        return
      }
      case 'AlterTableStmt':
        return this.applyAlterTable(node)
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

  private applyAlterTable(node: AnyNode): void {
    const rel = relationOf(node.relation)
    const columns = rel && this.tables.get(objectKey(rel))
    if (!columns) return
    for (const cmd of (node.cmds ?? []).map((c: AnyNode) => c.AlterTableCmd)) {
      if (cmd?.subtype === 'AT_AddColumn') {
        const col = columnDefOf(cmd.def)
        if (col) columns.set(col.name, col.type)
      } else if (cmd?.subtype === 'AT_DropColumn') columns.delete(cmd.name)
      else if (cmd?.subtype === 'AT_AlterColumnType')
        columns.set(cmd.name, typeOf(cmd.def?.ColumnDef?.typeName))
    }
  }

  private applyDrop(node: AnyNode): void {
    for (const obj of node.objects ?? []) {
      if (node.removeType === 'OBJECT_TABLE') this.tables.delete(objectKey(qualifiedName(stringsOf(obj))))
      else if (node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
        this.views.delete(objectKey(qualifiedName(stringsOf(obj))))
      else if (node.removeType === 'OBJECT_TYPE')
        this.enums.delete(objectKey(qualifiedName(stringsOf(obj?.TypeName?.names))))
    }
  }

  private applyRename(node: AnyNode): void {
    if (node.renameType === 'OBJECT_FUNCTION' || node.renameType === 'OBJECT_PROCEDURE') {
      const routine = this.routines.get(stringsOf(node.object?.ObjectWithArgs?.objname ?? []).pop() ?? '')
      if (routine && typeof node.newname === 'string') this.routines.set(node.newname, routine)
    } else if (node.renameType === 'OBJECT_TABLE') {
      const rel = relationOf(node.relation)
      const columns = rel && this.tables.get(objectKey(rel))
      if (!rel || !columns) return
      this.tables.delete(objectKey(rel))
      this.tables.set(objectKey({ schema: rel.schema, name: node.newname }), columns)
    } else if (node.renameType === 'OBJECT_COLUMN') {
      const rel = relationOf(node.relation)
      const columns = rel && this.tables.get(objectKey(rel))
      const type = columns?.get(node.subname)
      if (!columns || !type) return
      columns.delete(node.subname)
      columns.set(node.newname, type)
    } else if (node.renameType === 'OBJECT_TYPE') {
      const rel = qualifiedName(stringsOf(node.object))
      const values = this.enums.get(objectKey(rel))
      if (!values) return
      this.enums.delete(objectKey(rel))
      this.enums.set(objectKey({ schema: rel.schema, name: node.newname }), values)
    }
  }
}

/**
 * Prisma 6.19 configuration for the test oracle: the real `prisma migrate` logic (wasm schema engine) over
 * @prisma/adapter-pg, so that no native engine has to be downloaded. Test code only, never bundled.
 * Copied from /work/shared/reference/prisma-oracle (see prisma-oracle.md for why each shim exists).
 */
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

interface FieldLike {
  dataTypeID: number
}
interface ResultPrototype {
  addFields: (fields: FieldLike[]) => void
}

// Shim 1 (required), prisma/orm#27403: adapter-pg 6.x cannot map the catalog type `name` (and "char"), which the
// engine's introspection queries return. Relabel them as text before pg picks a parser (values are unchanged).
const RELABEL: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 }
const resultPrototype = (pg as unknown as { Result: { prototype: ResultPrototype } }).Result.prototype
const originalAddFields = resultPrototype.addFields
resultPrototype.addFields = function (this: unknown, fields: FieldLike[]): void {
  for (const field of fields) if (field.dataTypeID in RELABEL) field.dataTypeID = RELABEL[field.dataTypeID]
  originalAddFields.call(this, fields)
}

// Shim 3 (speed only): the wasm engine's 10 s advisory-lock timeout timer is never cleared, so every deploy and
// resolve would wait 10 s before the CLI exits. Long timers must not keep this process alive.
const originalSetTimeout = globalThis.setTimeout
globalThis.setTimeout = function (...args: Parameters<typeof setTimeout>): NodeJS.Timeout {
  const timer = originalSetTimeout(...args)
  if ((args[1] ?? 0) >= 5000) timer.unref()
  return timer
} as typeof setTimeout

// Shim 2: adapter-pg splits a migration on ';'; the native engine sends the whole file as one simple query
// (one implicit transaction). Restore the native behaviour, which is the one users get.
interface ScriptAdapter {
  client: pg.Client
  onError: (error: unknown) => never
  executeScript: (script: string) => Promise<void>
}
interface AdapterFactory {
  provider: string
  adapterName: string
  connect: () => Promise<ScriptAdapter>
  connectToShadowDb: () => Promise<ScriptAdapter>
}
function wholeScript(adapter: ScriptAdapter): ScriptAdapter {
  adapter.executeScript = async function (this: ScriptAdapter, script: string): Promise<void> {
    try {
      await this.client.query(script)
    } catch (error) {
      this.onError(error)
    }
  }
  return adapter
}
function withWholeScript(factory: AdapterFactory): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wholeScript(await factory.connect()),
    connectToShadowDb: async () => wholeScript(await factory.connectToShadowDb())
  }
}

const connectionString = process.env.DATABASE_URL
if (!connectionString) throw new Error('prisma-oracle: set DATABASE_URL')
// The native engine reads `?schema=` as its default schema and sets the session's search_path to it; tell the
// adapter both. One pooled connection, like the native engine's single connection (the advisory lock and any
// session settings of a script live on it); a short idle timeout lets the CLI exit without waiting 10 s.
const schema = new URL(connectionString).searchParams.get('schema') ?? undefined
const poolConfig: pg.PoolConfig = { connectionString, max: 1, idleTimeoutMillis: 1000 }
if (schema) poolConfig.options = `-c search_path="${schema}"`

// PRISMA_ORACLE_SCHEMA: another schema file (e.g. a multiSchema datasource); PRISMA_ORACLE_EXTERNAL_TABLES: a JSON
// array for `tables.external` ("schema.table"), which Prisma only accepts with experimental.externalTables.
const externalTables = process.env.PRISMA_ORACLE_EXTERNAL_TABLES
  ? (JSON.parse(process.env.PRISMA_ORACLE_EXTERNAL_TABLES) as string[])
  : undefined

export default defineConfig({
  experimental: { adapter: true, ...(externalTables ? { externalTables: true } : {}) },
  engine: 'js',
  schema: process.env.PRISMA_ORACLE_SCHEMA ?? 'prisma/schema.prisma',
  ...(externalTables ? { tables: { external: externalTables } } : {}),
  migrations: { path: process.env.MIGRATIONS_PATH ?? 'prisma/migrations' },
  async adapter() {
    const factory = new PrismaPg(poolConfig, schema ? { schema } : undefined) as unknown as AdapterFactory
    return withWholeScript(factory) as unknown as PrismaPg
  }
})

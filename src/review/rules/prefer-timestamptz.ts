import { typeStyleRule } from './style-types.js'

export const preferTimestamptz = typeStyleRule({
  id: 'prefer-timestamptz',
  title: 'Prefer timestamptz over timestamp without time zone',
  why: 'A timestamp without time zone stores wall-clock time: values written from servers in different time zones, or across a DST change, cannot be compared reliably.',
  fix: 'Use `@db.Timestamptz(3)` in schema.prisma (`timestamptz` in SQL).',
  example: 'CREATE TABLE "t" ("createdAt" TIMESTAMP(3) NOT NULL);',
  matches: (col) => col.type.name === 'timestamp',
  advice: 'consider timestamptz.'
})

import { typeStyleRule } from './style-types.js'

export const preferBigint = typeStyleRule({
  id: 'prefer-bigint',
  title: 'Prefer bigint over integer and smallint',
  why: 'A 32-bit key or counter runs out at 2,147,483,647, and widening it later rewrites the table under an exclusive lock.',
  fix: 'Use `BigInt` in schema.prisma (`bigint`/`bigserial` in SQL) for keys and counters that grow.',
  example: 'CREATE TABLE "t" ("id" SERIAL NOT NULL);',
  matches: (col) =>
    ['int4', 'int2', 'serial', 'serial4', 'smallserial', 'serial2', 'integer', 'smallint', 'int'].includes(
      col.type.name
    ),
  advice: 'consider bigint.'
})

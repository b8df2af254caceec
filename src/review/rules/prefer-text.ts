import { typeStyleRule } from './style-types.js'

export const preferText = typeStyleRule({
  id: 'prefer-text',
  title: 'Prefer text over varchar(n) and char(n)',
  why: 'A length limit in the type can only be raised by an ALTER that takes an exclusive lock, and char(n) pads values with spaces.',
  fix: 'Use `text` (Prisma `String` without `@db.VarChar`) and, if a limit is needed, a CHECK constraint.',
  example: 'CREATE TABLE "t" ("name" VARCHAR(191) NOT NULL);',
  matches: (col) => (col.type.name === 'varchar' || col.type.name === 'bpchar') && col.type.mods.length > 0,
  advice: 'consider text with a CHECK constraint.'
})

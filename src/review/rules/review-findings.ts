import type { RuleDefinition } from './rule.js'

/** Findings the review makes itself rather than from one statement's AST; listed so that docs and settings know them. */
export const review = {
  parseError: {
    id: 'parse-error',
    severity: 'error',
    destructive: false,
    enabledByDefault: true,
    title: 'SQL that Postgres cannot parse',
    why: 'The file would fail on deploy at this statement, and nothing after the syntax error can be reviewed: a file that does not parse never passes silently.',
    fix: "Fix the syntax error at the reported line (the message is Postgres's own parser error).",
    example: 'ALTER TABLE "clients" DROP COLUM "email";'
  },
  modifiedMigration: {
    id: 'modified-migration',
    severity: 'error',
    destructive: false,
    enabledByDefault: true,
    title: 'A migration that already exists on the base branch was changed',
    why: 'A migration on the base branch has probably been applied somewhere already. Prisma records its checksum, so `migrate deploy` will not re-run it, and `migrate dev` / `migrate status` report drift: the change never reaches those databases.',
    fix: 'Revert the change to the existing migration and put the new SQL in a new migration directory (`prisma migrate dev --create-only`).',
    example: '-- a file under prisma/migrations/ that exists on the base branch, edited in the pull request'
  },
  prismaWarningUnmatched: {
    id: 'prisma-warning-unmatched',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    title: "A change in Prisma's warnings header has no matching statement",
    why: 'Prisma wrote a warning for a change, but no statement of the file does it any more: the file was edited after Prisma generated it, or the review could not recognise the statement.',
    fix: 'Compare the file with what `prisma migrate diff` generates, and review the edited part by hand.',
    example:
      '/*\n  Warnings:\n\n  - You are about to drop the `Task` table. If the table is not empty, all the data it contains will be lost.\n\n*/\n-- (the DROP TABLE "Task" statement was deleted by hand)'
  },
  notInPrismaWarnings: {
    id: 'not-in-prisma-warnings',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    title: "A destructive statement that Prisma's warnings header does not mention",
    why: 'Prisma lists every destructive change it generates in the `/* Warnings: */` header. A destructive statement missing from it was added or changed by hand, so nobody saw a warning for it when the migration was created.',
    fix: 'Check that the statement is intended, and acknowledge it explicitly (`-- pg-ops:allow <rule> <reason>`) if it is.',
    example:
      '-- CreateIndex\nCREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n\n-- added by hand, no Warnings header line for it:\nALTER TABLE "User" DROP COLUMN "legacy_email";'
  },
  invalidAcknowledgement: {
    id: 'invalid-acknowledgement',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    title: 'An acknowledgement comment that cannot apply',
    why: 'A `-- pg-ops:allow` comment must name a known rule, give a reason, and sit directly above the statement it allows; otherwise it allows nothing and the deploy gate still refuses.',
    fix: 'Write `-- pg-ops:allow <rule-id> <reason>` on the line directly above the statement (other comment lines may sit in between, blank lines may not).',
    example: '-- pg-ops:allow drop-table\nDROP TABLE "payers";   -- no reason given'
  },
  unusedAcknowledgement: {
    id: 'unused-acknowledgement',
    severity: 'warning',
    destructive: false,
    enabledByDefault: true,
    title: 'An acknowledgement comment with nothing to acknowledge',
    why: 'The statement below the comment has no finding of the named rule, so the comment is stale or names the wrong rule, and it may hide the intent of a later edit.',
    fix: 'Remove the comment or correct the rule id.',
    example: '-- pg-ops:allow drop-column old data\nDROP TABLE "payers";   -- names the wrong rule'
  }
} satisfies Record<string, RuleDefinition>

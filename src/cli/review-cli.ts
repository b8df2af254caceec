import { relative, resolve } from 'node:path'
import { getErrorMessage } from '../errors.js'
import { RepositoryFiles } from '../util/repo-files.js'
import { readMigrationsFolder } from '../migrate/migrations-dir.js'
import { loadParser } from '../sql/parse.js'
import { renderMigrationReport } from '../render/migrate-summary.js'
import { reviewJson } from '../report/review-section.js'
import { reviewMigrations } from '../review/review.js'
import { failOnDecision } from '../review/gate.js'
import { FAIL_ON, type FailOn, parseRuleOverrides } from '../review/rule-settings.js'
import type { ReviewResult } from '../review/types.js'

/** The terminal format: one line per finding, like a compiler, then the headline. */
function renderText(result: ReviewResult, reviewed: number): string {
  const lines = result.findings.map((f) => {
    const ack = f.acknowledged
      ? ` (allowed by ${f.acknowledged.by}${f.acknowledged.reason ? `: ${f.acknowledged.reason}` : ''})`
      : ''
    return `${f.file}:${f.line}: ${f.severity} ${f.rule}: ${f.message}${ack}`
  })
  return `${[...lines, '', `${reviewed} migration(s) reviewed. ${result.headline}`].join('\n').trimStart()}\n`
}

const USAGE = `Usage: pg-ops-review <migrations-dir> [--markdown | --json] [--rules <id>=<level>,...] [--fail-on error|warning|never]

Reviews every migration.sql under <migrations-dir> (Prisma layout: <dir>/<timestamp>_<name>/migration.sql) in
Prisma's order, as if none were applied yet (there is no database to compare with). Prints one line per finding
(file:line: severity rule: message), or the report the action posts on pull requests with --markdown, or JSON
with --json. Exit code: 1 when a finding reaches --fail-on (default error), 2 on a usage error.`

interface CliArgs {
  dir: string
  format: 'text' | 'markdown' | 'json'
  rules: string[]
  failOn: FailOn
}

function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { dir: '', format: 'text', rules: [], failOn: 'error' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') args.format = 'json'
    else if (a === '--markdown') args.format = 'markdown'
    else if (a === '--all') continue
    else if (a === '--rules')
      args.rules.push(
        ...(argv[++i] ?? '')
          .split(/[,\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
      )
    else if (a === '--fail-on') {
      const v = argv[++i] as FailOn
      if (!FAIL_ON.includes(v)) return `--fail-on must be one of ${FAIL_ON.join(', ')}`
      args.failOn = v
    } else if (a === '--help' || a === '-h') return ''
    else if (a.startsWith('--')) return `unknown option ${a}`
    else if (!args.dir) args.dir = a
    else return `unexpected argument ${a}`
  }
  return args.dir ? args : 'the migrations directory is required'
}

/** Entry of `pg-ops-review`: reviews a migrations folder offline and prints the report. Returns the exit code. */
export async function runReviewCli(
  argv: string[],
  out: (text: string) => void = (t) => process.stdout.write(t)
): Promise<number> {
  const parsed = parseArgs(argv)
  if (typeof parsed === 'string') {
    out(`${parsed ? `pg-ops-review: ${parsed}\n\n` : ''}${USAGE}\n`)
    return parsed ? 2 : 0
  }
  try {
    // compile the parser while the files are read
    const parser = loadParser()
    const rules = parseRuleOverrides(parsed.rules, '--rules')
    // The same listing as the engine's: Prisma's rules and order. Files are data: inside the current directory
    // (or the folder itself when it lies elsewhere), no links, no special files.
    const dir = resolve(parsed.dir)
    const cwdFiles = new RepositoryFiles(process.cwd())
    const folder = await readMigrationsFolder(
      dir,
      cwdFiles.contains(dir) ? cwdFiles : new RepositoryFiles(dir)
    )
    if (!folder.exists) throw new Error(`${parsed.dir} does not exist`)
    const migrations = folder.migrations
      .filter((m) => m.script !== null)
      .map((m) => ({ name: m.name, file: relative(process.cwd(), m.sqlPath), script: m.script as string }))
    await parser
    const result = await reviewMigrations({
      migrations,
      settings: { rules },
      allowDestructive: false,
      notes: [
        'Offline review: every migration in the folder is reviewed as pending; nothing was compared with a database.'
      ]
    })
    if (parsed.format === 'json') out(`${JSON.stringify(reviewJson(result), null, 2)}\n`)
    else if (parsed.format === 'markdown')
      out(
        renderMigrationReport({
          title: 'Migration review',
          mode: 'review',
          target: '(none)',
          migrationsDir: parsed.dir,
          rows: migrations.map((m) => ({ name: m.name, state: 'pending' as const })),
          review: result
        })
      )
    else out(renderText(result, migrations.length))
    return failOnDecision(result, parsed.failOn) ? 1 : 0
  } catch (error) {
    out(`pg-ops-review: ${getErrorMessage(error)}\n`)
    return 2
  }
}

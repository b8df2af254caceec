import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getErrorMessage } from '../errors.js'
import { loadParser } from '../sql/parse.js'
import { renderMigrationReport } from '../render/migration-report.js'
import { reviewJson } from '../review/json-report.js'
import { failOnDecision, reviewMigrations } from '../review/review.js'
import { FAIL_ON, type FailOn, parseRuleOverrides } from '../review/rule-settings.js'

const USAGE = `Usage: pg-ops-review <migrations-dir> [--json] [--all] [--rules <id>=<level>,...] [--fail-on error|warning|never]

Reviews every migration.sql under <migrations-dir> (Prisma layout: <dir>/<timestamp>_<name>/migration.sql) in order,
as if none were applied yet (there is no database to compare with). Prints the markdown report, or JSON with --json.
Exit code: 1 when a finding reaches --fail-on (default error), 2 on a usage error.`

interface CliArgs {
  dir: string
  json: boolean
  rules: string[]
  failOn: FailOn
}

function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { dir: '', json: false, rules: [], failOn: 'error' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') args.json = true
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
    const entries = await readdir(parsed.dir, { withFileTypes: true })
    const names = entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
    const migrations = []
    for (const name of names) {
      const file = join(parsed.dir, name, 'migration.sql')
      const script = await readFile(file, 'utf8').catch(() => undefined)
      if (script !== undefined) migrations.push({ name, file, script })
    }
    await parser
    const result = await reviewMigrations({
      migrations,
      settings: { rules },
      allowDestructive: false,
      notes: [
        'Offline review: every migration in the folder is reviewed as pending; nothing was compared with a database.'
      ]
    })
    if (parsed.json) out(`${JSON.stringify(reviewJson(result), null, 2)}\n`)
    else
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
    return failOnDecision(result, parsed.failOn) ? 1 : 0
  } catch (error) {
    out(`pg-ops-review: ${getErrorMessage(error)}\n`)
    return 2
  }
}

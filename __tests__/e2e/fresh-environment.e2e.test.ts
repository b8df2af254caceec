/**
 * A brand-new environment (an empty database: a PR environment, a new staging) deploys a real history through the
 * bundled action (dist/index.js), without `allow-destructive`, and ends with the same `_prisma_migrations` rows as
 * the real Prisma 6.19 CLI writes; a drop of a table that holds rows is still refused; and a pull request compared
 * with a fresh database still shows the reviewer what its migration destroys where the earlier ones ran.
 * The history is Langfuse's (MIT), 434 migrations: __fixtures__/histories/langfuse.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import { startGitHubApi, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import { addMigration, pullRequestEvent } from '../../__fixtures__/projects.js'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'
import { migrationRows, prisma } from '../migrate/helpers.js'

const HISTORY = join(process.cwd(), '__fixtures__', 'histories', 'langfuse', 'migrations')
const COUNT = readdirSync(HISTORY, { withFileTypes: true }).filter((d) => d.isDirectory()).length
const DIR = 'prisma/migrations'
/** Files whose Prisma header names a change that really is not in the file (see fresh-environment.int.test.ts). */
const HAND_EDITED = [
  '20230809132331_add_project_id_to_observations',
  '20240513082203_scores_unique_id_and_projectid_instead_of_id_and_traceid',
  '20250519093328_media_relax_id_uniqueness_to_project_only',
  '20251218102933_score_configs_rename_score_data_type_enum'
]
const NO_STATEMENT = 'no statement in the file makes that change'
const TOKEN = 'ghs_freshEnvironmentT0ken'
const runs: ActionRun[] = []

function workspaceWithHistory(prefix: string): string {
  const workspace = mkdtempSync(join(tmpdir(), prefix))
  cpSync(HISTORY, join(workspace, DIR), { recursive: true })
  return workspace
}

async function action(
  workspace: string,
  inputs: Record<string, string>,
  options: { event?: { name: string; payload: unknown }; env?: Record<string, string> } = {}
): Promise<ActionRun> {
  const run = await runAction({
    inputs: { 'migrations-dir': DIR, ...inputs },
    workspace,
    event: options.event,
    githubToken: TOKEN,
    env: options.env
  })
  runs.push(run)
  return run
}

interface Finding {
  migration: string
  rule: string
  message: string
  destructive: boolean
  acknowledged: { by: string; reason?: string } | null
}

const findingsOf = (run: ActionRun): Finding[] =>
  (run.report as { review: { findings: Finding[] } }).review.findings

/** What both tools must agree on, row by row, in order. */
async function bookkeeping(database: string): Promise<unknown[]> {
  return (await migrationRows(database)).map((r) => ({
    name: r.migration_name,
    checksum: r.checksum,
    logs: r.logs,
    rolledBack: r.rolled_back_at,
    steps: r.applied_steps_count,
    finished: r.finished_at !== null
  }))
}

afterAll(() => {
  // No run, in any outcome, shows the database password or the token in any form.
  for (const run of runs)
    for (const secret of [serverPassword(), TOKEN])
      for (const form of secretForms(secret)) expect(run.everything).not.toContain(form)
})

describe('a real 434-migration history into an empty database', () => {
  let workspace: string
  let db: { name: string; url: string }
  let deploy: ActionRun

  beforeAll(async () => {
    workspace = workspaceWithHistory('e2e-fresh-')
    db = await createTestDatabase('e2e_fresh')
    deploy = await action(workspace, { mode: 'migrate-deploy', 'database-url': db.url })
  }, 240_000)

  afterAll(() => rmSync(workspace, { recursive: true, force: true }))

  it('deploys without allow-destructive: every drop works on an object the deploy itself created', () => {
    expect(deploy.exitCode).toBe(0)
    expect(COUNT).toBe(434)
    expect(deploy.outputs['applied-count']).toBe(String(COUNT))
    expect(deploy.outputs.status).toBe('up-to-date')
    expect(deploy.outputs['destructive-count']).toBe('0')
    expect(deploy.outputs['has-destructive']).toBe('false')
    const report = deploy.report as {
      gate: { allowed: boolean; reason: string; allowedBy: { by: string }[] }
    }
    expect(report.gate.allowed).toBe(true)
    expect(report.gate.reason).toBe(
      'No error-level finding blocks the deploy: 52 destroy nothing in this database (each works on an object created earlier in this deploy).'
    )
    expect(report.gate.allowedBy).toHaveLength(52)
    expect(report.gate.allowedBy.every((a) => a.by === 'database')).toBe(true)
    const destructive = findingsOf(deploy).filter((f) => f.destructive)
    expect(destructive).toHaveLength(52)
    for (const f of destructive)
      expect(f.acknowledged).toEqual({
        by: 'database',
        reason: expect.stringMatching(/^created by `[^`]+` in this deploy; nothing to lose here$/)
      })
    expect(deploy.summary).toContain('**Nothing to lose in this database:** 52 destructive finding(s)')
    expect(deploy.summary).toContain(
      'created by `20230518193415_add_observaionts_and_traces` in this deploy; nothing to lose here'
    )
    expect(deploy.stdout).not.toContain('Deploy refused')
  })

  it('says "no statement in the file makes that change" only where that is true (four hand-edited files)', () => {
    const notes = findingsOf(deploy).filter((f) => f.message.includes(NO_STATEMENT))
    expect(notes.map((f) => f.migration)).toEqual(HAND_EDITED)
  })

  it('writes the same _prisma_migrations rows and schema as the real Prisma 6.19 CLI', async () => {
    const oracle = await createTestDatabase('e2e_fresh_oracle')
    const cli = await prisma(['migrate', 'deploy'], { url: oracle.url, migrationsPath: join(workspace, DIR) })
    expect(cli.code).toBe(0)
    expect(cli.stdout).toContain('All migrations have been successfully applied.')
    const ours = await bookkeeping(db.name)
    expect(ours).toHaveLength(COUNT)
    expect(ours).toEqual(await bookkeeping(oracle.name))
    const tables = (
      database: string
    ): Promise<{ table_name: string; column_name: string; data_type: string }[]> =>
      query(
        database,
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'public' ORDER BY table_name, column_name`
      )
    expect(await tables(db.name)).toEqual(await tables(oracle.name))
  }, 240_000)

  it('still refuses a pending DROP of a table that holds rows (and of a column with values), leaving them intact', async () => {
    await query(
      db.name,
      `INSERT INTO organizations (id, name, sfdc_org_id) SELECT 'org' || g, 'Org ' || g, 'sf' || g FROM generate_series(1, 3) g;
       INSERT INTO surveys (id, survey_name, response, org_id)
         SELECT 's' || g, (enum_range(NULL::"SurveyName"))[1], '{}', 'org1' FROM generate_series(1, 6) g;`
    )
    addMigration(
      workspace,
      '20990101000000_drop_surveys',
      '-- DropTable\nDROP TABLE "surveys";\n\n-- AlterTable\nALTER TABLE "organizations" DROP COLUMN "sfdc_org_id";\n'
    )
    const refused = await action(workspace, { mode: 'migrate-deploy', 'database-url': db.url })
    expect(refused.exitCode).not.toBe(0)
    expect(refused.outputs['applied-count']).toBe('0')
    expect(refused.outputs['destructive-count']).toBe('2')
    const report = refused.report as { gate: { allowed: boolean; reason: string } }
    expect(report.gate.allowed).toBe(false)
    expect(report.gate.reason).toContain(
      'drop-table in 20990101000000_drop_surveys line 2 (`surveys` existed before this deploy)'
    )
    expect(refused.summary).toContain('**6 rows**')
    expect(refused.summary).toContain('**3 values**')
    expect(await query(db.name, 'SELECT count(*)::int AS n FROM surveys')).toEqual([{ n: 6 }])
    expect(await query(db.name, 'SELECT count(sfdc_org_id)::int AS n FROM organizations')).toEqual([{ n: 3 }])
    expect(await bookkeeping(db.name)).toHaveLength(COUNT)
  }, 120_000)
})

describe('a pull request compared with a fresh database (a PR environment)', () => {
  const PR_MIGRATION = '20990101000000_drop_prices'
  let workspace: string
  let api: GitHubApiStandIn
  const event = pullRequestEvent(7)

  beforeAll(async () => {
    workspace = workspaceWithHistory('e2e-fresh-pr-')
    addMigration(workspace, PR_MIGRATION, '-- DropTable\nDROP TABLE "prices";\n')
    // The workspace is not a git checkout: the PR's files come from the API, as on a shallow checkout.
    api = await startGitHubApi({
      prFiles: [
        { filename: `${DIR}/${PR_MIGRATION}/migration.sql`, status: 'added' },
        { filename: 'README.md', status: 'modified' }
      ]
    })
  })

  afterAll(async () => {
    await api.close()
    rmSync(workspace, { recursive: true, force: true })
  })

  it("the comment flags the PR's drop for environments where the base migration ran, and summarises the base", async () => {
    const db = await createTestDatabase('e2e_fresh_pr')
    const status = await action(
      workspace,
      { mode: 'migrate-status', 'database-url': db.url },
      { event, env: { GITHUB_API_URL: api.url } }
    )
    // fail-on: error — the drop destroys data in production, where 20241024100928_add_prices_table ran.
    expect(status.exitCode).not.toBe(0)
    expect(status.outputs['pending-count']).toBe(String(COUNT + 1))
    expect(status.outputs['destructive-count']).toBe('1')
    expect(api.requests.some((r) => r.path === '/repos/acme/platform/pulls/7/files')).toBe(true)
    expect(api.comments).toHaveLength(1)
    const body = api.comments[0].body
    expect(body).toContain('**1 destructive change: DROP TABLE `prices` (where earlier migrations ran)**')
    expect(body).toContain(
      'none in this database, but it destroys data in environments where `20241024100928_add_prices_table` already ran'
    )
    expect(body).toContain(`### \`${PR_MIGRATION}\``)
    // The base branch's 434 migrations: one summary, not 434 finding tables.
    // our words, but a '#7' is still written so that it links nothing (render/markdown.ts)
    expect(body).toContain("### 434 pending migration(s) already on pull request #&#8203;7's base")
    expect(body).toContain(
      '52 destructive statement(s) on objects created earlier in this deploy: nothing to lose in this database.'
    )
    expect(body).not.toContain('### `20230518193521_changes`')
    expect(body).not.toContain('`drop-column` in `20230518193521_changes`')
    const findings = findingsOf(status).filter((f) => f.migration === PR_MIGRATION)
    expect(findings.map((f) => [f.rule, f.acknowledged])).toEqual([
      ['drop-table', null],
      ['not-in-prisma-warnings', null]
    ])
    // Annotations are for the PR's own migration only.
    expect(status.stdout).toMatch(new RegExp(`^::error .*file=${DIR}/${PR_MIGRATION}/migration.sql`, 'm'))
    expect(status.stdout).not.toContain(`file=${DIR}/20230518193521_changes/migration.sql`)

    // The PR environment itself deploys: nothing in this database is lost.
    const deploy = await action(
      workspace,
      { mode: 'migrate-deploy', 'database-url': db.url },
      { event, env: { GITHUB_API_URL: api.url } }
    )
    expect(deploy.exitCode).toBe(0)
    expect(deploy.outputs['applied-count']).toBe(String(COUNT + 1))
  }, 240_000)

  it('when it cannot tell which migrations the PR adds, every pending one is reviewed as its own (the safe side)', async () => {
    const db = await createTestDatabase('e2e_fresh_pr_unknown')
    // No token and no git history: neither the API nor `git diff` can name the PR's files.
    const status = await action(
      workspace,
      { mode: 'migrate-status', 'database-url': db.url, comment: 'false', 'github-token': '' },
      { event, env: { GITHUB_API_URL: api.url } }
    )
    expect(status.exitCode).not.toBe(0)
    expect(status.stdout).toContain('Could not tell which migrations this pull request adds')
    expect(status.outputs['destructive-count']).toBe('53')
    expect(status.summary).toContain('Could not tell which pending migrations this pull request adds')
  }, 240_000)
})

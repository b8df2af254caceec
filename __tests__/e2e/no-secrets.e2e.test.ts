/**
 * One run of every mode, successes and failures, through dist/index.js, with every secret the action can hold:
 * the database password, the GitHub token, an age private key and the S3 secret. None of them may appear in the
 * logs, outputs, job summaries, PR comments, report files, stored object names or manifests, raw or URL-encoded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, query, serverPassword } from '../../__fixtures__/databases.js'
import { startGitHubApi, type GitHubApiStandIn } from '../../__fixtures__/github-api.js'
import { pullRequestEvent } from '../../__fixtures__/projects.js'
import { runAction, secretForms, type ActionRun } from '../../__fixtures__/run-action.mjs'
import { startS3, type TestS3 } from '../../__fixtures__/s3.js'

const EXAMPLE = join(process.cwd(), 'examples', 'prisma')
const LAST = '20260105093000_tool_execution_status'
const TOKEN = 'ghs_NoSecretScanToken0123456789abcdefXYZ'

describe('no secret anywhere, every mode', () => {
  let workspace: string
  let db: { name: string; url: string }
  let scratch: { name: string; url: string }
  let api: GitHubApiStandIn
  let s3: TestS3
  let identity: string
  let recipient: string
  const runs: { title: string; run: ActionRun }[] = []

  const pullRequest = pullRequestEvent(42)

  async function action(
    title: string,
    inputs: Record<string, string>,
    options: { event?: typeof pullRequest } = {}
  ): Promise<ActionRun> {
    const run = await runAction({
      inputs,
      workspace,
      event: options.event,
      githubToken: TOKEN,
      env: {
        GITHUB_API_URL: api.url,
        AWS_ACCESS_KEY_ID: s3.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
        AWS_REGION: 'us-east-1'
      }
    })
    runs.push({ title, run })
    return run
  }

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'no-secrets-'))
    cpSync(EXAMPLE, workspace, { recursive: true })
    rmSync(join(workspace, 'prisma', 'migrations', LAST), { recursive: true })
    db = await createTestDatabase('no_secrets')
    scratch = await createTestDatabase('no_secrets_scratch')
    // The pull request adds the last migration (the destructive one); the others are on its base branch.
    api = await startGitHubApi({
      login: null,
      prFiles: [{ filename: `prisma/migrations/${LAST}/migration.sql`, status: 'added' }]
    })
    s3 = await startS3('backups')
    identity = await generateX25519Identity()
    recipient = await identityToRecipient(identity)
  })

  afterAll(async () => {
    await api.close()
    await s3.stop()
    rmSync(workspace, { recursive: true, force: true })
  })

  it('runs every mode, successes and failures', async () => {
    const base = { 'database-url': db.url }
    const s3Inputs = {
      destination: 's3://backups/nightly',
      's3-endpoint': s3.endpoint,
      's3-force-path-style': 'true'
    }
    expect(
      (await action('status on a PR', { ...base, mode: 'migrate-status' }, { event: pullRequest })).exitCode
    ).toBe(0)
    expect((await action('deploy', { ...base, mode: 'migrate-deploy' })).exitCode).toBe(0)
    await query(db.name, readFileSync(join(EXAMPLE, 'seed.sql'), 'utf8'))
    cpSync(join(EXAMPLE, 'prisma', 'migrations', LAST), join(workspace, 'prisma', 'migrations', LAST), {
      recursive: true
    })
    expect(
      (
        await action(
          'status with destructive SQL on a PR',
          { ...base, mode: 'migrate-status' },
          { event: pullRequest }
        )
      ).exitCode
    ).toBe(1)
    expect((await action('deploy refused', { ...base, mode: 'migrate-deploy' })).exitCode).toBe(1)
    expect(
      (
        await action('resolve error', {
          ...base,
          mode: 'migrate-resolve',
          'resolve-applied': '20251225172757_platform_api_tables'
        })
      ).exitCode
    ).toBe(1)
    const backup = await action('encrypted backup to S3', {
      ...base,
      ...s3Inputs,
      mode: 'backup',
      'encrypt-to': recipient,
      'keep-last': '3'
    })
    expect(backup.exitCode).toBe(0)
    expect(backup.outputs['backup-uri']).toMatch(/^s3:\/\/backups\/nightly\/.+\.dump\.age$/)
    const drill = await action('restore drill', {
      ...base,
      ...s3Inputs,
      mode: 'restore-drill',
      'age-identity': identity,
      'target-database-url': scratch.url
    })
    expect(drill.exitCode).toBe(0)
    expect(drill.outputs['drill-status']).toBe('passed')
    const wrongKey = await generateX25519Identity()
    const wrongKeyDrill = await action('restore drill with the wrong key', {
      ...base,
      ...s3Inputs,
      mode: 'restore-drill',
      'age-identity': wrongKey,
      'target-database-url': scratch.url,
      'target-clean': 'true'
    })
    expect(wrongKeyDrill.exitCode).toBe(1)
    // A drill that fails before comparing still sets the outputs, in the shapes action.yml documents.
    expect(wrongKeyDrill.outputs).toMatchObject({
      'drill-status': 'failed',
      'tables-compared': '0',
      mismatches: '[]'
    })
    const badUrl = new URL(db.url)
    badUrl.password = `${serverPassword()}-wrong`
    expect(
      (
        await action('backup with a wrong password', {
          ...s3Inputs,
          'database-url': badUrl.toString(),
          mode: 'backup',
          'encrypt-to': recipient
        })
      ).exitCode
    ).toBe(1)
    expect(
      (
        await action('drill into the source', {
          ...base,
          ...s3Inputs,
          mode: 'restore-drill',
          'target-database-url': db.url
        })
      ).exitCode
    ).toBe(1)
    // No database: the offline review reads the PR's files through the API (the stand-in lists none).
    await action('offline review', { mode: 'migrate-status' }, { event: pullRequest })
    expect(api.comments.length).toBeGreaterThanOrEqual(1)
  })

  it('shows none of the secrets, in any form, in anything it produced', async () => {
    const secrets = [serverPassword(), TOKEN, identity, s3.secretAccessKey]
    const objectKeys = await s3.keys()
    const manifests = await Promise.all(
      objectKeys
        .filter((k) => k.endsWith('.manifest.json'))
        .map(async (key) => {
          const { GetObjectCommand } = await import('@aws-sdk/client-s3')
          const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))
          return object.Body!.transformToString()
        })
    )
    expect(manifests.length).toBeGreaterThanOrEqual(1)
    const produced = [
      ...runs.map((r) => `${r.title}\n${r.run.everything}`),
      JSON.stringify(api.requests.map((r) => ({ path: r.path, query: r.query, body: r.body }))),
      JSON.stringify(api.comments),
      objectKeys.join('\n'),
      ...manifests
    ]
    expect(runs.length).toBeGreaterThanOrEqual(10)
    for (const text of produced)
      for (const secret of secrets) for (const form of secretForms(secret)) expect(text).not.toContain(form)
    // The token did reach the API, where it belongs, and nowhere else.
    expect(api.requests.some((r) => r.authorization?.includes(TOKEN))).toBe(true)
  })
})

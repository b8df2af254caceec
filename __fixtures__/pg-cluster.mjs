// Plain ESM so that jest global setup, `npm run demo` and bench/ scripts can all load it without a transpiler.
/**
 * A throwaway PostgreSQL cluster from the machine's own binaries (Debian layout, /usr/lib/postgresql/<major>/bin),
 * bound to 127.0.0.1 on a free port, password authentication on TCP. Run as the `postgres` user when we are root.
 * Used by jest's global setup, by `npm run demo` and by the benchmarks.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
/** Contains characters that must be percent-encoded in a URL, so that tests catch both forms leaking. */
export const TEST_PASSWORD = 'Pg-T3st_p@ss/w0rd:x'
export function findPgBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR
  const base = '/usr/lib/postgresql'
  if (existsSync(base)) {
    const majors = readdirSync(base)
      .filter((d) => /^\d+$/.test(d) && existsSync(join(base, d, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (majors.length > 0) return join(base, majors[0], 'bin')
  }
  throw new Error(
    'No PostgreSQL server binaries found under /usr/lib/postgresql/<major>/bin; install postgresql (apt-get install postgresql) or set PG_BIN_DIR'
  )
}
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
const isRoot = () => process.getuid?.() === 0
function asPostgres(binary, args, options = {}) {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args]
  return execFileSync(cmd, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.cwd ?? '/'
  })
}
export async function startCluster() {
  const binDir = findPgBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'pgops-cluster-'))
  chmodSync(dir, 0o755)
  const data = join(dir, 'data')
  const pwfile = join(dir, 'pw')
  writeFileSync(pwfile, TEST_PASSWORD + '\n')
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
    chownSync(pwfile, uid, gid)
  }
  asPostgres(join(binDir, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync'
  ])
  const port = await freePort()
  const opts = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200'
  ].join(' ')
  asPostgres(join(binDir, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    opts,
    'start'
  ])
  const url = `postgresql://postgres:${encodeURIComponent(TEST_PASSWORD)}@127.0.0.1:${port}/postgres`
  return { url, port, dir, binDir, password: TEST_PASSWORD }
}
export function stopCluster(cluster) {
  const data = join(cluster.dir, 'data')
  if (existsSync(data)) {
    const cmd = isRoot() ? 'runuser' : join(cluster.binDir, 'pg_ctl')
    const args = isRoot()
      ? ['-u', 'postgres', '--', join(cluster.binDir, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']
      : ['-D', data, '-m', 'immediate', '-w', 'stop']
    spawnSync(cmd, args, { stdio: 'ignore', cwd: '/' })
  }
  rmSync(cluster.dir, { recursive: true, force: true })
}

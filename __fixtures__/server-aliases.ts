/**
 * The test server under other names, for the tests that a restore drill proves identity instead of comparing
 * spellings: its port and unix socket directory, another superuser, and another port forwarded to it.
 */
import { adminQuery, serverUrl } from './databases.js'
import { type TcpForward, startTcpForward } from './tcp-forward.js'

export interface ServerAliases {
  /** The server's own port on 127.0.0.1. */
  port: number
  /** Its first unix socket directory (for `?host=`). */
  socketDir: string
  /** Another LOGIN SUPERUSER role, and its password. */
  role: string
  password: string
  /** A port on 127.0.0.1 forwarded to the server. */
  forward: TcpForward
  /** Drops the role and stops the forward. */
  stop: () => Promise<void>
}

export async function startServerAliases(role: string, password: string): Promise<ServerAliases> {
  const port = Number(new URL(serverUrl()).port)
  const [row] = await adminQuery<{ dirs: string }>(
    `SELECT current_setting('unix_socket_directories') AS dirs`
  )
  await adminQuery(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`)
  const forward = await startTcpForward('127.0.0.1', port)
  return {
    port,
    socketDir: row.dirs.split(',')[0].trim(),
    role,
    password,
    forward,
    stop: async () => {
      await forward.stop()
      await adminQuery(`DROP ROLE IF EXISTS ${role}`)
    }
  }
}

/** A TCP URL with the password percent-encoded. */
export function tcpUrl(user: string, password: string, host: string, port: number, database: string): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@${host}:${port}/${database}`
}

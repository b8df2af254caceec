/** A plain TCP port forward on 127.0.0.1: another port that reaches the same server (as an SSH tunnel would). */
import { type Socket, connect, createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface TcpForward {
  port: number
  stop: () => Promise<void>
}

export async function startTcpForward(targetHost: string, targetPort: number): Promise<TcpForward> {
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

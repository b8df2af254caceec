// Plain ESM so that the tests and bench/ scripts share it without a transpiler.
/**
 * A TCP proxy on 127.0.0.1 that adds a fixed delay each way, like a runner reaching its database through a public
 * proxy (Railway, Neon, Supabase): every round trip costs 2 × `delayMs`. It also counts round trips: an exchange is
 * counted each time the server starts answering after the client has sent something since the server last
 * spoke, so pipelined messages sent together count once, and a many-packet answer counts once.
 */
import { createConnection, createServer } from 'node:net'

export async function startLatencyProxy({ host = '127.0.0.1', port, delayMs = 0 }) {
  let roundTrips = 0
  let connections = 0
  // exchanges of each connection, in the order they were accepted
  let perConnection = []
  let clientBytes = 0
  let serverBytes = 0
  const sockets = new Set()

  const later = (fn) => (delayMs > 0 ? setTimeout(fn, delayMs) : setImmediate(fn))

  const server = createServer((client) => {
    connections++
    const counter = { exchanges: 0 }
    perConnection.push(counter)
    // who spoke last on this connection: 'client', 'server', or undefined before anything was sent
    let last
    const upstream = createConnection({ host, port })
    sockets.add(client)
    sockets.add(upstream)
    client.setNoDelay(true)
    upstream.setNoDelay(true)
    let closed = false
    const close = () => {
      if (closed) return
      closed = true
      // deliver what is still in flight before closing each side
      later(() => {
        client.end()
        upstream.end()
      })
    }
    client.on('data', (chunk) => {
      clientBytes += chunk.length
      last = 'client'
      later(() => upstream.write(chunk))
    })
    upstream.on('data', (chunk) => {
      serverBytes += chunk.length
      if (last === 'client') {
        roundTrips++
        counter.exchanges++
      }
      last = 'server'
      later(() => client.write(chunk))
    })
    for (const socket of [client, upstream]) {
      socket.on('end', close)
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
      socket.on('close', () => {
        sockets.delete(socket)
        close()
      })
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    port: address.port,
    /** The same URL with host and port replaced by the proxy's. */
    urlThrough(url) {
      const u = new URL(url)
      u.hostname = '127.0.0.1'
      u.port = String(address.port)
      return u.toString()
    },
    stats: () => ({
      roundTrips,
      connections,
      clientBytes,
      serverBytes,
      perConnection: perConnection.map((c) => c.exchanges)
    }),
    reset() {
      roundTrips = 0
      perConnection = []
      connections = 0
      clientBytes = 0
      serverBytes = 0
    },
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

export interface ProxyStats {
  /** Exchanges: the server answering after the client sent something since the server last spoke. */
  roundTrips: number
  connections: number
  clientBytes: number
  serverBytes: number
  /** Exchanges of each connection since the last reset, in the order the connections were accepted. */
  perConnection: number[]
}
export interface LatencyProxy {
  port: number
  urlThrough: (url: string) => string
  stats: () => ProxyStats
  reset: () => void
  stop: () => Promise<void>
}
export declare function startLatencyProxy(options: {
  host?: string
  port: number
  /** Added to every chunk in each direction: a round trip costs twice this. */
  delayMs?: number
}): Promise<LatencyProxy>

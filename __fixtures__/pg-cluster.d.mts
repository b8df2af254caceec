export interface Cluster {
  url: string
  port: number
  dir: string
  binDir: string
  password: string
}
/** Contains characters that must be percent-encoded in a URL, so that tests catch both forms leaking. */
export declare const TEST_PASSWORD = 'Pg-T3st_p@ss/w0rd:x'
export declare function findPgBinDir(): string
export declare function freePort(): Promise<number>
export declare function startCluster(): Promise<Cluster>
export declare function stopCluster(cluster: Pick<Cluster, 'dir' | 'binDir'>): void

import type pg from 'pg'

/** e.g. 150018; 0 when the server does not say. */
export async function serverVersionNum(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ num: string }>("SELECT current_setting('server_version_num') AS num")
  return Number(rows[0]?.num) || 0
}

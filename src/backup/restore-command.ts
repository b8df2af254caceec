import { redactEndpoint } from './destination.js'

export interface RestoreCommandInput {
  uri: string
  format: 'custom' | 'plain'
  encrypted: boolean
  s3Endpoint?: string
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * A copy-paste shell command that restores the backup into $DATABASE_URL (set it to the target first). It names
 * no secret: the database URL comes from the environment, the age key from a file the operator holds.
 */
export function restoreCommand(input: RestoreCommandInput): string {
  let fetch: string
  if (input.uri.startsWith('s3://')) {
    fetch = `aws s3 cp ${shellQuote(input.uri)} -${input.s3Endpoint ? ` --endpoint-url ${shellQuote(redactEndpoint(input.s3Endpoint))}` : ''}`
  } else if (input.uri.startsWith('artifact://')) {
    const name = input.uri.slice('artifact://'.length)
    fetch = `gh run download "$RUN_ID" --name ${shellQuote(name)} --dir backup && cat ${shellQuote(`backup/${name}`)}`
  } else {
    fetch = `cat ${shellQuote(input.uri)}`
  }
  const decrypt = input.encrypted ? ' | age --decrypt -i age-key.txt' : ''
  const restore =
    input.format === 'custom'
      ? ' | pg_restore --clean --if-exists --no-owner --exit-on-error --dbname "$DATABASE_URL"'
      : ' | psql -X -v ON_ERROR_STOP=1 --dbname "$DATABASE_URL"'
  return fetch + decrypt + restore
}

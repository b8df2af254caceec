import { InputError } from '../errors.js'
import { editDistance } from '../util/edit-distance.js'
import { DECLARED_INPUTS } from './declared-inputs.js'

/** The environment variable the runner sets for an input given in `with:` (and for each declared default). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

const canonicalName = (name: string): string => name.toLowerCase().replace(/[_ ]/g, '-')

/** The declared input an unknown name most likely meant. */
export function closestInput(name: string, declared: readonly string[] = DECLARED_INPUTS): string {
  const wanted = canonicalName(name)
  let best = declared[0]
  let bestDistance = Infinity
  for (const candidate of declared) {
    const distance = editDistance(wanted, canonicalName(candidate))
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  return best
}

/**
 * Fails on an `INPUT_*` variable that names no input of action.yml. The runner only warns ("Unexpected input(s)")
 * and runs the step anyway, with the input ignored: `database_url:` instead of `database-url:` turns a comparison
 * with the database into an offline review, `backup_before_deploy:` deploys without the backup that was asked
 * for. A step that would silently do something other than what its workflow says stops here instead. The values
 * are never shown (they are often secrets).
 */
export function checkUnknownInputs(
  env: NodeJS.ProcessEnv = process.env,
  declared: readonly string[] = DECLARED_INPUTS
): void {
  const known = new Set(declared.map(inputVariable))
  const unknown = Object.keys(env)
    .filter((key) => key.startsWith('INPUT_') && !known.has(key))
    .map((key) => key.slice('INPUT_'.length).toLowerCase())
    .sort()
  if (unknown.length === 0) return
  const [first, ...others] = unknown
  const closest = closestInput(first, declared)
  const also = others.length ? ` Also unknown: ${others.map((n) => `\`${n}\``).join(', ')}.` : ''
  throw new InputError(
    first,
    `is not an input of this action; did you mean \`${closest}\`? An unknown input would be ignored, and the step would do something else than the workflow asks (without \`database-url\`, migrate-status reviews offline instead of comparing with the database).${also}`,
    `Rename it to \`${closest}\` in the step's \`with:\` (input names use hyphens), or remove it. The inputs are listed in the README and action.yml.`
  )
}

import { PERSONAL_DATA_TYPES, type FieldError } from '@suite/domain'
import { scanText } from '@suite/classifier'

const PERSONAL = new Set<string>(PERSONAL_DATA_TYPES)

/** Every string inside `value`, with its dotted path. */
function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* stringsOf(v, path ? `${path}.${i}` : String(i))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path ? `${path}.${k}` : k)
}

/**
 * Field errors for every string of `body` in which the detection engine finds an unmasked
 * HKID, Macau or mainland ID, card number, phone or email, and for every personal-data sample
 * that carries no mask at all. The values themselves are never repeated in the errors.
 */
export function findRawPersonalData(body: unknown): FieldError[] {
  const errors: FieldError[] = []
  for (const [path, s] of stringsOf(body, '')) {
    const hit = scanText(s, { types: PERSONAL_DATA_TYPES })[0]
    if (hit)
      errors.push({
        path,
        code: 'raw_personal_data',
        message: `Holds what looks like an unmasked ${hit.type}; send masked values only`,
      })
  }
  const samples = (body as { sources?: Array<{ samples?: Array<{ type: string; masked: string }> }> }).sources ?? []
  samples.forEach((src, i) =>
    src.samples?.forEach((s, j) => {
      const path = `sources.${i}.samples.${j}.masked`
      if (PERSONAL.has(s.type) && !s.masked.includes('*') && !errors.some((e) => e.path === path)) {
        errors.push({ path, code: 'not_masked', message: `A ${s.type} sample must be masked` })
      }
    }),
  )
  return errors
}

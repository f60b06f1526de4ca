import max from 'libphonenumber-js/metadata.max.json'
import { describe, expect, it } from 'vitest'

/** The regions the phone detector knows, and their calling codes. */
const REGIONS = { HK: '852', MO: '853', CN: '86' } as const

/** Source of `phone-metadata.ts`: libphonenumber's full metadata cut down to {@link REGIONS}. */
function metadataSource(): string {
  const codes = max.country_calling_codes as Record<string, unknown>
  const countries = max.countries as Record<string, unknown>
  const subset = {
    version: max.version,
    country_calling_codes: Object.fromEntries(Object.values(REGIONS).map((code) => [code, codes[code]])),
    countries: Object.fromEntries(Object.keys(REGIONS).map((region) => [region, countries[region]])),
    nonGeographic: {},
  }
  return [
    '// Generated from libphonenumber-js/metadata.max.json by phone-metadata.test.ts: do not edit.',
    '// After upgrading libphonenumber-js, regenerate with `npx vitest run src/detectors/phone-metadata.test.ts --update`.',
    "import type { MetadataJson } from 'libphonenumber-js/core'",
    '',
    '/**',
    " * libphonenumber's full metadata (every number type's pattern, not only lengths as in the",
    ' * default "min" set) for Hong Kong, Macau and the mainland: `2024-2025` is no Hong Kong number.',
    ' */',
    `export const PHONE_METADATA: MetadataJson = ${JSON.stringify(subset, null, 1).replace(/\n\s*/g, ' ')}`,
    '',
  ].join('\n')
}

describe('phone metadata', () => {
  it('is the HK, MO and CN part of the installed libphonenumber-js max metadata', async () => {
    await expect(metadataSource()).toMatchFileSnapshot('./phone-metadata.ts')
  })
})

import { FormSchema, validateSubmission } from '@suite/forms'
import type { Queryable } from '../db/db'
import { HttpError, notFound } from '../http/errors'
import { getPublishedDocument, getVersion } from './documents'

/**
 * Validate values against the running version of form `key`. For the routes of other areas
 * (the support report validates its submissions here). Throws 404 when the form was never
 * published and 400 with the field errors when the values do not pass.
 */
export async function validateAgainstPublishedForm(
  q: Queryable,
  key: string,
  values: unknown,
  version?: number,
): Promise<{ version: number; values: Record<string, unknown> }> {
  const doc =
    version === undefined
      ? await getPublishedDocument(q, 'form', key)
      : await getVersion(q, 'form', key, version).then((v) =>
          v?.status === 'published' ? { version: v.version!, body: v.body } : null,
        )
  if (!doc) throw notFound('This form has not been published')
  const result = validateSubmission(FormSchema.parse(doc.body), values)
  if (!result.ok)
    throw new HttpError(
      'validation_failed',
      'Some fields are not valid',
      result.errors.map((f) => ({ ...f, path: f.path ? `values.${f.path}` : 'values' })),
    )
  return { version: doc.version, values: result.values }
}

import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import type { ErrorBody, ErrorCode, FieldError } from '@suite/domain'
import { HttpError } from './errors'
import { PG_BAD_ENCODING } from './input-guard'
import { notFoundPage, pageLocale } from './not-found-page'

/** Build the one error body shape. */
export function errorBody(code: ErrorCode, message: string, requestId: string, fields: FieldError[] = []): ErrorBody {
  return { error: { code, message, fields, requestId } }
}

/**
 * `portalHref` is where the not-found page of a mistyped address sends people: the portal link of
 * the configured public URL and corp (`appLink`), so it opens signed in inside DingTalk too.
 *
 * Every error leaves as `ErrorBody`: validation problems as 400 with one entry per field,
 * framework errors mapped to their precise status, anything unexpected as a bare 500
 * (logged in full, never echoed).
 */
export function installErrorHandler(app: FastifyInstance, portalHref = '/apps/portal/'): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, code: ErrorCode, message: string, fields: FieldError[] = []) =>
      reply.code(status).send(errorBody(code, message, req.id, fields))

    if (err instanceof HttpError) return send(err.statusCode, err.code, err.message, err.fields)
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body'
      const fields = err.validation.map((v) => ({
        path:
          [
            where === 'body' ? '' : where,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ]
            .filter(Boolean)
            .join('.') || where,
        code: String((v.params as { issue?: { code?: string } })?.issue?.code ?? v.keyword ?? 'invalid'),
        message: v.message ?? 'Invalid value',
      }))
      return send(400, 'validation_failed', 'Some fields are not valid', fields)
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema')
      return send(500, 'internal', 'Something went wrong on our side')
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, 'payload_too_large', 'The request is too large')
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, 'unsupported_media_type', 'Unsupported content type')
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, 'bad_request', 'The request body is empty')
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(400, 'bad_request', 'The request body is not valid JSON')
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(413, 'payload_too_large', 'The file is too large')
      default:
        break
    }
    // Text PostgreSQL cannot store (a NUL byte the input guard did not see): the client's input.
    if ((err as { code?: unknown }).code === PG_BAD_ENCODING)
      return send(400, 'validation_failed', 'Text may not contain a NUL character')
    if (err.statusCode === 429) return send(429, 'rate_limited', 'Too many attempts; wait a minute and try again')
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message)))
      return send(400, 'bad_request', 'The request body is not valid JSON')
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(
        err.statusCode,
        err.statusCode === 404
          ? 'not_found'
          : err.statusCode === 413
            ? 'payload_too_large'
            : err.statusCode === 415
              ? 'unsupported_media_type'
              : 'bad_request',
        err.message,
      )
    }
    req.log.error({ err }, 'unhandled error')
    return send(500, 'internal', 'Something went wrong on our side')
  })

  app.setNotFoundHandler((req, reply) => {
    // A person who mistyped an app's address gets a page in their language with a way back;
    // programs calling /api (or the simulator) keep the JSON ErrorBody.
    const path = req.url.split('?')[0] ?? ''
    const isApi = path === '/api' || path.startsWith('/api/') || path.startsWith('/_sim/')
    if (!isApi && (req.method === 'GET' || req.method === 'HEAD')) {
      const locale = pageLocale(req.headers['accept-language'])
      return reply
        .code(404)
        .header('content-language', locale)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(notFoundPage(locale, portalHref))
    }
    return reply.code(404).send(errorBody('not_found', 'Not found', req.id))
  })
}

import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../shared/errors.js';
import { AppError } from '../errors.js';

function send(
  reply: import('fastify').FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
) {
  return reply.status(status).send({ error: { code, message, ...(details ? { details } : {}) } });
}

/** Every failure leaves as `{error: {code, message, details}}`; bad input is never a 5xx. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, error.statusCode, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext || 'body';
        fields[where] ??= issue.message ?? 'invalid';
      }
      return send(reply, 400, 'VALIDATION_FAILED', `Invalid ${Object.keys(fields).join(', ')}`, { fields });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, 500, 'INTERNAL', 'Something went wrong on our side', { requestId: request.id });
    }
    const status = error.statusCode ?? 500;
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return send(reply, 400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
    }
    if (status === 429) {
      return send(reply, 429, 'RATE_LIMITED', 'Too many attempts; try again later');
    }
    if (status >= 400 && status < 500) {
      return send(reply, status, status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', error.message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, 500, 'INTERNAL', 'Something went wrong on our side', { requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`),
  );
}

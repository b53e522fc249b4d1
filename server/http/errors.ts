import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody } from '../../shared/contract/sync-protocol.js';

/** A refusal with its HTTP status and the contract's error body (errorBodySchema). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers ?? {})) void reply.header(name, value);
  return reply.code(error.status).send(errorBody(error.code, error.message, error.fields));
}

/** zod issues as `{ 'dotted.path': message }`; the first issue per path wins. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '(body)';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function fieldsSummary(fields: Record<string, string>): string {
  return Object.entries(fields)
    .slice(0, 3)
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');
}

/** Parses a request body or refuses it with 400 INVALID_INPUT and the field errors. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    throw new HttpError(400, 'INVALID_INPUT', `The request body is not valid: ${fieldsSummary(fields)}`, fields);
  }
  return parsed.data;
}

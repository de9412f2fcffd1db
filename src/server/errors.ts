import { ERROR_STATUS, type ErrorCode } from '../shared/errors.js';

/** The one error type: a stable code (its status comes from ERROR_STATUS) and optional details. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessage(code),
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.statusCode = ERROR_STATUS[code];
  }
}

export function assertThat(
  condition: unknown,
  code: ErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): asserts condition {
  if (!condition) throw new AppError(code, message, details);
}

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Sign in to continue',
  INVALID_CREDENTIALS: 'Email or password is incorrect',
  CSRF_REJECTED: 'This request did not come from the Peikly app',
  COMPANY_ADMIN_REQUIRED: 'Only a CompanyAdmin can do this',
  PERMISSION_REQUIRED: 'You do not have the permission this needs',
  NOT_FOUND: 'Not found',
  RATE_LIMITED: 'Too many attempts; try again later',
  INTERNAL: 'Something went wrong on our side',
};

function defaultMessage(code: ErrorCode): string {
  return MESSAGES[code] ?? code.toLowerCase().replaceAll('_', ' ');
}

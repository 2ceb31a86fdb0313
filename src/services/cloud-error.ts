import { AppError, errorMessages, isErrorCode, type ErrorBody } from '@core/errors';

/**
 * What every failed call throws: the wire's stable code, a Chinese message for people, per-field
 * details. The cloud's AppError, arrived on the client.
 */
export class CloudError extends AppError {
  override readonly name = 'CloudError';

  static fromBody(body: unknown): CloudError {
    if (typeof body !== 'object' || body === null) return new CloudError('INTERNAL');
    const { code, message, details } = body as Record<string, unknown>;
    if (!isErrorCode(code)) return new CloudError('INTERNAL');
    return new CloudError(
      code,
      typeof message === 'string' && message !== '' ? message : errorMessages[code],
      typeof details === 'object' && details !== null ? (details as ErrorBody['details']) : undefined,
    );
  }
}

export function isCloudError(error: unknown): error is CloudError {
  return error instanceof CloudError;
}

/** Anything thrown on the way becomes a CloudError, so pages have one shape to show. */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error;
  return new CloudError('INTERNAL');
}

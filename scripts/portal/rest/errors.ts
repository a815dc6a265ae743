/**
 * REST errors as a portal sends them: HTTP status + `{"error": CODE, "error_description": text}`.
 * Codes and texts are the documented ones (b24restdocs `_includes/system-errors.md` and the
 * method pages); the SDK's parseErrorPayload reads exactly these two string fields.
 */
export class RestError extends Error {
  readonly status: number
  readonly code: string
  readonly description: string
  /** Extra top-level fields some errors carry (e.g. `argument` of ERROR_ARGUMENT). */
  readonly extra: Record<string, unknown>

  constructor(
    status: number,
    code: string,
    description: string,
    extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${description}`)
    this.name = 'RestError'
    this.status = status
    this.code = code
    this.description = description
    this.extra = extra
  }
}

export interface ErrorBody {
  error: string
  error_description: string
  [key: string]: unknown
}

export function errorBody(error: RestError): ErrorBody {
  return { error: error.code, error_description: error.description, ...error.extra }
}

export const restErrors = {
  noAuth: () => new RestError(401, 'NO_AUTH_FOUND', 'Wrong authorization data'),
  invalidToken: () => new RestError(401, 'invalid_token', 'The access token provided is invalid.'),
  expiredToken: () => new RestError(401, 'expired_token', 'The access token provided has expired.'),
  invalidCredentials: () =>
    new RestError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials'),
  queryLimit: () => new RestError(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'),
  methodNotFound: () => new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'),
  internal: () => new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'),
  /** Not a documented case (a portal never sees a browser send broken JSON); 400 in the usual shape. */
  badJson: () => new RestError(400, 'INVALID_REQUEST', 'Request body is not valid JSON'),
  bodyTooLarge: () => new RestError(400, 'INVALID_REQUEST', 'Request body is too large'),
  dialogIdEmpty: () => new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty"),
  /** im.dialog.unread without a positive MESSAGE_ID (CIMRestService::dialogUnread). */
  firstUnreadMissing: () =>
    new RestError(400, 'MESSAGE_ID_ERROR', "First unread message id can't be empty"),
  argument: (name: string) =>
    new RestError(400, 'ERROR_ARGUMENT', `Argument '${name}' is null or empty`, { argument: name }),
} as const

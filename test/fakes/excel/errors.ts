// Errors shaped like Office's `OfficeExtension.Error` for the fake Excel: a code, a message and where it happened.
export const ErrorCodes = {
  propertyNotLoaded: 'PropertyNotLoaded',
  itemNotFound: 'ItemNotFound',
  accessDenied: 'AccessDenied',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  apiNotFound: 'ApiNotFound',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  /** Not an Office code: the fake does not model this call or argument (a test would be lying if it passed). */
  notModelled: 'NotModelledByFake',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly debugInfo: { errorLocation?: string } = {},
  ) {
    super(message);
  }
}

export function propertyNotLoaded(entity: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    { errorLocation: `${entity}.${property}` },
  );
}

export const notModelled = (what: string): FakeOfficeError => new FakeOfficeError(ErrorCodes.notModelled, `${what} is not modelled by the fake Excel.`);
export const accessDenied = (where: string): FakeOfficeError =>
  new FakeOfficeError(ErrorCodes.accessDenied, 'The cell or chart you are trying to change is on a protected sheet.', { errorLocation: where });
export const invalidArgument = (where: string, why: string): FakeOfficeError =>
  new FakeOfficeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format (${why}).`, { errorLocation: where });

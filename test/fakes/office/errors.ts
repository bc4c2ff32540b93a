// Errors shaped like Office's `OfficeExtension.Error` for the fakes of Word and Excel: a code, a message and
// where it happened.
export const ErrorCodes = {
  propertyNotLoaded: 'PropertyNotLoaded',
  itemNotFound: 'ItemNotFound',
  accessDenied: 'AccessDenied',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  generalException: 'GeneralException',
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

/** Parses `load`'s argument into property names; `items/` prefixes (collections) are dropped. */
export function loadNames(arg: string | string[] | { select?: string; expand?: string } | undefined, all: readonly string[]): string[] {
  let names: string[];
  if (arg === undefined) names = [...all];
  else if (typeof arg === 'string') names = arg.split(',');
  else if (Array.isArray(arg)) names = arg;
  else {
    if (arg.expand) throw new FakeOfficeError(ErrorCodes.notModelled, `load({ expand: "${arg.expand}" })`);
    names = (arg.select ?? '').split(',');
  }
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/^items\//, '');
    if (name === '' || name === 'items' || name === '$all') {
      out.push(...all);
      continue;
    }
    if (name.includes('/')) throw new FakeOfficeError(ErrorCodes.notModelled, `load("${raw}"): navigation paths are not modelled`);
    if (!all.includes(name)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Unknown property '${name}'.`);
    out.push(name);
  }
  return out;
}

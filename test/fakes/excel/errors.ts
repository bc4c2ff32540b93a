// Errors shaped like Office's `OfficeExtension.Error` for the fake Excel: the shared codes, plus Excel's wordings.
import { ErrorCodes, FakeOfficeError } from '../office/errors.ts';

export { type ErrorCode, ErrorCodes, FakeOfficeError, propertyNotLoaded } from '../office/errors.ts';

export const notModelled = (what: string): FakeOfficeError => new FakeOfficeError(ErrorCodes.notModelled, `${what} is not modelled by the fake Excel.`);
export const accessDenied = (where: string): FakeOfficeError =>
  new FakeOfficeError(ErrorCodes.accessDenied, 'The cell or chart you are trying to change is on a protected sheet.', { errorLocation: where });
export const invalidArgument = (where: string, why: string): FakeOfficeError =>
  new FakeOfficeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format (${why}).`, { errorLocation: where });

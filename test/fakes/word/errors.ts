// Errors shaped like Office's `OfficeExtension.Error`, as the fake Word throws them (shared with the fake Excel).
export { type ErrorCode, ErrorCodes, FakeOfficeError, propertyNotLoaded } from '../office/errors.ts';

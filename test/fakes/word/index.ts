// A faithful fake of the slice of Word's JavaScript API the Word adapter uses (see README.md beside it).
export type { Control, Format, Paragraph } from './doc.ts';
export { ErrorCodes, FakeOfficeError } from './errors.ts';
export type { EventArgs, EventKind, EventSource } from './events.ts';
export { type FakeContext, FakeWord, type FakeWordOptions, type Selection, type Timing } from './fake-word.ts';
export type { Person } from './user.ts';

// The CTG domain model, shared by the add-in and the server: pure TypeScript over a Y.Doc, no I/O.
export { type ChangeBatch, type ChangeType, type EntityChange, observeChanges } from './changes.ts';
export { ConventionDoc, type Placement } from './doc/convention-doc.ts';
export { ModelError } from './doc/errors.ts';
export { CONVENTION_FORMAT, type ConventionFile, exportConventionJson, importConventionJson } from './exchange/convention-file.ts';
export { SAMPLE_FORMAT } from './exchange/sample-format.ts';
export { newId } from './ids.ts';
export { COMMENT_ROOTS, ENTITY_KINDS, ENTITY_SPECS, type EntityData, type FieldSpec, type ModelKind, SCHEMA_VERSION, SINGLETON_SPECS, type SingletonName } from './layout.ts';
export { readSnapshot } from './snapshot.ts';
export { type Finding, RULES, type RuleId, type ValidateOptions, validate } from './validation/index.ts';
export { applyTemplate, type TemplateOptions } from './template.ts';
export type * from './types.ts';
export * from './vocabulary.ts';
export { sampleConventionFile } from './samples/index.ts';
export * from './review/index.ts';

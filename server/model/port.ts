// The convention model port: what the server needs from the CTG model (template, snapshot, validation, JSON
// exchange, comment roots). The default fills it from ../shared; tests may inject a smaller one.
import type * as Y from 'yjs';
import {
  applyTemplate,
  COMMENT_ROOTS,
  ConventionDoc,
  type ConventionSnapshot,
  type Echelon,
  exportConventionJson,
  type Finding,
  type Generation,
  importConventionJson,
  readSnapshot,
  validate,
} from '../../shared/index.ts';

export interface TemplateChoice {
  readonly generation: Generation;
  readonly echelon: Echelon;
  readonly title?: string;
  readonly startYear?: number;
}

export interface ConventionModel {
  /** Fills an empty doc with the CTG template, in one transaction. */
  create(doc: Y.Doc, conventionId: string, choice: TemplateChoice): void;
  /** Fills an empty doc from a convention file, all or nothing (throws the model's error otherwise). */
  importJson(doc: Y.Doc, conventionId: string, file: unknown): void;
  exportJson(doc: Y.Doc): object;
  snapshot(doc: Y.Doc): ConventionSnapshot;
  /** The convention's title alone (cheaper than a snapshot). */
  title(doc: Y.Doc): string;
  validate(snapshot: ConventionSnapshot, today: string): Finding[];
  /** The only root types a `comment` participant may change. */
  readonly commentRoots: readonly string[];
}

/** Used when a convention is created by the first editor's connection, with no choice made. */
export const DEFAULT_TEMPLATE: TemplateChoice = { generation: '2020', echelon: 'intercommunal' };

export const sharedModel: ConventionModel = {
  create: (doc, conventionId, choice) => applyTemplate(doc, { conventionId, ...choice }),
  importJson: (doc, conventionId, file) => {
    importConventionJson(doc, file);
    // The server's id wins over the one written in the file.
    new ConventionDoc(doc).setConventionId(conventionId);
  },
  exportJson: (doc) => exportConventionJson(doc),
  snapshot: (doc) => readSnapshot(doc),
  title: (doc) => new ConventionDoc(doc).readSingleton('convention').title,
  validate: (snapshot, today) => validate(snapshot, { today }),
  commentRoots: COMMENT_ROOTS,
};

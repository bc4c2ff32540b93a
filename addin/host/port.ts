// The host port: what a binding needs from a document host (Word, Excel, the in-browser view). One adapter per
// host fills it; the task pane and the binding only ever talk to this interface, never to Word.run or the DOM.
import type { ConventionSnapshot } from '../../shared/index.ts';
import type { EntityRef, FieldRef, FieldValue } from '../../shared/field-ref.ts';

export type HostName = 'word' | 'excel' | 'browser';

/** Edits the person made in the host. Hints, not truth: the binding re-reads the fields and diffs them. */
export type EditHint = { scope: 'fields'; refs: FieldRef[] } | { scope: 'all' };

export interface Mark {
  /** `comment`: open discussion threads on the entity (shown where Word's own comments are not used). */
  type: 'error' | 'warning' | 'presence' | 'locked' | 'comment';
  /** Shown to the person, in French. */
  label: string;
}

/** Why a field cannot be written now, in French and English (a part every signatory validated, the signature). */
export interface FieldLock {
  fr: string;
  en: string;
}

/** The lock of a field, or null when it may be written. Record fields are asked key by key (`values.2026`). */
export type LockQuery = (ref: FieldRef) => FieldLock | null;

export interface HostCapabilities {
  /** The host reports edits as they happen; without it the binding polls (degraded mode). */
  editEvents: boolean;
  /** The host can show and select entities (Excel shows only the plan and indicators). */
  selection: boolean;
}

/**
 * The last text the host and the model agreed on, per field tag, kept inside the document itself: when the document
 * is reopened after being edited without the add-in, it is the base of the three-way merge, so the offline edits
 * and what the others changed meanwhile both survive.
 */
export interface AgreedStore {
  load(): Promise<Map<string, string>>;
  save(entries: ReadonlyMap<string, string>): Promise<void>;
}

export interface HostPort {
  readonly name: HostName;
  readonly capabilities: HostCapabilities;
  /**
   * Makes the host's structure match the snapshot: creates the parts of new entities in their place, removes the
   * parts of deleted ones, reorders moved ones, and fills new parts with the snapshot's values. Idempotent.
   */
  render(snapshot: ConventionSnapshot): Promise<void>;
  /** Writes the model's value into each field it shows; fields it does not show are ignored. Idempotent. */
  write(values: readonly FieldValue[]): Promise<void>;
  /** Reads the current text of the given fields, or of every field the host shows. */
  read(refs?: readonly FieldRef[]): Promise<FieldValue[]>;
  onEdit(listener: (hint: EditHint) => void): () => void;
  select(target: EntityRef): Promise<void>;
  /** Sets or clears (null) a visible mark on an entity: a validation finding, someone else is here, locked. */
  mark(target: EntityRef, mark: Mark | null): Promise<void>;
  /**
   * Makes the fields `isLocked` names read-only, with a visible « Verrouillé » cue, and every other field editable
   * again. Idempotent; the host keeps the query and applies it to the fields it renders later.
   */
  setLocks(isLocked: LockQuery): Promise<void>;
  dispose(): void;
  /** Hosts whose document outlives the session (Word, Excel) keep the agreed texts with it. */
  readonly agreed?: AgreedStore;
}

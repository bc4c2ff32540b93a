// Keeps the host's read-only fields equal to the review's lock policy (a part every signatory validated, a signed
// convention, less what an open avenant names). The policy is computed again only after a transaction that may move
// a lock, and lazily: `isLocked` and `current` always answer the policy now, while the host is pushed the set of
// locked fields at most once per `delayMs`, and only when that set changed.
import * as Y from 'yjs';
import {
  ENTITY_KINDS,
  ENTITY_SPECS,
  indexEntities,
  type LockPolicy,
  REVIEW_ROOT,
  type Review,
  readReviewLog,
  readSnapshot,
  reviewOf,
  SINGLETON_SPECS,
  type SingletonName,
} from '../../shared/index.ts';
import type { FieldRef } from '../../shared/field-ref.ts';
import type { FieldLock, HostPort, LockQuery } from '../host/port.ts';

/** `kind:id:field` (a record field without its key: `values.2026` is asked as `values`). */
const keyOf = (ref: FieldRef): string => `${ref.kind}:${ref.id}:${ref.field.split('.', 1)[0]}`;

/** The lock of one field under `policy`, as the host port gives it. */
function lockOfField(policy: LockPolicy, ref: FieldRef): FieldLock | null {
  if (policy.idle) return null;
  const lock = policy.lockOf({ kind: ref.kind, id: ref.id, field: ref.field.split('.', 1)[0] ?? ref.field });
  return lock ? { fr: lock.message.fr, en: lock.message.en } : null;
}

/** Every locked field of `review`'s convention, with why. */
function fieldsLockedBy(review: Review): Map<string, FieldLock> {
  const locked = new Map<string, FieldLock>();
  if (review.locks.idle) return locked;
  const visit = (kind: FieldRef['kind'], id: string, fields: readonly string[]) => {
    for (const field of fields) {
      const lock = lockOfField(review.locks, { kind, id, field });
      if (lock) locked.set(keyOf({ kind, id, field }), lock);
    }
  };
  for (const name of Object.keys(SINGLETON_SPECS) as SingletonName[]) visit(name, name, Object.keys(SINGLETON_SPECS[name]));
  for (const entity of indexEntities(review.snapshot).values()) visit(entity.kind, entity.id, Object.keys(ENTITY_SPECS[entity.kind].fields));
  return locked;
}

/** Every locked field of the convention in `ydoc`, with why: the pure core of `FieldLocks`. */
export function lockedFields(ydoc: Y.Doc): Map<string, FieldLock> {
  return fieldsLockedBy(reviewOf(readSnapshot(ydoc), readReviewLog(ydoc)));
}

/** A lock query over a computed set. */
export function lockQuery(locked: ReadonlyMap<string, FieldLock>): LockQuery {
  return (ref) => locked.get(keyOf(ref)) ?? null;
}

/** What changes when the set of locked fields (or a reason) changes. */
function signatureOf(locked: ReadonlyMap<string, FieldLock>): string {
  return [...locked].map(([key, lock]) => `${key}=${lock.fr}`).sort().join('\n');
}

/** Entity fields a lock depends on, besides `pos` and `deleted`: statuses, what an avenant names, the numbers and codes it names them by, the names in the reasons. */
const WATCHED: Partial<Record<string, ReadonlySet<string>>> = {
  [ENTITY_SPECS.article.collection]: new Set(['status', 'number']),
  [ENTITY_SPECS.action.collection]: new Set(['status', 'code']),
  [ENTITY_SPECS.amendment.collection]: new Set(['status', 'affected', 'number']),
  [ENTITY_SPECS.objective.collection]: new Set(['number']),
  [ENTITY_SPECS.axis.collection]: new Set(['number']),
  [ENTITY_SPECS.annex.collection]: new Set(['number']),
  [ENTITY_SPECS.signatory.collection]: new Set(['organisationId']),
  [ENTITY_SPECS.organisation.collection]: new Set(['name']),
};
const STRUCTURE: ReadonlySet<string> = new Set(['pos', 'deleted']);

/** Reads a transaction for what may move a lock: the review log, the convention's status, structure, the fields above. */
class LockInputs {
  // Types are compared by identity only.
  private readonly reviews: object;
  private readonly convention: object;
  private readonly collections = new Map<object, string>();

  constructor(ydoc: Y.Doc) {
    this.reviews = ydoc.getMap(REVIEW_ROOT);
    this.convention = ydoc.getMap('convention');
    for (const kind of ENTITY_KINDS) this.collections.set(ydoc.getMap(ENTITY_SPECS[kind].collection), ENTITY_SPECS[kind].collection);
  }

  touchedBy(transaction: Y.Transaction): boolean {
    for (const [type, keys] of transaction.changed) {
      if (type === this.reviews) return true;
      if (type === this.convention) {
        if (keys.has('status')) return true;
        continue;
      }
      // An entity added or removed from its collection: structure.
      if (this.collections.has(type)) return true;
      const parent = type._item?.parent;
      const collection = parent instanceof Y.AbstractType ? this.collections.get(parent) : undefined;
      if (collection !== undefined) {
        // A key of an entity's map.
        for (const key of keys) if (key !== null && (STRUCTURE.has(key) || WATCHED[collection]?.has(key))) return true;
        continue;
      }
      // A list or text inside an entity (an avenant's `affected`).
      const grand = parent instanceof Y.AbstractType ? parent._item?.parent : undefined;
      const outer = grand instanceof Y.AbstractType ? this.collections.get(grand) : undefined;
      const field = type._item?.parentSub;
      if (outer !== undefined && field && WATCHED[outer]?.has(field)) return true;
    }
    return false;
  }
}

/** Every field's answer once the server refused a change of this copy: what is typed next could not be stored. */
export const REFUSED_COPY_LOCK: FieldLock = {
  fr: 'Votre copie diffère de la convention depuis une modification refusée : reprenez la version du serveur (bandeau du volet) avant de modifier.',
  en: "Your copy differs from the convention since a change was refused: reload the server's version (banner in the pane) before editing.",
};

/**
 * `locks`, except that every field is locked while `refused()` holds: after a refusal the server cannot take this
 * copy's later changes (Yjs applies a client's changes in order, and one is missing), so typing is put back at once
 * rather than lost later.
 */
export function unlessRefused(refused: () => boolean, locks: LockQuery): LockQuery {
  return (ref) => (refused() ? REFUSED_COPY_LOCK : locks(ref));
}

export class FieldLocks {
  /** The review now; null when a transaction may have moved a lock since it was read. */
  private review: Review | null = null;
  private computed = 0;
  private host: HostPort | null = null;
  /** The signature the host shows, null when unknown (a new host, a failed push). */
  private pushed: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly inputs: LockInputs;
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (!this.inputs.touchedBy(transaction)) return;
    this.review = null;
    if (this.host && !this.timer) this.timer = setTimeout(() => void this.push(), this.delayMs);
  };

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly onError: (error: unknown) => void,
    /** The host is pushed the locks at most once per this many ms. */
    private readonly delayMs = 100,
  ) {
    this.inputs = new LockInputs(ydoc);
    ydoc.on('afterTransaction', this.onTransaction);
  }

  /** The review now (its `locks` for structure edits): read again only after a change that may move a lock. */
  current(): Review {
    if (!this.review) {
      this.review = reviewOf(readSnapshot(this.ydoc), readReviewLog(this.ydoc));
      this.computed++;
    }
    return this.review;
  }

  /** How many times the review was read so far (diagnostics and tests). */
  get computations(): number {
    return this.computed;
  }

  /** For the binding's `isLocked` option: always the current policy. */
  readonly isLocked: LockQuery = (ref) => lockOfField(this.current().locks, ref);

  /** Shows the locks in `host` (null: none) now, then after every change of the set; failures go to `onError`. */
  attach(host: HostPort | null): Promise<void> {
    if (host !== this.host) {
      this.host = host;
      this.pushed = null;
    }
    return this.push();
  }

  /** Resolves once what was pushed so far has reached the host. */
  settled(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.ydoc.off('afterTransaction', this.onTransaction);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.host = null;
  }

  private push(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const host = this.host;
    if (!host) return this.queue;
    const signature = signatureOf(fieldsLockedBy(this.current()));
    if (this.pushed === signature) return this.queue;
    this.pushed = signature;
    this.queue = this.queue.then(async () => {
      try {
        await host.setLocks(this.isLocked);
      } catch (error) {
        // What the host shows is now unknown: the next change pushes again.
        if (this.host === host && this.pushed === signature) this.pushed = null;
        this.onError(error);
      }
    });
    return this.queue;
  }
}

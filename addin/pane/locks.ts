// Keeps the host's read-only fields equal to the review's lock policy (a part every signatory validated, a signed
// convention, less what an open avenant names): recomputed from the model after each change, pushed to the host
// only when the set of locked fields changed, and asked live by the binding (`isLocked`).
import type * as Y from 'yjs';
import { ENTITY_SPECS, indexEntities, readReviewLog, readSnapshot, reviewOf, SINGLETON_SPECS, type SingletonName } from '../../shared/index.ts';
import type { FieldRef } from '../binding/field-ref.ts';
import type { FieldLock, HostPort, LockQuery } from '../host/port.ts';

/** `kind:id:field` (a record field without its key: `values.2026` is asked as `values`). */
const keyOf = (ref: FieldRef): string => `${ref.kind}:${ref.id}:${ref.field.split('.', 1)[0]}`;

/** Every locked field of the convention in `ydoc`, with why: the pure core of `FieldLocks`. */
export function lockedFields(ydoc: Y.Doc): Map<string, FieldLock> {
  const review = reviewOf(readSnapshot(ydoc), readReviewLog(ydoc));
  const locked = new Map<string, FieldLock>();
  if (review.locks.idle) return locked;
  const visit = (kind: FieldRef['kind'], id: string, fields: readonly string[]) => {
    for (const field of fields) {
      const lock = review.locks.lockOf({ kind, id, field });
      if (lock) locked.set(keyOf({ kind, id, field }), { fr: lock.message.fr, en: lock.message.en });
    }
  };
  for (const name of Object.keys(SINGLETON_SPECS) as SingletonName[]) visit(name, name, Object.keys(SINGLETON_SPECS[name]));
  for (const entity of indexEntities(review.snapshot).values()) visit(entity.kind, entity.id, Object.keys(ENTITY_SPECS[entity.kind].fields));
  return locked;
}

/** A lock query over a computed set. */
export function lockQuery(locked: ReadonlyMap<string, FieldLock>): LockQuery {
  return (ref) => locked.get(keyOf(ref)) ?? null;
}

/** What changes when the set of locked fields (or a reason) changes. */
function signatureOf(locked: ReadonlyMap<string, FieldLock>): string {
  return [...locked].map(([key, lock]) => `${key}=${lock.fr}`).sort().join('\n');
}

export class FieldLocks {
  private locked = new Map<string, FieldLock>();
  private signature = '';
  private stale = true;
  private host: HostPort | null = null;
  /** The signature the host shows, null when unknown (a new host, a failed push). */
  private pushed: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onTransaction = () => {
    this.stale = true;
    if (this.host && !this.timer) this.timer = setTimeout(() => void this.push(), 0);
  };

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly onError: (error: unknown) => void,
  ) {
    ydoc.on('afterTransaction', this.onTransaction);
  }

  /** For the binding's `isLocked` option: always the current policy (recomputed at most once per change). */
  readonly isLocked: LockQuery = (ref) => {
    this.refresh();
    return this.locked.get(keyOf(ref)) ?? null;
  };

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

  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.locked = lockedFields(this.ydoc);
    this.signature = signatureOf(this.locked);
  }

  private push(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const host = this.host;
    if (!host) return this.queue;
    this.refresh();
    if (this.pushed === this.signature) return this.queue;
    const signature = this.signature;
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

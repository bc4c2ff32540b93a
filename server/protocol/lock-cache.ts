// One convention's lock policy (shared/review), cached for the server's checks. While a quick look at a handful of
// values (review log, convention status, agreed articles, signed avenants) says nothing can be locked, the verdict
// holds until a transaction touches one of them — typing costs nothing. Otherwise the policy is computed again only
// after a change that may move a lock (see `carry`).
import * as Y from 'yjs';
import { type ConventionStatus, ENTITY_SPECS, isFrozen, type LockPolicy, REVIEW_ROOT, readReviewLog, readSnapshot, reviewOf } from '../../shared/index.ts';

const REVIEW_BYTES = Buffer.from(REVIEW_ROOT, 'utf8');

export class LockCache {
  /** Document changes seen, and the count at which `policy` was computed (-1: never). */
  private changes = 0;
  private at = -1;
  private policy: LockPolicy | null = null;
  /** True while the quick look's « nothing can be locked » still holds. */
  private quiet = false;
  private readonly reviews: Y.Map<unknown>;
  private readonly convention: Y.Map<unknown>;
  private readonly articles: Y.Map<unknown>;
  private readonly amendments: Y.Map<unknown>;

  constructor(private readonly doc: Y.Doc) {
    this.reviews = doc.getMap(REVIEW_ROOT);
    this.convention = doc.getMap('convention');
    this.articles = doc.getMap(ENTITY_SPECS.article.collection);
    this.amendments = doc.getMap(ENTITY_SPECS.amendment.collection);
    doc.on('afterTransaction', this.onTransaction);
  }

  /** The lock policy now; null when nothing at all is locked. */
  current(): LockPolicy | null {
    if (this.quiet) return null;
    if (this.at !== this.changes) {
      this.quiet = this.quietlyIdle();
      this.policy = this.quiet ? null : idleOrNull(reviewOf(readSnapshot(this.doc), readReviewLog(this.doc)).locks);
      this.at = this.changes;
    }
    return this.policy;
  }

  /**
   * True when an `edit` peer's update needs no check at all: nothing is locked, the review log is empty and the
   * update does not name it (a new log entry always names its root), and nothing is held back that it could build on.
   */
  skipsChecks(update: Uint8Array): boolean {
    const { store } = this.doc;
    if (store.pendingStructs !== null || store.pendingDs !== null || this.reviews._map.size > 0) return false;
    if (this.current() !== null) return false;
    return Buffer.from(update.buffer, update.byteOffset, update.byteLength).indexOf(REVIEW_BYTES) < 0;
  }

  /** Taken before applying an update; see `carry`. */
  mark(): number {
    const { store } = this.doc;
    return store.pendingStructs !== null || store.pendingDs !== null ? -1 : this.changes;
  }

  /** After applying an update that cannot move a lock (typing in text fields), the policy of `mark` still holds. */
  carry(mark: number): void {
    if (mark >= 0 && this.at === mark) this.at = this.changes;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    this.changes++;
    if (this.quiet && this.touchesInputs(transaction)) this.quiet = false;
  };

  /** Whether a transaction changed what the quick look reads: the log, the convention map, an article or avenant. */
  private touchesInputs(transaction: Y.Transaction): boolean {
    const inputs: unknown[] = [this.reviews, this.convention, this.articles, this.amendments];
    for (const type of transaction.changed.keys()) {
      if (inputs.includes(type) || inputs.includes(type._item?.parent)) return true;
    }
    return false;
  }

  /** True when nothing can be locked: no review event, not signed, no agreed article, no signed avenant. */
  private quietlyIdle(): boolean {
    if (this.reviews._map.size > 0 || isFrozen(this.convention.get('status') as ConventionStatus)) return false;
    const any = (collection: Y.Map<unknown>, value: string): boolean => {
      for (const entity of collection.values()) if (entity instanceof Y.Map && entity.get('status') === value) return true;
      return false;
    };
    return !any(this.articles, 'agreed') && !any(this.amendments, 'signe');
  }
}

const idleOrNull = (policy: LockPolicy): LockPolicy | null => (policy.idle ? null : policy);

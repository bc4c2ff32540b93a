// One convention's lock policy (shared/review), cached for the server's checks. While a quick look at a handful of
// values (review log, convention status, agreed articles, signed avenants) says nothing can be locked, the verdict
// holds until a transaction touches one of them — typing costs nothing. Otherwise the policy is computed again only
// after a change that may move a lock (see `carry`). An update that may write the convention's status is always
// checked (status-writes.ts), even while nothing is locked.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { type ConventionStatus, ENTITY_SPECS, isFrozen, type LockPolicy, REVIEW_ROOT, readReviewLog, readSnapshot, reviewOf } from '../../shared/index.ts';

const REVIEW_BYTES = Buffer.from(REVIEW_ROOT, 'utf8');
/** A new message names the `comments` root: its author and party are checked (comment-writes.ts). */
const COMMENT_BYTES = Buffer.from(ENTITY_SPECS.comment.collection, 'utf8');
/** `status` as an update names a map key it writes without an origin (length, then UTF-8). */
const STATUS_KEY_BYTES = Buffer.from([6, ...Buffer.from('status', 'utf8')]);

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
  /** Messages exist: any update may change one, so every update is checked (only its author may). */
  private readonly comments: Y.Map<unknown>;
  /** Byte strings one of which every update writing `convention.status` holds; null: compute again. */
  private statusNeedles: Buffer[] | null = null;

  constructor(private readonly doc: Y.Doc) {
    this.reviews = doc.getMap(REVIEW_ROOT);
    this.convention = doc.getMap('convention');
    this.articles = doc.getMap(ENTITY_SPECS.article.collection);
    this.amendments = doc.getMap(ENTITY_SPECS.amendment.collection);
    this.comments = doc.getMap(ENTITY_SPECS.comment.collection);
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
   * True when an `edit` peer's update needs no check at all: nothing is locked, the review log and the discussions are
   * empty and the update names neither (a new entry always names its root), it cannot write the convention's status (it
   * holds neither the key nor the id of an entry the key held; an update of deletions only is always traced), and
   * nothing is held back that it could build on.
   */
  skipsChecks(update: Uint8Array): boolean {
    const { store } = this.doc;
    if (store.pendingStructs !== null || store.pendingDs !== null || this.reviews._map.size > 0 || this.comments._map.size > 0) return false;
    if (this.current() !== null) return false;
    const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    // No new structs, only deletions (v1: the struct count comes first): cheap to trace, and it may remove the status.
    if (bytes[0] === 0 || bytes.indexOf(REVIEW_BYTES) >= 0 || bytes.indexOf(COMMENT_BYTES) >= 0) return false;
    this.statusNeedles ??= statusNeedles(this.convention);
    return this.statusNeedles.every((needle) => bytes.indexOf(needle) < 0);
  }

  /** Taken before applying an update; see `carry`. */
  mark(): number {
    const { store } = this.doc;
    return store.pendingStructs !== null || store.pendingDs !== null ? -1 : this.changes;
  }

  /**
   * After applying an update that cannot move a lock (typing in text fields, follow-up values: see
   * `cannotMoveLocks`), the policy of `mark` still holds.
   */
  carry(mark: number): void {
    if (mark >= 0 && this.at === mark) this.at = this.changes;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    this.changes++;
    // reason: Map#has accepts any key at run time; the cast only widens the lookup key's type.
    if ((transaction.changed as Map<unknown, unknown>).has(this.convention)) this.statusNeedles = null;
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

/**
 * What an update writing `convention.status` must contain (v1 encoding): the key itself when the new entry has no
 * origin, else its origin — the id (client, clock as varuints) of one of the entries the key held so far.
 */
function statusNeedles(convention: Y.Map<unknown>): Buffer[] {
  const needles = [STATUS_KEY_BYTES];
  for (let item: Y.Item | null = convention._map.get('status') ?? null; item !== null; item = item.left) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, item.id.client);
    encoding.writeVarUint(encoder, item.id.clock);
    needles.push(Buffer.from(encoding.toUint8Array(encoder)));
  }
  return needles;
}

const idleOrNull = (policy: LockPolicy): LockPolicy | null => (policy.idle ? null : policy);

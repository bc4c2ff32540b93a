// Where an incoming update would write, found without applying it: the access check for `comment` and `view`
// clients and the lock check. New items are traced through parent, origin or right origin (in the update itself or
// in the doc) to a place: the root type and the first two map keys below it (`articles` › id › `body`); deletions
// count only where they hit live content. GC runs (a client's own offline text, created then deleted) and items
// inside collected content carry nothing visible: allowed anywhere, yet still a change — they fill the client's clock,
// and what it wrote after them waits for them. Like Yjs, trusts client ids.
import * as Y from 'yjs';

/** A slot in the document: its root type, the map keys from the root down (at most two), and whether it lies deeper. */
export interface Place {
  readonly root: string;
  readonly keys: readonly string[];
  /** True when the slot is inside the type held at `keys` (a character of a text, a record's entry), not that entry. */
  readonly deep: boolean;
}

/** One new item or one deletion of live content, with the slot it fills or empties. */
export interface Touch {
  readonly change: 'insert' | 'delete';
  readonly place: Place;
  readonly item: Y.Item;
}

export interface UpdateReach {
  /** Root type names that new content or new deletions would touch. */
  readonly roots: ReadonlySet<string>;
  /** Every traced new item and deletion of live content. */
  readonly touches: readonly Touch[];
  /** True when some change cannot be traced to a root (unknown reference, deletion of unknown ids). */
  readonly untraceable: boolean;
  /**
   * True when the update brings structs the server lacks that land nowhere visible (GC runs, items inside collected
   * content): no content, but they fill clock gaps.
   */
  readonly inert: boolean;
}

const INERT = Symbol('inert');
const UNTRACEABLE = Symbol('untraceable');
type Trace = Place | typeof INERT | typeof UNTRACEABLE;
/** Deeper than any real layout: a crafted chain of nested types is untraceable, not a stack overflow. */
const MAX_NESTING = 64;

const rootPlace = (root: string): Place => ({ root, keys: [], deep: false });

/** The slot of an item in the type whose own slot is `container`: a map entry (`sub`) or a sequence element. */
function child(container: Trace, sub: string | null): Trace {
  if (typeof container === 'symbol') return container;
  if (sub !== null && !container.deep && container.keys.length < 2) return { ...container, keys: [...container.keys, sub] };
  return container.deep ? container : { ...container, deep: true };
}

/** Traces an update against `doc`; throws whatever Yjs throws for an update it cannot decode. */
export function updateReach(doc: Y.Doc, update: Uint8Array): UpdateReach {
  const { structs, ds } = Y.decodeUpdate(update);
  const store = doc.store;
  // Structs the server holds back until their dependencies arrive (it hands them out in step 2 answers, so clients
  // echo them and may build on them).
  const pending = indexStructs(pendingStructs(doc));
  const fresh = indexStructs(
    structs.filter(
      (struct) =>
        !(struct instanceof Y.Skip) &&
        struct.id.clock + struct.length > Y.getState(store, struct.id.client) &&
        !coveredBy(findIn(pending, struct.id), struct),
    ),
  );
  const roots = new Set<string>();
  const touches: Touch[] = [];
  let untraceable = false;
  // Each index is free of overlaps on its own; together they may overlap, so look in both.
  const freshAt = (id: Y.ID) => findIn(fresh, id) ?? findIn(pending, id);
  const docPlaces = new Map<Y.AbstractType<unknown>, Trace>();

  /** The place inside an integrated type (memoised per type). */
  const containerInDoc = (type: unknown, depth: number): Trace => {
    if (!(type instanceof Y.AbstractType)) return UNTRACEABLE;
    const known = docPlaces.get(type);
    if (known !== undefined) return known;
    let result: Trace;
    if (type._item === null) {
      try {
        result = rootPlace(Y.findRootTypeKey(type));
      } catch {
        result = UNTRACEABLE;
      }
    } else result = depth > MAX_NESTING ? UNTRACEABLE : slotInDoc(type._item, depth + 1);
    docPlaces.set(type, result);
    return result;
  };
  const slotInDoc = (item: Y.Item, depth = 0): Trace => child(containerInDoc(item.parent, depth), item.parentSub);

  const traceInDoc = (id: Y.ID): Trace => {
    if (id.clock >= Y.getState(store, id.client)) return UNTRACEABLE;
    const structsOfClient = store.clients.get(id.client);
    if (!structsOfClient) return UNTRACEABLE;
    const struct = structsOfClient[Y.findIndexSS(structsOfClient, id.clock)];
    return struct instanceof Y.Item ? slotInDoc(struct) : INERT;
  };

  const memo = new Map<Y.Item, Trace>();
  const traceFresh = (start: Y.Item, depth = 0): Trace => {
    const chain: Y.Item[] = [];
    const seen = new Set<Y.Item>();
    let current: Y.Item = start;
    let result: Trace;
    for (;;) {
      const known = memo.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (seen.has(current) || depth > MAX_NESTING) {
        result = UNTRACEABLE;
        break;
      }
      seen.add(current);
      chain.push(current);
      // In a decoded (not integrated) update, `parent` is a root name, the id of the parent type's item, or null
      // when the parent (and the key) are those of a neighbour.
      const parent: unknown = current.parent;
      if (typeof parent === 'string') {
        result = child(rootPlace(parent), current.parentSub);
        break;
      }
      if (parent instanceof Y.ID) {
        const holder = freshAt(parent);
        const container = holder instanceof Y.Item ? traceFresh(holder, depth + 1) : holder ? INERT : traceInDoc(parent);
        result = child(container, current.parentSub);
        break;
      }
      const ref = current.origin ?? current.rightOrigin;
      if (!ref) {
        result = UNTRACEABLE;
        break;
      }
      const next = freshAt(ref);
      if (next instanceof Y.Item) {
        current = next;
        continue;
      }
      result = next ? INERT : traceInDoc(ref);
      break;
    }
    for (const item of chain) memo.set(item, result);
    return result;
  };

  let inert = false;
  const note = (trace: Trace, change: Touch['change'] | null, item: Y.Item): void => {
    if (trace === UNTRACEABLE) untraceable = true;
    else if (trace === INERT) inert ||= change === 'insert';
    else {
      roots.add(trace.root);
      if (change) touches.push({ change, place: trace, item });
    }
  };

  for (const list of fresh.values()) {
    for (const struct of list) {
      if (struct instanceof Y.Item) note(traceFresh(struct), 'insert', struct);
      else inert = true;
    }
  }

  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(store, client);
    const docStructs = store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // The part the server already holds: live items become deleted.
      if (clock < known && docStructs.length > 0) {
        for (let i = Y.findIndexSS(docStructs, clock); i < docStructs.length; i++) {
          const struct = docStructs[i]!;
          if (struct.id.clock >= end) break;
          if (struct instanceof Y.Item && !struct.deleted) note(slotInDoc(struct), 'delete', struct);
        }
      }
      // The part beyond: ids this update creates (already noted as inserts), or that the server holds back.
      for (let at = Math.max(clock, known); at < end; ) {
        const struct = freshAt(Y.createID(client, at));
        if (!struct) {
          untraceable = true;
          break;
        }
        if (struct instanceof Y.Item) note(traceFresh(struct), null, struct);
        at = struct.id.clock + struct.length;
      }
    }
  }
  return { roots, touches, untraceable, inert };
}

/** True when applying the update would change nothing (already known, or only re-deleting deleted content). */
export const reachesNothing = (reach: UpdateReach): boolean =>
  reach.roots.size === 0 && !reach.untraceable && !reach.inert;

/** True when every change stays inside the allowed root types. */
export const reachesOnly = (reach: UpdateReach, allowed: readonly string[]): boolean =>
  !reach.untraceable && [...reach.roots].every((root) => allowed.includes(root));

function pendingStructs(doc: Y.Doc): Array<Y.Item | Y.GC | Y.Skip> {
  const pending = doc.store.pendingStructs;
  // Yjs keeps held-back structs in update format v2.
  return pending ? Y.decodeUpdateV2(pending.update).structs : [];
}

function indexStructs(structs: Array<Y.Item | Y.GC | Y.Skip>): Map<number, Array<Y.Item | Y.GC>> {
  const index = new Map<number, Array<Y.Item | Y.GC>>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const list = index.get(struct.id.client);
    if (list) list.push(struct);
    else index.set(struct.id.client, [struct]);
  }
  for (const list of index.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return index;
}

const coveredBy = (outer: Y.Item | Y.GC | undefined, inner: Y.Item | Y.GC | Y.Skip): boolean =>
  outer !== undefined && inner.id.clock + inner.length <= outer.id.clock + outer.length;

/** Binary search for the struct holding `id` in a client → clock-sorted structs index. */
function findIn(index: Map<number, Array<Y.Item | Y.GC>>, id: Y.ID): Y.Item | Y.GC | undefined {
  const list = index.get(id.client);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (id.clock < s.id.clock) hi = mid - 1;
    else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

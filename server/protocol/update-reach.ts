// Which top-level Y.Doc types an incoming update would change, found without applying it: the access check for
// `comment` and `view` clients. New items are traced to their root through parent, origin or right origin (in the
// update itself or in the doc); deletions count only where they hit live content. GC runs carry no content (a
// client's own offline text, created then deleted): allowed anywhere, yet still a change. Like Yjs, trusts client ids.
import * as Y from 'yjs';

export interface UpdateReach {
  /** Root type names that new content or new deletions would touch. */
  readonly roots: ReadonlySet<string>;
  /** True when some change cannot be traced to a root (unknown reference, deletion of unknown ids). */
  readonly untraceable: boolean;
  /** True when the update brings GC runs the server lacks: no content, but they fill clock gaps. */
  readonly newGc: boolean;
}

const INERT = Symbol('inert');
const UNTRACEABLE = Symbol('untraceable');
type Trace = string | typeof INERT | typeof UNTRACEABLE;

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
  let untraceable = false;
  // Each index is free of overlaps on its own; together they may overlap, so look in both.
  const freshAt = (id: Y.ID) => findIn(fresh, id) ?? findIn(pending, id);

  const traceInDoc = (id: Y.ID): Trace => {
    if (id.clock >= Y.getState(store, id.client)) return UNTRACEABLE;
    const structsOfClient = store.clients.get(id.client);
    if (!structsOfClient) return UNTRACEABLE;
    const struct = structsOfClient[Y.findIndexSS(structsOfClient, id.clock)];
    if (!(struct instanceof Y.Item)) return INERT;
    return rootKeyOf(struct.parent);
  };

  const memo = new Map<Y.Item, Trace>();
  const traceFresh = (start: Y.Item): Trace => {
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
      if (seen.has(current)) {
        result = UNTRACEABLE;
        break;
      }
      seen.add(current);
      chain.push(current);
      // In a decoded (not integrated) update, `parent` is a root name, the id of the parent type's item, or null
      // when the parent is implied by a neighbour.
      const parent: unknown = current.parent;
      if (typeof parent === 'string') {
        result = parent;
        break;
      }
      const ref = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
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

  const note = (trace: Trace): void => {
    if (trace === UNTRACEABLE) untraceable = true;
    else if (trace !== INERT) roots.add(trace);
  };

  let newGc = false;
  for (const list of fresh.values()) {
    for (const struct of list) {
      if (struct instanceof Y.Item) note(traceFresh(struct));
      else newGc = true;
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
          if (struct instanceof Y.Item && !struct.deleted) note(rootKeyOf(struct.parent));
        }
      }
      // The part beyond: ids this update creates, or that the server holds back.
      for (let at = Math.max(clock, known); at < end; ) {
        const struct = freshAt(Y.createID(client, at));
        if (!struct) {
          untraceable = true;
          break;
        }
        if (struct instanceof Y.Item) note(traceFresh(struct));
        at = struct.id.clock + struct.length;
      }
    }
  }
  return { roots, untraceable, newGc };
}

/** True when applying the update would change nothing (already known, or only re-deleting deleted content). */
export const reachesNothing = (reach: UpdateReach): boolean =>
  reach.roots.size === 0 && !reach.untraceable && !reach.newGc;

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

function rootKeyOf(parent: unknown): Trace {
  if (!(parent instanceof Y.AbstractType)) return UNTRACEABLE;
  let type: Y.AbstractType<unknown> = parent;
  while (type._item !== null) {
    const up: unknown = type._item.parent;
    if (!(up instanceof Y.AbstractType)) return UNTRACEABLE;
    type = up;
  }
  try {
    return Y.findRootTypeKey(type);
  } catch {
    return UNTRACEABLE;
  }
}

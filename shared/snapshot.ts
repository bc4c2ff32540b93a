// Reads the typed plain snapshot of a convention from its Y.Doc in one pass: live entities only (a deleted
// entity takes its descendants with it), children grouped under their parent in rank order.
import type * as Y from 'yjs';
import { ConventionDoc, positionOf, readEntity } from './doc/convention-doc.ts';
import { ENTITY_KEYS, ENTITY_KINDS, ENTITY_SPECS } from './layout.ts';
import { compareRanked } from './rank.ts';
import type { Action, ConventionSnapshot, EntityKind, Thread } from './types.ts';

type Node = Record<string, unknown> & { id: string };
interface Placed {
  node: Node;
  parent: string | null;
  rank: string;
  id: string;
}

export function readSnapshot(ydoc: Y.Doc): ConventionSnapshot {
  const model = new ConventionDoc(ydoc);
  const live = new Map<EntityKind, Map<string, Node>>();
  const placed = new Map<EntityKind, Placed[]>();

  // ENTITY_KINDS lists every parent kind before its children, so a parent's liveness is known first.
  for (const kind of ENTITY_KINDS) {
    const parentKind = ENTITY_SPECS[kind].parent;
    const parents = parentKind ? live.get(parentKind) : undefined;
    const nodes = new Map<string, Node>();
    const items: Placed[] = [];
    model.collection(kind).forEach((entity, id) => {
      if (entity.get(ENTITY_KEYS.deleted) === true) return;
      const pos = positionOf(entity);
      if (parentKind && !(pos.parent && parents?.has(pos.parent))) return;
      const node = readEntity(kind, entity) as Node;
      node.id = id;
      for (const child of ENTITY_KINDS) if (ENTITY_SPECS[child].parent === kind) node[ENTITY_SPECS[child].plural] = [];
      nodes.set(id, node);
      items.push({ node, parent: pos.parent, rank: pos.rank, id });
    });
    items.sort(compareRanked);
    live.set(kind, nodes);
    placed.set(kind, items);
  }

  const roots: Record<string, Node[]> = {};
  for (const kind of ENTITY_KINDS) {
    const spec = ENTITY_SPECS[kind];
    const parents = spec.parent ? live.get(spec.parent) : undefined;
    if (!parents) roots[spec.plural] = [];
    for (const item of placed.get(kind) ?? []) {
      const siblings = parents ? parents.get(item.parent as string)?.[spec.plural] : roots[spec.plural];
      (siblings as Node[]).push(item.node);
    }
  }

  const liveObjectives = live.get('objective') as Map<string, Node>;
  const liveIndicators = live.get('indicator') as Map<string, Node>;
  for (const action of (live.get('action') as Map<string, Node>).values() as Iterable<Node & Action>) {
    action.secondaryObjectiveIds = action.secondaryObjectiveIds.filter((id) => liveObjectives.has(id));
    action.indicatorIds = action.indicatorIds.filter((id) => liveIndicators.has(id));
  }
  for (const thread of roots.threads as Array<Node & Thread>) {
    const anchor = thread.anchor;
    thread.attached = anchor?.kind === 'convention' || (anchor ? Boolean(live.get(anchor.kind)?.has(anchor.id)) : false);
  }

  const { visas, ...convention } = model.readSingleton('convention');
  const { sections, ...lists } = roots;
  return {
    convention: {
      id: model.meta().conventionId,
      ...convention,
      visas: visas.split('\n').filter((line) => line.trim() !== ''),
    },
    territory: model.readSingleton('territory'),
    diagnostic: { ...model.readSingleton('diagnostic'), sections },
    ...lists,
  } as unknown as ConventionSnapshot;
}

// Every live entity of a snapshot with its parent: what the lock rules need to find a fiche action's milestones, an
// avenant's affected parts and their descendants.
import { childKinds, ENTITY_SPECS } from '../layout.ts';
import type { ConventionSnapshot, EntityKind } from '../types.ts';

export interface IndexedEntity {
  readonly kind: EntityKind;
  readonly id: string;
  /** `kind:id` of the parent entity, null at the top. */
  readonly parent: string | null;
  readonly node: Readonly<Record<string, unknown>>;
}

export const entityKey = (kind: string, id: string): string => `${kind}:${id}`;

export function indexEntities(snapshot: ConventionSnapshot): Map<string, IndexedEntity> {
  const index = new Map<string, IndexedEntity>();
  const visit = (kind: EntityKind, nodes: unknown, parent: string | null): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<Record<string, unknown> & { id: string }>) {
      const key = entityKey(kind, node.id);
      index.set(key, { kind, id: node.id, parent, node });
      for (const child of childKinds(kind)) visit(child, node[ENTITY_SPECS[child].plural], key);
    }
  };
  const roots = snapshot as unknown as Record<string, unknown>;
  for (const kind of childKinds(null)) {
    const plural = ENTITY_SPECS[kind].plural;
    visit(kind, kind === 'diagnosticSection' ? snapshot.diagnostic.sections : roots[plural], null);
  }
  return index;
}

/** The key itself and the keys of its ancestors, nearest first. */
export function lineage(index: ReadonlyMap<string, IndexedEntity>, key: string): string[] {
  const out: string[] = [];
  for (let at: string | null = key; at !== null && !out.includes(at); at = index.get(at)?.parent ?? null) out.push(at);
  return out;
}

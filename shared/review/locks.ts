// Which parts of a convention cannot be written now, and why. Two locks: a part every signatory validated (an
// article, a fiche action with its milestones and budget lines, an avenant), and the signature, which freezes the
// text of the whole convention. An open avenant lifts both on the parts it names and everything under them. The
// follow-up (an action's yearly status, realised budgets, indicator values) stays open. The add-ins make locked
// fields read-only; the server refuses any write to them.
import type { ModelKind, SingletonName } from '../layout.ts';
import type { Amendment, ConventionSnapshot, EntityKind } from '../types.ts';
import { entityKey, type IndexedEntity, indexEntities, lineage } from './entities.ts';
import type { SignoffSubject } from './events.ts';
import type { Bilingual, SignoffState } from './signoff.ts';
import { isFrozen } from './status.ts';

export interface LockTarget {
  readonly kind: ModelKind;
  /** The entity id; for a singleton, its name. */
  readonly id: string;
  /** The field, or `pos` / `deleted` / `*` (the entity as a whole). */
  readonly field: string;
  /** For an entity the snapshot does not know yet (being created): its parent's id, when known. */
  readonly parent?: string | null;
}

export interface Lock {
  readonly cause: 'signoff' | 'signature';
  readonly message: Bilingual;
}

/** Fields that record the follow-up of a signed convention: never locked. */
export const FOLLOW_UP_FIELDS: Partial<Record<EntityKind, readonly string[]>> = {
  action: ['statusByYear'],
  budgetLine: ['realised'],
  indicator: ['values'],
};

/** What signature freezes: these kinds (all fields but the follow-up and the listed exceptions) and singletons. */
const FROZEN_KINDS: ReadonlySet<ModelKind> = new Set<ModelKind>([
  'convention',
  'territory',
  'diagnostic',
  'signatory',
  'commune',
  'article',
  'annex',
  'diagnosticSection',
  'keyFigure',
  'axis',
  'objective',
  'action',
  'milestone',
  'budgetLine',
  'indicator',
]);
const OPEN_WHEN_FROZEN: Partial<Record<ModelKind, readonly string[]>> = {
  convention: ['status', 'signatureDate', 'signaturePlace'],
  signatory: ['signatureDate'],
};
const SINGLETONS: readonly SingletonName[] = ['convention', 'territory', 'diagnostic'];
/** Kinds whose sign-off locks their descendants too (a fiche action's milestones and budget lines). */
const SIGNOFF_KINDS: ReadonlySet<string> = new Set(['article', 'action', 'amendment']);

export interface LockPolicy {
  readonly frozen: boolean;
  /** Avenants being drafted: they open the parts they name. */
  readonly openAmendments: readonly Amendment[];
  lockOf(target: LockTarget): Lock | null;
  /** True when nothing at all is locked: the server skips its checks. */
  readonly idle: boolean;
}

export function lockPolicy(
  snapshot: ConventionSnapshot,
  signoffOf: (subject: SignoffSubject) => SignoffState,
): LockPolicy {
  const index = indexEntities(snapshot);
  const names = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  const frozen = isFrozen(snapshot.convention.status);
  const openAmendments = snapshot.amendments.filter((a) => a.status !== 'signe' && signoffOf({ kind: 'amendment', id: a.id }).stage !== 'valide');
  const opened = openedKeys(openAmendments, snapshot, index);
  const validated = new Map<string, SignoffState>();
  for (const [key, entity] of index) {
    if (!SIGNOFF_KINDS.has(entity.kind)) continue;
    const state = signoffOf({ kind: entity.kind as SignoffSubject['kind'], id: entity.id });
    if (state.stage === 'valide') validated.set(key, state);
  }
  const idle = !frozen && validated.size === 0;

  const lockOf = (target: LockTarget): Lock | null => {
    if (FOLLOW_UP_FIELDS[target.kind as EntityKind]?.includes(target.field)) return null;
    const key = entityKey(target.kind, target.id);
    const known = index.has(key);
    const chain = SINGLETONS.includes(target.kind as SingletonName)
      ? [key]
      : known
        ? lineage(index, key)
        : [key, ...(target.parent ? lineage(index, parentKey(target.kind as EntityKind, target.parent)) : [])];
    if (chain.some((k) => opened.has(k))) return null;
    for (const k of chain) {
      const state = validated.get(k);
      if (state) return signoffLock(index.get(k), state, k !== key, names);
    }
    if (frozen && FROZEN_KINDS.has(target.kind) && !OPEN_WHEN_FROZEN[target.kind]?.includes(target.field)) return SIGNATURE_LOCK;
    return null;
  };
  return { frozen, openAmendments, lockOf, idle };
}

const SIGNATURE_LOCK: Lock = {
  cause: 'signature',
  message: {
    fr: 'Convention signée : ce texte ne change plus que par un avenant. Ouvrez un avenant qui porte sur cette partie pour la modifier.',
    en: 'Signed convention: this text only changes through an amendment. Open an amendment covering this part to change it.',
  },
};

function signoffLock(part: IndexedEntity | undefined, state: SignoffState, inner: boolean, names: ReadonlyMap<string, string>): Lock {
  const what = part ? partName(part) : { fr: 'cette partie', en: 'this part' };
  const under = inner ? { fr: ' (et ce qui en dépend)', en: ' (and what it holds)' } : { fr: '', en: '' };
  const parties = state.validatedBy.map((p) => names.get(p) ?? p).join(', ');
  return {
    cause: 'signoff',
    message: {
      fr: `Verrouillé : ${what.fr}${under.fr} a reçu la validation de toutes les parties (${parties}). Pour y apporter un changement, un éditeur doit d’abord rouvrir cette partie, avec un motif.`,
      en: `Locked: ${what.en}${under.en} was agreed by every party (${parties}). To change it, an editor must first reopen this part, with a reason.`,
    },
  };
}

export function partName(part: IndexedEntity): Bilingual {
  const n = part.node;
  switch (part.kind) {
    case 'article':
      return { fr: `l'article ${String(n.number ?? '')}`, en: `Article ${String(n.number ?? '')}` };
    case 'action':
      return { fr: `la fiche action ${String(n.code ?? '')}`, en: `Action sheet ${String(n.code ?? '')}` };
    case 'amendment':
      return { fr: `l'avenant n° ${String(n.number ?? '')}`, en: `Amendment no. ${String(n.number ?? '')}` };
    default:
      return { fr: 'cette partie', en: 'this part' };
  }
}

const parentKey = (kind: EntityKind, parentId: string): string => {
  const parents: Partial<Record<EntityKind, EntityKind>> = {
    objective: 'axis',
    action: 'objective',
    indicator: 'objective',
    milestone: 'action',
    budgetLine: 'action',
    keyFigure: 'diagnosticSection',
    meeting: 'body',
    comment: 'thread',
  };
  return entityKey(parents[kind] ?? kind, parentId);
};

/**
 * Keys an open avenant names (`action:4.1.1`, `article:3`, `objective:2.1`, `axis:2`, `annexe:4`, `indicator:<id>`,
 * by code, number or id; `convention` or `periode` for the convention-wide fields).
 */
function openedKeys(amendments: readonly Amendment[], snapshot: ConventionSnapshot, index: Map<string, IndexedEntity>): Set<string> {
  const opened = new Set<string>();
  const find = (kind: EntityKind, value: string, key: 'code' | 'number') => {
    for (const entity of index.values()) {
      if (entity.kind === kind && (entity.id === value || String(entity.node[key] ?? '') === value)) return entityKey(kind, entity.id);
    }
    return null;
  };
  for (const amendment of amendments) {
    for (const ref of amendment.affected) {
      const [rawKind = '', value = ''] = ref.split(':', 2).map((s) => s.trim());
      const kind = rawKind.toLowerCase();
      if (kind === 'convention' || kind === 'periode' || kind === 'période') {
        for (const name of SINGLETONS) opened.add(entityKey(name, name));
        for (const s of snapshot.signatories) opened.add(entityKey('signatory', s.id));
        continue;
      }
      const resolved =
        kind === 'action'
          ? find('action', value, 'code')
          : kind === 'article'
            ? find('article', value, 'number')
            : kind === 'objective' || kind === 'objectif'
              ? find('objective', value, 'number')
              : kind === 'axis' || kind === 'axe'
                ? find('axis', value, 'number')
                : kind === 'annexe' || kind === 'annex'
                  ? find('annex', value, 'number')
                  : kind === 'indicator' || kind === 'indicateur'
                    ? find('indicator', value, 'number')
                    : null;
      if (resolved) opened.add(resolved);
    }
  }
  return opened;
}

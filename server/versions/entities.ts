// A convention snapshot seen as a flat catalogue of entities — each with its kind, id, parent and own fields (child
// lists taken out) and how to name it in French — so that two snapshots can be compared entity by entity.
import type { ConventionSnapshot, ModelKind } from '../../shared/index.ts';

/** Entities, plus the convention-wide singletons. */
export type DiffKind = ModelKind;

export interface EntityView {
  readonly kind: DiffKind;
  readonly id: string;
  /** Key of the parent entity in the catalogue, if nested. */
  readonly parent: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

type Node = Record<string, unknown>;

/** Noun phrase of an entity, built from its fields; `f` marks feminine nouns (for « ajoutée »). */
interface Naming {
  readonly feminine: boolean;
  readonly name: (e: Node) => string;
}

const q = (value: unknown) => {
  const text = String(value ?? '').trim();
  return text === '' ? '' : ` « ${text.length > 60 ? `${text.slice(0, 57)}…` : text} »`;
};

export const NAMING: Record<DiffKind, Naming> = {
  convention: { feminine: true, name: () => 'convention' },
  territory: { feminine: false, name: () => 'territoire' },
  diagnostic: { feminine: false, name: () => 'diagnostic partagé' },
  commune: { feminine: true, name: (e) => `commune${q(e.name)}` },
  organisation: { feminine: true, name: (e) => `organisation${q(e.name)}` },
  person: { feminine: true, name: (e) => `personne${q(e.name)}` },
  signatory: { feminine: false, name: (e) => `signataire${q(e.designation)}` },
  article: { feminine: false, name: (e) => `article ${e.number}${q(e.title)}` },
  annex: { feminine: true, name: (e) => `annexe ${e.number}${q(e.title)}` },
  diagnosticSection: { feminine: true, name: (e) => `section du diagnostic${q(e.field)}` },
  keyFigure: { feminine: false, name: (e) => `chiffre clé${q(e.label)}` },
  axis: { feminine: false, name: (e) => `axe ${e.number}${q(e.title)}` },
  objective: { feminine: false, name: (e) => `objectif ${e.number}${q(e.title)}` },
  action: { feminine: true, name: (e) => `action ${e.code}${q(e.title)}` },
  milestone: { feminine: false, name: (e) => `jalon${q(e.label)}` },
  budgetLine: { feminine: true, name: (e) => `ligne budgétaire${q(e.scheme)}` },
  indicator: { feminine: false, name: (e) => `indicateur${q(e.label)}` },
  facility: { feminine: false, name: (e) => `équipement${q(e.name)}` },
  body: { feminine: true, name: (e) => `instance${q(e.title)}` },
  meeting: { feminine: true, name: (e) => `réunion${e.date ? ` du ${e.date}` : ''}${q(e.subject)}` },
  amendment: { feminine: false, name: (e) => `avenant ${e.number}` },
  annualReview: { feminine: false, name: (e) => `bilan ${e.year}` },
  thread: { feminine: true, name: () => 'discussion' },
  comment: { feminine: false, name: (e) => `commentaire de ${e.author ?? '?'}` },
};

const VOWEL = /^[aeéèêiîoôuyh]/i;

/** « l’article 3 « Objet » », « la convention », « le jalon … ». */
export function theName(kind: DiffKind, fields: Node): string {
  const name = NAMING[kind].name(fields);
  if (VOWEL.test(name)) return `l’${name}`;
  return `${NAMING[kind].feminine ? 'la' : 'le'} ${name}`;
}

/** « de l’article 3 … », « de la convention », « du jalon … ». */
export function ofName(kind: DiffKind, fields: Node): string {
  const the = theName(kind, fields);
  return the.startsWith('le ') ? `du ${the.slice(3)}` : `de ${the}`;
}

/** Child lists of each kind: [field holding the children, kind of the children]. */
const CHILDREN: Partial<Record<DiffKind, ReadonlyArray<readonly [string, DiffKind]>>> = {
  diagnostic: [['sections', 'diagnosticSection']],
  diagnosticSection: [['keyFigures', 'keyFigure']],
  axis: [['objectives', 'objective']],
  objective: [
    ['actions', 'action'],
    ['indicators', 'indicator'],
  ],
  action: [
    ['milestones', 'milestone'],
    ['budgetLines', 'budgetLine'],
  ],
  body: [['meetings', 'meeting']],
  thread: [['comments', 'comment']],
};

const TOP_LISTS: ReadonlyArray<readonly [keyof ConventionSnapshot, DiffKind]> = [
  ['communes', 'commune'],
  ['organisations', 'organisation'],
  ['persons', 'person'],
  ['signatories', 'signatory'],
  ['articles', 'article'],
  ['annexes', 'annex'],
  ['axes', 'axis'],
  ['facilities', 'facility'],
  ['bodies', 'body'],
  ['amendments', 'amendment'],
  ['annualReviews', 'annualReview'],
  ['threads', 'thread'],
];

export const entityKey = (kind: DiffKind, id: string) => `${kind}:${id}`;

/** Every entity of the snapshot, in reading order (parents before children). */
export function catalogue(snapshot: ConventionSnapshot): Map<string, EntityView> {
  const out = new Map<string, EntityView>();
  const visit = (kind: DiffKind, node: Node, id: string, parent: string | null) => {
    const children = CHILDREN[kind] ?? [];
    const fields: Record<string, unknown> = {};
    const childFields = new Set(children.map(([field]) => field));
    for (const [field, value] of Object.entries(node)) {
      if (field !== 'id' && !childFields.has(field) && field !== 'attached') fields[field] = value;
    }
    const key = entityKey(kind, id);
    out.set(key, { kind, id, parent, fields });
    for (const [field, childKind] of children) {
      for (const child of (node[field] as Node[] | undefined) ?? []) visit(childKind, child, String(child.id), key);
    }
  };
  const conventionId = snapshot.convention.id;
  visit('convention', { ...snapshot.convention }, conventionId, null);
  visit('territory', { ...snapshot.territory }, conventionId, null);
  visit('diagnostic', { ...snapshot.diagnostic }, conventionId, null);
  for (const [list, kind] of TOP_LISTS) {
    for (const node of snapshot[list] as unknown as Node[]) visit(kind, node, String(node.id), null);
  }
  return out;
}

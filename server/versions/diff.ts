// Entity-level differences between two convention snapshots, each with a French sentence: which entities were added
// or removed, which text was rewritten, which field or yearly value changed, what moved to another parent.
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  ARTICLE_KINDS,
  ARTICLE_STATUSES,
  type ConventionSnapshot,
  CONVENTION_STATUSES,
  INDICATOR_KINDS,
} from '../../shared/index.ts';
import { catalogue, type DiffKind, type EntityView, NAMING, ofName, theName } from './entities.ts';

export interface EntityChange {
  readonly type: 'added' | 'removed' | 'changed' | 'moved';
  readonly kind: DiffKind;
  readonly id: string;
  readonly field?: string;
  /** For yearly or keyed values: the year or key that changed. */
  readonly key?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** The change in one French sentence. */
  readonly text: string;
}

export interface SnapshotDiff {
  readonly changes: EntityChange[];
  readonly counts: { added: number; removed: number; changed: number; moved: number };
}

export const FIELD_LABELS: Record<string, string> = {
  title: 'titre',
  body: 'texte',
  status: 'statut',
  description: 'description',
  preamble: 'préambule',
  visas: 'visas',
  findings: 'constats',
  needs: 'besoins',
  method: 'méthode',
  startDate: 'date de début',
  endDate: 'date de fin',
  signatureDate: 'date de signature',
  date: 'date',
  values: 'valeur',
  targetValue: 'valeur cible',
  targetYear: 'année cible',
  baselineValue: 'valeur de référence',
  baselineYear: 'année de référence',
  planned: 'montant prévu',
  realised: 'montant réalisé',
  statusByYear: 'statut',
  pilotId: 'pilote',
  referentId: 'référent',
  partners: 'partenaire',
  public: 'public visé',
  fields: 'champs',
  label: 'libellé',
  name: 'nom',
  number: 'numéro',
  code: 'code',
  type: 'type',
  kind: 'nature',
  unit: 'unité',
  source: 'source',
  value: 'valeur',
  resolved: 'résolution',
  text: 'texte',
  population: 'population',
  capacity: 'capacité',
  subject: 'objet',
  decisions: 'décisions',
  purpose: 'objet',
  summary: 'synthèse',
  humanResources: 'moyens humains',
  signaturePlace: 'lieu de signature',
  reference: 'référence',
  model: 'modèle',
  generation: 'génération',
  echelon: 'échelon',
  thematicFields: 'champ thématique',
  department: 'département',
  qpv: 'QPV',
  zrr: 'ZRR',
  populationYear: 'année de population',
  seat: 'siège',
  organisationId: 'organisation',
  role: 'rôle',
  email: 'courriel',
  designation: 'désignation',
  representatives: 'représentants',
  authorisationBody: 'instance d’autorisation',
  authorisationDate: 'date d’autorisation',
  authorisationReference: 'référence d’autorisation',
  format: 'format',
  field: 'champ',
  year: 'année',
  secondaryObjectiveIds: 'objectifs secondaires',
  indicatorIds: 'indicateurs liés',
  communes: 'communes',
  ownerId: 'responsable',
  frequency: 'fréquence',
  direction: 'sens',
  funderId: 'financeur',
  nature: 'nature',
  scheme: 'dispositif',
  operatorId: 'gestionnaire',
  bonusTerritoire: 'bonus territoire',
  cofScheme: 'COF',
  cofStart: 'début de COF',
  cofEnd: 'fin de COF',
  plannedFrequency: 'fréquence prévue',
  memberIds: 'membres',
  affected: 'éléments modifiés',
  decision: 'décision',
  signatoryIds: 'signataires',
  approvedOn: 'date d’approbation',
  plannedCopil: 'Copil prévu',
  anchor: 'ancrage',
  author: 'auteur',
  party: 'partie',
  at: 'date',
};

/** Code lists whose French label reads better than the code, by kind and field. */
export const CODE_LABELS: Array<[DiffKind | '*', string, Record<string, { fr: string }>]> = [
  ['convention', 'status', CONVENTION_STATUSES.labels],
  ['article', 'status', ARTICLE_STATUSES.labels],
  ['article', 'kind', ARTICLE_KINDS.labels],
  ['action', 'type', ACTION_TYPES.labels],
  ['action', 'statusByYear', ACTION_STATUSES.labels],
  ['indicator', 'kind', INDICATOR_KINDS.labels],
];

/** Fields whose values are long texts: reported as rewritten, with a size, not quoted. */
const LONG_TEXT = 80;

export function diffSnapshots(before: ConventionSnapshot, after: ConventionSnapshot): SnapshotDiff {
  const a = catalogue(before);
  const b = catalogue(after);
  const changes: EntityChange[] = [];
  for (const [key, old] of a) {
    const next = b.get(key);
    if (!next) changes.push(entityChange('removed', old, a));
    else changes.push(...fieldChanges(old, next, a, b));
  }
  for (const [key, added] of b) if (!a.has(key)) changes.push(entityChange('added', added, b));
  const counts = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const change of changes) counts[change.type]++;
  return { changes, counts };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function entityChange(type: 'added' | 'removed', entity: EntityView, where: Map<string, EntityView>): EntityChange {
  const participle = `${type === 'added' ? 'ajouté' : 'supprimé'}${NAMING[entity.kind].feminine ? 'e' : ''}`;
  const parent = entity.parent ? where.get(entity.parent) : undefined;
  const place = parent ? ` (${theName(parent.kind, parent.fields)})` : '';
  return {
    type,
    kind: entity.kind,
    id: entity.id,
    text: `${capitalise(theName(entity.kind, entity.fields))}${place} : ${participle}.`,
  };
}

function fieldChanges(
  old: EntityView,
  next: EntityView,
  a: Map<string, EntityView>,
  b: Map<string, EntityView>,
): EntityChange[] {
  const out: EntityChange[] = [];
  const base = { kind: next.kind, id: next.id };
  const subject = ofName(old.kind, old.fields);
  if (old.parent !== next.parent && old.parent && next.parent) {
    const from = a.get(old.parent);
    const to = b.get(next.parent);
    const moved = `${capitalise(theName(next.kind, next.fields))} : déplacé${NAMING[next.kind].feminine ? 'e' : ''}`;
    out.push({
      ...base,
      type: 'moved',
      before: old.parent,
      after: next.parent,
      text: `${moved} de ${from ? theName(from.kind, from.fields) : '?'} vers ${to ? theName(to.kind, to.fields) : '?'}.`,
    });
  }
  const fields = new Set([...Object.keys(old.fields), ...Object.keys(next.fields)]);
  for (const field of fields) {
    const x = old.fields[field];
    const y = next.fields[field];
    if (same(x, y)) continue;
    const label = capitalise(FIELD_LABELS[field] ?? field);
    if (isRecord(x) || isRecord(y)) {
      const keys = new Set([...Object.keys(isRecord(x) ? x : {}), ...Object.keys(isRecord(y) ? y : {})]);
      for (const key of [...keys].sort()) {
        const kx = isRecord(x) ? x[key] : undefined;
        const ky = isRecord(y) ? y[key] : undefined;
        if (same(kx, ky)) continue;
        const text = `${label} ${key} ${subject} : ${show(next.kind, field, kx)} → ${show(next.kind, field, ky)}.`;
        out.push({ ...base, type: 'changed', field, key, before: kx, after: ky, text });
      }
    } else if (isLongText(x) || isLongText(y)) {
      const text = `${label} ${subject} réécrit (${sizeChange(String(x ?? ''), String(y ?? ''))}).`;
      out.push({ ...base, type: 'changed', field, before: x, after: y, text });
    } else {
      const text = `${label} ${subject} : ${show(next.kind, field, x)} → ${show(next.kind, field, y)}.`;
      out.push({ ...base, type: 'changed', field, before: x, after: y, text });
    }
  }
  return out;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isLongText = (value: unknown) => typeof value === 'string' && (value.length > LONG_TEXT || value.includes('\n'));
const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

function show(kind: DiffKind, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (Array.isArray(value)) return value.length === 0 ? '(vide)' : value.map((v) => show(kind, field, v)).join(', ');
  if (isRecord(value)) {
    // A year's status: { status, comment, decision }.
    if (typeof value.status === 'string') return show(kind, field, value.status);
    return JSON.stringify(value);
  }
  const text = String(value);
  for (const [k, f, labels] of CODE_LABELS) {
    if ((k === kind || k === '*') && f === field && labels[text]) return labels[text].fr;
  }
  return `« ${text} »`;
}

function sizeChange(before: string, after: string): string {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  const removed = before.length - start - end;
  const added = after.length - start - end;
  return `+${added} / −${removed} caractères`;
}

// How the version summary names things: short entity titles (« Action 2.1.3 », « Article 4 »), short field labels in
// French and English, and values shown as people read them (organisation names, code labels, French dates).
import type { ConventionSnapshot } from '../../shared/index.ts';
import { CODE_LABELS, FIELD_LABELS } from './diff.ts';
import { type DiffKind, NAMING } from './entities.ts';

export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

type Fields = Readonly<Record<string, unknown>>;

const KIND_LABELS: Record<DiffKind, Bilingual> = {
  convention: { fr: 'Convention', en: 'Convention' },
  territory: { fr: 'Territoire', en: 'Territory' },
  diagnostic: { fr: 'Diagnostic partagé', en: 'Shared diagnostic' },
  commune: { fr: 'Commune', en: 'Municipality' },
  organisation: { fr: 'Organisation', en: 'Organisation' },
  person: { fr: 'Personne', en: 'Person' },
  signatory: { fr: 'Signataire', en: 'Signatory' },
  article: { fr: 'Article', en: 'Article' },
  annex: { fr: 'Annexe', en: 'Annex' },
  diagnosticSection: { fr: 'Section du diagnostic', en: 'Diagnostic section' },
  keyFigure: { fr: 'Chiffre clé', en: 'Key figure' },
  axis: { fr: 'Axe', en: 'Axis' },
  objective: { fr: 'Objectif', en: 'Objective' },
  action: { fr: 'Action', en: 'Action' },
  milestone: { fr: 'Jalon', en: 'Milestone' },
  budgetLine: { fr: 'Ligne budgétaire', en: 'Budget line' },
  indicator: { fr: 'Indicateur', en: 'Indicator' },
  facility: { fr: 'Équipement', en: 'Facility' },
  body: { fr: 'Instance', en: 'Body' },
  meeting: { fr: 'Réunion', en: 'Meeting' },
  amendment: { fr: 'Avenant', en: 'Amendment' },
  annualReview: { fr: 'Bilan', en: 'Annual review' },
  thread: { fr: 'Discussion', en: 'Discussion' },
  comment: { fr: 'Commentaire', en: 'Comment' },
};

/** The field that tells one entity of a kind from another: a number or code, else a name. */
const KEY_FIELD: Partial<Record<DiffKind, string>> = {
  article: 'number', annex: 'number', axis: 'number', objective: 'number', action: 'code', amendment: 'number',
  annualReview: 'year', commune: 'name', organisation: 'name', person: 'name', signatory: 'designation',
  diagnosticSection: 'field', keyFigure: 'label', milestone: 'label', budgetLine: 'scheme', indicator: 'label',
  facility: 'name', body: 'title', meeting: 'date', comment: 'author',
};
const NUMBERED = new Set(['number', 'code', 'year']);

export function entityTitle(kind: DiffKind, fields: Fields): Bilingual {
  const label = KIND_LABELS[kind];
  const field = KEY_FIELD[kind];
  const value = field ? String(fields[field] ?? '').trim() : '';
  if (value === '') return label;
  const shown = value.length > 50 ? `${value.slice(0, 49)}…` : value;
  return NUMBERED.has(field ?? '') ? { fr: `${label.fr} ${shown}`, en: `${label.en} ${shown}` } : { fr: `${label.fr} « ${shown} »`, en: `${label.en} “${shown}”` };
}

export const isFeminine = (kind: DiffKind): boolean => NAMING[kind].feminine;

/** Shorter French labels than the diff's sentences use, where the summary reads better with them. */
const SHORT_FR: Record<string, string> = { targetValue: 'cible', baselineValue: 'valeur de référence', values: 'valeur', body: 'texte' };
const EN: Record<string, string> = {
  title: 'title', body: 'text', status: 'status', description: 'description', preamble: 'preamble', visas: 'recitals',
  startDate: 'start date', endDate: 'end date', signatureDate: 'signature date', date: 'date', values: 'value',
  targetValue: 'target', targetYear: 'target year', baselineValue: 'baseline', baselineYear: 'baseline year',
  planned: 'planned amount', realised: 'realised amount', statusByYear: 'status', pilotId: 'lead', referentId: 'contact',
  partners: 'partner', public: 'target public', fields: 'fields', label: 'label', name: 'name', number: 'number',
  code: 'code', type: 'type', kind: 'kind', unit: 'unit', source: 'source', value: 'value', purpose: 'purpose',
  summary: 'summary', funderId: 'funder', operatorId: 'operator', ownerId: 'owner', organisationId: 'organisation',
  humanResources: 'staff', findings: 'findings', needs: 'needs', method: 'method', affected: 'parts changed',
};

export const fieldLabel = (field: string): Bilingual => ({ fr: SHORT_FR[field] ?? FIELD_LABELS[field] ?? field, en: EN[field] ?? field });

/** Fields holding an organisation's or a person's id, and record fields keyed by organisation id. */
const ORG_REFS = new Set(['pilotId', 'funderId', 'operatorId', 'organisationId']);
const PERSON_REFS = new Set(['referentId', 'ownerId']);
export const ORG_KEYED = new Set(['partners']);

export interface Names {
  readonly organisations: ReadonlyMap<string, string>;
  readonly persons: ReadonlyMap<string, string>;
}

export function namesOf(...snapshots: ConventionSnapshot[]): Names {
  const organisations = new Map<string, string>();
  const persons = new Map<string, string>();
  for (const s of snapshots) {
    for (const o of s.organisations) organisations.set(o.id, o.name);
    for (const p of s.persons) persons.set(p.id, p.name);
  }
  return { organisations, persons };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A value as people read it; `lang` picks the code labels and the empty mark. */
export function display(kind: DiffKind, field: string, value: unknown, names: Names, lang: 'fr' | 'en'): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return lang === 'fr' ? '(vide)' : '(empty)';
  if (typeof value === 'boolean') return value ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  if (typeof value === 'number') return lang === 'fr' ? value.toLocaleString('fr-FR') : value.toLocaleString('en-GB');
  if (Array.isArray(value)) return value.map((v) => display(kind, field, v, names, lang)).join(', ');
  if (typeof value === 'object') {
    const status = (value as { status?: unknown }).status;
    return typeof status === 'string' ? display(kind, field, status, names, lang) : JSON.stringify(value);
  }
  const text = String(value);
  if (ORG_REFS.has(field)) return names.organisations.get(text) ?? text;
  if (PERSON_REFS.has(field)) return names.persons.get(text) ?? text;
  for (const [k, f, labels] of CODE_LABELS as Array<[string, string, Record<string, { fr: string; en?: string }>]>) {
    const label = (k === kind || k === '*') && f === field ? labels[text] : undefined;
    if (label) return lang === 'fr' ? label.fr : (label.en ?? label.fr);
  }
  const date = DATE.exec(text);
  if (date) return lang === 'fr' ? `${date[3]}/${date[2]}/${date[1]}` : text;
  return lang === 'fr' ? `« ${text} »` : `“${text}”`;
}

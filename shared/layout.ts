// The Y.Doc layout: which Yjs type holds each entity and field. MODEL.md explains the why; this is the single
// source of truth that the typed API, the snapshot reader, the change events and the server's access rules use.
import { REVIEW_ROOT } from './review/events.ts';
import type * as T from './types.ts';
import {
  ACTION_TYPES,
  ANNEX_KINDS,
  ARTICLE_KINDS,
  ARTICLE_STATUSES,
  BODY_TYPES,
  BUDGET_NATURES,
  CONVENTION_STATUSES,
  ECHELONS,
  GENERATIONS,
  INDICATOR_KINDS,
  ORGANISATION_TYPES,
  TERRITORY_TYPES,
} from './vocabulary.ts';

/**
 * How one field is stored inside its entity's Y.Map:
 * - `text`: a Y.Text (people type in it together, merged character by character);
 * - `scalar`: a plain JSON value, last writer wins (codes, dates, numbers, references);
 * - `list`: an ordered set of strings, a Y.Map<string, number> (value = position; concurrent adds merge);
 * - `record`: a Y.Map<string, JSON> keyed by year or id (concurrent edits of different keys merge).
 */
export type FieldSpec =
  | { kind: 'text' }
  | { kind: 'scalar'; default: T.ScalarDefault; codes?: readonly string[]; type?: 'number' | 'boolean' | 'date' | 'string' }
  | { kind: 'list' }
  | { kind: 'record' };

const text = (): FieldSpec => ({ kind: 'text' });
const str = (def = ''): FieldSpec => ({ kind: 'scalar', default: def, type: 'string' });
const ref = (): FieldSpec => ({ kind: 'scalar', default: null, type: 'string' });
const num = (): FieldSpec => ({ kind: 'scalar', default: null, type: 'number' });
const bool = (def = false): FieldSpec => ({ kind: 'scalar', default: def, type: 'boolean' });
const date = (): FieldSpec => ({ kind: 'scalar', default: null, type: 'date' });
const code = (codes: readonly string[], def: string | null): FieldSpec => ({ kind: 'scalar', default: def, codes });
const list = (): FieldSpec => ({ kind: 'list' });
const record = (): FieldSpec => ({ kind: 'record' });
const anyScalar = (def: T.ScalarDefault): FieldSpec => ({ kind: 'scalar', default: def });

/** The stored fields of each entity kind: its snapshot type without `id`, its children and derived values. */
export interface EntityData {
  commune: Omit<T.Commune, 'id'>;
  organisation: Omit<T.Organisation, 'id'>;
  person: Omit<T.Person, 'id'>;
  signatory: Omit<T.Signatory, 'id'>;
  article: Omit<T.Article, 'id'>;
  annex: Omit<T.Annex, 'id'>;
  diagnosticSection: Omit<T.DiagnosticSection, 'id' | 'keyFigures'>;
  keyFigure: Omit<T.KeyFigure, 'id'>;
  axis: Omit<T.Axis, 'id' | 'objectives'>;
  objective: Omit<T.Objective, 'id' | 'actions' | 'indicators'>;
  action: Omit<T.Action, 'id' | 'milestones' | 'budgetLines'>;
  milestone: Omit<T.Milestone, 'id'>;
  budgetLine: Omit<T.BudgetLine, 'id'>;
  indicator: Omit<T.Indicator, 'id'>;
  facility: Omit<T.Facility, 'id'>;
  body: Omit<T.Body, 'id' | 'meetings'>;
  meeting: Omit<T.Meeting, 'id'>;
  amendment: Omit<T.Amendment, 'id'>;
  annualReview: Omit<T.AnnualReview, 'id'>;
  thread: Omit<T.Thread, 'id' | 'comments' | 'attached'>;
  comment: Omit<T.CommentMessage, 'id'>;
}

export interface EntitySpec<K extends T.EntityKind> {
  /** Name of the top-level Y.Map (id → entity Y.Map) holding this kind. */
  collection: string;
  /** The kind this one nests under; its `pos.parent` holds the parent's id. */
  parent: T.EntityKind | null;
  /** The array name of this kind in its parent's (or the root) snapshot. */
  plural: string;
  fields: { [F in keyof EntityData[K]]-?: FieldSpec };
}

type Specs = { [K in T.EntityKind]: EntitySpec<K> };

export const ENTITY_SPECS: Specs = {
  commune: { collection: 'communes', parent: null, plural: 'communes', fields: { name: str(), population: num(), seat: bool() } },
  organisation: {
    collection: 'organisations',
    parent: null,
    plural: 'organisations',
    fields: { name: str(), type: code(ORGANISATION_TYPES.codes, 'autre') },
  },
  person: {
    collection: 'persons',
    parent: null,
    plural: 'persons',
    fields: { name: str(), organisationId: ref(), capacity: str(), role: str(), email: str() },
  },
  signatory: {
    collection: 'signatories',
    parent: null,
    plural: 'signatories',
    fields: {
      organisationId: str(),
      designation: str(),
      representatives: list(),
      authorisationBody: str(),
      authorisationDate: date(),
      authorisationReference: str(),
      signatureDate: date(),
    },
  },
  article: {
    collection: 'articles',
    parent: null,
    plural: 'articles',
    fields: {
      number: num(),
      kind: code(ARTICLE_KINDS.codes, 'autre'),
      title: text(),
      body: text(),
      status: code(ARTICLE_STATUSES.codes, 'draft'),
    },
  },
  annex: {
    collection: 'annexes',
    parent: null,
    plural: 'annexes',
    fields: { number: num(), kind: code(ANNEX_KINDS.codes, 'autre'), title: text(), format: str('docx') },
  },
  diagnosticSection: {
    collection: 'diagnosticSections',
    parent: null,
    plural: 'sections',
    fields: { field: str(), findings: text(), needs: text() },
  },
  keyFigure: {
    collection: 'keyFigures',
    parent: 'diagnosticSection',
    plural: 'keyFigures',
    fields: { label: str(), value: num(), unit: str(), year: num(), source: str() },
  },
  axis: {
    collection: 'axes',
    parent: null,
    plural: 'axes',
    fields: { number: num(), title: text(), fields: list(), issues: text() },
  },
  objective: { collection: 'objectives', parent: 'axis', plural: 'objectives', fields: { number: str(), title: text() } },
  action: {
    collection: 'actions',
    parent: 'objective',
    plural: 'actions',
    fields: {
      code: str(),
      title: text(),
      description: text(),
      public: text(),
      secondaryObjectiveIds: list(),
      fields: list(),
      pilotId: ref(),
      referentId: ref(),
      partners: record(),
      startDate: date(),
      endDate: date(),
      type: code(ACTION_TYPES.codes, null),
      statusByYear: record(),
      indicatorIds: list(),
      communes: list(),
      humanResources: str(),
    },
  },
  milestone: { collection: 'milestones', parent: 'action', plural: 'milestones', fields: { date: date(), label: str() } },
  budgetLine: {
    collection: 'budgetLines',
    parent: 'action',
    plural: 'budgetLines',
    fields: { funderId: str(), nature: code(BUDGET_NATURES.codes, 'fonctionnement'), scheme: str(), planned: record(), realised: record() },
  },
  indicator: {
    collection: 'indicators',
    parent: 'objective',
    plural: 'indicators',
    fields: {
      label: text(),
      kind: code(INDICATOR_KINDS.codes, 'resultat'),
      unit: str(),
      source: str(),
      baselineValue: num(),
      baselineYear: num(),
      targetValue: num(),
      targetYear: num(),
      ownerId: ref(),
      frequency: str('annuelle'),
      direction: code(['up', 'down'], 'up'),
      values: record(),
    },
  },
  facility: {
    collection: 'facilities',
    parent: null,
    plural: 'facilities',
    fields: {
      type: str(),
      name: str(),
      commune: str(),
      operatorId: ref(),
      capacity: num(),
      unit: str('places'),
      bonusTerritoire: bool(),
      status: str('ouvert'),
      cofScheme: str(),
      cofStart: date(),
      cofEnd: date(),
    },
  },
  body: {
    collection: 'bodies',
    parent: null,
    plural: 'bodies',
    fields: { type: code(BODY_TYPES.codes, 'copil'), title: str(), plannedFrequency: str(), memberIds: list() },
  },
  meeting: { collection: 'meetings', parent: 'body', plural: 'meetings', fields: { date: date(), subject: str(), decisions: text() } },
  amendment: {
    collection: 'amendments',
    parent: null,
    plural: 'amendments',
    fields: {
      number: num(),
      signatureDate: date(),
      purpose: text(),
      affected: list(),
      decision: ref(),
      signatoryIds: list(),
      status: str('projet'),
    },
  },
  annualReview: {
    collection: 'annualReviews',
    parent: null,
    plural: 'annualReviews',
    fields: { year: num(), status: str('a_valider'), approvedOn: date(), plannedCopil: date(), summary: text() },
  },
  thread: { collection: 'threads', parent: null, plural: 'threads', fields: { anchor: anyScalar(null), resolved: bool() } },
  comment: {
    collection: 'comments',
    parent: 'thread',
    plural: 'comments',
    fields: { author: str(), party: str(), at: str(), text: text() },
  },
};

export const ENTITY_KINDS = Object.keys(ENTITY_SPECS) as T.EntityKind[];

/**
 * The convention-wide singletons. Their scalars live in one top-level Y.Map named after the singleton; each of
 * their text, list and record fields is a top-level type of its own (`convention.title`, …), so no peer ever
 * has to create it and two peers can never create it twice.
 */
export const SINGLETON_SPECS = {
  convention: {
    title: text(),
    generation: code(GENERATIONS.codes, '2020'),
    echelon: code(ECHELONS.codes, 'intercommunal'),
    status: code(CONVENTION_STATUSES.codes, 'preparation'),
    model: str(),
    reference: str(),
    startDate: date(),
    endDate: date(),
    signatureDate: date(),
    signaturePlace: str(),
    preamble: text(),
    visas: text(),
    thematicFields: record(),
  },
  territory: {
    name: str(),
    type: code(TERRITORY_TYPES.codes, 'cc'),
    department: str(),
    code: str(),
    population: num(),
    populationYear: num(),
    qpv: bool(),
    zrr: bool(),
  },
  diagnostic: { date: date(), method: text() },
} as const satisfies Record<string, Record<string, FieldSpec>>;

export type SingletonName = keyof typeof SINGLETON_SPECS;

/** Anything a change, a field reference or a diff can be about: an entity kind or a convention-wide singleton. */
export type ModelKind = T.EntityKind | SingletonName;

/** Stored convention fields: `visas` is kept as one text (one « Vu … » per line) so it can be typed in. */
export type ConventionData = Omit<T.ConventionInfo, 'id' | 'visas'> & { visas: string };
export interface SingletonData {
  convention: ConventionData;
  territory: T.Territory;
  diagnostic: Omit<T.Diagnostic, 'sections'>;
}

/** Root name of a singleton's text, list or record field. */
export const singletonRoot = (name: SingletonName, field: string): string => `${name}.${field}`;

/** The top-level map holding document metadata (schema version, convention id). */
export const META_ROOT = 'meta';
export const SCHEMA_VERSION = 1;

/**
 * The only root types a `comment`-access participant may change: the discussions, and the review log (where a
 * signatory's people record their validation; the server checks each event's author and act).
 */
export const COMMENT_ROOTS: readonly string[] = [ENTITY_SPECS.thread.collection, ENTITY_SPECS.comment.collection, REVIEW_ROOT];

/** Keys every entity Y.Map carries besides its fields. */
export const ENTITY_KEYS = {
  id: 'id',
  /** `{ parent: Id | null, rank: string }`: set atomically, so a move is one last-writer-wins value. */
  pos: 'pos',
  /** Tombstone: a deleted entity stays in the document so that it can be restored and concurrent edits land. */
  deleted: 'deleted',
} as const;

export interface Position {
  parent: string | null;
  rank: string;
}

export function childKinds(kind: T.EntityKind | null): T.EntityKind[] {
  return ENTITY_KINDS.filter((k) => ENTITY_SPECS[k].parent === kind);
}

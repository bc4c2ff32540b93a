// The typed plain snapshot of a convention: what `readSnapshot` returns and what validation, export and the
// host bindings read. Plain JSON values only (no Yjs types); dates are ISO `YYYY-MM-DD` strings or null.
import type {
  ActionStatus,
  ActionType,
  AnnexKind,
  ArticleKind,
  ArticleStatus,
  BodyType,
  BudgetNature,
  ConventionStatus,
  Echelon,
  Generation,
  IndicatorKind,
  OrganisationType,
  TerritoryType,
} from './vocabulary.ts';

export type IsoDate = string;
export type Id = string;

export interface ConventionInfo {
  id: Id;
  title: string;
  generation: Generation;
  echelon: Echelon;
  status: ConventionStatus;
  model: string;
  reference: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  signatureDate: IsoDate | null;
  signaturePlace: string;
  preamble: string;
  /** One « Vu … » line per entry. */
  visas: string[];
  /** Labels of the thematic fields this convention uses (code → label); codes come from THEMATIC_FIELDS or are local. */
  thematicFields: Record<string, string>;
}

export interface Territory {
  name: string;
  type: TerritoryType;
  department: string;
  code: string;
  population: number | null;
  populationYear: number | null;
  qpv: boolean;
  zrr: boolean;
}

export interface Commune {
  id: Id;
  name: string;
  population: number | null;
  seat: boolean;
}

export interface Organisation {
  id: Id;
  name: string;
  type: OrganisationType;
}

export interface Person {
  id: Id;
  name: string;
  organisationId: Id | null;
  capacity: string;
  role: string;
  email: string;
}

export interface Signatory {
  id: Id;
  organisationId: Id;
  /** « ci-après dénommée … » */
  designation: string;
  /** Person ids, in signing order. */
  representatives: Id[];
  authorisationBody: string;
  authorisationDate: IsoDate | null;
  authorisationReference: string;
  signatureDate: IsoDate | null;
}

export interface Article {
  id: Id;
  number: number;
  kind: ArticleKind;
  title: string;
  body: string;
  status: ArticleStatus;
}

export interface Annex {
  id: Id;
  number: number;
  kind: AnnexKind;
  title: string;
  format: string;
}

export interface KeyFigure {
  id: Id;
  label: string;
  value: number | null;
  unit: string;
  year: number | null;
  source: string;
}

export interface DiagnosticSection {
  id: Id;
  field: string;
  findings: string;
  /** Needs and issues, one per line. */
  needs: string;
  keyFigures: KeyFigure[];
}

export interface Diagnostic {
  date: IsoDate | null;
  method: string;
  sections: DiagnosticSection[];
}

export interface YearStatus {
  status: ActionStatus;
  comment: string;
  /** Id of the Copil meeting whose decision this status rests on. */
  decision: Id | null;
}

export interface Milestone {
  id: Id;
  date: IsoDate | null;
  label: string;
}

export interface BudgetLine {
  id: Id;
  funderId: Id;
  nature: BudgetNature;
  scheme: string;
  /** Year → planned amount (€). */
  planned: Record<string, number>;
  /** Year → realised amount (€). */
  realised: Record<string, number>;
}

export interface Action {
  id: Id;
  code: string;
  title: string;
  description: string;
  public: string;
  /** The main objective is the parent; these are the other objectives the action serves. */
  secondaryObjectiveIds: Id[];
  fields: string[];
  pilotId: Id | null;
  referentId: Id | null;
  /** Organisation id → role code (PARTNER_ROLES or local). */
  partners: Record<Id, string>;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  type: ActionType | null;
  /** Year → status of the action that year. */
  statusByYear: Record<string, YearStatus>;
  indicatorIds: Id[];
  communes: string[];
  humanResources: string;
  milestones: Milestone[];
  budgetLines: BudgetLine[];
}

export interface Indicator {
  id: Id;
  label: string;
  kind: IndicatorKind;
  unit: string;
  source: string;
  baselineValue: number | null;
  baselineYear: number | null;
  targetValue: number | null;
  targetYear: number | null;
  ownerId: Id | null;
  frequency: string;
  direction: 'up' | 'down';
  /** Year → measured value. */
  values: Record<string, number>;
}

export interface Objective {
  id: Id;
  number: string;
  title: string;
  actions: Action[];
  indicators: Indicator[];
}

export interface Axis {
  id: Id;
  number: number;
  title: string;
  fields: string[];
  issues: string;
  objectives: Objective[];
}

export interface CommentMessage {
  id: Id;
  author: string;
  party: string;
  at: string;
  text: string;
}

export interface Anchor {
  kind: EntityKind | 'convention';
  id: Id;
  field?: string;
}

export interface Thread {
  id: Id;
  anchor: Anchor;
  /** False when the anchored entity was deleted: the thread is kept, detached. */
  attached: boolean;
  resolved: boolean;
  comments: CommentMessage[];
}

export interface Facility {
  id: Id;
  type: string;
  name: string;
  commune: string;
  operatorId: Id | null;
  capacity: number | null;
  unit: string;
  bonusTerritoire: boolean;
  status: string;
  cofScheme: string;
  cofStart: IsoDate | null;
  cofEnd: IsoDate | null;
}

export interface Meeting {
  id: Id;
  date: IsoDate | null;
  subject: string;
  decisions: string;
}

export interface Body {
  id: Id;
  type: BodyType;
  title: string;
  plannedFrequency: string;
  memberIds: Id[];
  meetings: Meeting[];
}

export interface Amendment {
  id: Id;
  number: number;
  signatureDate: IsoDate | null;
  purpose: string;
  /** References such as `action:4.1.1`, `annexe:4`. */
  affected: string[];
  decision: Id | null;
  signatoryIds: Id[];
  status: string;
}

export interface AnnualReview {
  id: Id;
  year: number;
  status: string;
  approvedOn: IsoDate | null;
  plannedCopil: IsoDate | null;
  summary: string;
}

export interface ConventionSnapshot {
  convention: ConventionInfo;
  territory: Territory;
  communes: Commune[];
  organisations: Organisation[];
  persons: Person[];
  signatories: Signatory[];
  articles: Article[];
  annexes: Annex[];
  diagnostic: Diagnostic;
  axes: Axis[];
  facilities: Facility[];
  bodies: Body[];
  amendments: Amendment[];
  annualReviews: AnnualReview[];
  threads: Thread[];
}

/** Every kind of addressable entity held in the Y.Doc (see MODEL.md). */
export type EntityKind =
  | 'commune'
  | 'organisation'
  | 'person'
  | 'signatory'
  | 'article'
  | 'annex'
  | 'diagnosticSection'
  | 'keyFigure'
  | 'axis'
  | 'objective'
  | 'action'
  | 'milestone'
  | 'budgetLine'
  | 'indicator'
  | 'facility'
  | 'body'
  | 'meeting'
  | 'amendment'
  | 'annualReview'
  | 'thread'
  | 'comment';

/** A default value of a last-writer-wins field. */
export type ScalarDefault = string | number | boolean | null;

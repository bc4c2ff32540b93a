// The validation context: the snapshot plus indexes built once per `validate` call, so every rule stays O(n).
import type {
  Action,
  Axis,
  Body,
  ConventionSnapshot,
  Id,
  Indicator,
  IsoDate,
  Objective,
  Organisation,
  Person,
} from '../types.ts';
import type { ConventionStatus } from '../vocabulary.ts';
import { isIsoDate, yearOf } from './dates.ts';
import type { Finding } from './finding.ts';

/** The convention period, only when both dates are valid and start < end (else rules comparing dates stay quiet). */
export interface Period {
  start: IsoDate;
  end: IsoDate;
  startYear: number;
  endYear: number;
}

export interface ObjectiveEntry {
  objective: Objective;
  axis: Axis;
}

export interface ActionEntry {
  action: Action;
  objective: Objective;
  axis: Axis;
}

export interface IndicatorEntry {
  indicator: Indicator;
  objective: Objective;
}

export interface ValidationContext {
  snapshot: ConventionSnapshot;
  conventionId: Id;
  today: IsoDate;
  todayYear: number;
  /** Status signee, en_cours, evaluation or echue. */
  signed: boolean;
  period: Period | null;
  organisations: ReadonlyMap<Id, Organisation>;
  persons: ReadonlyMap<Id, Person>;
  /** Organisation ids of the signatories (known organisations or not). */
  signatoryOrgIds: ReadonlySet<Id>;
  /** Known organisations of the signatories, in signing order. */
  signatoryOrgs: readonly Organisation[];
  objectives: readonly ObjectiveEntry[];
  actions: readonly ActionEntry[];
  indicators: readonly IndicatorEntry[];
  meetingIds: ReadonlySet<Id>;
  copils: readonly Body[];
}

/** A rule reads the context and returns its findings (empty when the convention follows it). */
export type Rule = (ctx: ValidationContext) => Finding[];

const SIGNED: ReadonlySet<ConventionStatus> = new Set(['signee', 'en_cours', 'evaluation', 'echue']);

function periodOf(start: IsoDate | null, end: IsoDate | null): Period | null {
  if (!isIsoDate(start) || !isIsoDate(end) || start >= end) return null;
  return { start, end, startYear: yearOf(start), endYear: yearOf(end) };
}

export function buildContext(snapshot: ConventionSnapshot, today: IsoDate): ValidationContext {
  const organisations = new Map(snapshot.organisations.map((o) => [o.id, o]));
  const persons = new Map(snapshot.persons.map((p) => [p.id, p]));
  const signatoryOrgIds = new Set<Id>();
  const signatoryOrgs: Organisation[] = [];
  for (const signatory of snapshot.signatories) {
    signatoryOrgIds.add(signatory.organisationId);
    const organisation = organisations.get(signatory.organisationId);
    if (organisation) signatoryOrgs.push(organisation);
  }
  const objectives: ObjectiveEntry[] = [];
  const actions: ActionEntry[] = [];
  const indicators: IndicatorEntry[] = [];
  for (const axis of snapshot.axes) {
    for (const objective of axis.objectives) {
      objectives.push({ objective, axis });
      for (const action of objective.actions) actions.push({ action, objective, axis });
      for (const indicator of objective.indicators) indicators.push({ indicator, objective });
    }
  }
  const meetingIds = new Set<Id>();
  const copils: Body[] = [];
  for (const body of snapshot.bodies) {
    if (body.type === 'copil') copils.push(body);
    for (const meeting of body.meetings) meetingIds.add(meeting.id);
  }
  const { convention } = snapshot;
  return {
    snapshot,
    conventionId: convention.id,
    today,
    todayYear: yearOf(today),
    signed: SIGNED.has(convention.status),
    period: periodOf(convention.startDate, convention.endDate),
    organisations,
    persons,
    signatoryOrgIds,
    signatoryOrgs,
    objectives,
    actions,
    indicators,
    meetingIds,
    copils,
  };
}

export function inPeriod(period: Period, date: IsoDate): boolean {
  return isIsoDate(date) && period.start <= date && date <= period.end;
}

export function yearInPeriod(period: Period, year: number | null): boolean {
  return year !== null && period.startYear <= year && year <= period.endYear;
}

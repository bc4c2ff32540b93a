// Validation of a convention snapshot against ctg-domain.md §4: a pure function, cheap enough for every keystroke.
import type { ConventionSnapshot, IsoDate } from '../types.ts';
import { actionDates, actionPilot, actionReferent, milestoneDates } from './actions.ts';
import { amendmentDate, amendmentOnSigned, amendmentSignatories } from './amendments.ts';
import { annexCitations, annexKinds, articleKinds, articleNumbers } from './articles.ts';
import { budgetLines } from './budget.ts';
import { buildContext, type Rule } from './context.ts';
import { copilExists, copilMeetings, copilMembers } from './copil.ts';
import { facilityCapacity, facilityCof } from './facilities.ts';
import type { Finding } from './finding.ts';
import { indicatorYears } from './indicators.ts';
import { authoritySignatory, cafSignatory, departementSignatory, echelonTerritory, signatoryOrganisations } from './parties.ts';
import { periodCalendar, periodDates, periodLength } from './period.ts';
import { actionCodes, actionFields, axisObjectives, objectiveContents } from './plan.ts';
import { annualReviews } from './reviews.ts';
import { conventionSignatureDate, signatoryAuthorisation, signatoryRepresentative } from './signatures.ts';
import { statusJustification, statusMissing, statusYears } from './statuses.ts';

export type { Finding, FindingEntity, Severity, Text } from './finding.ts';
export { RULES, type RuleId } from './rules.ts';

export interface ValidateOptions {
  /** The day the convention is checked on: decides which years have ended and whether an action can be done. */
  today: IsoDate;
}

/** Every rule, in the order findings are reported: parties, period, text, plan, facilities, governance. */
const ALL_RULES: readonly Rule[] = [
  signatoryOrganisations,
  cafSignatory,
  authoritySignatory,
  departementSignatory,
  echelonTerritory,
  conventionSignatureDate,
  signatoryRepresentative,
  signatoryAuthorisation,
  periodDates,
  periodLength,
  periodCalendar,
  articleKinds,
  articleNumbers,
  annexKinds,
  annexCitations,
  axisObjectives,
  objectiveContents,
  actionCodes,
  actionFields,
  actionPilot,
  actionReferent,
  actionDates,
  milestoneDates,
  indicatorYears,
  budgetLines,
  statusYears,
  statusJustification,
  statusMissing,
  facilityCof,
  facilityCapacity,
  copilExists,
  copilMembers,
  copilMeetings,
  annualReviews,
  amendmentOnSigned,
  amendmentDate,
  amendmentSignatories,
];

/** Checks a convention; the indexes are built once per call and every rule is linear in the snapshot. */
export function validate(snapshot: ConventionSnapshot, options: ValidateOptions): Finding[] {
  const ctx = buildContext(snapshot, options.today);
  return ALL_RULES.flatMap((rule) => rule(ctx));
}

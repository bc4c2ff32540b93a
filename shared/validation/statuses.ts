// Yearly action statuses: years inside the period, justified postponements and abandonments, a status per ended year.
import { ACTION_STATUSES } from '../vocabulary.ts';
import type { Rule } from './context.ts';
import { yearInPeriod } from './context.ts';
import { frDate, isIsoDate, yearOf, yearOfKey } from './dates.ts';
import { type Finding, finding } from './finding.ts';
import { actionName, cap } from './labels.ts';

export const statusYears: Rule = (ctx) => {
  const { period } = ctx;
  if (!period) return [];
  const findings: Finding[] = [];
  for (const { action } of ctx.actions) {
    const outside = Object.keys(action.statusByYear).filter((key) => !yearInPeriod(period, yearOfKey(key)));
    if (outside.length === 0) continue;
    const name = actionName(action);
    findings.push(
      finding('action-status-year-outside-period', { kind: 'action', id: action.id }, {
        fr: `${cap(name.fr)} a un état d'avancement pour des années hors de la période de la convention (${outside.join(', ')}) : supprimez-les ou corrigez l'année.`,
        en: `${cap(name.en)} has a status for years outside the convention period (${outside.join(', ')}): delete them or correct the year.`,
      }),
    );
  }
  return findings;
};

/**
 * `abandonnee`/`reportee` need a comment and a decision that is the id of an existing meeting (of any body);
 * `realisee` needs an end date on or before today.
 */
export const statusJustification: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const { action } of ctx.actions) {
    const entity = { kind: 'action', id: action.id } as const;
    const name = actionName(action);
    for (const [year, entry] of Object.entries(action.statusByYear)) {
      if (entry.status === 'abandonnee' || entry.status === 'reportee') {
        const label = ACTION_STATUSES.labels[entry.status];
        if (entry.comment.trim() === '') {
          findings.push(
            finding('action-status-comment-missing', entity, {
              fr: `${cap(name.fr)} est « ${label.fr.toLowerCase()} » en ${year} sans explication : saisissez un commentaire.`,
              en: `${cap(name.en)} is “${label.en.toLowerCase()}” in ${year} without an explanation: enter a comment.`,
            }),
          );
        }
        if (entry.decision === null || !ctx.meetingIds.has(entry.decision)) {
          findings.push(
            finding('action-status-decision-missing', entity, {
              fr: `${cap(name.fr)} est « ${label.fr.toLowerCase()} » en ${year} sans décision du comité de pilotage : reliez ce statut à la réunion qui l'a décidé.`,
              en: `${cap(name.en)} is “${label.en.toLowerCase()}” in ${year} without a steering committee decision: link this status to the meeting that decided it.`,
            }),
          );
        }
      } else if (entry.status === 'realisee') {
        const end = action.endDate;
        if (isIsoDate(end) && end <= ctx.today) continue;
        findings.push(
          finding('action-realisee-not-ended', entity, {
            fr: isIsoDate(end)
              ? `${cap(name.fr)} est marquée réalisée en ${year} mais se termine le ${frDate(end)}, après aujourd'hui : avancez la date de fin ou changez le statut.`
              : `${cap(name.fr)} est marquée réalisée en ${year} mais n'a pas de date de fin : saisissez la date de fin de l'action.`,
            en: isIsoDate(end)
              ? `${cap(name.en)} is marked done in ${year} but ends on ${end}, after today: bring the end date forward or change the status.`
              : `${cap(name.en)} is marked done in ${year} but has no end date: enter the action's end date.`,
          }),
        );
      }
    }
  }
  return findings;
};

/**
 * A status is expected for each ended year (< today's year) within the period and the action's own dates.
 * No grace period here, unlike annual reviews. Only once the convention is signed: monitoring starts then.
 */
export const statusMissing: Rule = (ctx) => {
  const { period } = ctx;
  if (!period || !ctx.signed) return [];
  const findings: Finding[] = [];
  for (const { action } of ctx.actions) {
    const from = Math.max(period.startYear, isIsoDate(action.startDate) ? yearOf(action.startDate) : period.startYear);
    const to = Math.min(period.endYear, isIsoDate(action.endDate) ? yearOf(action.endDate) : period.endYear, ctx.todayYear - 1);
    const missing: number[] = [];
    for (let year = from; year <= to; year++) if (!Object.hasOwn(action.statusByYear, String(year))) missing.push(year);
    if (missing.length === 0) continue;
    const name = actionName(action);
    findings.push(
      finding('action-status-missing', { kind: 'action', id: action.id }, {
        fr: `${cap(name.fr)} n'a pas d'état d'avancement pour ${missing.join(', ')} : renseignez son statut pour ${missing.length > 1 ? 'ces années' : 'cette année'}.`,
        en: `${cap(name.en)} has no status for ${missing.join(', ')}: enter its status for ${missing.length > 1 ? 'those years' : 'that year'}.`,
      }),
    );
  }
  return findings;
};

// A fiche action's pilot, referent and calendar: a signatory pilots it, and its dates sit inside the period.
import type { Rule } from './context.ts';
import { inPeriod } from './context.ts';
import { frDate, isIsoDate } from './dates.ts';
import { type Finding, finding } from './finding.ts';
import { actionName, cap } from './labels.ts';

/** Exactly one pilot, a signatory organisation, not also listed as a partner (the operator goes under partners). */
export const actionPilot: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const { action } of ctx.actions) {
    const entity = { kind: 'action', id: action.id } as const;
    const name = actionName(action);
    const pilot = action.pilotId;
    if (pilot === null || pilot === '') {
      findings.push(
        finding('action-pilot-missing', entity, {
          fr: `${cap(name.fr)} n'a pas de pilote : choisissez un signataire comme pilote.`,
          en: `${cap(name.en)} has no pilot: choose a signatory as pilot.`,
        }),
      );
      continue;
    }
    const organisation = ctx.organisations.get(pilot)?.name ?? pilot;
    if (!ctx.signatoryOrgIds.has(pilot)) {
      findings.push(
        finding('action-pilot-not-signatory', entity, {
          fr: `Le pilote de ${name.fr} (« ${organisation} ») ne signe pas la convention : choisissez un signataire comme pilote et placez cet opérateur parmi les partenaires (porteur opérationnel).`,
          en: `The pilot of ${name.en} (“${organisation}”) does not sign the convention: choose a signatory as pilot and list this operator among the partners (operator).`,
        }),
      );
    }
    if (Object.hasOwn(action.partners, pilot)) {
      findings.push(
        finding('action-pilot-partner', entity, {
          fr: `« ${organisation} » est à la fois pilote et partenaire de ${name.fr} : retirez-le des partenaires.`,
          en: `“${organisation}” is both pilot and partner of ${name.en}: remove it from the partners.`,
        }),
      );
    }
  }
  return findings;
};

/** A referent is a named person; an id that no longer resolves counts as no referent. */
export const actionReferent: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const { action } of ctx.actions) {
    if (action.referentId !== null && ctx.persons.has(action.referentId)) continue;
    const name = actionName(action);
    findings.push(
      finding('action-referent-missing', { kind: 'action', id: action.id }, {
        fr: `${cap(name.fr)} n'a pas de référent nommé : désignez une personne référente de l'action.`,
        en: `${cap(name.en)} has no named referent: choose a person as the action's referent.`,
      }),
    );
  }
  return findings;
};

/**
 * Start ≤ end, and both inside the convention period. The period is the convention's own dates: amended end dates
 * are not held in the snapshot (an amendment only lists what it affects).
 */
export const actionDates: Rule = (ctx) => {
  const findings: Finding[] = [];
  const { period } = ctx;
  for (const { action } of ctx.actions) {
    const entity = { kind: 'action', id: action.id } as const;
    const name = actionName(action);
    const { startDate: start, endDate: end } = action;
    if (isIsoDate(start) && isIsoDate(end) && start > end) {
      findings.push(
        finding('action-dates-order', entity, {
          fr: `${cap(name.fr)} se termine (${frDate(end)}) avant de commencer (${frDate(start)}) : corrigez ses dates.`,
          en: `${cap(name.en)} ends (${end}) before it starts (${start}): correct its dates.`,
        }),
      );
    }
    if (!period) continue;
    const outside = [start, end].filter((d): d is string => d !== null && d !== '' && !inPeriod(period, d));
    if (outside.length === 0) continue;
    findings.push(
      finding('action-dates-outside-period', entity, {
        fr: `Les dates de ${name.fr} (${outside.map(frDate).join(', ')}) sortent de la période de la convention : placez-les entre le ${frDate(period.start)} et le ${frDate(period.end)}.`,
        en: `The dates of ${name.en} (${outside.join(', ')}) fall outside the convention period: keep them between ${period.start} and ${period.end}.`,
      }),
    );
  }
  return findings;
};

export const milestoneDates: Rule = (ctx) => {
  const { period } = ctx;
  if (!period) return [];
  const findings: Finding[] = [];
  for (const { action } of ctx.actions) {
    for (const milestone of action.milestones) {
      if (milestone.date === null || milestone.date === '' || inPeriod(period, milestone.date)) continue;
      const name = actionName(action);
      findings.push(
        finding('milestone-outside-period', { kind: 'milestone', id: milestone.id }, {
          fr: `Le jalon « ${milestone.label} » de ${name.fr} (${frDate(milestone.date)}) sort de la période de la convention : placez-le entre le ${frDate(period.start)} et le ${frDate(period.end)}.`,
          en: `Milestone “${milestone.label}” of ${name.en} (${milestone.date}) falls outside the convention period: keep it between ${period.start} and ${period.end}.`,
        }),
      );
    }
  }
  return findings;
};

// The Copil: a Caf member, an elected member or DGS of the territory's own authority, a meeting every ended year.
import type { Body, Id } from '../types.ts';
import { AUTHORITY_DECISION_ROLES, type ConventionStatus, type Echelon, type OrganisationType } from '../vocabulary.ts';
import type { Rule, ValidationContext } from './context.ts';
import { isIsoDate, yearOf } from './dates.ts';
import { type Finding, finding } from './finding.ts';
import { bodyName, cap, organisationName } from './labels.ts';

// The Copil rules are skipped while the Copil is not set up yet (statuses preparation and diagnostic).
const BEFORE_COPIL: ReadonlySet<ConventionStatus> = new Set(['preparation', 'diagnostic']);
/**
 * Only the territory's own authority must sit on the Copil through an elected member or DGS; other signatories
 * (a Département co-signing a local CTG, the MSA) may but need not.
 */
const OWN_AUTHORITY: Record<Echelon, OrganisationType> = { departemental: 'departement', intercommunal: 'epci', communal: 'commune' };
const DECISION_ROLES: ReadonlySet<string> = new Set(AUTHORITY_DECISION_ROLES);

function active(ctx: ValidationContext): boolean {
  return !BEFORE_COPIL.has(ctx.snapshot.convention.status);
}

export const copilExists: Rule = (ctx) => {
  if (!active(ctx) || ctx.copils.length > 0) return [];
  return [
    finding('copil-missing', { kind: 'convention', id: ctx.conventionId }, {
      fr: "La convention n'a pas de comité de pilotage : créez une instance de type Copil.",
      en: 'The convention has no steering committee: create a body of type Copil.',
    }),
  ];
};

/** Members of every Copil body count together; findings point at the first Copil. */
export const copilMembers: Rule = (ctx) => {
  const copil = ctx.copils[0];
  if (!active(ctx) || !copil) return [];
  let caf = false;
  const authorities = new Set<Id>();
  for (const body of ctx.copils) {
    for (const id of body.memberIds) {
      const person = ctx.persons.get(id);
      const orgId = person?.organisationId;
      if (!person || !orgId) continue;
      if (ctx.organisations.get(orgId)?.type === 'caf') caf = true;
      if (DECISION_ROLES.has(person.role)) authorities.add(orgId);
    }
  }
  const findings: Finding[] = [];
  const entity = { kind: 'body', id: copil.id } as const;
  const name = bodyName(copil);
  if (!caf) {
    findings.push(
      finding('copil-caf-member-missing', entity, {
        fr: `${cap(name.fr)} n'a aucun membre de la Caf : ajoutez au moins un représentant de la Caf.`,
        en: `${cap(name.en)} has no Caf member: add at least one Caf representative.`,
      }),
    );
  }
  const own = OWN_AUTHORITY[ctx.snapshot.convention.echelon];
  for (const organisation of ctx.signatoryOrgs) {
    if (organisation.type !== own || authorities.has(organisation.id)) continue;
    const org = organisationName(organisation, organisation.id);
    findings.push(
      finding('copil-authority-member-missing', entity, {
        fr: `${cap(name.fr)} n'a aucun élu ni DGS de ${org.fr} : ajoutez un élu (signataire ou référent) ou le DGS/DGA.`,
        en: `${cap(name.en)} has no elected member or chief executive of ${org.en}: add an elected member or the DGS/DGA.`,
      }),
    );
  }
  return findings;
};

/** Each calendar year that has fully ended (< today's year) within the period has ≥1 Copil meeting. */
export const copilMeetings: Rule = (ctx) => {
  const { period } = ctx;
  const copil: Body | undefined = ctx.copils[0];
  if (!active(ctx) || !period || !copil) return [];
  const met = new Set<number>();
  for (const body of ctx.copils) for (const meeting of body.meetings) if (isIsoDate(meeting.date)) met.add(yearOf(meeting.date));
  const missing: number[] = [];
  const last = Math.min(period.endYear, ctx.todayYear - 1);
  for (let year = period.startYear; year <= last; year++) if (!met.has(year)) missing.push(year);
  if (missing.length === 0) return [];
  const name = bodyName(copil);
  return [
    finding('copil-meeting-missing', { kind: 'body', id: copil.id }, {
      fr: `${cap(name.fr)} ne s'est pas réuni en ${missing.join(', ')} : enregistrez la réunion tenue, ou réunissez-le au moins une fois par an.`,
      en: `${cap(name.en)} did not meet in ${missing.join(', ')}: record the meeting held, or convene it at least once a year.`,
    }),
  ];
};

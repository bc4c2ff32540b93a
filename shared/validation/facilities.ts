// Facilities: their COF should end with the convention, and a bonus-territoire facility needs its place count.
import type { Rule } from './context.ts';
import { frDate, isIsoDate } from './dates.ts';
import { type Finding, finding } from './finding.ts';
import { cap, facilityName } from './labels.ts';

/** COF dates are meant to be aligned with the CTG: checked only when the COF has an end date. */
export const facilityCof: Rule = (ctx) => {
  const end = ctx.snapshot.convention.endDate;
  if (!isIsoDate(end)) return [];
  const findings: Finding[] = [];
  for (const facility of ctx.snapshot.facilities) {
    const cofEnd = facility.cofEnd;
    if (cofEnd === null || cofEnd === '' || cofEnd === end) continue;
    const name = facilityName(facility);
    findings.push(
      finding('facility-cof-misaligned', { kind: 'facility', id: facility.id }, {
        fr: `La COF de ${name.fr} se termine le ${frDate(cofEnd)}, pas à la fin de la convention (${frDate(end)}) : alignez sa date de fin lors de son renouvellement.`,
        en: `The funding agreement (COF) of ${name.en} ends on ${cofEnd}, not when the convention ends (${end}): align its end date when it is renewed.`,
      }),
    );
  }
  return findings;
};

export const facilityCapacity: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const facility of ctx.snapshot.facilities) {
    if (!facility.bonusTerritoire || facility.capacity !== null) continue;
    const name = facilityName(facility);
    findings.push(
      finding('facility-capacity-missing', { kind: 'facility', id: facility.id }, {
        fr: `${cap(name.fr)} bénéficie du bonus territoire mais sa capacité n'est pas renseignée : saisissez le nombre de places.`,
        en: `${cap(name.en)} receives the bonus territoire but has no capacity: enter its number of places.`,
      }),
    );
  }
  return findings;
};

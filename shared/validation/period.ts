// The convention period: both dates set, start before end, the expected length, calendar years.
import type { Rule } from './context.ts';
import { frDate, isIsoDate, periodYears } from './dates.ts';
import { type Finding, finding } from './finding.ts';

/** Accepted lengths in years: 4 for the 2014 generation; 5 for 2020, 4 tolerated. */
const LENGTHS = { '2014': [4], '2020': [5, 4] } as const;

/** A missing or malformed date is reported once here; rules comparing dates then stay quiet (ctx.period is null). */
export const periodDates: Rule = (ctx) => {
  const { startDate, endDate } = ctx.snapshot.convention;
  const entity = { kind: 'convention', id: ctx.conventionId } as const;
  const findings: Finding[] = [];
  if (!isIsoDate(startDate)) {
    findings.push(
      finding('period-start-missing', entity, {
        fr: "La date de début de la convention n'est pas renseignée : saisissez-la (en général le 1er janvier).",
        en: "The convention's start date is missing: enter it (usually 1 January).",
      }),
    );
  }
  if (!isIsoDate(endDate)) {
    findings.push(
      finding('period-end-missing', entity, {
        fr: "La date de fin de la convention n'est pas renseignée : saisissez-la (en général le 31 décembre).",
        en: "The convention's end date is missing: enter it (usually 31 December).",
      }),
    );
  }
  if (isIsoDate(startDate) && isIsoDate(endDate) && startDate >= endDate) {
    findings.push(
      finding('period-order', entity, {
        fr: `La date de début de la convention (${frDate(startDate)}) n'est pas antérieure à sa date de fin (${frDate(endDate)}) : corrigez l'une des deux dates.`,
        en: `The convention's start date (${startDate}) is not before its end date (${endDate}): correct one of the two dates.`,
      }),
    );
  }
  return findings;
};

export const periodLength: Rule = (ctx) => {
  if (!ctx.period) return [];
  const { generation } = ctx.snapshot.convention;
  const allowed: readonly number[] = LENGTHS[generation];
  const years = periodYears(ctx.period.start, ctx.period.end);
  if (allowed.includes(years)) return [];
  const expected = generation === '2014' ? { fr: '4 ans', en: '4 years' } : { fr: '5 ans (4 tolérés)', en: '5 years (4 tolerated)' };
  return [
    finding('period-length', { kind: 'convention', id: ctx.conventionId }, {
      fr: `La convention dure ${String(years).replace('.', ',')} ans alors que la génération ${generation} prévoit ${expected.fr} : ajustez la date de fin.`,
      en: `The convention lasts ${years} years while the ${generation} generation expects ${expected.en}: adjust the end date.`,
    }),
  ];
};

export const periodCalendar: Rule = (ctx) => {
  if (!ctx.period) return [];
  const { start, end } = ctx.period;
  if (start.slice(5) === '01-01' && end.slice(5) === '12-31') return [];
  return [
    finding('period-calendar', { kind: 'convention', id: ctx.conventionId }, {
      fr: `La convention court du ${frDate(start)} au ${frDate(end)} : faites-la plutôt courir du 1er janvier au 31 décembre, pour suivre des années civiles.`,
      en: `The convention runs from ${start} to ${end}: prefer 1 January to 31 December, to follow calendar years.`,
    }),
  ];
};

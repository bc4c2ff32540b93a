// Indicator years: the target and yearly values fall inside the period, the baseline comes before it starts.
import type { Rule } from './context.ts';
import { yearInPeriod } from './context.ts';
import { yearOfKey } from './dates.ts';
import { type Finding, finding } from './finding.ts';
import { cap, indicatorName } from './labels.ts';

// One value per year is guaranteed by the `Record<year, value>` shape; only the years are checked.
export const indicatorYears: Rule = (ctx) => {
  const { period } = ctx;
  if (!period) return [];
  const findings: Finding[] = [];
  const range = `${period.startYear}-${period.endYear}`;
  for (const { indicator } of ctx.indicators) {
    const entity = { kind: 'indicator', id: indicator.id } as const;
    const name = indicatorName(indicator);
    const { targetYear, baselineYear } = indicator;
    if (targetYear !== null && !yearInPeriod(period, targetYear)) {
      findings.push(
        finding('indicator-target-outside-period', entity, {
          fr: `La cible de ${name.fr} vise ${targetYear}, hors de la période de la convention : choisissez une année entre ${period.startYear} et ${period.endYear}.`,
          en: `The target of ${name.en} is set for ${targetYear}, outside the convention period: choose a year in ${range}.`,
        }),
      );
    }
    if (baselineYear !== null && baselineYear > period.startYear) {
      findings.push(
        finding('indicator-baseline-after-start', entity, {
          fr: `La valeur de référence de ${name.fr} date de ${baselineYear}, après le début de la convention : prenez une valeur de ${period.startYear} ou d'avant.`,
          en: `The baseline of ${name.en} dates from ${baselineYear}, after the convention starts: use a value from ${period.startYear} or earlier.`,
        }),
      );
    }
    const outside = Object.keys(indicator.values).filter((key) => !yearInPeriod(period, yearOfKey(key)));
    if (outside.length > 0) {
      findings.push(
        finding('indicator-value-outside-period', entity, {
          fr: `${cap(name.fr)} a des valeurs pour des années hors de la période de la convention (${outside.join(', ')}) : supprimez-les ou corrigez l'année (${range}).`,
          en: `${cap(name.en)} has values for years outside the convention period (${outside.join(', ')}): delete them or correct the year (${range}).`,
        }),
      );
    }
  }
  return findings;
};

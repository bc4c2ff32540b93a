// Budget lines: years inside the period, amounts ≥ 0, known funders, realised within 120 % of planned.
import type { Action, BudgetLine } from '../types.ts';
import type { Rule, ValidationContext } from './context.ts';
import { yearInPeriod } from './context.ts';
import { yearOfKey } from './dates.ts';
import { type Finding, finding, type Text } from './finding.ts';
import { actionName } from './labels.ts';

/** Realised above planned × 1.2 for a year is worth a look (a realised amount with no plan counts as over). */
const OVERRUN_RATIO = 1.2;

function lineName(ctx: ValidationContext, action: Action, line: BudgetLine): Text {
  const funder = ctx.organisations.get(line.funderId)?.name ?? line.funderId;
  const scheme = line.scheme.trim();
  const owner = actionName(action);
  return {
    fr: `La ligne budgétaire${scheme ? ` « ${scheme} »` : ''} (${funder}) de ${owner.fr}`,
    en: `Budget line${scheme ? ` “${scheme}”` : ''} (${funder}) of ${owner.en}`,
  };
}

export const budgetLines: Rule = (ctx) => {
  const findings: Finding[] = [];
  const { period } = ctx;
  for (const { action } of ctx.actions) {
    for (const line of action.budgetLines) {
      const entity = { kind: 'budgetLine', id: line.id } as const;
      const keys = [...Object.keys(line.planned), ...Object.keys(line.realised)];
      if (period) {
        const outside = [...new Set(keys.filter((key) => !yearInPeriod(period, yearOfKey(key))))];
        if (outside.length > 0) {
          const name = lineName(ctx, action, line);
          findings.push(
            finding('budget-year-outside-period', entity, {
              fr: `${name.fr} porte sur des années hors de la période de la convention (${outside.join(', ')}) : ramenez les montants entre ${period.startYear} et ${period.endYear}.`,
              en: `${name.en} has amounts for years outside the convention period (${outside.join(', ')}): keep them within ${period.startYear}-${period.endYear}.`,
            }),
          );
        }
      }
      const negative = keys.filter((key) => !((line.planned[key] ?? 0) >= 0 && (line.realised[key] ?? 0) >= 0));
      if (negative.length > 0) {
        const name = lineName(ctx, action, line);
        const years = [...new Set(negative)].join(', ');
        findings.push(
          finding('budget-amount-negative', entity, {
            fr: `${name.fr} a un montant négatif ou invalide (${years}) : saisissez un montant positif ou nul.`,
            en: `${name.en} has a negative or invalid amount (${years}): enter an amount of zero or more.`,
          }),
        );
      }
      if (!ctx.organisations.has(line.funderId)) {
        const name = lineName(ctx, action, line);
        findings.push(
          finding('budget-funder-unknown', entity, {
            fr: `${name.fr} a un financeur qui n'est pas une organisation de la convention : choisissez le financeur parmi les organisations.`,
            en: `${name.en} has a funder that is not one of the convention's organisations: choose the funder among the organisations.`,
          }),
        );
      }
      const over = Object.keys(line.realised).filter((key) => (line.realised[key] ?? 0) > (line.planned[key] ?? 0) * OVERRUN_RATIO);
      if (over.length > 0) {
        const name = lineName(ctx, action, line);
        findings.push(
          finding('budget-overrun', entity, {
            fr: `${name.fr} dépasse de plus de 20 % le montant prévu (${over.join(', ')}) : vérifiez le réalisé ou mettez à jour le prévisionnel.`,
            en: `${name.en} exceeds the planned amount by more than 20% (${over.join(', ')}): check the realised amount or update the plan.`,
          }),
        );
      }
    }
  }
  return findings;
};

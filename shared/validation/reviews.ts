// Annual reviews: each ended year of the period gets a Copil-approved review, expected by 30 June of the next year.
import type { AnnualReview } from '../types.ts';
import type { Rule } from './context.ts';
import { type Finding, finding } from './finding.ts';

/** Status of an annual review approved by the Copil. */
const APPROVED = 'valide';

/**
 * The review of year N is late once today is after 30 June of N+1. Only once the convention is signed: no review
 * is expected before. Points at the review when one exists for that year (not approved yet), else at the convention.
 */
export const annualReviews: Rule = (ctx) => {
  const { period } = ctx;
  if (!period || !ctx.signed) return [];
  const byYear = new Map<number, AnnualReview>();
  for (const review of ctx.snapshot.annualReviews) {
    if (byYear.get(review.year)?.status !== APPROVED) byYear.set(review.year, review);
  }
  const findings: Finding[] = [];
  for (let year = period.startYear; year <= period.endYear && `${year + 1}-06-30` < ctx.today; year++) {
    const review = byYear.get(year);
    if (review?.status === APPROVED) continue;
    findings.push(
      finding('annual-review-missing', review ? { kind: 'annualReview', id: review.id } : { kind: 'convention', id: ctx.conventionId }, {
        fr: `Le bilan annuel ${year} n'est pas validé alors qu'il était attendu pour le 30/06/${year + 1} : faites-le valider par le comité de pilotage.`,
        en: `The ${year} annual review has not been approved although it was due by ${year + 1}-06-30: have the steering committee approve it.`,
      }),
    );
  }
  return findings;
};

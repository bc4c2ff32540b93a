// Amendments (avenants): only on a signed convention, dated inside the period, signed by every signatory.
import type { Amendment } from '../types.ts';
import type { Rule } from './context.ts';
import { frDate } from './dates.ts';
import { inPeriod } from './context.ts';
import { type Finding, finding } from './finding.ts';
import { organisationName } from './labels.ts';

// Not checked: a renewal (new CTG for the same territory) created before the final evaluation (ctg-domain.md §4).
// The snapshot holds one convention and no final evaluation, so the data for that rule is not here.

function entity(amendment: Amendment) {
  return { kind: 'amendment', id: amendment.id } as const;
}

/** Signed = status signee, en_cours, evaluation or echue. */
export const amendmentOnSigned: Rule = (ctx) => {
  if (ctx.signed) return [];
  return ctx.snapshot.amendments.map((amendment) =>
    finding('amendment-convention-unsigned', entity(amendment), {
      fr: `L'avenant n° ${amendment.number} porte sur une convention qui n'est pas encore signée : modifiez directement la convention et supprimez l'avenant.`,
      en: `Amendment no. ${amendment.number} applies to a convention that is not signed yet: edit the convention itself and delete the amendment.`,
    }),
  );
};

/** A draft amendment without a signature date is not checked. */
export const amendmentDate: Rule = (ctx) => {
  const { period } = ctx;
  if (!period) return [];
  const findings: Finding[] = [];
  for (const amendment of ctx.snapshot.amendments) {
    const date = amendment.signatureDate;
    if (date === null || date === '' || inPeriod(period, date)) continue;
    findings.push(
      finding('amendment-date-outside-period', entity(amendment), {
        fr: `L'avenant n° ${amendment.number} est daté du ${frDate(date)}, hors de la période de la convention : il doit être signé entre le ${frDate(period.start)} et le ${frDate(period.end)}.`,
        en: `Amendment no. ${amendment.number} is dated ${date}, outside the convention period: it must be signed between ${period.start} and ${period.end}.`,
      }),
    );
  }
  return findings;
};

/** `signatoryIds` must cover every signatory; an entry may be the signatory id or its organisation id. */
export const amendmentSignatories: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const amendment of ctx.snapshot.amendments) {
    const signers = new Set(amendment.signatoryIds);
    const missing = ctx.snapshot.signatories.filter((s) => !signers.has(s.id) && !signers.has(s.organisationId));
    if (missing.length === 0) continue;
    const names = missing.map((s) => organisationName(ctx.organisations.get(s.organisationId), s.organisationId));
    findings.push(
      finding('amendment-signatory-missing', entity(amendment), {
        fr: `L'avenant n° ${amendment.number} n'est pas signé par tous les signataires de la convention (manque : ${names.map((n) => n.fr).join(', ')}) : ajoutez-les aux signataires de l'avenant.`,
        en: `Amendment no. ${amendment.number} is not signed by every signatory of the convention (missing: ${names.map((n) => n.en).join(', ')}): add them to the amendment's signatories.`,
      }),
    );
  }
  return findings;
};

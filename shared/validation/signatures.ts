// Signing readiness: from status `signee` on, each party signs through a named representative, duly authorised.
import type { Signatory } from '../types.ts';
import type { Rule, ValidationContext } from './context.ts';
import { frDate, isIsoDate } from './dates.ts';
import { type Finding, finding } from './finding.ts';
import { organisationName } from './labels.ts';

// These rules apply at statuses signee, en_cours, evaluation and echue (ctg-domain.md §4 "E before status signee").

function partyName(ctx: ValidationContext, signatory: Signatory) {
  return organisationName(ctx.organisations.get(signatory.organisationId), signatory.organisationId);
}

export const conventionSignatureDate: Rule = (ctx) => {
  if (!ctx.signed || isIsoDate(ctx.snapshot.convention.signatureDate)) return [];
  return [
    finding('convention-signature-date-missing', { kind: 'convention', id: ctx.conventionId }, {
      fr: "La convention est signée mais sa date de signature n'est pas renseignée : saisissez la date de signature.",
      en: 'The convention is signed but has no signature date: enter the signature date.',
    }),
  ];
};

/** ≥1 representative whose person exists and has a non-empty capacity (« Président », « Directrice »…). */
export const signatoryRepresentative: Rule = (ctx) => {
  if (!ctx.signed) return [];
  const findings: Finding[] = [];
  for (const signatory of ctx.snapshot.signatories) {
    const ok = signatory.representatives.some((id) => (ctx.persons.get(id)?.capacity.trim() ?? '') !== '');
    if (ok) continue;
    const name = partyName(ctx, signatory);
    findings.push(
      finding('signatory-representative-missing', { kind: 'signatory', id: signatory.id }, {
        fr: `Le signataire ${name.fr} n'a pas de représentant avec sa qualité : désignez un représentant et renseignez sa qualité (ex. « Président »).`,
        en: `Signatory ${name.en} has no representative with a capacity: name a representative and enter their capacity (e.g. “President”).`,
      }),
    );
  }
  return findings;
};

/** The authorising act: the body that authorised the signature and the date of its deliberation. */
export const signatoryAuthorisation: Rule = (ctx) => {
  if (!ctx.signed) return [];
  const findings: Finding[] = [];
  const signed = ctx.snapshot.convention.signatureDate;
  for (const signatory of ctx.snapshot.signatories) {
    const name = partyName(ctx, signatory);
    const entity = { kind: 'signatory', id: signatory.id } as const;
    const date = signatory.authorisationDate;
    if (signatory.authorisationBody.trim() === '' || !isIsoDate(date)) {
      findings.push(
        finding('signatory-authorisation-missing', entity, {
          fr: `L'habilitation du signataire ${name.fr} est incomplète : renseignez l'instance qui autorise la signature et la date de sa délibération.`,
          en: `The authorisation of signatory ${name.en} is incomplete: enter the body that authorised the signature and the date of its decision.`,
        }),
      );
    } else if (isIsoDate(signed) && date > signed) {
      findings.push(
        finding('signatory-authorisation-late', entity, {
          fr: `La délibération autorisant ${name.fr} à signer (${frDate(date)}) est postérieure à la signature de la convention (${frDate(signed)}) : corrigez l'une des deux dates.`,
          en: `The decision authorising ${name.en} to sign (${date}) is later than the convention's signature (${signed}): correct one of the two dates.`,
        }),
      );
    }
  }
  return findings;
};

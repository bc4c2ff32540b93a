// Convention and parties: who must sign (one Caf, a signing authority) and whether the échelon fits the territory.
import { ECHELONS, type Echelon, type OrganisationType, TERRITORY_TYPES, type TerritoryType } from '../vocabulary.ts';
import type { Rule, ValidationContext } from './context.ts';
import { type Finding, finding } from './finding.ts';

/** Signing authority = a signatory organisation of one of these types. */
const AUTHORITY_TYPES: ReadonlySet<OrganisationType> = new Set(['commune', 'epci', 'departement']);

/** échelon ↔ territory type: departemental ↔ departement, intercommunal ↔ cc|ca|cu, communal ↔ commune. */
const ECHELON_TERRITORIES = {
  departemental: ['departement'],
  intercommunal: ['cc', 'ca', 'cu'],
  communal: ['commune'],
} as const satisfies Record<Echelon, readonly TerritoryType[]>;

function convention(ctx: ValidationContext) {
  return { kind: 'convention', id: ctx.conventionId } as const;
}

/** Every signatory points at an organisation of the convention (else the other party rules cannot see it). */
export const signatoryOrganisations: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const signatory of ctx.snapshot.signatories) {
    if (ctx.organisations.has(signatory.organisationId)) continue;
    findings.push(
      finding('signatory-organisation-unknown', { kind: 'signatory', id: signatory.id }, {
        fr: `Le signataire « ${signatory.designation || signatory.id} » renvoie à une organisation inconnue (${signatory.organisationId}) : choisissez une organisation de la convention.`,
        en: `Signatory “${signatory.designation || signatory.id}” refers to an unknown organisation (${signatory.organisationId}): choose one of the convention's organisations.`,
      }),
    );
  }
  return findings;
};

/** Caf signatory = a signatory whose organisation type is `caf`: exactly one. */
export const cafSignatory: Rule = (ctx) => {
  const count = ctx.signatoryOrgs.filter((o) => o.type === 'caf').length;
  if (count === 1) return [];
  const message =
    count === 0
      ? { fr: "La convention n'a pas de Caf signataire : ajoutez la Caf parmi les signataires.", en: 'The convention has no Caf signatory: add the Caf to the signatories.' }
      : { fr: `La convention compte ${count} Caf signataires : ne gardez qu'une seule Caf parmi les signataires.`, en: `The convention has ${count} Caf signatories: keep exactly one Caf among the signatories.` };
  return [finding('caf-signatory-count', convention(ctx), message)];
};

export const authoritySignatory: Rule = (ctx) => {
  if (ctx.signatoryOrgs.some((o) => AUTHORITY_TYPES.has(o.type))) return [];
  return [
    finding('authority-signatory-missing', convention(ctx), {
      fr: "Aucune collectivité ne signe la convention : ajoutez parmi les signataires la commune, l'EPCI ou le Département.",
      en: 'No local authority signs the convention: add the commune, the EPCI or the Département to the signatories.',
    }),
  ];
};

export const departementSignatory: Rule = (ctx) => {
  if (ctx.snapshot.convention.echelon !== 'departemental') return [];
  if (ctx.signatoryOrgs.some((o) => o.type === 'departement')) return [];
  return [
    finding('departement-signatory-missing', convention(ctx), {
      fr: 'Une convention départementale doit être signée par le Département : ajoutez-le parmi les signataires.',
      en: 'A departmental convention must be signed by the Département: add it to the signatories.',
    }),
  ];
};

export const echelonTerritory: Rule = (ctx) => {
  const { echelon } = ctx.snapshot.convention;
  const type = ctx.snapshot.territory.type;
  const allowed: readonly TerritoryType[] = ECHELON_TERRITORIES[echelon];
  if (allowed.includes(type)) return [];
  const echelonLabel = ECHELONS.labels[echelon];
  const typeLabel = TERRITORY_TYPES.labels[type];
  return [
    finding('echelon-territory-mismatch', { kind: 'territory', id: ctx.conventionId }, {
      fr: `L'échelon « ${echelonLabel.fr} » ne correspond pas au territoire (${typeLabel.fr}) : changez l'échelon ou le type de territoire.`,
      en: `The “${echelonLabel.en}” level does not match the territory (${typeLabel.en}): change the level or the territory type.`,
    }),
  ];
};

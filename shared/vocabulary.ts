// The CTG's closed vocabularies (codes and their French/English labels), as `as const` lists with derived unions.
// Source: ../shared/domain/ctg-domain.md §1, §3, §5. Codes are stored in the document; labels are for display.

export type Label = { readonly fr: string; readonly en: string };

/** Builds a code list and its label table from one literal, so the union type and the labels never drift apart. */
function vocabulary<const T extends Record<string, Label>>(labels: T) {
  return { codes: Object.keys(labels) as Array<keyof T & string>, labels };
}

export const GENERATIONS = vocabulary({
  '2014': { fr: 'Génération 2014 (4 ans)', en: '2014 generation (4 years)' },
  '2020': { fr: 'Génération 2020 (5 ans)', en: '2020 generation (5 years)' },
});
export type Generation = (typeof GENERATIONS.codes)[number];

export const ECHELONS = vocabulary({
  departemental: { fr: 'Départemental', en: 'Departmental' },
  intercommunal: { fr: 'Intercommunal', en: 'Intercommunal' },
  communal: { fr: 'Communal', en: 'Municipal' },
});
export type Echelon = (typeof ECHELONS.codes)[number];

export const TERRITORY_TYPES = vocabulary({
  commune: { fr: 'Commune', en: 'Municipality' },
  cc: { fr: 'Communauté de communes', en: 'Community of municipalities' },
  ca: { fr: "Communauté d'agglomération", en: 'Urban community (CA)' },
  cu: { fr: 'Communauté urbaine', en: 'Urban community (CU)' },
  departement: { fr: 'Département', en: 'Département' },
});
export type TerritoryType = (typeof TERRITORY_TYPES.codes)[number];

export const CONVENTION_STATUSES = vocabulary({
  preparation: { fr: 'Préparation', en: 'Preparation' },
  diagnostic: { fr: 'Diagnostic partagé', en: 'Shared diagnostic' },
  negociation: { fr: 'Négociation', en: 'Negotiation' },
  validation: { fr: 'Validation', en: 'Approval' },
  signee: { fr: 'Signée', en: 'Signed' },
  en_cours: { fr: 'En cours', en: 'In progress' },
  evaluation: { fr: 'Évaluation', en: 'Evaluation' },
  echue: { fr: 'Échue', en: 'Expired' },
});
export type ConventionStatus = (typeof CONVENTION_STATUSES.codes)[number];

export const ORGANISATION_TYPES = vocabulary({
  caf: { fr: 'Caf', en: 'Caf' },
  departement: { fr: 'Département', en: 'Département' },
  epci: { fr: 'EPCI', en: 'Inter-municipal body (EPCI)' },
  commune: { fr: 'Commune', en: 'Municipality' },
  msa: { fr: 'MSA', en: 'MSA' },
  cpam: { fr: 'CPAM', en: 'CPAM' },
  etat: { fr: 'État', en: 'State' },
  syndicat: { fr: 'Syndicat intercommunal', en: 'Inter-municipal syndicate' },
  association: { fr: 'Association', en: 'Association' },
  autre: { fr: 'Autre', en: 'Other' },
});
export type OrganisationType = (typeof ORGANISATION_TYPES.codes)[number];

export const ARTICLE_KINDS = vocabulary({
  objet: { fr: 'Objet', en: 'Purpose' },
  champs: { fr: "Champs d'intervention", en: 'Fields of intervention' },
  diagnostic: { fr: 'Diagnostic partagé', en: 'Shared diagnostic' },
  engagements: { fr: 'Engagements des parties', en: "Parties' commitments" },
  plan_actions: { fr: "Plan d'actions", en: 'Action plan' },
  pilotage: { fr: 'Pilotage', en: 'Steering' },
  suivi_evaluation: { fr: 'Suivi et évaluation', en: 'Monitoring and evaluation' },
  duree_revision: { fr: 'Durée, révision, résiliation', en: 'Term, amendment, termination' },
  signatures: { fr: 'Signatures', en: 'Signatures' },
  autre: { fr: 'Autre', en: 'Other' },
});
export type ArticleKind = (typeof ARTICLE_KINDS.codes)[number];

export const ARTICLE_STATUSES = vocabulary({
  draft: { fr: 'Brouillon', en: 'Draft' },
  in_review: { fr: 'En relecture', en: 'In review' },
  agreed: { fr: 'Validé', en: 'Agreed' },
});
export type ArticleStatus = (typeof ARTICLE_STATUSES.codes)[number];

export const ANNEX_KINDS = vocabulary({
  diagnostic: { fr: 'Diagnostic', en: 'Diagnostic' },
  plan_actions: { fr: "Plan d'actions", en: 'Action plan' },
  fiches_actions: { fr: 'Fiches actions', en: 'Action sheets' },
  indicateurs: { fr: 'Indicateurs', en: 'Indicators' },
  equipements: { fr: 'Équipements et services', en: 'Facilities and services' },
  cof: { fr: "Conventions d'objectifs et de financement", en: 'Funding agreements (COF)' },
  gouvernance: { fr: 'Gouvernance', en: 'Governance' },
  autre: { fr: 'Autre', en: 'Other' },
});
export type AnnexKind = (typeof ANNEX_KINDS.codes)[number];

export const THEMATIC_FIELDS = vocabulary({
  petite_enfance: { fr: 'Petite enfance', en: 'Early childhood' },
  enfance: { fr: 'Enfance', en: 'Childhood' },
  jeunesse: { fr: 'Jeunesse', en: 'Youth' },
  parentalite: { fr: 'Parentalité', en: 'Parenting support' },
  acces_droits: { fr: 'Accès aux droits', en: 'Access to rights' },
  inclusion_numerique: { fr: 'Inclusion numérique', en: 'Digital inclusion' },
  avs: { fr: 'Animation de la vie sociale', en: 'Community life' },
  logement: { fr: 'Logement', en: 'Housing' },
  handicap: { fr: 'Handicap', en: 'Disability' },
  accompagnement_social: { fr: 'Accompagnement social', en: 'Social support' },
  insertion: { fr: 'Insertion', en: 'Social inclusion' },
  mobilite: { fr: 'Mobilité', en: 'Mobility' },
  precarite: { fr: 'Précarité', en: 'Poverty' },
  politique_ville: { fr: 'Politique de la ville', en: 'Urban policy' },
  seniors: { fr: 'Seniors', en: 'Seniors' },
});

export const ACTION_TYPES = vocabulary({
  maintien: { fr: 'Maintien', en: 'Continued' },
  renforcement: { fr: 'Renforcement', en: 'Strengthened' },
  nouvelle: { fr: 'Nouvelle action', en: 'New action' },
});
export type ActionType = (typeof ACTION_TYPES.codes)[number];

export const ACTION_STATUSES = vocabulary({
  non_demarree: { fr: 'Non démarrée', en: 'Not started' },
  en_cours: { fr: 'En cours', en: 'In progress' },
  realisee: { fr: 'Réalisée', en: 'Done' },
  reportee: { fr: 'Reportée', en: 'Postponed' },
  abandonnee: { fr: 'Abandonnée', en: 'Abandoned' },
});
export type ActionStatus = (typeof ACTION_STATUSES.codes)[number];

export const PARTNER_ROLES = vocabulary({
  financeur: { fr: 'Financeur', en: 'Funder' },
  porteur_operationnel: { fr: 'Porteur opérationnel', en: 'Operator' },
  co_animation: { fr: 'Co-animation', en: 'Co-lead' },
  partenaire: { fr: 'Partenaire', en: 'Partner' },
  avis_pmi: { fr: 'Avis PMI', en: 'Child-health opinion (PMI)' },
  foncier: { fr: 'Foncier', en: 'Land / premises' },
});

export const INDICATOR_KINDS = vocabulary({
  realisation: { fr: 'Réalisation (moyens)', en: 'Output (means)' },
  resultat: { fr: 'Résultat', en: 'Result' },
  impact: { fr: 'Impact', en: 'Impact' },
});
export type IndicatorKind = (typeof INDICATOR_KINDS.codes)[number];

export const BUDGET_NATURES = vocabulary({
  fonctionnement: { fr: 'Fonctionnement', en: 'Operating' },
  investissement: { fr: 'Investissement', en: 'Investment' },
});
export type BudgetNature = (typeof BUDGET_NATURES.codes)[number];

export const BODY_TYPES = vocabulary({
  copil: { fr: 'Comité de pilotage', en: 'Steering committee' },
  cotech: { fr: 'Comité technique', en: 'Technical committee' },
  groupe_thematique: { fr: 'Groupe thématique', en: 'Thematic group' },
});
export type BodyType = (typeof BODY_TYPES.codes)[number];

/** Person roles that count as "elected member or DGS" of an authority on the Copil (ctg-domain.md §4, §6). */
export const AUTHORITY_DECISION_ROLES = ['elu_signataire', 'elu_referent', 'dgs', 'dga'] as const;

export function isCode<T extends string>(list: { codes: readonly T[] }, value: unknown): value is T {
  return typeof value === 'string' && (list.codes as readonly string[]).includes(value);
}

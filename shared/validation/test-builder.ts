// Test fixtures for validation: a small but complete convention with zero findings on TODAY, and finding helpers.
import { expect } from 'vitest';
import type { Action, ConventionSnapshot, Indicator } from '../types.ts';
import type { Finding } from './finding.ts';
import { validate } from './index.ts';
import type { RuleId } from './rules.ts';

export const TODAY = '2026-06-01';

function action(id: string, code: string, overrides: Partial<Action>): Action {
  return {
    id,
    code,
    title: `Action ${code}`,
    description: 'Description',
    public: 'Familles',
    secondaryObjectiveIds: [],
    fields: ['petite_enfance'],
    pilotId: 'epci',
    referentId: 'p_cp',
    partners: { asso: 'porteur_operationnel', caf: 'financeur' },
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    type: 'nouvelle',
    statusByYear: { '2025': { status: 'en_cours', comment: '', decision: null } },
    indicatorIds: [],
    communes: [],
    humanResources: '',
    milestones: [],
    budgetLines: [],
    ...overrides,
  };
}

function indicator(id: string, label: string): Indicator {
  return {
    id,
    label,
    kind: 'resultat',
    unit: 'places',
    source: 'Caf',
    baselineValue: 10,
    baselineYear: 2024,
    targetValue: 20,
    targetYear: 2029,
    ownerId: 'p_cp',
    frequency: 'annuelle',
    direction: 'up',
    values: { '2025': 12 },
  };
}

/** Caf + EPCI + Département, intercommunal, 2025-2029, en cours; valid on TODAY. */
export function validSnapshot(): ConventionSnapshot {
  const article = (number: number, kind: ConventionSnapshot['articles'][number]['kind'], body = 'Texte.') => ({
    id: `art${number}`,
    number,
    kind,
    title: `Article ${number}`,
    body,
    status: 'agreed' as const,
  });
  return {
    convention: {
      id: 'ctg-test',
      title: 'CTG de test 2025-2029',
      generation: '2020',
      echelon: 'intercommunal',
      status: 'en_cours',
      model: 'Convention type locale',
      reference: '',
      startDate: '2025-01-01',
      endDate: '2029-12-31',
      signatureDate: '2025-02-20',
      signaturePlace: 'Sorlac',
      preamble: '',
      visas: [],
      thematicFields: { petite_enfance: 'Petite enfance', jeunesse: 'Jeunesse' },
    },
    territory: { name: 'CC de test', type: 'cc', department: 'Sorlaine', code: '', population: 10000, populationYear: 2022, qpv: false, zrr: true },
    communes: [{ id: 'c1', name: 'Sorlac', population: 5000, seat: true }],
    organisations: [
      { id: 'caf', name: 'Caf de la Sorlaine', type: 'caf' },
      { id: 'epci', name: 'CC du Val', type: 'epci' },
      { id: 'cd', name: 'Département de la Sorlaine', type: 'departement' },
      { id: 'asso', name: 'Centre social', type: 'association' },
    ],
    persons: [
      { id: 'p_caf', name: 'Gérard Poulain', organisationId: 'caf', capacity: 'Président du conseil d’administration', role: 'ca_caf', email: '' },
      { id: 'p_cp', name: 'Sophie Arnaud', organisationId: 'caf', capacity: 'Conseillère territoriale', role: 'chef_de_projet_caf', email: '' },
      { id: 'p_epci', name: 'Martine Roussel', organisationId: 'epci', capacity: 'Présidente', role: 'elu_signataire', email: '' },
      { id: 'p_cd', name: 'Philippe Vasseur', organisationId: 'cd', capacity: 'Président', role: 'elu_signataire', email: '' },
    ],
    signatories: [
      { id: 'sig_caf', organisationId: 'caf', designation: 'la Caf', representatives: ['p_caf'], authorisationBody: "Conseil d'administration", authorisationDate: '2025-02-11', authorisationReference: '', signatureDate: null },
      { id: 'sig_epci', organisationId: 'epci', designation: 'la Communauté', representatives: ['p_epci'], authorisationBody: 'Conseil communautaire', authorisationDate: '2025-02-06', authorisationReference: '', signatureDate: null },
      { id: 'sig_cd', organisationId: 'cd', designation: 'le Département', representatives: ['p_cd'], authorisationBody: 'Commission permanente', authorisationDate: '2025-02-20', authorisationReference: '', signatureDate: null },
    ],
    articles: [
      article(1, 'objet'),
      article(2, 'champs', "Le diagnostic figure en annexe 1 et le plan d'actions en Annexe n° 2."),
      article(3, 'engagements'),
      article(4, 'pilotage'),
      article(5, 'suivi_evaluation'),
      article(6, 'duree_revision'),
    ],
    annexes: [
      { id: 'anx1', number: 1, kind: 'diagnostic', title: 'Diagnostic partagé', format: 'docx' },
      { id: 'anx2', number: 2, kind: 'plan_actions', title: "Plan d'actions", format: 'xlsx' },
    ],
    diagnostic: { date: '2024-10-15', method: 'Entretiens', sections: [] },
    axes: [
      {
        id: 'ax1',
        number: 1,
        title: 'Accueillir les enfants et les jeunes',
        fields: ['petite_enfance', 'jeunesse'],
        issues: '',
        objectives: [
          {
            id: 'o1.1',
            number: '1.1',
            title: "Accroître l'offre d'accueil",
            indicators: [indicator('i1', 'Places en EAJE')],
            actions: [
              action('a1', '1.1.1', {
                statusByYear: { '2025': { status: 'reportee', comment: 'Local indisponible', decision: 'm2' } },
                milestones: [{ id: 'ms1', date: '2026-09-01', label: 'Ouverture' }],
                budgetLines: [
                  { id: 'bl1', funderId: 'caf', nature: 'fonctionnement', scheme: 'PSU', planned: { '2025': 1000, '2026': 1000 }, realised: { '2025': 1100 } },
                ],
              }),
            ],
          },
          {
            id: 'o1.2',
            number: '1.2',
            title: 'Aller vers les jeunes',
            indicators: [indicator('i2', 'Jeunes accueillis')],
            actions: [
              action('a2', '1.2.1', {
                fields: ['jeunesse', 'mobilite'],
                pilotId: 'caf',
                partners: { epci: 'partenaire' },
                startDate: '2025-03-01',
                endDate: '2026-03-31',
                statusByYear: {
                  '2025': { status: 'en_cours', comment: '', decision: null },
                  '2026': { status: 'realisee', comment: 'Fait', decision: null },
                },
              }),
            ],
          },
        ],
      },
    ],
    facilities: [
      { id: 'f1', type: 'eaje', name: 'Multi-accueil Les Pitchouns', commune: 'Sorlac', operatorId: 'epci', capacity: 24, unit: 'places', bonusTerritoire: true, status: '', cofScheme: 'PSU', cofStart: '2025-01-01', cofEnd: '2029-12-31' },
    ],
    bodies: [
      {
        id: 'copil',
        type: 'copil',
        title: 'Comité de pilotage CTG',
        plannedFrequency: '2 par an',
        memberIds: ['p_caf', 'p_cp', 'p_epci'],
        meetings: [
          { id: 'm1', date: '2025-03-14', subject: 'Installation', decisions: '' },
          { id: 'm2', date: '2025-10-02', subject: "Point d'étape", decisions: 'Report de 1.1.1' },
          { id: 'm3', date: '2026-03-19', subject: 'Bilan 2025', decisions: 'Bilan validé' },
        ],
      },
    ],
    amendments: [
      { id: 'av1', number: 1, signatureDate: '2026-04-01', purpose: 'Report de 1.1.1', affected: ['action:1.1.1'], decision: 'm3', signatoryIds: ['caf', 'epci', 'cd'], status: 'signe' },
    ],
    annualReviews: [
      { id: 'rev2025', year: 2025, status: 'valide', approvedOn: '2026-03-19', plannedCopil: null, summary: '' },
    ],
    threads: [],
  };
}

/** Direct access to the builder's nested entities, for tests that break one of them. */
export function parts(snapshot: ConventionSnapshot) {
  const axis = snapshot.axes[0]!;
  const o1 = axis.objectives[0]!;
  const o2 = axis.objectives[1]!;
  return { axis, o1, o2, a1: o1.actions[0]!, a2: o2.actions[0]!, i1: o1.indicators[0]!, i2: o2.indicators[0]!, copil: snapshot.bodies[0]! };
}

export function check(snapshot: ConventionSnapshot, today = TODAY): Finding[] {
  return validate(snapshot, { today });
}

/** Findings of one rule only. */
export function ofRule(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Asserts the snapshot yields exactly one finding, of this rule, entity and severity; returns it for more checks. */
export function only(findings: Finding[], rule: RuleId, entityId: string, severity: Finding['severity']): Finding {
  expect(findings.map((f) => `${f.rule} ${f.entity.id}`)).toEqual([`${rule} ${entityId}`]);
  const [found] = findings;
  expect(found?.severity).toBe(severity);
  return found!;
}

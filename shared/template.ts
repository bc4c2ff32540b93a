// The convention skeleton in French: parties, standard articles with their headings and model clauses, annexes
// and the Copil, for generation 2020 (5 years) or 2014 (4 years), at local or departmental level.
import type * as Y from 'yjs';
import { ConventionDoc } from './doc/convention-doc.ts';
import { ModelError } from './doc/errors.ts';
import type { AnnexKind, ArticleKind, Echelon, Generation, OrganisationType, TerritoryType } from './vocabulary.ts';

export interface TemplateOptions {
  conventionId: string;
  generation: Generation;
  echelon: Echelon;
  title?: string;
  /** First calendar year of the convention (it runs 1 January → 31 December of its last year). */
  startYear?: number;
  territoryName?: string;
  cafName?: string;
  /** Used only for the default start year (next year). */
  today?: Date;
}

const DURATION_YEARS: Record<Generation, number> = { '2014': 4, '2020': 5 };

const AUTHORITY: Record<Echelon, { orgType: OrganisationType; territoryType: TerritoryType; designation: string; name: string }> = {
  departemental: { orgType: 'departement', territoryType: 'departement', designation: 'le Département', name: 'Département' },
  intercommunal: { orgType: 'epci', territoryType: 'cc', designation: 'la Communauté de communes', name: 'Communauté de communes' },
  communal: { orgType: 'commune', territoryType: 'commune', designation: 'la Commune', name: 'Commune' },
};

interface ArticleTemplate {
  kind: ArticleKind;
  title: string;
  body: (o: { years: number; local: boolean }) => string;
}

/** The standard articles (ctg-domain.md §2), in order; bodies are model clauses to adapt during negotiation. */
const ARTICLES: ArticleTemplate[] = [
  {
    kind: 'objet',
    title: 'Objet de la convention',
    body: ({ local }) =>
      `La présente convention territoriale globale (Ctg) a pour objet de définir le projet social ${local ? 'du territoire' : 'du département'} et ses modalités de mise en œuvre. Elle vise à : identifier les besoins prioritaires des familles et des habitants ; définir les champs d'intervention à privilégier au regard de l'écart entre l'offre et les besoins ; pérenniser et optimiser l'offre de services existante par la mobilisation des cofinancements ; développer des actions nouvelles répondant aux besoins non satisfaits.`,
  },
  {
    kind: 'champs',
    title: "Champs d'intervention et axes prioritaires",
    body: () =>
      "Sur la base du diagnostic partagé figurant en annexe 1, les signataires retiennent les champs d'intervention suivants : [à compléter]. Ils se déclinent en axes prioritaires présentés à l'article 5.",
  },
  {
    kind: 'diagnostic',
    title: 'Diagnostic partagé',
    body: () =>
      "Le diagnostic partagé, élaboré avec les partenaires et les habitants, porte sur le profil démographique et social du territoire, l'offre existante, l'écart entre l'offre et les besoins, et les axes de développement prioritaires. Il figure en annexe 1.",
  },
  {
    kind: 'engagements',
    title: 'Engagements des parties',
    body: ({ local }) =>
      `La Caf mobilise ses financements de droit commun, son ingénierie et ses données. ${local ? 'La collectivité porte le projet social de territoire et maintient son soutien aux équipements et services existants.' : 'Le Département mobilise ses services sur ses compétences, en cohérence avec le schéma départemental des services aux familles.'} Chaque signataire pilote les actions qui lui sont attribuées dans le plan d'actions.`,
  },
  {
    kind: 'plan_actions',
    title: "Plan d'actions",
    body: () =>
      "Le plan d'actions, organisé en axes, objectifs et fiches actions, précise pour chaque action son pilote, ses partenaires, son calendrier, son budget et ses indicateurs de suivi et d'évaluation. Il figure en annexe 2.",
  },
  {
    kind: 'pilotage',
    title: 'Pilotage et gouvernance',
    body: () =>
      "Un comité de pilotage (Copil), coprésidé par les signataires, valide le bilan annuel et décide des ajustements du plan d'actions ; il se réunit au moins une fois par an. Un comité technique (Cotech) prépare ses travaux. Des groupes thématiques peuvent être constitués.",
  },
  {
    kind: 'suivi_evaluation',
    title: 'Suivi et évaluation',
    body: () =>
      "Les signataires assurent un suivi annuel du plan d'actions et du partenariat à l'aide des indicateurs figurant en annexe 3. Une évaluation finale, préalable à tout renouvellement, mesure les effets de la convention.",
  },
  {
    kind: 'duree_revision',
    title: 'Durée, révision et résiliation',
    body: ({ years }) =>
      `La présente convention est conclue pour une durée de ${years} ans. Elle peut être modifiée ou complétée par avenant, après décision du comité de pilotage. Elle peut être résiliée par l'une des parties avec un préavis de trois mois, par lettre recommandée avec accusé de réception.`,
  },
];

const ANNEXES: Array<{ kind: AnnexKind; title: string; format: string }> = [
  { kind: 'diagnostic', title: 'Diagnostic partagé', format: 'docx' },
  { kind: 'plan_actions', title: "Plan d'actions et fiches actions", format: 'xlsx' },
  { kind: 'indicateurs', title: 'Tableau de bord des indicateurs', format: 'xlsx' },
];

const VISAS = [
  'Vu le code de la sécurité sociale, notamment ses articles L. 263-1, L. 223-1 et L. 227-1 à L. 227-3',
  "Vu le code de l'action sociale et des familles",
  "Vu les lois de décentralisation de 1982 et 2004 et la loi portant nouvelle organisation territoriale de la République (NOTRe) du 7 août 2015",
];

/** Fills an empty Y.Doc with the convention skeleton, in one transaction. */
export function applyTemplate(ydoc: Y.Doc, options: TemplateOptions): void {
  const model = new ConventionDoc(ydoc);
  if (!model.isEmpty())
    throw new ModelError('not-empty', 'Ce document contient déjà une convention.', 'This document already holds a convention.');
  const years = DURATION_YEARS[options.generation];
  const startYear = options.startYear ?? (options.today ?? new Date()).getFullYear() + 1;
  const endYear = startYear + years - 1;
  const authority = AUTHORITY[options.echelon];
  const local = options.echelon !== 'departemental';
  const territoryName = options.territoryName ?? `${authority.name} [à préciser]`;

  model.transact(() => {
    model.setConventionId(options.conventionId);
    model.setSingleton('convention', {
      title: options.title ?? `Convention territoriale globale ${startYear}-${endYear}`,
      generation: options.generation,
      echelon: options.echelon,
      status: 'preparation',
      model: local ? 'Convention type locale' : 'Convention type départementale',
      startDate: `${startYear}-01-01`,
      endDate: `${endYear}-12-31`,
      visas: VISAS.join('\n'),
      preamble:
        "La Caf contribue, par ses prestations et son action sociale, à la conciliation de la vie familiale et professionnelle, au soutien à la parentalité, à l'accès aux droits et à l'animation de la vie sociale. La convention territoriale globale traduit le projet social partagé par les signataires pour le territoire.",
    });
    model.setSingleton('territory', { name: territoryName, type: authority.territoryType });
    const caf = model.add('organisation', { name: options.cafName ?? "Caisse d'allocations familiales", type: 'caf' }, { id: 'caf' });
    const collectivity = model.add('organisation', { name: territoryName, type: authority.orgType }, { id: 'collectivite' });
    model.add('signatory', { organisationId: caf, designation: 'la Caf', authorisationBody: "Conseil d'administration" });
    model.add('signatory', {
      organisationId: collectivity,
      designation: authority.designation,
      authorisationBody: local ? 'Conseil municipal ou communautaire' : 'Commission permanente',
    });
    ARTICLES.forEach((article, i) => {
      model.add('article', { number: i + 1, kind: article.kind, title: article.title, body: article.body({ years, local }), status: 'draft' });
    });
    ANNEXES.forEach((annex, i) => {
      model.add('annex', { number: i + 1, ...annex });
    });
    model.add('body', { type: 'copil', title: 'Comité de pilotage CTG', plannedFrequency: '2 par an' });
    model.add('body', { type: 'cotech', title: 'Comité technique CTG', plannedFrequency: '3 par an' });
  });
}

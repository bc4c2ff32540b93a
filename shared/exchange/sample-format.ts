// Reads the domain team's sample format (`ctg-sample/0.1`, French keys, see test/fixtures/sample-ctg.json) into a
// snapshot. Ids the sample lacks are derived from stable human keys (action code, annex number…), so importing the
// same file twice gives the same ids. Values are checked afterwards, field by field, by the typed model.
import { ModelError } from '../doc/errors.ts';
import type * as T from '../types.ts';

export const SAMPLE_FORMAT = 'ctg-sample/0.1';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const opt = <V>(v: unknown): V | null => (v === undefined ? null : (v as V));
const numbers = (v: unknown): Record<string, number> => obj(v) as Record<string, number>;

export function fromSampleFormat(file: Json): T.ConventionSnapshot {
  const c = obj(file.convention);
  if (!c.id) throw new ModelError('bad-file', "Le fichier d'exemple ne contient pas de convention.", 'The sample file holds no convention.');
  const period = obj(c.periode);
  const signature = obj(c.signature);
  const territory = obj(c.territoire);
  const governance = obj(c.gouvernance);
  const indicators = new Map(arr(c.indicateurs).map((i) => [str(i.id), i]));
  const actions = arr(c.actions);
  const objectiveIds = new Set(arr(c.axes).flatMap((axis) => arr(axis.objectifs).map((o) => str(o.id))));
  for (const action of actions) {
    const main = strs(action.objectifs)[0];
    if (!main || !objectiveIds.has(main))
      throw new ModelError('bad-file', `L'action « ${str(action.code)} » ne renvoie à aucun objectif existant.`, `Action "${str(action.code)}" refers to no existing objective.`);
  }

  return {
    convention: {
      id: str(c.id),
      title: str(c.titre),
      generation: c.generation as T.ConventionInfo['generation'],
      echelon: c.echelon as T.ConventionInfo['echelon'],
      status: c.statut as T.ConventionInfo['status'],
      model: str(c.modele),
      reference: str(c.reference),
      startDate: opt(period.debut),
      endDate: opt(period.fin),
      signatureDate: opt(signature.date),
      signaturePlace: str(signature.lieu),
      preamble: str(c.preambule),
      visas: strs(c.visas),
      thematicFields: obj(c.champs_thematiques) as Record<string, string>,
    },
    territory: {
      name: str(territory.nom),
      type: territory.type as T.Territory['type'],
      department: str(territory.departement),
      code: str(territory.code),
      population: opt(territory.population),
      populationYear: opt(territory.annee_population),
      qpv: territory.qpv === true,
      zrr: territory.zrr === true,
    },
    communes: arr(territory.communes).map((m, i) => ({ id: `commune-${i + 1}`, name: str(m.nom), population: opt(m.population), seat: m.siege === true })),
    organisations: arr(c.organisations).map((o) => ({ id: str(o.id), name: str(o.nom), type: o.type as T.Organisation['type'] })),
    persons: arr(c.personnes).map((p) => ({
      id: str(p.id),
      name: str(p.nom),
      organisationId: opt(p.organisation),
      capacity: str(p.fonction),
      role: str(p.role),
      email: str(p.email),
    })),
    signatories: [...arr(c.signataires)]
      .sort((a, b) => Number(a.ordre ?? 0) - Number(b.ordre ?? 0))
      .map((s) => {
        const authorisation = obj(s.habilitation);
        return {
          id: `sig-${str(s.organisation)}`,
          organisationId: str(s.organisation),
          designation: str(s.denomination),
          representatives: strs(s.representants),
          authorisationBody: str(authorisation.instance),
          authorisationDate: opt(authorisation.date),
          authorisationReference: str(authorisation.reference),
          signatureDate: opt(s.date_signature),
        };
      }),
    articles: arr(c.articles).map((a) => ({
      id: str(a.id),
      number: a.numero as number,
      kind: a.kind as T.Article['kind'],
      title: str(a.titre),
      body: str(a.corps),
      status: a.statut as T.Article['status'],
    })),
    annexes: arr(c.annexes).map((a) => ({ id: `annexe-${str(a.numero)}`, number: a.numero as number, kind: a.kind as T.Annex['kind'], title: str(a.titre), format: str(a.format) })),
    diagnostic: {
      date: opt(obj(c.diagnostic).date),
      method: str(obj(c.diagnostic).methode),
      sections: arr(obj(c.diagnostic).sections).map((s) => ({
        id: `diag-${str(s.champ)}`,
        field: str(s.champ),
        findings: str(s.constats),
        needs: strs(s.enjeux).join('\n'),
        keyFigures: arr(s.chiffres).map((k, i) => ({
          id: `diag-${str(s.champ)}-${i + 1}`,
          label: str(k.libelle),
          value: opt(k.valeur),
          unit: str(k.unite),
          year: opt(k.annee),
          source: str(k.source),
        })),
      })),
    },
    axes: arr(c.axes).map((axis) => ({
      id: str(axis.id),
      number: axis.numero as number,
      title: str(axis.intitule),
      fields: strs(axis.champs),
      issues: str(axis.enjeux),
      objectives: arr(axis.objectifs).map((o) => ({
        id: str(o.id),
        number: str(o.numero),
        title: str(o.intitule),
        actions: actions.filter((a) => strs(a.objectifs)[0] === str(o.id)).map(toAction),
        indicators: strs(o.indicateurs).map((id) => toIndicator(id, indicators.get(id))),
      })),
    })),
    facilities: arr(c.equipements).map((f) => ({
      id: str(f.id),
      type: str(f.type),
      name: str(f.nom),
      commune: str(f.commune),
      operatorId: opt(f.gestionnaire),
      capacity: opt(f.capacite),
      unit: str(f.unite),
      bonusTerritoire: f.bonus_territoire === true,
      status: str(f.statut ?? 'ouvert'),
      cofScheme: str(obj(f.cof).dispositif),
      cofStart: opt(obj(f.cof).debut),
      cofEnd: opt(obj(f.cof).fin),
    })),
    bodies: arr(governance.instances).map((b) => ({
      id: str(b.id),
      type: b.type as T.Body['type'],
      title: str(b.intitule),
      plannedFrequency: str(b.frequence_prevue),
      memberIds: strs(b.membres),
      meetings: arr(governance.reunions)
        .filter((m) => m.instance === b.id)
        .map((m) => ({ id: str(m.id ?? `reunion-${str(b.id)}-${str(m.date)}`), date: opt(m.date), subject: str(m.objet), decisions: strs(m.decisions).join('\n') })),
    })),
    amendments: arr(c.avenants).map((a) => ({
      id: `avenant-${str(a.numero)}`,
      number: a.numero as number,
      signatureDate: opt(a.date_signature),
      purpose: str(a.objet),
      affected: strs(a.elements_modifies),
      decision: opt(a.decision_copil),
      signatoryIds: strs(a.signataires),
      status: str(a.statut),
    })),
    annualReviews: arr(c.bilans_annuels).map((r) => ({
      id: `bilan-${str(r.annee)}`,
      year: r.annee as number,
      status: str(r.statut),
      approvedOn: opt(r.date_validation_copil),
      plannedCopil: opt(r.copil_prevu),
      summary: str(r.synthese),
    })),
    threads: [],
  };
}

function toAction(a: Json): T.Action {
  const pilot = obj(a.pilote);
  const calendar = obj(a.calendrier);
  const code = str(a.code);
  return {
    id: `act-${code}`,
    code,
    title: str(a.intitule),
    description: str(a.description),
    public: str(a.public_vise),
    secondaryObjectiveIds: strs(a.objectifs).slice(1),
    fields: strs(a.champs),
    pilotId: opt(pilot.organisation),
    referentId: opt(pilot.referent),
    partners: Object.fromEntries(arr(a.partenaires).map((p) => [str(p.organisation), str(p.role)])),
    startDate: opt(calendar.debut),
    endDate: opt(calendar.fin),
    type: opt(a.type),
    statusByYear: Object.fromEntries(
      arr(a.etat_avancement).map((s) => [str(s.annee), { status: s.statut as T.YearStatus['status'], comment: str(s.commentaire), decision: opt<string>(s.decision) }]),
    ),
    indicatorIds: strs(a.indicateurs),
    communes: strs(a.communes),
    humanResources: str(a.moyens_humains),
    milestones: arr(calendar.jalons).map((m, i) => ({ id: `act-${code}-jalon-${i + 1}`, date: opt(m.date), label: str(m.libelle) })),
    budgetLines: arr(a.budget).map((b, i) => ({
      id: `act-${code}-budget-${i + 1}`,
      funderId: str(b.financeur),
      nature: b.nature as T.BudgetLine['nature'],
      scheme: str(b.dispositif),
      planned: numbers(b.montants),
      realised: numbers(b.realise),
    })),
  };
}

function toIndicator(id: string, i: Json | undefined): T.Indicator {
  if (!i) throw new ModelError('bad-file', `Indicateur « ${id} » cité par un objectif mais absent de la liste des indicateurs.`, `Indicator "${id}" is cited by an objective but missing from the indicator list.`);
  const baseline = obj(i.reference);
  const target = obj(i.cible);
  return {
    id,
    label: str(i.libelle),
    kind: i.kind as T.Indicator['kind'],
    unit: str(i.unite),
    source: str(i.source),
    baselineValue: opt(baseline.valeur),
    baselineYear: opt(baseline.annee),
    targetValue: opt(target.valeur),
    targetYear: opt(target.annee),
    ownerId: opt(i.responsable),
    frequency: str(i.frequence ?? 'annuelle'),
    direction: i.sens === 'down' ? 'down' : 'up',
    values: numbers(i.valeurs),
  };
}

// The annexes rendered from the entities: the list of annexes, the plan d'actions table, one fiche per action, the
// indicators, the facilities and services, and the governance bodies.
import type { Paragraph, Table } from 'docx';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  ANNEX_KINDS,
  type Action,
  type Axis,
  BODY_TYPES,
  BUDGET_NATURES,
  type ConventionSnapshot,
  INDICATOR_KINDS,
  type Objective,
  PARTNER_ROLES,
} from '../../shared/index.ts';
import { euros, frDate, grid, heading, labelled, type Names, plain } from './docx-parts.ts';
import { fieldLabel } from './workbook-extras.ts';

type Block = Paragraph | Table;

const label = <T extends { labels: Record<string, { fr: string }> }>(vocabulary: T, code: string | null): string =>
  code ? (vocabulary.labels[code]?.fr ?? code) : '';

const period = (start: string | null, end: string | null) => (start || end ? `${frDate(start, '?')} – ${frDate(end, '?')}` : '');

export function annexes(s: ConventionSnapshot, names: Names): Block[] {
  const out: Block[] = [heading('Annexes', 1, true)];
  if (s.annexes.length > 0)
    out.push(grid(['N°', 'Annexe', 'Nature'], [...s.annexes].sort((a, b) => a.number - b.number).map((a) => [String(a.number), a.title, label(ANNEX_KINDS, a.kind)]), [10, 60, 30]));
  out.push(heading("Plan d'actions", 2));
  if (s.axes.length === 0) out.push(plain("Le plan d'actions n'a pas encore d'axe."));
  for (const axis of s.axes) out.push(...planOfAxis(axis, names));
  out.push(heading('Fiches actions', 2, true));
  for (const axis of s.axes) for (const objective of axis.objectives) for (const action of objective.actions) out.push(...fiche(s, axis, objective, action, names));
  out.push(heading('Indicateurs de suivi et d’évaluation', 2, true), indicatorTable(s, names));
  if (s.facilities.length > 0) out.push(heading('Équipements et services', 2), facilityTable(s, names));
  if (s.bodies.length > 0) out.push(heading('Gouvernance', 2), bodyTable(s, names));
  return out;
}

function planOfAxis(axis: Axis, names: Names): Block[] {
  const rows = axis.objectives.flatMap((o) =>
    o.actions.map((a) => [a.code, `${a.title}\n(objectif ${o.number})`, names.organisation(a.pilotId), period(a.startDate, a.endDate), label(ACTION_TYPES, a.type)]),
  );
  return [
    heading(`Axe ${axis.number} – ${axis.title}`, 3),
    ...axis.objectives.map((o) => plain(`Objectif ${o.number} – ${o.title}`)),
    grid(['Code', 'Action', 'Pilote', 'Calendrier', 'Type'], rows, [10, 40, 22, 16, 12]),
  ];
}

function fiche(s: ConventionSnapshot, axis: Axis, objective: Objective, a: Action, names: Names): Block[] {
  const indicators = new Map(s.axes.flatMap((x) => x.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i.label] as const))));
  const budget = a.budgetLines.map((line) => {
    const total = (values: Record<string, number>) => Object.values(values).reduce((sum, v) => sum + v, 0);
    const years = Object.entries(line.planned).map(([y, v]) => `${y} : ${euros(v)}`).join(', ');
    return `${names.organisation(line.funderId)} – ${label(BUDGET_NATURES, line.nature)}${line.scheme ? ` (${line.scheme})` : ''} : ${euros(total(line.planned))} prévus${years ? ` (${years})` : ''}${Object.keys(line.realised).length > 0 ? `, ${euros(total(line.realised))} réalisés` : ''}`;
  });
  return [
    heading(`Fiche action ${a.code} – ${a.title}`, 3),
    labelled([
      ['Axe', `${axis.number} – ${axis.title}`],
      ['Objectif', `${objective.number} – ${objective.title}`],
      ['Description', a.description],
      ['Public visé', a.public],
      ['Champs', a.fields.map((f) => fieldLabel(s, f)).join(', ')],
      ['Type', label(ACTION_TYPES, a.type)],
      ['Pilote', names.organisation(a.pilotId)],
      ['Référent', names.person(a.referentId)],
      ['Partenaires', Object.entries(a.partners).map(([org, role]) => `${names.organisation(org)} (${label(PARTNER_ROLES, role).toLowerCase()})`).join('\n')],
      ['Calendrier', period(a.startDate, a.endDate)],
      ['Jalons', a.milestones.map((m) => `${frDate(m.date, '?')} : ${m.label}`).join('\n')],
      ['Communes', a.communes.join(', ')],
      ['Moyens humains', a.humanResources],
      ['Indicateurs', a.indicatorIds.map((id) => indicators.get(id) ?? id).join('\n')],
      ['Budget', budget.join('\n')],
      [
        'Avancement',
        Object.entries(a.statusByYear)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([year, st]) => `${year} : ${label(ACTION_STATUSES, st.status)}${st.comment ? ` – ${st.comment}` : ''}`)
          .join('\n'),
      ],
    ]),
    plain(''),
  ];
}

function indicatorTable(s: ConventionSnapshot, names: Names): Table {
  const rows = s.axes.flatMap((axis) =>
    axis.objectives.flatMap((o) =>
      o.indicators.map((i) => [
        o.number,
        i.label,
        label(INDICATOR_KINDS, i.kind),
        i.unit,
        i.baselineValue === null ? '' : `${i.baselineValue}${i.baselineYear ? ` (${i.baselineYear})` : ''}`,
        i.targetValue === null ? '' : `${i.targetValue}${i.targetYear ? ` (${i.targetYear})` : ''}`,
        Object.entries(i.values).map(([y, v]) => `${y} : ${v}`).join('\n'),
        names.person(i.ownerId),
      ]),
    ),
  );
  return grid(['Objectif', 'Indicateur', 'Type', 'Unité', 'Référence', 'Cible', 'Valeurs', 'Responsable'], rows, [8, 26, 12, 8, 11, 11, 12, 12]);
}

function facilityTable(s: ConventionSnapshot, names: Names): Table {
  const rows = s.facilities.map((f) => [
    f.type,
    f.name,
    f.commune,
    names.organisation(f.operatorId),
    f.capacity === null ? '' : `${f.capacity} ${f.unit}`,
    f.bonusTerritoire ? 'oui' : 'non',
    f.cofScheme ? `${f.cofScheme} ${period(f.cofStart, f.cofEnd)}` : '',
  ]);
  return grid(['Type', 'Nom', 'Commune', 'Gestionnaire', 'Capacité', 'Bonus territoire', 'COF'], rows, [10, 22, 14, 18, 10, 10, 16]);
}

function bodyTable(s: ConventionSnapshot, names: Names): Table {
  const rows = s.bodies.map((b) => [label(BODY_TYPES, b.type), b.title, b.plannedFrequency, b.memberIds.map((id) => names.person(id)).join('\n')]);
  return grid(['Instance', 'Intitulé', 'Fréquence', 'Membres'], rows, [20, 30, 15, 35]);
}

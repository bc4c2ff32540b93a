// The action plan as people read it (numbers, codes, titles, names rather than ids, values): what a round trip
// through a workbook must keep. Used by the tests and handy for comparing two conventions' plans.
import type { ConventionSnapshot } from '../../shared/index.ts';

/** The plan as people read it: numbers, codes, titles, names (not ids), values. */
export function planOf(s: ConventionSnapshot) {
  const org = (id: string | null) => s.organisations.find((o) => o.id === id)?.name ?? null;
  const person = (id: string | null) => s.persons.find((p) => p.id === id)?.name ?? null;
  return s.axes.map((axis) => ({
    number: axis.number,
    title: axis.title,
    issues: axis.issues,
    objectives: axis.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      actions: o.actions.map((a) => ({
        code: a.code,
        title: a.title,
        description: a.description,
        public: a.public,
        fields: a.fields,
        communes: a.communes,
        humanResources: a.humanResources,
        pilot: org(a.pilotId),
        referent: person(a.referentId),
        partners: Object.fromEntries(Object.entries(a.partners).map(([id, role]) => [org(id), role])),
        startDate: a.startDate,
        endDate: a.endDate,
        type: a.type,
        statusByYear: Object.fromEntries(Object.entries(a.statusByYear).map(([y, st]) => [y, { status: st.status, comment: st.comment }])),
        budget: a.budgetLines.map((l) => ({ funder: org(l.funderId), nature: l.nature, scheme: l.scheme, planned: l.planned, realised: l.realised })),
        milestones: a.milestones.map((m) => ({ date: m.date, label: m.label })),
      })),
      indicators: o.indicators.map((i) => ({ ...i, id: undefined, ownerId: undefined, owner: person(i.ownerId), direction: undefined })),
    })),
  }));
}

// The exported workbook's sheets beyond the Excel add-in's four tables: every year's status of each action, and
// the parts of a fiche action the plan sheet has no column for. The import reads them back when they are there.
import { ACTION_STATUSES, type ConventionSnapshot, THEMATIC_FIELDS } from '../../shared/index.ts';

export const STATUS_SHEET = { sheet: 'Statuts', name: 'ctg_statuts', headers: ['Identifiant', 'Code', 'Année', 'Statut', 'Commentaire'] } as const;
export const SHEET_SHEET = {
  sheet: 'Fiches actions',
  name: 'ctg_fiches',
  headers: ['Identifiant', 'Code', 'Public visé', 'Champs', 'Communes', 'Moyens humains'],
} as const;

/** « ; » separates the items of a list in one cell (names may hold commas). */
export const LIST_SEPARATOR = ' ; ';

export const fieldLabel = (snapshot: ConventionSnapshot, code: string): string =>
  snapshot.convention.thematicFields[code] ?? THEMATIC_FIELDS.labels[code as keyof typeof THEMATIC_FIELDS.labels]?.fr ?? code;

export function statusRows(snapshot: ConventionSnapshot): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (const axis of snapshot.axes)
    for (const objective of axis.objectives)
      for (const action of objective.actions)
        for (const [year, status] of Object.entries(action.statusByYear).sort(([a], [b]) => a.localeCompare(b)))
          rows.push([`action:${action.id}`, action.code, Number(year), ACTION_STATUSES.labels[status.status]?.fr ?? status.status, status.comment]);
  return rows;
}

export function sheetRows(snapshot: ConventionSnapshot): string[][] {
  return snapshot.axes.flatMap((axis) =>
    axis.objectives.flatMap((objective) =>
      objective.actions.map((action) => [
        `action:${action.id}`,
        action.code,
        action.public,
        action.fields.map((f) => fieldLabel(snapshot, f)).join(LIST_SEPARATOR),
        action.communes.join(LIST_SEPARATOR),
        action.humanResources,
      ]),
    ),
  );
}

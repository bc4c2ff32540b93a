// What the Excel adapter reports to the pane, as typed values with their words in French and English: a value the
// model cannot take (kept in its cell, marked), a derived cell typed over (put back), a new row that names no
// parent yet, a locked cell typed in (put back), an Excel call that failed in the background.
import type { EntityRef, FieldRef } from '../../../shared/field-ref.ts';

export type ExcelProblem =
  | { type: 'invalid-value'; ref: FieldRef; value: string; severity: 'error' | 'warning'; fr: string; en: string }
  | { type: 'invalid-value-fixed'; ref: FieldRef; fr: string; en: string }
  | { type: 'computed-cell'; entity: EntityRef; column: string; fr: string; en: string }
  | { type: 'new-row-needs-parent'; sheet: string; row: number; fr: string; en: string }
  | { type: 'unknown-parent'; entity: EntityRef; value: string; fr: string; en: string }
  /** A locked cell typed in (`ref`: its field), or a row added, deleted or moved in a locked part (`ref.field`: `*`, `deleted`, `pos`). */
  | { type: 'locked'; ref: FieldRef; fr: string; en: string }
  | { type: 'failed'; error: unknown; fr: string; en: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const problems = {
  invalid: (ref: FieldRef, value: string, severity: 'error' | 'warning', text: { fr: string; en: string }): ExcelProblem => ({
    type: 'invalid-value',
    ref,
    value,
    severity,
    fr: severity === 'error' ? `${text.fr} La valeur reste dans la cellule, en rouge, et n'est pas partagée tant qu'elle n'est pas corrigée.` : text.fr,
    en: severity === 'error' ? `${text.en} The value stays in its cell, in red, and is not shared until it is corrected.` : text.en,
  }),
  fixed: (ref: FieldRef): ExcelProblem => ({ type: 'invalid-value-fixed', ref, fr: 'La valeur a été corrigée.', en: 'The value was corrected.' }),
  computed: (entity: EntityRef, column: string): ExcelProblem => ({
    type: 'computed-cell',
    entity,
    column,
    fr: `La colonne « ${column} » est calculée : elle a été rétablie. Modifiez plutôt la source (l'onglet « Budget », « Axes et objectifs » ou le volet).`,
    en: `The "${column}" column is computed: it was put back. Change its source instead (the Budget or Axes sheet, or the pane).`,
  }),
  needsParent: (sheet: string, row: number, parent: string): ExcelProblem => ({
    type: 'new-row-needs-parent',
    sheet,
    row,
    fr: `La nouvelle ligne ${row} de « ${sheet} » sera ajoutée à la convention dès que vous aurez choisi son ${parent} dans la liste.`,
    en: `New row ${row} of "${sheet}" will be added to the convention once its ${parent} is chosen from the list.`,
  }),
  unknownParent: (entity: EntityRef, value: string): ExcelProblem => ({
    type: 'unknown-parent',
    entity,
    value,
    fr: `« ${value} » ne désigne aucun élément de la convention : choisissez-le dans la liste.`,
    en: `"${value}" names nothing in the convention: pick it from the list.`,
  }),
  locked: (ref: FieldRef, lock: { fr: string; en: string }): ExcelProblem => ({
    type: 'locked',
    ref,
    fr: `${lock.fr} La valeur de la cellule a été rétablie.`,
    en: `${lock.en} The cell's value was put back.`,
  }),
  lockedStructure: (type: 'add' | 'remove' | 'move', entity: EntityRef, lock: { fr: string; en: string }): ExcelProblem => {
    const done = {
      add: { field: '*', fr: 'La ligne ajoutée a été retirée.', en: 'The added row was taken out.' },
      remove: { field: 'deleted', fr: 'La ligne supprimée a été remise.', en: 'The deleted row was put back.' },
      move: { field: 'pos', fr: 'Le parent choisi a été rétabli.', en: 'The chosen parent was put back.' },
    }[type];
    return { type: 'locked', ref: { ...entity, field: done.field }, fr: `${lock.fr} ${done.fr}`, en: `${lock.en} ${done.en}` };
  },
  failed: (error: unknown): ExcelProblem => ({
    type: 'failed',
    error,
    fr: `Excel n'a pas pu mettre le classeur à jour (${message(error)}). Réessayez ; si cela persiste, rechargez le volet.`,
    en: `Excel could not update the workbook (${message(error)}). Try again; if it persists, reload the pane.`,
  }),
};

// Rows a person typed become entities: each gets a fresh id in its hidden cell (so that the render that follows the
// model's add finds it bound, and a sort cannot lose it), rows typed under the table are taken into it (Excel does
// not grow a table on a protected sheet), and the entity is described for the model with its parent and values.
// A row that does not name its parent yet is left as it is, and said so.
import type { EntityRef, FieldValue, RefKind } from '../../../shared/field-ref.ts';
import { formatArea } from '../../../shared/workbook/address.ts';
import { fromCell } from '../../../shared/workbook/cell-codec.ts';
import type { NewRow } from './changes.ts';
import type { CellValue } from './excel-api.ts';
import { newRowKind, parentFromText, rowKey } from '../../../shared/workbook/layout.ts';
import { PROTECTION, type Session } from './session.ts';
import type { TableState } from './table-state.ts';
import type { WorkbookLayout } from '../../../shared/workbook/workbook-layout.ts';

export interface Adopted {
  entity: EntityRef;
  parent: EntityRef | null;
  values: FieldValue[];
  /** Cells whose value the model cannot take: marked once the row is bound. */
  invalid: Array<{ column: number; note: string }>;
}

export interface Unparented {
  row: number;
  parent: string;
}

const PARENT_NAME: Partial<Record<RefKind, string>> = { action: 'objectif', indicator: 'objectif', budgetLine: 'action', milestone: 'action', objective: 'axe (par son numéro)' };

export function describeNewRows(state: TableState, rows: readonly NewRow[], layout: WorkbookLayout, newId: (kind: RefKind) => string): { adopted: Array<Adopted & { row: NewRow }>; unparented: Unparented[] } {
  const { def } = state;
  const column = (test: (c: (typeof def.columns)[number]) => boolean) => def.columns.findIndex(test);
  const levelAt = column((c) => c.role.type === 'derived' && c.role.value === 'level');
  const numberAt = column((c) => c.role.type === 'field' && c.role.field === 'number');
  const parentAt = column((c) => c.role.type === 'parent');
  const text = (row: NewRow, at: number) => (at < 0 ? '' : String(row.cells[at] ?? ''));
  const adopted: Array<Adopted & { row: NewRow }> = [];
  const unparented: Unparented[] = [];
  for (const row of rows) {
    const kind = newRowKind(def, text(row, levelAt), text(row, numberAt));
    const parent = kind === 'axis' ? null : parentFromText(kind, kind === 'objective' ? text(row, numberAt) : text(row, parentAt), layout.lookups);
    if (kind !== 'axis' && !parent) {
      unparented.push({ row: row.row, parent: PARENT_NAME[kind] ?? 'parent' });
      continue;
    }
    const entity: EntityRef = { kind, id: newId(kind) };
    const values: FieldValue[] = [];
    const invalid: Adopted['invalid'] = [];
    def.columns.forEach((c, i) => {
      if (c.role.type !== 'field' || (c.role.kinds && !c.role.kinds.includes(kind))) return;
      const value = row.cells[i] ?? '';
      if (value === '') return;
      const taken = fromCell(c.role.codec, value, layout.lookups);
      if (taken.ok) values.push({ ref: { ...entity, field: c.role.field }, value: taken.text });
      if (!taken.ok) invalid.push({ column: i, note: taken.fr });
      else if (taken.warning) invalid.push({ column: i, note: taken.warning.fr });
    });
    adopted.push({ entity, parent, values, invalid, row });
  }
  return { adopted, unparented };
}

/** Binds the rows in Excel: one batch growing the table over typed rows under it and writing each new id. */
export async function bindRows(session: Session, state: TableState, adopted: ReadonlyArray<Adopted & { row: NewRow }>): Promise<void> {
  const { def } = state;
  const rows = state.rows ?? [];
  const last = Math.max(...adopted.map((a) => a.row.row));
  const grow = last >= rows.length;
  await session.excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(def.name);
    const sheet = table.worksheet;
    if (grow) {
      if (state.protected) sheet.protection.unprotect();
      if (session.supports('1.13')) table.resize(formatArea({ row: state.top - 1, column: 0, rows: last + 2, columns: def.columns.length }));
      else {
        // Without Table.resize: the typed rows are moved into rows added at the end of the table.
        const under = { row: state.top + rows.length, column: 0, rows: last + 1 - rows.length, columns: def.columns.length };
        const values: CellValue[][] = Array.from({ length: under.rows }, (_, i) => adopted.find((a) => a.row.row === rows.length + i)?.row.cells ?? def.columns.map(() => ''));
        sheet.getRange(formatArea(under)).values = values.map((r) => r.map(() => ''));
        table.rows.add(null, values);
        session.echo.expect(state.sheetId, under, 3);
      }
      sheet.protection.protect(PROTECTION);
      state.protected = true;
    }
    for (const a of adopted) {
      const area = { row: state.top + a.row.row, column: 0, rows: 1, columns: 1 };
      sheet.getRange(formatArea(area)).values = [[rowKey(a.entity)]];
      session.echo.expect(state.sheetId, area);
    }
    await context.sync();
  });
  const next = rows.map((r) => [...r]);
  while (next.length <= last) next.push(def.columns.map(() => ''));
  for (const a of adopted) next[a.row.row] = [rowKey(a.entity), ...a.row.cells.slice(1)];
  state.take(next, state.top);
}

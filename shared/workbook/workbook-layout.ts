// One snapshot laid out as the workbook: the tables and their rows, which cell shows which field, and the cells as
// they should read (from the shown model). Rebuilt at each render; the adapter's index of fields and entities.
import type { ConventionSnapshot } from '../index.ts';
import { type EntityRef, type FieldRef, fieldTag } from '../field-ref.ts';
import type { CellValue } from './cell-value.ts';
import { conventionYears, type LayoutRow, layoutTables, rowKey, type TableDef, type TableKey, type TableLayout, tableDefs } from './layout.ts';
import { Lookups } from './lookups.ts';
import { ShownModel } from './shown.ts';

export interface FieldCell {
  table: TableKey;
  key: string;
  column: number;
  ref: FieldRef;
}

export class WorkbookLayout {
  readonly defs: TableDef[];
  readonly tables: TableLayout[];
  readonly lookups: Lookups;
  readonly shown: ShownModel;
  /** Field tag → the cell showing it. */
  readonly fields = new Map<string, FieldCell>();
  /** Row key (`kind:id`) → its table and row. */
  readonly rows = new Map<string, { table: TableKey; row: LayoutRow }>();

  constructor(
    readonly snapshot: ConventionSnapshot,
    year: number,
  ) {
    this.defs = tableDefs(conventionYears(snapshot, year), year);
    this.tables = layoutTables(snapshot, this.defs);
    this.lookups = new Lookups(snapshot);
    this.shown = new ShownModel(snapshot, this.lookups);
    for (const table of this.tables) {
      for (const row of table.rows) {
        this.rows.set(row.key, { table: table.def.key, row });
        row.refs.forEach((ref, column) => {
          if (ref) this.fields.set(fieldTag(ref), { table: table.def.key, key: row.key, column, ref });
        });
      }
    }
  }

  table(key: TableKey): TableLayout {
    return this.tables.find((t) => t.def.key === key) as TableLayout;
  }

  row(entity: EntityRef): { table: TableKey; row: LayoutRow } | undefined {
    return this.rows.get(rowKey(entity));
  }

  /** Every cell of a row as it should read now. */
  cells(def: TableDef, row: LayoutRow): CellValue[] {
    return def.columns.map((column, i) => this.shown.cell(column, row, i));
  }

  /** The cells of a row that are not fields: the id, the parent's label, derived values (recomputed after edits). */
  computedCells(def: TableDef, row: LayoutRow): Array<{ column: number; value: CellValue }> {
    const out: Array<{ column: number; value: CellValue }> = [];
    def.columns.forEach((column, i) => {
      if (column.role.type === 'parent' || column.role.type === 'derived') out.push({ column: i, value: this.shown.cell(column, row, i) });
    });
    return out;
  }
}

// Test support: an Excel host over the fake Excel, and a person typing into the cell that shows a field (found by
// the row's id cell and the column's header, as a person finds it by eye). Used by the tests and the benchmark.
import { FakeExcel, type FakeExcelOptions } from '../../../test/fakes/excel/index.ts';
import { type FieldRef, fieldTag } from '../../../shared/field-ref.ts';
import { isoOfSerial } from '../../../shared/workbook/cell-codec.ts';
import type { ExcelApi } from './excel-api.ts';
import { ExcelHost, type ExcelHostOptions } from './excel-host.ts';

export interface ExcelUnderTest {
  excel: FakeExcel;
  host: ExcelHost;
  /** Where a field is shown: table name, body row, column header. */
  cellOf(ref: FieldRef): { table: string; row: number; column: string } | null;
  type(ref: FieldRef, text: string): Promise<void>;
  dispose(): void;
}

export function excelHost(options: Partial<ExcelHostOptions> & { fake?: FakeExcelOptions } = {}): ExcelUnderTest {
  const { fake, ...hostOptions } = options;
  const excel = new FakeExcel(fake);
  const api: ExcelApi = excel;
  const host = new ExcelHost({ excel: api, supports: (set, version) => excel.isSetSupported(set, version), year: 2026, ...hostOptions });
  const cellOf = (ref: FieldRef) => {
    const cell = host.session.layout?.fields.get(fieldTag(ref));
    if (!cell) return null;
    const def = host.session.state(cell.table).def;
    const row = excel.rowWhere(def.name, 'Identifiant', cell.key);
    const column = def.columns[cell.column]?.header;
    return row < 0 || column === undefined ? null : { table: def.name, row, column };
  };
  return {
    excel,
    host,
    cellOf,
    async type(ref, text) {
      const at = cellOf(ref);
      if (!at) throw new Error(`${fieldTag(ref)} is not shown`);
      excel.user.typeInTable(at.table, at.row, at.column, text);
      await excel.flushEvents();
    },
    dispose() {
      host.dispose();
    },
  };
}

/** A date serial as a person reads it (JJ/MM/AAAA). */
export function frenchDate(serial: number): string {
  const iso = isoOfSerial(serial);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Lets the workbook's events and the binding's rounds run out: an edit, the binding's round, what it wrote back. */
export async function settleBound(excel: FakeExcel, binding: { settled(): Promise<void> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await excel.flushEvents();
    await binding.settled();
  }
}

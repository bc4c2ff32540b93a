// Rendering the convention into the workbook: one look (which tables and sheets exist, their bodies, protection),
// then one batch (chunked under the payload limit, calculation and screen updating suspended) that creates missing
// tables or brings existing ones to the model's rows (see row-plan.ts), keeps the drop-down lists and their
// validation up to date, protects headers and listens to the sheets. Two round trips for a new workbook.
import { type Area, columnLetters, formatArea, quoteSheet, rowsFrom } from '../../../shared/workbook/address.ts';
import { type BulkOptions, ChunkedBatch, queueRows, sizeOf } from './batch.ts';
import type { CellValue, ExcelContext, ExcelNote, ExcelTable, ExcelWorksheet } from './excel-api.ts';
import { LISTS_SHEET, type TableDef } from '../../../shared/workbook/layout.ts';
import { isMissing, type Loaded, queueLoads } from './loads.ts';
import { planRows } from './row-plan.ts';
import { PROTECTION, type Session } from './session.ts';
import type { TableState } from './table-state.ts';
import type { WorkbookLayout } from '../../../shared/workbook/workbook-layout.ts';

export interface SheetListeners {
  /** Registers the adapter's handlers on a sheet (its id is known after the sync). */
  listen(sheet: ExcelWorksheet): void;
}

interface Found {
  /** Sheet name → id, or null when there is no such sheet. */
  sheets: Map<string, string | null>;
  headers: Map<string, CellValue[]>;
}

/** One look at the workbook: retried once from scratch if a table the adapter knew has gone. */
async function inspect(session: Session, layout: WorkbookLayout): Promise<Found> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await session.excel.run((context) => inspectOnce(session, layout, context));
    } catch (error) {
      if (attempt > 0 || !isMissing(error)) throw error;
      session.forgetAll();
    }
  }
}

async function inspectOnce(session: Session, layout: WorkbookLayout, context: ExcelContext): Promise<Found> {
  const probe = (known: TableState[]) => {
    const items = known.map((state) => {
      const table = context.workbook.tables.getItemOrNullObject(state.def.name);
      const sheet = table.worksheet;
      sheet.load('id');
      sheet.protection.load('protected');
      const header = table.getHeaderRowRange();
      header.load('values');
      return { state, sheet, header };
    });
    const loads = queueLoads(context, session.budget, known.map((state) => ({ state })));
    return { items, loads };
  };
  const tables = layout.defs.map((def) => {
    const table = context.workbook.tables.getItemOrNullObject(def.name);
    table.load('name');
    const sheet = context.workbook.worksheets.getItemOrNullObject(def.sheet);
    sheet.load('id');
    return { def, table, sheet, state: session.state(def.key) };
  });
  const lists = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  lists.load('id');
  const listsKnown = session.lists.exists;
  if (listsKnown) lists.protection.load('protected');
  let round = probe(tables.filter((t) => t.state.exists).map((t) => t.state));
  await context.sync();

  const found: Found = { sheets: new Map(), headers: new Map() };
  const take = async (r: ReturnType<typeof probe>) => {
    const loaded: Loaded[] = await r.loads.finish();
    for (const item of r.items) {
      item.state.exists = true;
      item.state.sheetId = item.sheet.id;
      item.state.protected = item.sheet.protection.protected;
      found.headers.set(item.state.def.name, item.header.values[0] ?? []);
    }
    for (const l of loaded) l.state.take(l.rows, l.top);
  };
  await take(round);
  const appeared: TableState[] = [];
  for (const t of tables) {
    found.sheets.set(t.def.sheet, t.sheet.isNullObject ? null : t.sheet.id);
    if (t.table.isNullObject) t.state.forget();
    else if (!t.state.exists) appeared.push(t.state);
  }
  session.lists.exists = !lists.isNullObject;
  if (!session.lists.exists) session.lists.columns = null;
  const listsAppeared = session.lists.exists && !listsKnown;
  if (listsAppeared) lists.protection.load('protected');
  if (appeared.length > 0 || listsAppeared) {
    // Tables this session had not seen (a workbook opened again): one more look, at them.
    round = probe(appeared);
    await context.sync();
    await take(round);
  }
  session.lists.protected = session.lists.exists && lists.protection.protected;
  return found;
}

export async function renderWorkbook(session: Session, layout: WorkbookLayout, listeners: SheetListeners): Promise<void> {
  session.adopt(layout);
  const found = await inspect(session, layout);
  const lists = layout.shown.lists();
  const listColumn = new Map(lists.map((l, i) => [l.key, { letter: columnLetters(i), length: l.values.length }]));
  const listsChanged = JSON.stringify(lists.map((l) => l.values)) !== JSON.stringify(session.lists.columns);
  const bulk: BulkOptions = { calculation: session.supports('1.6'), screen: session.supports('1.9') };

  await session.excel.run(async (context) => {
    const batch = new ChunkedBatch(context, session.budget, bulk);
    const later: Array<() => void> = [];
    const created: Array<{ state: TableState; sheet: ExcelWorksheet; areas: Area[]; listened: boolean }> = [];
    for (const tableLayout of layout.tables) {
      const { def } = tableLayout;
      const state = session.state(def.key);
      const desired = tableLayout.rows.map((row) => ({ key: row.key, cells: layout.cells(def, row) }));
      const header = found.headers.get(def.name);
      if (state.exists && JSON.stringify(header) !== JSON.stringify(def.columns.map((c) => c.header))) {
        // The columns changed (the convention's years): the table is rebuilt on its sheet.
        const table = context.workbook.tables.getItemOrNullObject(def.name);
        await batch.add(sizeOf(state.rows), () => {
          if (state.protected) table.worksheet.protection.unprotect();
          table.getRange().values = blank((state.rows?.length ?? 1) + 1, header?.length ?? def.columns.length);
          table.delete();
        });
        found.sheets.set(def.sheet, state.sheetId);
        state.forget();
      }
      if (!state.exists) {
        const sheetId = found.sheets.get(def.sheet) ?? null;
        const { sheet, areas } = await createTable(batch, context, session, state, desired.map((d) => d.cells), sheetId, listColumn);
        created.push({ state, sheet, areas, listened: sheetId !== null && session.listened.has(sheetId) });
        state.take(desired.length > 0 ? desired.map((d) => [...d.cells]) : [blankRow(def)], 1);
        state.resetSeen();
        continue;
      }
      later.push(...(await updateTable(batch, context, session, state, desired, listColumn, listsChanged)));
      if (!session.listened.has(state.sheetId)) {
        await batch.add(64, () => listeners.listen(context.workbook.tables.getItemOrNullObject(def.name).worksheet));
        session.listened.add(state.sheetId);
      }
    }
    if (listsChanged || !session.lists.exists) await writeLists(batch, context, session, lists.map((l) => [l.header, ...l.values]));
    for (const { sheet, listened } of created)
      await batch.add(64, () => {
        sheet.load('id');
        if (!listened) listeners.listen(sheet);
      });
    await batch.sync();
    for (const { state, sheet, areas } of created) {
      state.exists = true;
      state.sheetId = sheet.id;
      state.protected = true;
      session.listened.add(sheet.id);
      for (const area of areas) session.echo.expect(sheet.id, area);
    }
    if (later.length > 0) {
      for (const step of later) step();
      await context.sync();
    }
  });
  session.lists.columns = lists.map((l) => l.values);
}

const blankRow = (def: TableDef): CellValue[] => def.columns.map(() => '');
const blank = (rows: number, columns: number): CellValue[][] => Array.from({ length: rows }, () => Array.from({ length: columns }, () => ''));
const formatsOf = (def: TableDef, rows: number): string[][] => Array.from({ length: rows }, () => def.columns.map((c) => c.format));

async function createTable(
  batch: ChunkedBatch,
  context: ExcelContext,
  session: Session,
  state: TableState,
  rows: CellValue[][],
  sheetId: string | null,
  lists: Map<string, { letter: string; length: number }>,
): Promise<{ sheet: ExcelWorksheet; areas: Area[] }> {
  const { def } = state;
  const areas: Area[] = [];
  const width = def.columns.length;
  const sheet = sheetId === null ? context.workbook.worksheets.add(def.sheet) : context.workbook.worksheets.getItemOrNullObject(def.sheet);
  if (sheetId !== null) {
    // A sheet of that name without the table (the table was removed): it is taken over, protection included.
    await batch.sync();
    sheet.protection.load('protected');
    await context.sync();
    if (sheet.protection.protected) sheet.protection.unprotect();
  }
  const body = rows.length > 0 ? rows : [blankRow(def)];
  const margin = session.marginRows;
  // Number formats with the values, so that « 1.1 » or « 2026 » stay text in text columns; in slices; then the
  // formats of the rows under the table, where people type new rows.
  const all = [def.columns.map((c) => c.header), ...body];
  const slices = await queueRows(batch, session.budget, (start, count) => sheet.getRange(formatArea({ row: start, column: 0, rows: count, columns: width })), all, formatsOf(def, all.length));
  for (const { start, count } of slices) areas.push({ row: start, column: 0, rows: count, columns: width });
  const under = formatsOf(def, margin);
  for (let start = 0; start < margin; start += 100) {
    const formats = under.slice(start, start + 100);
    await batch.add(sizeOf(formats), () => {
      sheet.getRange(formatArea({ row: all.length + start, column: 0, rows: formats.length, columns: width })).numberFormat = formats;
    });
  }
  await batch.add(2048 + width * 256, () => {
    const table = sheet.tables.add(formatArea({ row: 0, column: 0, rows: body.length + 1, columns: width }, def.sheet), true);
    table.name = def.name;
    sheet.getRange('A:A').columnHidden = true;
    def.columns.forEach((column, c) => {
      sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = column.width * 6;
    });
    sheet.getRange(rowsFrom(1)).format.protection.locked = false;
    const sources = validate(sheet, def, 1, body.length + margin, lists);
    state.validated = { lastRow: body.length + margin, sources };
    sheet.protection.protect(PROTECTION);
  });
  return { sheet, areas };
}

/** Drop-down lists on the list columns, from the first body row through `rows` rows; a value outside is allowed
 *  with a warning (Excel's « Warning » alert), so that it stays visible and the adapter marks it. */
function validate(sheet: ExcelWorksheet, def: TableDef, top: number, rows: number, lists: Map<string, { letter: string; length: number }>): Array<string | null> {
  return def.columns.map((column, c) => {
    if (!column.list) return null;
    const list = lists.get(column.list);
    const range = sheet.getRange(formatArea({ row: top, column: c, rows, columns: 1 }));
    range.dataValidation.clear();
    if (!list || list.length === 0) return null;
    const source = `=${quoteSheet(LISTS_SHEET)}!$${list.letter}$2:$${list.letter}$${list.length + 1}`;
    range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: column.header, message: 'Cette valeur n’est pas dans la liste : elle sera signalée.' };
    return source;
  });
}

async function updateTable(
  batch: ChunkedBatch,
  context: ExcelContext,
  session: Session,
  state: TableState,
  desired: Array<{ key: string; cells: CellValue[] }>,
  lists: Map<string, { letter: string; length: number }>,
  listsChanged: boolean,
): Promise<Array<() => void>> {
  const { def } = state;
  const later: Array<() => void> = [];
  const oldNotes: Array<{ row: number; column: number }> = [];
  const computed = def.columns.flatMap((c, i) => (c.role.type === 'id' || c.role.type === 'parent' || c.role.type === 'derived' ? [i] : []));
  const derived = def.columns.flatMap((c, i) => (c.role.type === 'derived' ? [i] : []));
  const plan = planRows(state.rows ?? [], desired, computed, derived);
  const table: ExcelTable = context.workbook.tables.getItemOrNullObject(def.name);
  const sheet = table.worksheet;
  const body = table.getDataBodyRange();
  const finalRows = Math.max(1, plan.final.length);
  const lastRow = state.top + finalRows + session.marginRows - 1;
  const revalidate = listsChanged || state.validated === null || state.top + finalRows + 10 > state.validated.lastRow;
  const structural = plan.deletes.length > 0 || plan.appends.length > 0 || revalidate;
  if (structural && state.protected) await batch.add(128, () => sheet.protection.unprotect());
  for (const run of plan.runs) {
    await batch.add(sizeOf(run.values), () => {
      body.getCell(run.row, run.column).getResizedRange(0, run.values.length - 1).values = [run.values];
    });
    session.echo.expect(state.sheetId, { row: state.sheetRow(run.row), column: run.column, rows: 1, columns: run.values.length });
  }
  for (const reuse of plan.reused) {
    for (const { column, note } of session.marks.forgetApplied(reuse.oldKey)) if (note) oldNotes.push({ row: reuse.row, column });
    await batch.add(sizeOf(reuse.cells) * 2, () => {
      const row = body.getRow(reuse.row);
      row.numberFormat = [def.columns.map((c) => c.format)];
      row.values = [reuse.cells];
      row.format.fill.clear();
    });
    session.echo.expect(state.sheetId, { row: state.sheetRow(reuse.row), column: 0, rows: 1, columns: def.columns.length });
  }
  for (const row of plan.deletes) {
    await batch.add(128, () => table.rows.getItemAt(row).delete());
    session.echo.expect(state.sheetId, { row: state.sheetRow(row), column: 0, rows: 1, columns: def.columns.length });
  }
  if (plan.appends.length > 0) {
    const first = plan.final.length - plan.appends.length;
    // Blank rows first, then their formats and values (text columns keep « 1.1 » as text), in slices.
    await batch.add(sizeOf(blank(plan.appends.length, def.columns.length)), () => {
      table.rows.add(null, blank(plan.appends.length, def.columns.length));
    });
    session.echo.expect(state.sheetId, { row: state.sheetRow(first), column: 0, rows: plan.appends.length, columns: def.columns.length }, 2);
    const slices = await queueRows(
      batch,
      session.budget,
      (start, count) => sheet.getRange(formatArea({ row: state.sheetRow(first + start), column: 0, rows: count, columns: def.columns.length })),
      plan.appends,
      formatsOf(def, plan.appends.length),
    );
    for (const { start, count } of slices) session.echo.expect(state.sheetId, { row: state.sheetRow(first + start), column: 0, rows: count, columns: def.columns.length });
  }
  if (revalidate) {
    await batch.add(def.columns.length * 512, () => {
      const sources = validate(sheet, def, state.top, lastRow - state.top + 1, lists);
      state.validated = { lastRow, sources };
    });
  }
  if (structural) {
    await batch.add(128, () => sheet.protection.protect(PROTECTION));
    state.protected = true;
  }
  // The notes of entities whose rows were reused go with them: looked up where the rows now are (a person may
  // have removed a note), deleted after the sync.
  const notes: ExcelNote[] = [];
  for (const { row, column } of session.supports('1.18') ? oldNotes : []) {
    const at = row - plan.deletes.filter((d) => d < row).length;
    // `…OrNullObject`: the sync tells whether it is there.
    await batch.add(64, () => notes.push(sheet.notes.getItemOrNullObject(formatArea({ row: state.sheetRow(at), column, rows: 1, columns: 1 }))));
  }
  if (notes.length > 0)
    later.push(() => {
      for (const note of notes) if (!note.isNullObject) note.delete();
    });
  state.take(plan.final.length > 0 ? plan.final : [blankRow(def)], state.top);
  state.resetSeen();
  return later;
}

async function writeLists(batch: ChunkedBatch, context: ExcelContext, session: Session, columns: string[][]): Promise<void> {
  const exists = session.lists.exists;
  const sheet = exists ? context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET) : context.workbook.worksheets.add(LISTS_SHEET);
  const previous = session.lists.columns;
  const height = Math.max(...columns.map((c) => c.length), ...(previous ?? []).map((c) => c.length + 1), 2);
  const values = Array.from({ length: height }, (_, r) => columns.map((c) => c[r] ?? ''));
  await batch.add(128, () => {
    if (exists && session.lists.protected) sheet.protection.unprotect();
    if (!exists) sheet.visibility = 'Hidden';
  });
  const formats = values.map((row) => row.map(() => '@'));
  await queueRows(batch, session.budget, (start, count) => sheet.getRange(formatArea({ row: start, column: 0, rows: count, columns: columns.length })), values, formats);
  await batch.add(128, () => sheet.protection.protect({}));
  session.lists.exists = true;
  session.lists.protected = true;
}

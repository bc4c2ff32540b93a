// The Excel host adapter: the convention's plan, indicators, axes and budget as Excel tables, behind the host port.
// One Excel.run per operation, serialized; a burst of writes shares one run and one sync; reads are answered from
// what the adapter last loaded or wrote while no event said otherwise. A person's edits arrive through the sheets'
// `onChanged`: the changed tables are loaded once and compared by row id (a sort moves nothing), which yields field
// hints for the binding, marks for values the model cannot take, and structure edits (new rows, deleted rows, moved
// entities) for the pane to apply to the model. Locked fields are greyed; what is typed in one is put back by the
// binding, and the reason reported.
import { type ConventionSnapshot, newId } from '../../../shared/index.ts';
import { type EntityRef, type FieldRef, type FieldValue, fieldTag, type RefKind } from '../../../shared/field-ref.ts';
import { mergeText } from '../../binding/three-way.ts';
import type { EditHint, HostCapabilities, HostPort, LockQuery, Mark } from '../port.ts';
import { parseArea } from '../../../shared/workbook/address.ts';
import { bindRows, describeNewRows } from './adopt.ts';
import { DEFAULT_BUDGET } from './batch.ts';
import { fromCell, sameCell, toCell } from '../../../shared/workbook/cell-codec.ts';
import { diffTable } from './changes.ts';
import { EchoGuard } from './echo.ts';
import type { ExcelApi, ExcelChangedArgs, ExcelHandlerResult, ExcelSortedArgs, ExcelWorksheet } from './excel-api.ts';
import { rowKey } from '../../../shared/workbook/layout.ts';
import { isMissing, type Loaded, loadTables } from './loads.ts';
import { CellMarks } from './marks.ts';
import { type ExcelProblem, problems } from './problems.ts';
import { renderWorkbook } from './render.ts';
import { Session } from './session.ts';
import type { StructureEdit } from './structure-edits.ts';
import type { TableState } from './table-state.ts';
import { WorkbookLayout } from '../../../shared/workbook/workbook-layout.ts';
import { type CellWrite, writeCells } from './write.ts';

export interface ExcelHostOptions {
  excel: ExcelApi;
  /** `Office.context.requirements.isSetSupported`. */
  supports(set: string, version: string): boolean;
  /** The year whose action statuses the plan shows (default: this year). */
  year?: number;
  /** Values kept but not taken, computed cells put back, rows waiting for a parent, failures: for the pane. */
  onProblem?: (problem: ExcelProblem) => void;
  /** New rows, deleted rows, parents chosen: for the pane to apply (see `applyStructureEdit`) and offer an undo. */
  onStructureEdit?: (edit: StructureEdit) => void | Promise<void>;
  /** Fresh ids for rows typed by a person (default: the model's random ids). */
  newId?: (kind: RefKind) => string;
  /** Bytes per request (default 4 MB, under Excel on the web's 5 MB). */
  payloadBudget?: number;
  /** Rows under each table already formatted and validated for typing new rows (default 200). */
  marginRows?: number;
  /** How long cells a co-author edited (Office co-authoring) are left to their add-in before this one reads them (ms). */
  remoteQuietMs?: number;
  now?: () => number;
}

/** Rows under each table looked at for new rows whenever it is loaded. */
const SCAN_BELOW = 20;

const PREFIX: Partial<Record<RefKind, string>> = { axis: 'axe', objective: 'obj', action: 'act', indicator: 'ind', budgetLine: 'bud', milestone: 'jal' };

export class ExcelHost implements HostPort {
  readonly name = 'excel';
  readonly capabilities: HostCapabilities;
  readonly session: Session;
  private readonly listeners = new Set<(hint: EditHint) => void>();
  private readonly handlers: ExcelHandlerResult[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private pending = new Map<string, FieldValue>();
  private writing: Promise<void> | null = null;
  /** Changed areas per table (the last sheet row touched), waiting for a refresh. */
  private touched = new Map<TableState, number>();
  private refreshing: Promise<void> | null = null;
  private readonly unparented = new Set<string>();
  /** Moves already handed to the pane (row key > parent id), until the next render shows them. */
  private readonly moved = new Set<string>();
  /** Rows a co-author edited lately (row key → until when): their add-in takes the edit into the model. */
  private readonly quiet = new Map<string, number>();
  private readonly now: () => number;
  /**
   * Per field tag, the text the binding last had from this host (read) or gave it (write). A cell that reads
   * otherwise was typed in by a person since: a write then merges into it instead of overwriting it.
   */
  private readonly seen = new Map<string, string>();
  /** Structure edits found by an operation, handed to the pane once the operation is over (never inside it). */
  private edits: StructureEdit[] = [];
  private readonly newId: (kind: RefKind) => string;
  private locks: LockQuery = () => null;

  constructor(private readonly options: ExcelHostOptions) {
    const now = options.now ?? Date.now;
    this.now = now;
    this.capabilities = { editEvents: options.supports('ExcelApi', '1.7'), selection: true };
    this.session = new Session(options.excel, options.supports, options.payloadBudget ?? DEFAULT_BUDGET, options.marginRows ?? 200, new EchoGuard(now), new CellMarks());
    this.newId = options.newId ?? ((kind) => newId(PREFIX[kind] ?? kind));
  }

  render(snapshot: ConventionSnapshot): Promise<void> {
    return this.serial(async () => {
      const layout = new WorkbookLayout(snapshot, this.options.year ?? new Date().getFullYear());
      await renderWorkbook(this.session, layout, { listen: (sheet) => this.listen(sheet) });
      this.moved.clear();
      this.lockCells();
      await this.applyMarks(this.markedCells());
    });
  }

  /** Queues the values; a burst of calls made while Excel is busy goes out in one run. */
  write(values: readonly FieldValue[]): Promise<void> {
    for (const value of values) this.pending.set(fieldTag(value.ref), value);
    if (!this.writing) {
      this.writing = this.serial(async () => {
        const batch = [...this.pending.values()];
        this.pending = new Map();
        this.writing = null;
        await this.writeNow(batch);
      });
    }
    return this.writing;
  }

  read(refs?: readonly FieldRef[]): Promise<FieldValue[]> {
    return this.serial(() => this.readNow(refs));
  }

  onEdit(listener: (hint: EditHint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  select(target: EntityRef): Promise<void> {
    return this.serial(async () => {
      const state = this.stateOf(target);
      if (!state) return;
      await this.ensureFresh([state]);
      const row = state.rowOf(rowKey(target));
      if (row < 0) return;
      await this.session.excel.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(state.def.name);
        table.worksheet.activate();
        table
          .getDataBodyRange()
          .getCell(row, 1)
          .getResizedRange(0, state.def.columns.length - 2)
          .select();
        await context.sync();
      });
    });
  }

  mark(target: EntityRef, mark: Mark | null): Promise<void> {
    const key = rowKey(target);
    this.session.marks.setEntity(key, mark ? { type: mark.type, note: mark.label } : null);
    const state = this.stateOf(target);
    if (!state) return Promise.resolve();
    return this.serial(() => this.applyMarks([{ state, key, column: state.def.markColumn }]));
  }

  /** Greys the locked fields' cells and clears the others, in one run (one sync when the tables are known). */
  setLocks(isLocked: LockQuery): Promise<void> {
    return this.serial(async () => {
      this.locks = isLocked;
      await this.applyMarks(this.lockCells());
    });
  }

  /** Asks the binding to re-read every field now (the pane calls it when the workbook may have changed unseen). */
  requestFullRead(): void {
    this.emit({ scope: 'all' });
  }

  dispose(): void {
    this.listeners.clear();
    const handlers = this.handlers.splice(0);
    for (const handler of handlers) handler.remove();
    const contexts = new Set(handlers.map((h) => h.context));
    void Promise.all([...contexts].map((c) => c.sync())).catch((error: unknown) => this.fail(error));
  }

  // ---- operations (each inside `serial`) ---------------------------------------------------------------------

  private async writeNow(values: readonly FieldValue[]): Promise<void> {
    const layout = this.session.layout;
    if (!layout) return;
    const writes: CellWrite[] = [];
    const typed: FieldRef[] = [];
    for (const { ref, value } of values) {
      const cell = layout.fields.get(fieldTag(ref));
      if (!cell) continue;
      const state = this.session.state(cell.table);
      const column = state.def.columns[cell.column];
      if (column?.role.type !== 'field') continue;
      // A value the model cannot take stays in its cell until the person corrects it.
      if (this.session.marks.invalidAt(cell.key, cell.column)?.type === 'error') continue;
      const tag = fieldTag(ref);
      const current = state.value(cell.key, cell.column);
      const now = current === undefined ? undefined : fromCell(column.role.codec, current, layout.lookups);
      const seen = this.seen.get(tag);
      let text = value;
      if (now?.ok && seen !== undefined && now.text !== seen) {
        // A person typed here since the binding last looked (the event came after its read): merge, or keep theirs.
        text = column.role.codec === 'text' ? mergeText(seen, now.text, value) : now.text;
        typed.push(ref);
      }
      this.seen.set(tag, value);
      layout.shown.note(ref, text);
      const shown = toCell(column.role.codec, text, layout.lookups);
      if (current !== undefined && sameCell(current, shown)) continue;
      writes.push({ state, key: cell.key, column: cell.column, value: shown, field: { ref, codec: column.role.codec } });
    }
    writes.push(...this.computedWrites(writes));
    const edited = [...typed, ...(await writeCells(this.session, layout.lookups, writes))];
    if (edited.length > 0) this.emit({ scope: 'fields', refs: edited });
  }

  /** Parent labels and derived cells that no longer read as the shown model says (a title, a code, an amount). */
  private computedWrites(already: readonly CellWrite[]): CellWrite[] {
    const layout = this.session.layout;
    if (!layout) return [];
    const out: CellWrite[] = [];
    for (const table of layout.tables) {
      const state = this.session.state(table.def.key);
      if (!state.exists || !state.rows) continue;
      for (const row of table.rows) {
        for (const { column, value } of layout.computedCells(table.def, row)) {
          const current = state.value(row.key, column);
          if (current === undefined || sameCell(current, value) || this.session.marks.invalidAt(row.key, column)) continue;
          if (already.some((w) => w.state === state && w.key === row.key && w.column === column)) continue;
          out.push({ state, key: row.key, column, value, field: null });
        }
      }
    }
    return out;
  }

  private async readNow(refs?: readonly FieldRef[]): Promise<FieldValue[]> {
    const layout = this.session.layout;
    if (!layout) return [];
    const cells = refs ? refs.map((ref) => layout.fields.get(fieldTag(ref))).filter((c) => c !== undefined) : [...layout.fields.values()];
    const states = [...new Set(cells.map((c) => this.session.state(c.table)))].filter((s) => s.exists);
    // A full read (the binding's safety net) always asks Excel; a read of some fields only when values may differ.
    const load = refs ? states.filter((s) => s.rows === null || s.dirty) : states;
    if (load.length > 0) await this.refreshNow(new Map(load.map((s) => [s, -1])), { hints: false, structure: false });
    const values: FieldValue[] = [];
    for (const cell of cells) {
      const state = this.session.state(cell.table);
      const column = state.def.columns[cell.column];
      const value = state.value(cell.key, cell.column);
      if (value === undefined || column?.role.type !== 'field' || this.isQuiet(cell.key)) continue;
      if (this.session.marks.invalidAt(cell.key, cell.column)?.type === 'error') continue;
      const taken = fromCell(column.role.codec, value, layout.lookups);
      // A locked cell typed in is read whatever it holds: the binding puts the model's value back.
      if (!taken.ok && this.locks(cell.ref)) values.push({ ref: cell.ref, value: String(value) });
      if (!taken.ok) continue;
      values.push({ ref: cell.ref, value: taken.text });
      this.seen.set(fieldTag(cell.ref), taken.text);
    }
    return values;
  }

  /**
   * Loads the changed tables and acts on what a person changed (see changes.ts). Structure (new rows, deleted rows,
   * parents chosen) is acted on only after this person's own edit, never after a read or a co-author's edit: their
   * add-in does it.
   */
  private async refreshNow(touched: Map<TableState, number>, mode: { hints: boolean; structure: boolean }): Promise<void> {
    const layout = this.session.layout;
    if (!layout || touched.size === 0) return;
    let loaded: Loaded[];
    try {
      loaded = await this.session.excel.run((context) =>
        loadTables(
          context,
          this.session.budget,
          [...touched].map(([state, last]) => {
            // Rows typed under the table: as far as the event says, and a few rows more (a row added to the table
            // meanwhile pushes a row typed under it one row down).
            const end = state.top + (state.rows?.length ?? 0);
            return { state, belowTo: Math.min(Math.max(last, end + SCAN_BELOW), end + 500) };
          }),
        ),
      );
    } catch (error) {
      if (!isMissing(error)) throw error;
      // A table was removed: the next render puts it back.
      this.session.forgetAll();
      this.emit({ scope: 'all' });
      return;
    }
    const hints: FieldRef[] = [];
    const marked: Array<{ state: TableState; key: string; column: number }> = [];
    const edits: StructureEdit[] = [];
    for (const l of loaded) {
      const before = l.state.rows;
      l.state.take(l.rows, l.top);
      const changes = diffTable(l.state, before, l.rows, l.below, layout, this.session.marks, this.locks);
      hints.push(...changes.hints.filter((ref) => !this.isQuiet(rowKey(ref))));
      marked.push(...changes.marked.map((m) => ({ state: l.state, ...m })));
      for (const p of changes.problems) this.report(p);
      for (const row of l.rows) if (String(row[0] ?? '') !== '') l.state.seen.add(String(row[0]));
      if (!mode.structure || !this.options.onStructureEdit) continue;
      for (const m of changes.moves) {
        const tag = `${rowKey(m.entity)}>${m.parent.id}`;
        if (this.moved.has(tag)) continue;
        this.moved.add(tag);
        edits.push({ type: 'move', entity: m.entity, parent: m.parent });
      }
      for (const entity of changes.removed) {
        l.state.seen.delete(rowKey(entity));
        const name = layout.shown.label(entity);
        edits.push({ type: 'remove', entity, label: { fr: `« ${name} » a été supprimé dans Excel.`, en: `"${name}" was deleted in Excel.` } });
      }
      if (changes.added.length > 0) edits.push(...(await this.adopt(l.state, changes.added, marked)));
    }
    if (mode.hints && hints.length > 0) this.emit({ scope: 'fields', refs: hints });
    await this.applyMarks(marked);
    // Computed cells typed over, or following an edited title or amount, are brought back in line.
    const computed = this.computedWrites([]);
    if (computed.length > 0) await writeCells(this.session, layout.lookups, computed);
    this.edits.push(...edits);
  }

  private async adopt(state: TableState, rows: Parameters<typeof describeNewRows>[1], marked: Array<{ state: TableState; key: string; column: number }>): Promise<StructureEdit[]> {
    const layout = this.session.layout as WorkbookLayout;
    const { adopted, unparented } = describeNewRows(state, rows, layout, this.newId);
    for (const u of unparented) {
      const tag = `${state.def.key}#${u.row}`;
      if (this.unparented.has(tag)) continue;
      this.unparented.add(tag);
      this.report(problems.needsParent(state.def.sheet, state.sheetRow(u.row) + 1, u.parent));
    }
    if (adopted.length === 0) return [];
    await bindRows(this.session, state, adopted);
    for (const a of adopted) {
      for (const { column, note } of a.invalid) {
        this.session.marks.setInvalid(rowKey(a.entity), column, { type: 'error', note });
        marked.push({ state, key: rowKey(a.entity), column });
      }
    }
    return adopted.map((a) => ({ type: 'add', entity: a.entity, parent: a.parent, values: a.values }));
  }

  private async ensureFresh(states: TableState[]): Promise<void> {
    const stale = states.filter((s) => s.exists && !s.fresh);
    if (stale.length === 0) return;
    await this.refreshNow(new Map(stale.map((s) => [s, -1])), { hints: true, structure: false });
  }

  /** Brings the marks' locked cells to the lock query; returns the cells whose lock changed. */
  private lockCells(): Array<{ state: TableState; key: string; column: number }> {
    const layout = this.session.layout;
    if (!layout) return [];
    const changed: Array<{ state: TableState; key: string; column: number }> = [];
    for (const cell of layout.fields.values()) {
      const locked = this.locks(cell.ref) !== null;
      if (this.session.marks.lockedAt(cell.key, cell.column) === locked) continue;
      this.session.marks.setLocked(cell.key, cell.column, locked);
      const state = this.session.state(cell.table);
      if (state.exists) changed.push({ state, key: cell.key, column: cell.column });
    }
    return changed;
  }

  private markedCells(): Array<{ state: TableState; key: string; column: number }> {
    const out: Array<{ state: TableState; key: string; column: number }> = [];
    for (const state of this.session.states.values()) {
      if (!state.exists) continue;
      for (const row of state.rows ?? []) {
        const key = String(row[0] ?? '');
        if (key !== '') for (const column of this.session.marks.columns(key, state.def.markColumn)) out.push({ state, key, column });
      }
    }
    return out;
  }

  private async applyMarks(cells: ReadonlyArray<{ state: TableState; key: string; column: number }>): Promise<void> {
    if (cells.length === 0) return;
    const states = [...new Set(cells.map((c) => c.state))];
    await this.ensureFresh(states);
    const notes = this.session.supports('1.18');
    await this.session.excel.run(async (context) => {
      const later: Array<() => void> = [];
      for (const state of states) {
        const table = context.workbook.tables.getItemOrNullObject(state.def.name);
        later.push(this.session.marks.queue(table.worksheet, table.getDataBodyRange(), state, cells.filter((c) => c.state === state), notes));
      }
      await context.sync();
      for (const step of later) step();
      await context.sync();
    });
  }

  // ---- events ------------------------------------------------------------------------------------------------

  private listen(sheet: ExcelWorksheet): void {
    this.handlers.push(sheet.onChanged.add(this.onChanged));
    if (this.session.supports('1.10')) this.handlers.push(sheet.onRowSorted.add(this.onSorted));
  }

  private readonly onChanged = async (args: ExcelChangedArgs): Promise<void> => {
    if (args.triggerSource === 'ThisLocalAddin') return;
    const area = parseArea(args.address);
    if (!area) return;
    if (!this.session.supports('1.14') && this.session.echo.consume(args.worksheetId, area)) return;
    const state = this.session.tableOnSheet(args.worksheetId);
    if (!state) return;
    if (args.source === 'Remote') {
      // A co-author's edit (Office co-authoring): their add-in takes it into the model; this one leaves those rows
      // alone for a while, then reads them like any other.
      const until = this.now() + (this.options.remoteQuietMs ?? 10_000);
      for (let r = area.row; r < area.row + Math.min(area.rows, 10_000); r++) {
        const key = state.keyAt(r - state.top);
        if (key !== '') this.quiet.set(key, until);
      }
      state.dirty = true;
      state.stale = true;
      return;
    }
    this.touched.set(state, Math.max(this.touched.get(state) ?? -1, area.row + area.rows - 1));
    if (!this.refreshing) {
      this.refreshing = this.serial(async () => {
        this.refreshing = null;
        const touched = this.touched;
        this.touched = new Map();
        await this.refreshNow(touched, { hints: true, structure: true });
      });
    }
    await this.refreshing.catch((error: unknown) => this.fail(error));
  };

  private readonly onSorted = async (args: ExcelSortedArgs): Promise<void> => {
    const state = this.session.tableOnSheet(args.worksheetId);
    if (state) state.stale = true;
  };

  // ---- helpers -----------------------------------------------------------------------------------------------

  private isQuiet(key: string): boolean {
    const until = this.quiet.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.quiet.delete(key);
    return false;
  }

  private stateOf(target: EntityRef): TableState | undefined {
    const found = this.session.layout?.row(target);
    return found ? this.session.state(found.table) : undefined;
  }

  private emit(hint: EditHint): void {
    for (const listener of this.listeners) listener(hint);
  }

  private report(problem: ExcelProblem): void {
    this.options.onProblem?.(problem);
  }

  private fail(error: unknown): void {
    if (!this.options.onProblem) throw error;
    this.report(problems.failed(error));
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.chain.then(operation, operation);
    this.chain = run.catch(() => undefined);
    return run.finally(() => this.dispatchEdits());
  }

  /** The pane applies them to the model, which may render again: outside the chain, so it can. */
  private async dispatchEdits(): Promise<void> {
    const edits = this.edits.splice(0);
    for (const edit of edits) {
      try {
        await this.options.onStructureEdit?.(edit);
      } catch (error) {
        this.fail(error);
      }
    }
  }
}

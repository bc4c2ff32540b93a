// The fake Excel behaves as Office does where the adapter depends on it: unloaded properties throw, writes wait for
// the sync, round trips and payloads are counted, protection and validation refuse what Excel's UI refuses, events
// carry details only for one cell, and a sort moves rows.
import { describe, expect, it } from 'vitest';
import { ErrorCodes, FakeExcel, type FakeExcelContext, type ChangedEventArgs } from './index.ts';

async function planTable(excel: FakeExcel): Promise<void> {
  await excel.run(async (context: FakeExcelContext) => {
    const sheet = context.workbook.worksheets.add('Plan');
    sheet.getRange('A1:C3').values = [
      ['id', 'Code', 'Action'],
      ['a1', '1.1.1', 'Créer'],
      ['a2', '1.1.2', 'Animer'],
    ];
    const table = sheet.tables.add('A1:C3', true);
    table.name = 'plan';
  });
}

describe('fake Excel', () => {
  it('throws PropertyNotLoaded on unloaded reads and applies writes only at sync', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    await excel.run(async (context) => {
      const body = context.workbook.tables.getItem('plan').getDataBodyRange();
      expect(() => body.values).toThrowError(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
      body.load('values');
      const cell = body.getCell(0, 2);
      cell.values = [['Construire']];
      expect(excel.tableCell('plan', 0, 'Action').value).toBe('Créer');
      await context.sync();
      expect(body.values[0]).toEqual(['a1', '1.1.1', 'Créer']);
      expect(excel.tableCell('plan', 0, 'Action').value).toBe('Construire');
    });
  });

  it('counts one round trip per sync with work queued, none for an empty sync', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    const before = excel.roundTrips;
    await excel.run(async (context) => {
      await context.sync();
      context.workbook.tables.getItem('plan').getDataBodyRange().load('values');
      await context.sync();
    });
    expect(excel.roundTrips - before).toBe(1);
  });

  it('refuses a request over the payload limit', async () => {
    const excel = new FakeExcel({ payloadLimit: 1000 });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add('Big').getRange('A1:A200').values = Array.from({ length: 200 }, () => ['xxxxxxxxxx']);
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.requestPayloadSizeLimitExceeded });
  });

  it('protects locked cells from people and from the add-in, and tables from resizing', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Plan');
      sheet.getRange('A2:C1048576').format.protection.locked = false;
      sheet.protection.protect({ allowSort: true, allowDeleteRows: true });
    });
    expect(excel.user.type('Plan', 'B1', 'Numéro')).toBe(false);
    expect(excel.user.typeInTable('plan', 0, 'Action', 'Bâtir')).toBe(true);
    // Typing under a table on a protected sheet does not extend it.
    expect(excel.user.typeBelow('plan', 'Action', 'Nouvelle')).toBe(true);
    expect(excel.table('plan').rows).toBe(2);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Plan').getRange('A1').values = [['x']];
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.accessDenied });
    await expect(
      excel.run(async (context) => {
        context.workbook.tables.getItem('plan').rows.add(null, [['a3', '', '']]);
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.accessDenied });
  });

  it('grows a table when someone types under it on an unprotected sheet', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    excel.user.typeBelow('plan', 'Action', 'Nouvelle');
    expect(excel.table('plan').rows).toBe(3);
  });

  it('refuses a typed value outside a « Stop » list, but not a pasted one', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Plan').getRange('B2:B3');
      cell.dataValidation.rule = { list: { inCellDropDown: true, source: '1.1.1,1.1.2' } };
    });
    expect(excel.user.type('Plan', 'B2', '9.9.9')).toBe(false);
    expect(excel.user.type('Plan', 'B2', '1.1.2')).toBe(true);
    expect(excel.user.paste('Plan', 'B2', [['9.9.9']])).toBe(true);
  });

  it('reports a one-cell edit with details, a paste without, and marks the add-in’s own writes', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    const seen: ChangedEventArgs[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').onChanged.add(async (args) => {
        seen.push(args);
      });
    });
    excel.user.typeInTable('plan', 0, 'Action', 'Bâtir');
    excel.user.pasteInTable('plan', 0, 'Code', [['2.1.1', 'x'], ['2.1.2', 'y']]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('C3').values = [['z']];
    });
    await excel.flushEvents();
    expect(seen.map((e) => [e.address, e.details?.valueAfter, e.triggerSource])).toEqual([
      ['C2', 'Bâtir', 'Unknown'],
      ['B2:C3', undefined, 'Unknown'],
      ['C3', 'z', 'ThisLocalAddin'],
    ]);
    const old = new FakeExcel({ requirementSets: { ExcelApi: '1.12' } });
    await planTable(old);
    const oldSeen: ChangedEventArgs[] = [];
    await old.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').onChanged.add(async (args) => {
        oldSeen.push(args);
      });
    });
    old.user.typeInTable('plan', 0, 'Action', 'Bâtir');
    await old.flushEvents();
    expect(oldSeen[0]?.triggerSource).toBeUndefined();
  });

  it('moves whole rows on a sort (a row is a position) and says so through onRowSorted', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    const sorted: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').onRowSorted.add(async (args) => {
        sorted.push(args.address);
      });
    });
    excel.user.sort('plan', 'Action');
    await excel.flushEvents();
    expect(excel.tableValues('plan').slice(1)).toEqual([
      ['a2', '1.1.2', 'Animer'],
      ['a1', '1.1.1', 'Créer'],
    ]);
    expect(sorted).toEqual(['A2:C3']);
  });

  it('parses what people type as Excel does: numbers, French dates, text kept as text in a text cell', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('B2:B3').numberFormat = [['@'], ['@']];
    });
    excel.user.type('Plan', 'C2', '15/03/2026');
    excel.user.type('Plan', 'C3', '1 200');
    excel.user.type('Plan', 'B2', '2026');
    expect(excel.tableCell('plan', 0, 'Action')).toMatchObject({ value: 46096, format: 'dd/mm/yyyy' });
    expect(excel.tableCell('plan', 1, 'Action').value).toBe(1200);
    expect(excel.tableCell('plan', 0, 'Code').value).toBe('2026');
  });

  it('deletes rows (cells below move up) and keeps one blank row in an emptied table', async () => {
    const excel = new FakeExcel();
    await planTable(excel);
    expect(excel.user.deleteRows('plan', 0)).toBe(true);
    expect(excel.tableValues('plan').slice(1)).toEqual([['a2', '1.1.2', 'Animer']]);
    excel.user.deleteRows('plan', 0);
    expect(excel.tableValues('plan').slice(1)).toEqual([['', '', '']]);
  });
});

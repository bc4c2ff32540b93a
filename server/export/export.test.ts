// Exports of the sample convention: the .docx and .xlsx open in LibreOffice (converted once each, then read back),
// the PDF text holds every article title, action code and signatory; JSON equals the convention file; a missing
// LibreOffice gives the install message.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportConventionJson, readSnapshot } from '../../shared/index.ts';
import { exportDocument } from './export.ts';
import { exportFileName } from './formats.ts';
import { INSTALL_HINT, LibreOfficeMissing, libreOfficeConverter } from './libreoffice.ts';
import { needLibreOffice, pdfText, sampleDoc, testConverter } from './test-support.ts';

const doc = sampleDoc();
const snapshot = readSnapshot(doc);
const noLibreOffice = libreOfficeConverter({ soffice: null });

describe('exports without LibreOffice', () => {
  it('gives the JSON convention file', async () => {
    const result = await exportDocument(doc, { conventionId: 'ctg-val-de-sorlaine', format: 'json', converter: noLibreOffice });
    expect(JSON.parse(result.bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(exportConventionJson(doc))));
    expect(result.fileName).toBe('ctg-val-de-sorlaine.json');
  });

  it('names files after the convention and the version', () => {
    expect(exportFileName('ctg-1', 'pdf', 'Copil du 12 mars')).toBe('ctg-1-copil-du-12-mars.pdf');
  });

  it('builds a .docx and a .xlsx (zip files) and reports its steps', async () => {
    const steps: string[] = [];
    const docx = await exportDocument(doc, { conventionId: 'c', format: 'docx', converter: noLibreOffice, onProgress: (s) => steps.push(s) });
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(steps).toEqual(['read', 'build', 'done']);
    const xlsx = await exportDocument(doc, { conventionId: 'c', format: 'xlsx', converter: noLibreOffice });
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('says how to install LibreOffice when a PDF is asked for without it', async () => {
    const steps: string[] = [];
    const attempt = exportDocument(doc, { conventionId: 'c', format: 'pdf', converter: noLibreOffice, onProgress: (s) => steps.push(s) });
    await expect(attempt).rejects.toBeInstanceOf(LibreOfficeMissing);
    await expect(attempt).rejects.toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toMatch(/apt-get install libreoffice-writer-nogui/);
    expect(steps).toContain('convert');
  });
});

describe.runIf(needLibreOffice)('exported files in LibreOffice', () => {
  const converter = testConverter();
  let pdf = '';
  let sheets = new Map<string, string>();

  beforeAll(async () => {
    const result = await exportDocument(doc, { conventionId: 'c', format: 'pdf', converter });
    expect(result.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    pdf = (await pdfText(result.bytes)).replace(/\s+/g, ' ');
    const xlsx = await exportDocument(doc, { conventionId: 'c', format: 'xlsx', converter, year: 2026 });
    // Every sheet as CSV (UTF-8, comma-separated): LibreOffice's filter options, sheet -1 = all sheets.
    const csv = await converter.convert(xlsx.bytes, 'plan.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    sheets = new Map(csv.map((f) => [f.name.replace(/^plan-|\.csv$/g, ''), f.bytes.toString('utf8')]));
  }, 120_000);

  it('the .docx as PDF holds every article title, action code and signatory', () => {
    const holds = (text: string | undefined) => expect(pdf.includes(String(text)), `« ${text} » dans le PDF`).toBe(true);
    for (const article of snapshot.articles) holds(`Article ${article.number} – ${article.title}`);
    const codes = snapshot.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions.map((x) => x.code)));
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) holds(`Fiche action ${code}`);
    const persons = new Map(snapshot.persons.map((p) => [p.id, p]));
    expect(snapshot.signatories.length).toBe(4);
    for (const signatory of snapshot.signatories) {
      holds(`Pour ${snapshot.organisations.find((o) => o.id === signatory.organisationId)?.name}`);
      for (const id of signatory.representatives) {
        holds(persons.get(id)?.name);
        holds(persons.get(id)?.capacity);
      }
    }
  });

  it('the .xlsx opens with the add-in’s sheets, headers and every action', () => {
    expect([...sheets.keys()].sort()).toEqual(['Axes et objectifs', 'Budget', 'Fiches actions', 'Indicateurs', 'Jalons', 'Listes', 'Plan d’actions', 'Statuts'].sort());
    const plan = sheets.get('Plan d’actions') ?? '';
    expect(plan.split('\n')[0]).toBe('Identifiant,Code,Axe,Objectif,Action,Description,Pilote,Partenaires,Référent,Début,Fin,Type,Statut 2026,Budget prévisionnel');
    for (const axis of snapshot.axes)
      for (const objective of axis.objectives) for (const action of objective.actions) expect(plan).toContain(`,${action.code},`);
    expect(sheets.get('Listes')).toContain('Non démarrée');
  });
});

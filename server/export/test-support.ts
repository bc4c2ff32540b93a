// Test helpers for exports and imports: the sample convention as a Y.Doc, and LibreOffice for the tests that read
// exported files back (required in CI, where .ci/run installs it; elsewhere those tests run when it is installed).
import * as Y from 'yjs';
import { importConventionJson, sampleConventionFile } from '../../shared/index.ts';
import { type Converter, findSoffice, libreOfficeConverter } from './libreoffice.ts';

export function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  importConventionJson(doc, sampleConventionFile());
  return doc;
}

/** LibreOffice when installed; in CI (CTG_REQUIRE_LIBREOFFICE=1) a missing install fails the tests instead of skipping. */
export const soffice = findSoffice();
export const needLibreOffice = soffice !== null || process.env.CTG_REQUIRE_LIBREOFFICE === '1' || process.env.CI === 'true';
export const testConverter = (): Converter => libreOfficeConverter({ soffice, timeoutMs: 90_000 });

/** The text of a PDF (poppler's pdftotext), or of LibreOffice's CSV files of a workbook. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-enc', 'UTF-8', '-', '-'], { maxBuffer: 32 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin?.end(pdf);
  });
}

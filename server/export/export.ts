// One export: a convention document (live or a version) in one format, with its media type, file name and progress
// steps (read, build, convert). The builders are pure; the PDF goes through the injected converter.
import type * as Y from 'yjs';
import { exportConventionJson, readSnapshot } from '../../shared/index.ts';
import { buildDocx } from './docx.ts';
import type { VersionLabel } from './docx-text.ts';
import { type ExportFormat, exportFileName, MEDIA_TYPES } from './formats.ts';
import { type Converter, docxToPdf } from './libreoffice.ts';
import { buildXlsx } from './xlsx.ts';

export type ExportStep = 'read' | 'build' | 'convert' | 'done';

export const STEP_LABELS: Record<ExportStep, { fr: string; en: string }> = {
  read: { fr: 'Lecture de la convention…', en: 'Reading the convention…' },
  build: { fr: 'Construction du document…', en: 'Building the document…' },
  convert: { fr: 'Conversion en PDF par LibreOffice…', en: 'Converting to PDF with LibreOffice…' },
  done: { fr: 'Export terminé.', en: 'Export finished.' },
};

export interface ExportOptions {
  conventionId: string;
  format: ExportFormat;
  converter: Converter;
  version?: VersionLabel;
  /** The year whose action statuses the plan sheet shows (xlsx). */
  year?: number;
  onProgress?: (step: ExportStep) => void;
}

export interface ExportResult {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

export async function exportDocument(doc: Y.Doc, options: ExportOptions): Promise<ExportResult> {
  const { format, onProgress } = options;
  onProgress?.('read');
  const snapshot = readSnapshot(doc);
  onProgress?.('build');
  let bytes: Buffer;
  switch (format) {
    case 'json':
      bytes = Buffer.from(`${JSON.stringify(exportConventionJson(doc), null, 2)}\n`);
      break;
    case 'xlsx':
      bytes = await buildXlsx(snapshot, options.year === undefined ? {} : { year: options.year });
      break;
    case 'docx':
    case 'pdf': {
      const docx = await buildDocx(snapshot, options.version ? { version: options.version } : {});
      if (format === 'docx') bytes = docx;
      else {
        onProgress?.('convert');
        bytes = await docxToPdf(options.converter, docx);
      }
      break;
    }
    default: {
      const never: never = format;
      throw new Error(`Format inattendu : ${String(never)}`);
    }
  }
  onProgress?.('done');
  return { bytes, mediaType: MEDIA_TYPES[format], fileName: exportFileName(options.conventionId, format, options.version?.name) };
}

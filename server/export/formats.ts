// The export formats: their codes, media types, file extensions and the file name a download gets.
import { fold } from '../../shared/workbook/lookups.ts';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** « ctg-val-de-sorlaine-copil-du-12-mars.docx »: the convention id, the version name if any, ASCII only. */
export function exportFileName(conventionId: string, format: ExportFormat, versionName?: string): string {
  const slug = (text: string) =>
    fold(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  const parts = [slug(conventionId) || 'convention', ...(versionName ? [slug(versionName)] : [])].filter((p) => p !== '');
  return `${parts.join('-')}.${format}`;
}

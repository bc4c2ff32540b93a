// /api/conventions/:id/export?format=docx|xlsx|pdf|json[&version=<id or name>] (any access) and
// /api/conventions/:id/imports/xlsx (edit): the preview of an action-plan import, applied later by the pane.
// Without `format`, /export falls through to the convention file route of conventions.ts.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as Y from 'yjs';
import { accessTo, requireAccess } from '../auth/tokens.ts';
import { CtgError } from '../errors.ts';
import type { VersionLabel } from '../export/docx-text.ts';
import { exportDocument } from '../export/export.ts';
import { EXPORT_FORMATS, isExportFormat } from '../export/formats.ts';
import { ConversionFailed, type Converter, ConverterBusy, LibreOfficeMissing, libreOfficeConverter } from '../export/libreoffice.ts';
import { docOfState, findVersion } from '../export/source.ts';
import type { Mapping } from '../import/columns.ts';
import { previewXlsxImport } from '../import/preview.ts';
import { OversizedWorkbook, UnreadableWorkbook } from '../import/read-xlsx.ts';
import { requireToken } from './auth.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { conventionIdOf } from './input.ts';

/** Largest uploaded workbook. */
const MAX_XLSX_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = 'Classeur trop volumineux (10 Mo au plus) : importez un classeur qui ne contient que le plan d’actions.';
/** The upload as sent, with room for the multipart envelope and the mapping: refused before it is read whole. */
const uploadLimit = bodyLimit({
  maxSize: MAX_XLSX_BYTES + 64 * 1024,
  onError: () => {
    throw new CtgError('payload_too_large', TOO_LARGE);
  },
});

export function exportRoutes(deps: AppDeps, options: { converter?: Converter } = {}): Hono<AppEnv> {
  const { documents, storage, auth, now } = deps;
  const converter = options.converter ?? deps.converter ?? libreOfficeConverter();
  const api = new Hono<AppEnv>();

  api.get('/:id/export', requireToken(auth), async (c, next) => {
    const format = c.req.query('format');
    if (format === undefined) return next();
    const id = conventionIdOf(c.req.param('id'));
    accessTo(c.get('claims'), id);
    if (!isExportFormat(format)) throw new CtgError('bad_request', `Paramètre « format » : ${EXPORT_FORMATS.join(', ')}.`);
    const versionRef = c.req.query('version');
    const run = async (doc: Y.Doc, version?: VersionLabel) => exportDocument(doc, { conventionId: id, format, converter, ...(version ? { version } : {}) });
    try {
      let result: Awaited<ReturnType<typeof run>>;
      if (versionRef) {
        if (!(await storage.getConvention(id))) throw new CtgError('convention_not_found');
        const version = await findVersion(storage, id, versionRef);
        const doc = docOfState(version.state);
        try {
          result = await run(doc, { name: version.name, at: new Date(version.at).toISOString() });
        } finally {
          doc.destroy();
        }
      } else {
        // The snapshot is read in the room; the build runs on a copy so the room is not held during a PDF conversion.
        const copy = await documents.withRoom(id, (room) => docOfState(encodeState(room.doc)));
        try {
          result = await run(copy);
        } finally {
          copy.destroy();
        }
      }
      return new Response(new Uint8Array(result.bytes), {
        status: 200,
        headers: {
          'Content-Type': result.mediaType,
          'Content-Length': String(result.bytes.length),
          'Content-Disposition': `attachment; filename="${result.fileName}"`,
          'Cache-Control': 'no-store',
        },
      });
    } catch (error) {
      if (error instanceof LibreOfficeMissing) return c.json({ error: { code: 'libreoffice_missing', message: error.message } }, 503);
      if (error instanceof ConverterBusy) return c.json({ error: { code: 'converter_busy', message: error.message } }, 503, { 'Retry-After': '60' });
      if (error instanceof ConversionFailed) return c.json({ error: { code: 'conversion_failed', message: error.message } }, 502);
      throw error;
    }
  });

  api.post('/:id/imports/xlsx', requireToken(auth), uploadLimit, async (c) => {
    const id = conventionIdOf(c.req.param('id'));
    requireAccess(c.get('claims'), id, 'edit');
    const { bytes, mapping } = await readUpload(c.req.raw);
    const today = c.req.query('today') ?? new Date(now()).toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CtgError('bad_request', 'Paramètre « today » : date AAAA-MM-JJ.');
    const year = c.req.query('year') === undefined ? undefined : Number(c.req.query('year'));
    try {
      const copy = await documents.withRoom(id, (room) => docOfState(encodeState(room.doc)));
      try {
        return c.json(await previewXlsxImport(bytes, copy, { today, ...(mapping ? { mapping } : {}), ...(year && Number.isInteger(year) ? { year } : {}) }));
      } finally {
        copy.destroy();
      }
    } catch (error) {
      if (error instanceof UnreadableWorkbook) throw new CtgError('bad_request', error.message, { cause: error });
      if (error instanceof OversizedWorkbook) throw new CtgError('payload_too_large', error.message, { cause: error });
      throw error;
    }
  });

  return api;
}

/** A copy of a live document, so exports and previews do not hold the room while they run. */
const encodeState = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc);

/** The workbook from a multipart form (`file`, optional `mapping` JSON) or a raw .xlsx body. */
async function readUpload(request: Request): Promise<{ bytes: Uint8Array; mapping?: { sheet?: string; columns?: Mapping } }> {
  const type = request.headers.get('Content-Type') ?? '';
  let bytes: Uint8Array;
  let mappingText: string | null = null;
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new CtgError('bad_request', 'Champ « file » manquant : joignez le classeur .xlsx.');
    bytes = new Uint8Array(await file.arrayBuffer());
    const mapping = form.get('mapping');
    mappingText = typeof mapping === 'string' && mapping.trim() !== '' ? mapping : null;
  } else bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length === 0) throw new CtgError('bad_request', 'Aucun fichier reçu : joignez le classeur .xlsx à importer.');
  if (bytes.length > MAX_XLSX_BYTES) throw new CtgError('payload_too_large', TOO_LARGE);
  if (mappingText === null) return { bytes };
  let mapping: unknown;
  try {
    mapping = JSON.parse(mappingText);
  } catch (error) {
    throw new CtgError('bad_request', 'Champ « mapping » : un objet JSON { sheet?, columns: { en-tête: champ } } est attendu.', { cause: error });
  }
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw new CtgError('bad_request', 'Champ « mapping » : un objet JSON est attendu.');
  const { sheet, columns } = mapping as { sheet?: unknown; columns?: unknown };
  const clean: Mapping = {};
  if (columns && typeof columns === 'object' && !Array.isArray(columns))
    for (const [header, field] of Object.entries(columns)) if (typeof field === 'string') clean[header] = field;
  return { bytes, mapping: { ...(typeof sheet === 'string' ? { sheet } : {}), columns: clean } };
}

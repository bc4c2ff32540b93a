// /api/conventions: create (template or import), list, read the snapshot, validate, history, invitations; the
// versions routes are mounted from versions.ts.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { ECHELONS, GENERATIONS } from '../../shared/index.ts';
import { parseDuration } from '../auth/duration.ts';
import { accessTo, requireAccess } from '../auth/tokens.ts';
import { CtgError } from '../errors.ts';
import { readHistory } from '../history/history.ts';
import { ACCESS_LEVELS } from '../protocol/session.ts';
import type { Creation } from '../sync/documents.ts';
import { requireToken } from './auth.ts';
import { type AppDeps, type AppEnv, syncBase } from './context.ts';
import { conventionIdOf, oneOf, optionalText, readBody, requiredText } from './input.ts';
import { versionRoutes } from './versions.ts';

const DEFAULT_INVITATION_TTL = '7d';

export function conventionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { documents, storage, auth, model, now } = deps;
  const api = new Hono<AppEnv>();
  api.use('*', requireToken(auth));

  /** The convention id of the route, checked against the token (any access level). */
  const idFor = (claims: Parameters<typeof accessTo>[0], raw: string) => {
    const id = conventionIdOf(raw);
    accessTo(claims, id);
    return id;
  };

  api.post('/', async (c) => {
    const claims = c.get('claims');
    if (claims.kind !== 'admin') throw new CtgError('admin_required');
    const body = await readBody(c);
    const id = conventionIdOf(optionalText(body, 'id', 64) ?? `ctg-${randomBytes(6).toString('base64url')}`);
    const author = { name: claims.name, party: 'admin' };
    const title = optionalText(body, 'title', 300);
    const source: Creation['source'] =
      body.file !== undefined
        ? { kind: 'import', file: body.file }
        : {
            kind: 'template',
            choice: {
              generation: oneOf(body, 'generation', GENERATIONS.codes, '2020'),
              echelon: oneOf(body, 'echelon', ECHELONS.codes, 'intercommunal'),
              ...(title ? { title } : {}),
              ...(typeof body.startYear === 'number' && Number.isInteger(body.startYear)
                ? { startYear: body.startYear }
                : {}),
            },
          };
    if (!(await documents.create(id, { author, source }))) throw new CtgError('convention_exists');
    const record = await storage.getConvention(id);
    return c.json({ ...record, sync: { url: syncBase(deps.publicUrl()), room: id } }, 201);
  });

  api.get('/', async (c) => {
    if (c.get('claims').kind !== 'admin') throw new CtgError('admin_required');
    return c.json({ conventions: await storage.listConventions() });
  });

  api.get('/:id', async (c) => {
    const id = idFor(c.get('claims'), c.req.param('id'));
    return c.json(await documents.withRoom(id, (room) => model.snapshot(room.doc)));
  });

  api.get('/:id/export', async (c) => {
    const id = idFor(c.get('claims'), c.req.param('id'));
    return c.json(await documents.withRoom(id, (room) => model.exportJson(room.doc)));
  });

  api.get('/:id/validation', async (c) => {
    const id = idFor(c.get('claims'), c.req.param('id'));
    const today = c.req.query('today') ?? new Date(now()).toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CtgError('bad_request', 'Paramètre « today » : date AAAA-MM-JJ.');
    const findings = await documents.withRoom(id, (room) => model.validate(model.snapshot(room.doc), today));
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    return c.json({ today, counts: { error: count('error'), warning: count('warning') }, findings });
  });

  api.get('/:id/history', async (c) => {
    const id = idFor(c.get('claims'), c.req.param('id'));
    if (!(await storage.getConvention(id))) throw new CtgError('convention_not_found');
    // Whatever was accepted a moment ago is in the log too.
    await deps.writer.flush();
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 50) || 50, 1), 500);
    return c.json({ entries: await readHistory(storage, model, id, { limit }) });
  });

  api.post('/:id/invitations', async (c) => {
    const claims = c.get('claims');
    const id = conventionIdOf(c.req.param('id'));
    requireAccess(claims, id, 'edit');
    if (!(await storage.getConvention(id))) throw new CtgError('convention_not_found');
    const body = await readBody(c);
    const party = requiredText(body, 'party', 100);
    const access = oneOf(body, 'access', ACCESS_LEVELS);
    const name = optionalText(body, 'name', 100) ?? `Invité·e (${party})`;
    const ttlText = optionalText(body, 'ttl', 20) ?? DEFAULT_INVITATION_TTL;
    const ttl = parseDuration(ttlText);
    if (ttl === null) throw new CtgError('bad_request', 'Champ « ttl » : une durée comme « 12h », « 7d » ou « 30m ».');
    const token = await auth.issue({ kind: 'participant', convention: id, party, access, name }, ttl);
    const base = deps.publicUrl();
    return c.json(
      {
        convention: id,
        party,
        access,
        name,
        expiresAt: new Date(now() + ttl * 1000).toISOString(),
        token,
        link: `${base}/view/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`,
        sync: { url: syncBase(base), room: id, params: { token } },
      },
      201,
    );
  });

  api.route('/:id/versions', versionRoutes(deps));
  return api;
}

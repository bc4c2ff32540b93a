// /api/conventions/:id/versions: named snapshots (« Copil du 12 mars »), one of them to open read-only, and the
// differences between two of them, or between one and the live document (`current`): entity-level changes and a
// summary with one sentence per entity and the text changes highlighted.
import { Hono } from 'hono';
import * as Y from 'yjs';
import type { ConventionSnapshot } from '../../shared/index.ts';
import { accessTo, requireAccess } from '../auth/tokens.ts';
import { CtgError } from '../errors.ts';
import type { VersionInfo } from '../storage/port.ts';
import { replayStored } from '../storage/replay.ts';
import { diffSnapshots } from '../versions/diff.ts';
import { versionId } from '../sync/signature-recorder.ts';
import { storedState } from '../versions/stored-state.ts';
import { summarise } from '../versions/summary.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { conventionIdOf, readBody, requiredText } from './input.ts';

const CURRENT = 'current';

export function versionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, model, writer, now } = deps;
  const api = new Hono<AppEnv>();

  api.post('/', async (c) => {
    const claims = c.get('claims');
    const id = conventionIdOf(c.req.param('id') ?? '');
    requireAccess(claims, id, 'edit');
    const name = requiredText(await readBody(c), 'name', 120);
    if (!(await storage.getConvention(id))) throw new CtgError('convention_not_found');
    // What this instance accepted is stored first; other instances store before anyone sees their updates.
    await writer.flush();
    const { seq, state } = await storedState(storage, id);
    const version = {
      id: versionId(now()),
      conventionId: id,
      name,
      author: { name: claims.name, party: claims.kind === 'admin' ? 'admin' : claims.party },
      at: now(),
      seq,
      state,
    };
    await storage.saveVersion(version);
    const { state: _state, ...info } = version;
    return c.json(present(info), 201);
  });

  api.get('/', async (c) => {
    const id = conventionIdOf(c.req.param('id') ?? '');
    accessTo(c.get('claims'), id);
    if (!(await storage.getConvention(id))) throw new CtgError('convention_not_found');
    return c.json({ versions: (await storage.listVersions(id)).map(present) });
  });

  /** One side of a comparison, or a version to open read-only: its info and its model snapshot. */
  const versionAt = async (id: string, versionId: string): Promise<{ info: object; snapshot: ConventionSnapshot }> => {
    if (versionId === CURRENT) {
      // From storage, like a new version: on several instances, what this one has not received yet counts too.
      if (!(await storage.getConvention(id))) throw new CtgError('convention_not_found');
      await writer.flush();
      const doc = new Y.Doc();
      try {
        replayStored(doc, await storage.load(id));
        return { info: { id: CURRENT, name: 'Version en cours' }, snapshot: model.snapshot(doc) };
      } finally {
        doc.destroy();
      }
    }
    const version = await storage.getVersion(id, versionId);
    if (!version) throw new CtgError('version_not_found', `Version « ${versionId} » inconnue : choisissez-en une dans la liste des versions.`);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, version.state);
      const { state: _state, ...info } = version;
      return { info: present(info), snapshot: model.snapshot(doc) };
    } finally {
      doc.destroy();
    }
  };

  api.get('/:v', async (c) => {
    const id = conventionIdOf(c.req.param('id') ?? '');
    accessTo(c.get('claims'), id);
    const { info, snapshot } = await versionAt(id, c.req.param('v'));
    return c.json({ version: info, snapshot });
  });

  api.get('/:a/diff/:b', async (c) => {
    const id = conventionIdOf(c.req.param('id') ?? '');
    accessTo(c.get('claims'), id);
    const [from, to] = await Promise.all([versionAt(id, c.req.param('a')), versionAt(id, c.req.param('b'))]);
    const diff = diffSnapshots(from.snapshot, to.snapshot);
    return c.json({ from: from.info, to: to.info, ...diff, summary: summarise(from.snapshot, to.snapshot, diff) });
  });

  return api;
}

const present = (info: VersionInfo) => ({ ...info, at: new Date(info.at).toISOString() });

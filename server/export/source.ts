// Where an export reads a convention from: a named version (by id or name) or the stored log, as a Y.Doc built
// from storage alone (the CLI reads the data folder directly; the HTTP routes read live conventions from the room).
import * as Y from 'yjs';
import { CtgError } from '../errors.ts';
import type { Storage, Version } from '../storage/port.ts';
import { replayStored } from '../storage/replay.ts';

/** A version by id, else by name (the latest of that name); the error lists the names to choose from. */
export async function findVersion(storage: Storage, conventionId: string, ref: string): Promise<Version> {
  const versions = await storage.listVersions(conventionId);
  const wanted = ref.trim();
  const byId = versions.find((v) => v.id === wanted);
  const byName = [...versions].filter((v) => v.name.trim() === wanted).sort((a, b) => b.at - a.at)[0];
  const info = byId ?? byName;
  const version = info ? await storage.getVersion(conventionId, info.id) : null;
  if (!version) {
    const names = versions.map((v) => `« ${v.name} »`).join(', ');
    throw new CtgError(
      'version_not_found',
      versions.length === 0
        ? `Version « ${wanted} » inconnue : cette convention n'a encore aucune version nommée.`
        : `Version « ${wanted} » inconnue. Versions enregistrées : ${names}.`,
    );
  }
  return version;
}

/** A document holding a version's full state. The caller destroys it. */
export function docOfState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** The convention as stored (checkpoint and log), without opening a room: what the CLI exports. */
export async function loadStoredDoc(storage: Storage, conventionId: string): Promise<Y.Doc> {
  if (!(await storage.getConvention(conventionId))) {
    const known = (await storage.listConventions()).map((c) => c.id);
    throw new CtgError(
      'convention_not_found',
      `Convention « ${conventionId} » inconnue dans ce dossier de données${known.length > 0 ? ` (conventions : ${known.join(', ')})` : ' (aucune convention)'} : vérifiez --convention et --data.`,
    );
  }
  const doc = new Y.Doc();
  replayStored(doc, await storage.load(conventionId));
  return doc;
}

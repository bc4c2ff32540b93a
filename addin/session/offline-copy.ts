// Where a session keeps its offline copy: one IndexedDB database per server, convention and person (party, access,
// name), so two links opened in one browser never share what one of them typed and the server did not take — a change
// refused under one access must not be sent again under another. A renewed link for the same person finds its copy.
// Earlier versions kept one copy per convention; an editor's session takes such a copy over once.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { Access } from './token.ts';

export interface CopyOwner {
  readonly party: string;
  readonly access: Access;
  readonly name: string;
}

export function offlineCopyName(server: string, conventionId: string, owner: CopyOwner): string {
  const place = [hostOf(server), conventionId, owner.party, owner.access, owner.name].map(encodeURIComponent).join('/');
  return `concerto:${place}`;
}

/** The copy earlier versions kept, shared by every link to the convention. */
export const legacyCopyName = (conventionId: string): string => `concerto:${conventionId}`;

/**
 * Moves what an earlier version's copy holds into `copy` (then sent to the server as this person's changes), and
 * deletes it. Only for an editor: what it holds would be refused under any other access, and stay in the copy.
 */
export async function takeOverLegacyCopy(conventionId: string, ydoc: Y.Doc, copy: IndexeddbPersistence): Promise<boolean> {
  const name = legacyCopyName(conventionId);
  if (typeof indexedDB.databases !== 'function') return false;
  const existing = await indexedDB.databases();
  if (!existing.some((db) => db.name === name)) return false;
  // The new copy stores what the document takes only once its database is open.
  await copy.whenSynced;
  if (ydoc.isDestroyed) return false;
  const legacy = new IndexeddbPersistence(name, ydoc);
  await legacy.whenSynced;
  if (ydoc.isDestroyed) return false;
  await legacy.clearData();
  return true;
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

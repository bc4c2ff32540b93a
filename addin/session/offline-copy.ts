// Where a session keeps its offline copy: one IndexedDB database per server, convention and person (party, access,
// name), so two links opened in one browser never share what one of them typed and the server did not take — a change
// refused under one access must not be sent again under another, nor one person's review acts under another's link.
// A renewed link for the same person finds its copy.
//
// Earlier versions kept one copy per convention (`concerto:<id>`), shared by every link opened in the browser. It is
// not read any more: what it holds could be anyone's, and sending it under this link would misattribute it (the server
// refuses review acts signed by someone else, which would mark this copy refused on its first opening).
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

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

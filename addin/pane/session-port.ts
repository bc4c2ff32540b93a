// The slice of a live convention session the task pane uses. ConventionSession fills it; tests pass a local fake.
import type * as Y from 'yjs';
import type { ConventionDoc } from '../../shared/index.ts';
import type { ConnectionState, Presence } from '../session/session.ts';
import type { Access } from '../session/token.ts';

export type { Access, ConnectionState, Presence };

/** The part of a y-protocols Awareness the pane listens to. */
export interface AwarenessLike {
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

export interface PaneSession {
  readonly ydoc: Y.Doc;
  readonly model: ConventionDoc;
  readonly identity: { readonly name: string; readonly party: string; readonly access: Access };
  readonly awareness: AwarenessLike;
  readonly connection: ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  presence(): Presence[];
  /** Says where this person is in the convention, as `<kind>:<id>` (null: nowhere in particular). */
  setWhere(where: string | null): void;
  /** Says whether this person presents (others may follow where they go). */
  setPresenting(presenting: boolean): void;
  /** Where the server's HTTP API is and the token to call it with (versions, history). */
  readonly endpoint: Endpoint;
}

export interface Endpoint {
  readonly server: string;
  readonly conventionId: string;
  readonly token: string;
}

// The session's connection state (connected, offline, syncing, refused; pending changes; problem), kept current.
import type { ConnectionState, PaneSession } from '../session-port.ts';
import { SessionController } from './session-controller.ts';

export class ConnectionController extends SessionController<ConnectionState> {
  protected override subscribe(session: PaneSession): () => void {
    this.receive(session.connection);
    return session.onConnection((state) => this.receive(state));
  }
}

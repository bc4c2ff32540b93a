// Who is in the convention right now, from the session's awareness, kept current.
import type { PaneSession, Presence } from '../session-port.ts';
import { SessionController } from './session-controller.ts';

export class PresenceController extends SessionController<Presence[]> {
  protected override subscribe(session: PaneSession): () => void {
    const update = () => this.receive(session.presence());
    update();
    session.awareness.on('change', update);
    return () => session.awareness.off('change', update);
  }
}

// The session and review context as the pane's forms see them once the server refused a change from this copy:
// read-only, for nothing more this copy holds could be stored (the status banner says so and offers to reload).
// Everything else — the document, presence, where this person is, the server's API — is the session's own.
import type { ReviewContext } from '../../shared/index.ts';
import type { PaneSession } from './session-port.ts';

const views = new WeakMap<PaneSession, PaneSession>();

/** The same session with `view` access; one object per session, so components do not see a new session each render. */
export function readOnlySession(session: PaneSession): PaneSession {
  let view = views.get(session);
  if (!view) {
    const identity = { ...session.identity, access: 'view' as const };
    view = {
      get ydoc() {
        return session.ydoc;
      },
      get model() {
        return session.model;
      },
      identity,
      get awareness() {
        return session.awareness;
      },
      get connection() {
        return session.connection;
      },
      onConnection: (listener) => session.onConnection(listener),
      presence: () => session.presence(),
      setWhere: (where) => session.setWhere(where),
      setPresenting: (presenting) => session.setPresenting(presenting),
      get endpoint() {
        return session.endpoint;
      },
    };
    views.set(session, view);
  }
  return view;
}

const contexts = new WeakMap<ReviewContext, ReviewContext>();

/** The same review context with `view` access (one object per context). */
export function readOnlyReview(ctx: ReviewContext): ReviewContext {
  let view = contexts.get(ctx);
  if (!view) {
    view = { ...ctx, access: 'view' };
    contexts.set(ctx, view);
  }
  return view;
}

// Base of the pane's controllers: follows the host element's lifecycle and its current session, subscribing to
// the session while both are there and unsubscribing when either goes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PaneSession } from '../session-port.ts';

export abstract class SessionController<T> implements ReactiveController {
  /** The latest value; null while there is no session. */
  value: T | null = null;
  private session: PaneSession | null = null;
  private connected = false;
  private unsubscribe: (() => void) | null = null;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows a new session (called by the element when its `session` property changes). */
  setSession(session: PaneSession | null): void {
    if (session === this.session) return;
    this.stop();
    this.session = session;
    if (this.connected) this.start();
  }

  hostConnected(): void {
    this.connected = true;
    this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  /** Reads the current value and subscribes to changes; returns the cleanup. */
  protected abstract subscribe(session: PaneSession): () => void;

  /** Stores a value that arrived and re-renders the host. */
  protected receive(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }

  private start(): void {
    if (!this.session || this.unsubscribe) return;
    this.unsubscribe = this.subscribe(this.session);
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.value = null;
  }
}

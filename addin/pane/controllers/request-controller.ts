// One asynchronous request an element shows by state — idle, pending, complete, failed. A newer request or the
// element leaving the page makes an older answer stale: it is dropped, never shown over the newer one.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type RequestState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'complete'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

export class RequestController<T> implements ReactiveController {
  state: RequestState<T> = { status: 'idle' };
  private run = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Runs `work`; resolves with its value, or null when it failed or went stale (the state says which). */
  async start(work: () => Promise<T>): Promise<T | null> {
    const run = ++this.run;
    this.set({ status: 'pending' });
    try {
      const value = await work();
      if (run !== this.run) return null;
      this.set({ status: 'complete', value });
      return value;
    } catch (error) {
      if (run === this.run) this.set({ status: 'failed', error });
      return null;
    }
  }

  reset(): void {
    this.run++;
    this.set({ status: 'idle' });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.state.status === 'pending') this.reset();
  }

  private set(state: RequestState<T>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

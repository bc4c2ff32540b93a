// A clock for relative times (« il y a 5 minutes »): asks its element to render again every `periodMs` while it is
// on the page, and stops when it leaves.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly periodMs = 60_000,
  ) {
    host.addController(this);
  }

  /** The time to measure from (ms since the epoch). */
  now(): number {
    return Date.now();
  }

  hostConnected(): void {
    this.timer ??= setInterval(() => this.host.requestUpdate(), this.periodMs);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

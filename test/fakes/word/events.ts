// The fake's content-control events: handlers registered per control (at a sync, like Office), delivered
// asynchronously with `{ eventType, ids, source }`. When events fire (per keystroke on the web, on leaving the
// control on desktop, never on undo, and for the add-in's own writes too) is decided by FakeWord and Person.
import type { FakeRequestContext } from './context.ts';

export type EventKind = 'ContentControlDataChanged' | 'ContentControlDeleted' | 'ContentControlSelectionChanged';
export type EventSource = 'Local' | 'Remote';

export interface EventArgs {
  eventType: EventKind;
  ids: number[];
  source: EventSource;
}

type Handler = (args: EventArgs) => Promise<unknown>;

interface Registration {
  kind: EventKind;
  controlId: number;
  handler: Handler;
}

export class EventRegistry {
  private readonly registrations = new Map<number, Registration>();
  private nextId = 1;
  private queue: Array<() => Promise<unknown>> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly failures: unknown[] = [];
  /** Every event fired, delivered or not (no handler), for tests to inspect. */
  readonly log: EventArgs[] = [];

  register(kind: EventKind, controlId: number, handler: Handler): number {
    const id = this.nextId++;
    this.registrations.set(id, { kind, controlId, handler });
    return id;
  }

  unregister(id: number): void {
    this.registrations.delete(id);
  }

  /** How many handlers are registered (per kind), to check an adapter cleans up. */
  count(kind?: EventKind): number {
    let n = 0;
    for (const r of this.registrations.values()) if (!kind || r.kind === kind) n++;
    return n;
  }

  fire(kind: EventKind, controlId: number, source: EventSource): void {
    const args: EventArgs = { eventType: kind, ids: [controlId], source };
    this.log.push(args);
    for (const r of this.registrations.values()) {
      if (r.kind !== kind || r.controlId !== controlId) continue;
      this.queue.push(() => r.handler({ ...args, ids: [...args.ids] }));
    }
    if (this.queue.length > 0 && !this.timer) this.timer = setTimeout(() => void this.deliver(), 0);
  }

  /** Delivers every queued event and waits for the handlers; rethrows the first handler failure. */
  async flush(): Promise<void> {
    while (this.queue.length > 0) await this.deliver();
    if (this.failures.length > 0) throw this.failures.splice(0)[0];
  }

  private async deliver(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    await Promise.all(batch.map((send) => send().catch((error: unknown) => this.failures.push(error))));
  }
}

export interface EventHandlerResultProxy {
  readonly context: FakeRequestContext;
  remove(): void;
}

export class EventHandlersProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly events: EventRegistry,
    private readonly kind: EventKind,
    private readonly controlId: () => number,
  ) {}

  /** Registers at the next sync (one round trip, like Office's event registration). */
  add(handler: Handler): EventHandlerResultProxy {
    let registration: number | null = null;
    this.context.enqueue(() => {
      registration = this.events.register(this.kind, this.controlId(), handler);
    });
    return {
      context: this.context,
      remove: () =>
        this.context.enqueue(() => {
          if (registration !== null) this.events.unregister(registration);
        }),
    };
  }
}


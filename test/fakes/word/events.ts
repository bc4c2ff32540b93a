// The fake's content-control events: handlers registered per control (at a sync, like Office), delivered
// asynchronously with `{ eventType, ids, source }`. When events fire (per keystroke on the web, on leaving the
// control on desktop, never on undo, and for the add-in's own writes too) is decided by FakeWord and Person.
import { OfficeEventRegistry } from '../office/events.ts';
import type { FakeRequestContext } from './context.ts';

export type EventKind = 'ContentControlDataChanged' | 'ContentControlDeleted' | 'ContentControlSelectionChanged';
export type EventSource = 'Local' | 'Remote';

export interface EventArgs {
  eventType: EventKind;
  ids: number[];
  source: EventSource;
}

type Handler = (args: EventArgs) => Promise<unknown>;

export class EventRegistry extends OfficeEventRegistry<EventKind, number, EventArgs> {
  fire(kind: EventKind, controlId: number, source: EventSource): void {
    this.dispatch(kind, controlId, { eventType: kind, ids: [controlId], source });
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


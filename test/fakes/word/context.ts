// The fake request context and proxy base: calls are queued and only run at `context.sync()`, in order; a scalar
// property can be read only after it was `load`ed and synced (or set locally), otherwise it throws
// PropertyNotLoaded as Office does. Each sync with something queued is one round trip.
import { ErrorCodes, FakeOfficeError, propertyNotLoaded } from './errors.ts';

export interface Batcher {
  /** Runs one queued batch against the document (counts the round trip, fires the events it causes). */
  execute(actions: Array<() => void>): Promise<void>;
}

export class FakeRequestContext {
  private queue: Array<() => void> = [];
  /** Set by the proxies module: the document proxy of this context. */
  document!: unknown;

  constructor(private readonly batcher: Batcher) {}

  enqueue(action: () => void): void {
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sends what is queued; with nothing queued Office does not go to the host, and neither does the fake. */
  async sync(): Promise<void> {
    const actions = this.queue.splice(0);
    if (actions.length === 0) return;
    await this.batcher.execute(actions);
  }

  readonly trackedObjects = { add: (_: unknown) => undefined, remove: (_: unknown) => undefined };
}

import { loadNames } from '../office/errors.ts';

export { loadNames };

/**
 * A proxy: resolves its target lazily, during the sync that first uses it, like Office's object paths. The
 * target of an `…OrNullObject` proxy may be missing: `isNullObject` says so once loaded, and any call on it fails.
 */
export abstract class ClientObject<T> {
  protected readonly values = new Map<string, unknown>();
  private resolved: { target: T | null } | null = null;
  protected abstract readonly scalars: readonly string[];

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
    protected readonly entity: string,
  ) {}

  /** The live target; call only from a queued action. */
  target(): T {
    if (!this.resolved) this.resolved = { target: this.resolver() };
    if (this.resolved.target === null) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested ${this.entity} does not exist.`);
    return this.resolved.target;
  }

  private nullable(): T | null {
    if (!this.resolved) this.resolved = { target: this.resolver() };
    return this.resolved.target;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  protected get<V>(name: string): V {
    if (!this.values.has(name)) throw propertyNotLoaded(this.entity, name);
    return this.values.get(name) as V;
  }

  /** Setting a property queues the change and, as in Office, makes the value readable locally. */
  protected set(name: string, value: unknown, apply: (target: T) => void): void {
    this.values.set(name, value);
    this.context.enqueue(() => apply(this.target()));
  }

  protected queue(action: (target: T) => void): void {
    this.context.enqueue(() => action(this.target()));
  }

  protected abstract read(target: T, name: string): unknown;

  load(names?: string | string[] | { select?: string; expand?: string }): this {
    const wanted = loadNames(names, this.scalars);
    this.context.enqueue(() => this.loadNow(wanted));
    return this;
  }

  /** Copies the target's properties into the proxy; only from a queued action (a collection loading its items). */
  loadNow(names: readonly string[]): void {
    const target = this.nullable();
    this.values.set('isNullObject', target === null);
    if (target !== null) for (const name of names) this.values.set(name, this.read(target, name));
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

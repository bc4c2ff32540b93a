// The fake request context and proxy base: calls are queued and only run at `context.sync()`, in order; a scalar
// property can be read only after it was `load`ed and synced (or set locally), otherwise it throws
// PropertyNotLoaded as Office does. Each sync with something queued is one round trip, whose request and response
// sizes are measured against Excel on the web's payload limit.
import { ErrorCodes, FakeOfficeError, propertyNotLoaded } from './errors.ts';

export interface Queued {
  run: () => number | undefined;
  /** Estimated bytes this call adds to the request (its arguments). */
  bytes: number;
}

export interface Batcher {
  /** Runs one queued batch (one round trip); each call may return the bytes it adds to the response. */
  execute(queue: Queued[], flags: { suspendCalculation: boolean; suspendScreen: boolean }): Promise<void>;
}

export class FakeRequestContext {
  private queue: Queued[] = [];
  readonly flags = { suspendCalculation: false, suspendScreen: false };
  readonly trackedObjects = { add: (_: unknown) => undefined, remove: (_: unknown) => undefined };

  constructor(private readonly batcher: Batcher) {}

  enqueue(run: () => number | undefined, bytes = 64): void {
    this.queue.push({ run, bytes });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sends what is queued; with nothing queued Office does not go to the host, and neither does the fake. */
  async sync(): Promise<void> {
    const queue = this.queue.splice(0);
    const flags = { ...this.flags };
    this.flags.suspendCalculation = false;
    this.flags.suspendScreen = false;
    if (queue.length === 0) return;
    await this.batcher.execute(queue, flags);
  }
}

import { loadNames } from '../office/errors.ts';

export { loadNames };

/**
 * A proxy: resolves its target lazily, in the sync that first uses it, like Office's object paths. The target of
 * an `…OrNullObject` proxy may be missing: `isNullObject` says so once loaded, and any other call on it fails.
 */
export abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved: { target: T | null } | null = null;
  protected abstract readonly scalars: readonly string[];

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
    protected readonly entity: string,
  ) {}

  /** The live target; call only from a queued action. */
  target(): T {
    const target = this.nullable();
    if (target === null) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested ${this.entity} does not exist.`, { errorLocation: this.entity });
    return target;
  }

  protected nullable(): T | null {
    if (!this.resolved) this.resolved = { target: this.resolver() };
    return this.resolved.target;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  /** An `…OrNullObject` proxy: as in Office, the next sync tells whether it exists, without a load. */
  nullable$(): this {
    this.context.enqueue(() => {
      this.loaded.set('isNullObject', this.nullable() === null);
      return 8;
    });
    return this;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(this.entity, name);
    return this.loaded.get(name) as V;
  }

  /** Setting a property queues the change and, as in Office, makes the value readable locally. */
  protected set(name: string, value: unknown, apply: (target: T) => void, bytes = 64): void {
    this.loaded.set(name, value);
    this.context.enqueue(() => {
      apply(this.target());
      return undefined;
    }, bytes);
  }

  protected queue(action: (target: T) => void, bytes = 64): void {
    this.context.enqueue(() => {
      action(this.target());
      return undefined;
    }, bytes);
  }

  protected abstract read(target: T, name: string): unknown;

  load(names?: string | string[]): this {
    const wanted = loadNames(names, this.scalars);
    this.context.enqueue(() => this.loadNow(wanted));
    return this;
  }

  /** Copies the target's properties into the proxy; returns the response bytes. */
  loadNow(names: readonly string[]): number {
    const target = this.nullable();
    this.loaded.set('isNullObject', target === null);
    let bytes = 16;
    if (target !== null) {
      for (const name of names) {
        const value = this.read(target, name);
        this.loaded.set(name, value);
        bytes += JSON.stringify(value ?? null).length + name.length;
      }
    }
    return bytes;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

export const jsonBytes = (value: unknown): number => JSON.stringify(value).length;

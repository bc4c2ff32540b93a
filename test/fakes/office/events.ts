// The fakes' event plumbing, shared by Word and Excel: handlers registered per owner (a content control, a
// worksheet, a table), events delivered asynchronously after the change (a copy of the arguments each), every
// event logged for tests, and `flush` to wait for the handlers.
type Handler<Args> = (args: Args) => Promise<unknown>;

interface Registration<Kind, Owner, Args> {
  kind: Kind;
  owner: Owner;
  handler: Handler<Args>;
}

export class OfficeEventRegistry<Kind extends string, Owner, Args> {
  private readonly registrations = new Map<number, Registration<Kind, Owner, Args>>();
  private nextId = 1;
  private queue: Array<() => Promise<unknown>> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly failures: unknown[] = [];
  /** Every event fired, delivered or not (no handler), for tests to inspect. */
  readonly log: Args[] = [];

  register(kind: Kind, owner: Owner, handler: Handler<Args>): number {
    const id = this.nextId++;
    this.registrations.set(id, { kind, owner, handler });
    return id;
  }

  unregister(id: number): void {
    this.registrations.delete(id);
  }

  /** How many handlers are registered (per kind), to check an adapter cleans up. */
  count(kind?: Kind): number {
    let n = 0;
    for (const r of this.registrations.values()) if (!kind || r.kind === kind) n++;
    return n;
  }

  protected dispatch(kind: Kind, owner: Owner, args: Args): void {
    this.log.push(args);
    for (const r of this.registrations.values()) {
      if (r.kind !== kind || r.owner !== owner) continue;
      this.queue.push(() => r.handler(structuredClone(args)));
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

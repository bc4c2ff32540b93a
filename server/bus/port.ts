// The bus port: how server instances sharing one storage tell each other about stored updates and presence.
// In-process (memory.ts) or Redis pub/sub (redis.ts). A message is only published once what it carries is durable.
// Delivery is best effort: a lost message is repaired by the `state` exchange (sync/resync.ts).

export type BusMessage =
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  /**
   * "Here is what I hold": the sender's state vector and a digest of its delete set. Whoever holds more answers
   * with an `update` (the diff); a first `state` (not `reply`) is also answered with the receiver's own `state`.
   */
  | {
      readonly kind: 'state';
      readonly stateVector: Uint8Array;
      readonly deleteDigest: Uint8Array;
      readonly reply: boolean;
    };

export type BusListener = (message: BusMessage, from: string) => void;

export interface Bus {
  /** `from` is the publishing instance's id. */
  publish(conventionId: string, message: BusMessage, from: string): void;
  /**
   * Listens as `instanceId`, which never receives its own messages. `onReady` runs once the subscription is live and
   * again after every reconnection (messages may have been missed meanwhile). Returns the unsubscribe function.
   */
  subscribe(conventionId: string, instanceId: string, listener: BusListener, onReady?: () => void): () => void;
  close(): Promise<void>;
}

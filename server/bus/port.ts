// The bus port: how server instances sharing one storage tell each other about stored updates and presence.
// In-process now (memory.ts); Redis later. A message is only published once its update is durable.

export type BusMessage =
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array };

export type BusListener = (message: BusMessage, from: string) => void;

export interface Bus {
  /** `from` is the publishing instance's id. */
  publish(conventionId: string, message: BusMessage, from: string): void;
  /** Listens as `instanceId`, which never receives its own messages. Returns the unsubscribe function. */
  subscribe(conventionId: string, instanceId: string, listener: BusListener): () => void;
  close(): Promise<void>;
}

// Counters of the sync layer, read by GET /metrics. Plain numbers: the HTTP side renders them as Prometheus text.

export class SyncMetrics {
  /** Frames received from clients, and their bytes. */
  messages = 0;
  messageBytes = 0;
  /** Updates accepted into a document (doc `update` events from clients or the server itself). */
  updates = 0;
  updateBytes = 0;
  /** Updates committed to storage. */
  storedUpdates = 0;
  storedBytes = 0;
  storageFailures = 0;
  permissionDenied = 0;
  /** Upgrades refused, by error code. */
  readonly refused = new Map<string, number>();
  /** Connections closed by the server, by close code. */
  readonly closed = new Map<number, number>();
  conventionsLoaded = 0;
  conventionsUnloaded = 0;
  compactions = 0;

  count(map: Map<string, number>, key: string): void;
  count(map: Map<number, number>, key: number): void;
  count<K>(map: Map<K, number>, key: K): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
}

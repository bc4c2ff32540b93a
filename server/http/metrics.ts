// GET /metrics: the sync counters and gauges in the Prometheus text exposition format (version 0.0.4).
import type { SyncMetrics } from '../sync/metrics.ts';

export interface Gauges {
  readonly connections: number;
  readonly openConventions: number;
  readonly uptimeSeconds: number;
}

type Sample = readonly [labels: Record<string, string | number>, value: number];

export function renderMetrics(metrics: SyncMetrics, gauges: Gauges): string {
  const lines: string[] = [];
  const family = (name: string, type: 'gauge' | 'counter', help: string, samples: readonly Sample[]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) {
      const rendered = Object.entries(labels).map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '_')}"`);
      lines.push(`${name}${rendered.length > 0 ? `{${rendered.join(',')}}` : ''} ${value}`);
    }
  };
  const one = (value: number): Sample[] => [[{}, value]];
  const byKey = <K extends string | number>(map: Map<K, number>, label: string): Sample[] =>
    [...map].map(([key, value]) => [{ [label]: key }, value]);

  family('ctg_connections', 'gauge', 'Open WebSocket sync connections.', one(gauges.connections));
  family('ctg_open_conventions', 'gauge', 'Conventions loaded in memory.', one(gauges.openConventions));
  family('ctg_messages_total', 'counter', 'Frames received from clients.', one(metrics.messages));
  family('ctg_message_bytes_total', 'counter', 'Bytes of frames received from clients.', one(metrics.messageBytes));
  family('ctg_updates_total', 'counter', 'Document updates accepted.', one(metrics.updates));
  family('ctg_update_bytes_total', 'counter', 'Bytes of document updates accepted.', one(metrics.updateBytes));
  family('ctg_stored_updates_total', 'counter', 'Updates committed to storage.', one(metrics.storedUpdates));
  family('ctg_stored_bytes_total', 'counter', 'Bytes of updates committed to storage.', one(metrics.storedBytes));
  family('ctg_storage_failures_total', 'counter', 'Write batches that failed.', one(metrics.storageFailures));
  family('ctg_permission_denied_total', 'counter', 'Updates refused for lack of rights.', one(metrics.permissionDenied));
  family('ctg_upgrades_refused_total', 'counter', 'WebSocket upgrades refused.', byKey(metrics.refused, 'code'));
  family('ctg_connections_closed_total', 'counter', 'Connections closed by the server.', byKey(metrics.closed, 'code'));
  family('ctg_conventions_loaded_total', 'counter', 'Conventions loaded into memory.', one(metrics.conventionsLoaded));
  family('ctg_conventions_unloaded_total', 'counter', 'Idle conventions unloaded.', one(metrics.conventionsUnloaded));
  family('ctg_compactions_total', 'counter', 'Background compactions done.', one(metrics.compactions));
  family('process_resident_memory_bytes', 'gauge', 'Resident memory.', one(process.memoryUsage.rss()));
  family('process_uptime_seconds', 'gauge', 'Seconds since the server started.', one(gauges.uptimeSeconds));
  return `${lines.join('\n')}\n`;
}

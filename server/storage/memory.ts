// In-memory adapter of the storage port, for tests and throwaway servers: same contract as SQLite, nothing on disk.
import type {
  Checkpoint,
  ConventionRecord,
  Storage,
  StoredUpdate,
  UpdateInput,
  Version,
  VersionInfo,
} from './port.ts';

export function createMemoryStorage(): Storage {
  const conventions = new Map<string, ConventionRecord>();
  let log: StoredUpdate[] = [];
  const checkpoints = new Map<string, Checkpoint>();
  const versions: Version[] = [];
  let seq = 0;
  const append = (u: UpdateInput) => {
    log.push({ ...u, update: u.update.slice(), seq: ++seq, until: u.at, count: 1 });
  };
  const logOf = (id: string, afterSeq = 0) => log.filter((u) => u.conventionId === id && u.seq > afterSeq);
  const info = ({ state: _state, ...rest }: Version): VersionInfo => rest;

  return {
    async createConvention(record, initial) {
      if (conventions.has(record.id)) return false;
      conventions.set(record.id, record);
      append(initial);
      return true;
    },
    async getConvention(id) {
      return conventions.get(id) ?? null;
    },
    async listConventions() {
      return [...conventions.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    async load(id) {
      const checkpoint = checkpoints.get(id) ?? null;
      return { checkpoint, updates: logOf(id, checkpoint?.seq ?? 0) };
    },
    async appendUpdates(updates) {
      for (const u of updates) append(u);
    },
    appendNow(updates) {
      for (const u of updates) append(u);
    },
    async readLog(id, options) {
      const rows = logOf(id, options?.afterSeq ?? 0);
      return options?.limit === undefined ? rows : rows.slice(0, options.limit);
    },
    async lastSeq(id) {
      return logOf(id).at(-1)?.seq ?? 0;
    },
    async saveCheckpoint(id, checkpoint) {
      checkpoints.set(id, { seq: checkpoint.seq, state: checkpoint.state.slice() });
    },
    async mergeLog(merges) {
      for (const m of merges) {
        log = log.filter((u) => !(u.conventionId === m.conventionId && u.seq >= m.fromSeq && u.seq <= m.toSeq));
        const { fromSeq: _from, toSeq, ...row } = m;
        log.push({ ...row, seq: toSeq });
      }
      log.sort((a, b) => a.seq - b.seq);
    },
    async saveVersion(version) {
      if (versions.some((v) => v.conventionId === version.conventionId && v.id === version.id)) {
        throw new Error(`version ${version.id} déjà enregistrée`);
      }
      versions.push(version);
    },
    async listVersions(id) {
      return versions.filter((v) => v.conventionId === id).map(info);
    },
    async getVersion(id, versionId) {
      return versions.find((v) => v.conventionId === id && v.id === versionId) ?? null;
    },
    async close() {},
  };
}

// The `ctg` command line: `ctg serve` runs the sync server, `ctg token` prints one signed token and nothing else,
// `ctg export` writes a convention (or a named version) as .docx, .xlsx, PDF or JSON from the data folder.
// Messages are in French; usage errors exit 2, other failures 1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Y from 'yjs';
import { parseDuration } from './auth/duration.ts';
import { loadSecret } from './auth/secret.ts';
import { type ClaimsInput, hs256Auth } from './auth/tokens.ts';
import { CtgError } from './errors.ts';
import { exportDocument, STEP_LABELS } from './export/export.ts';
import { EXPORT_FORMATS, isExportFormat } from './export/formats.ts';
import { ConversionFailed, LibreOfficeMissing, libreOfficeConverter } from './export/libreoffice.ts';
import { docOfState, findVersion, loadStoredDoc } from './export/source.ts';
import { CONVENTION_ID } from './http/input.ts';
import { jsonLogger } from './log.ts';
import { ACCESS_LEVELS } from './protocol/session.ts';
import { redact, StartupError, startServer } from './server.ts';
import type { Storage } from './storage/port.ts';
import { openPostgresStorage } from './storage/postgres.ts';
import { openSqliteStorage } from './storage/sqlite.ts';

const USAGE = `Utilisation :
  ctg serve [--port 8787] [--host 127.0.0.1] [--data ./data] [--tls-cert FICHIER --tls-key FICHIER]
            [--db postgres://… (ou DATABASE_URL)] [--redis redis://… (ou REDIS_URL)]
            [--public-url https://… (ou CTG_PUBLIC_URL : l’adresse publique, derrière un répartiteur de charge)]
  ctg token --convention ID --party PARTIE --access edit|comment|view [--name NOM] [--ttl 12h] [--data DOSSIER]
  ctg token --admin [--name NOM] [--ttl 12h] [--data DOSSIER]
  ctg export --convention ID --format docx|xlsx|pdf|json [--version NOM] [-o FICHIER] [--data DOSSIER | --db postgres://…]`;

/** How long the admin link printed on first start stays valid. */
const FIRST_ADMIN_TTL = 30 * 86_400;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

/** Runs one command; resolves to the exit code, or null when the process must keep running (serve). */
export async function main(argv: string[], io: Io = stdio): Promise<number | null> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest, io);
      case 'token':
        return await token(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Commande inconnue : « ${command} ».`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof StartupError || error instanceof CtgError || error instanceof LibreOfficeMissing || error instanceof ConversionFailed) {
      io.err(error.message);
      return 1;
    }
    io.err(`Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Runs node:util parseArgs, turning its errors (unknown option, missing value) into usage errors. */
function parsed<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function serve(args: string[], io: Io): Promise<number | null> {
  const { values } = parsed(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: './data' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        db: { type: 'string' },
        redis: { type: 'string' },
        'public-url': { type: 'string' },
      },
    }),
  );
  const shared = sharedServices(values.db ?? process.env.DATABASE_URL, values.redis ?? process.env.REDIS_URL);
  const publicUrl = (values['public-url'] || process.env.CTG_PUBLIC_URL || '').replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new UsageError(`Adresse publique invalide : « ${publicUrl} ».`);
  const redisPrefix = process.env.CTG_REDIS_PREFIX || undefined;
  const port = Number(values.port);
  const tls = readTls(values['tls-cert'], values['tls-key']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`Port invalide : « ${values.port} ».`);
  const dataDir = resolve(values.data);
  let firstStart = !shared.databaseUrl && !existsSync(join(dataDir, 'ctg.sqlite'));
  const server = await startServer({
    port,
    host: values.host,
    dataDir,
    log: jsonLogger(),
    ...(tls ? { tls } : {}),
    ...shared,
    ...(publicUrl ? { publicUrl } : {}),
    ...(redisPrefix ? { redisPrefix } : {}),
  });
  if (shared.databaseUrl) firstStart = (await server.storage.listConventions()).length === 0;
  // One write, so whoever reads the first line has the whole block.
  const lines = [
    `Concerto écoute sur ${server.url}`,
    `  Synchronisation : ${server.url.replace(/^http/, 'ws')}/sync/<convention>?token=<jeton>`,
    shared.databaseUrl ? `  Données : PostgreSQL ${redact(shared.databaseUrl)}` : `  Données : ${dataDir}`,
  ];
  if (shared.redisUrl) lines.push(`  Bus entre instances : Redis ${redact(shared.redisUrl)}`);
  if (firstStart) {
    const admin = await server.auth.issue({ kind: 'admin', name: 'Administrateur' }, FIRST_ADMIN_TTL);
    lines.push(
      'Premier démarrage : lien administrateur (valable 30 jours) :',
      `  ${publicUrl ?? server.url}/?token=${admin}`,
      '  (autres jetons : ctg token --admin, ctg token --convention … --party … --access …)',
    );
  }
  io.out(lines.join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    io.err(`${signal} reçu : arrêt propre (écritures en attente, puis fermeture des connexions).`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        io.err(`Arrêt incomplet : ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return null;
}

/** PostgreSQL and Redis for several instances: Redis only makes sense with a shared database. */
function sharedServices(db: string | undefined, redis: string | undefined): { databaseUrl?: string; redisUrl?: string } {
  const databaseUrl = db || undefined;
  const redisUrl = redis || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError(`--db attend une adresse postgres://… (reçu « ${redact(databaseUrl)} »).`);
  }
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new UsageError('--redis attend une adresse redis://… ou rediss://….');
  if (redisUrl && !databaseUrl) {
    throw new UsageError('--redis relie des instances qui partagent une base : il faut aussi --db postgres://… (ou DATABASE_URL).');
  }
  return { ...(databaseUrl ? { databaseUrl } : {}), ...(redisUrl ? { redisUrl } : {}) };
}

/** Reads the TLS certificate and key (both or neither), with a message that says which file is the problem. */
function readTls(certPath: string | undefined, keyPath: string | undefined): { cert: Buffer; key: Buffer } | null {
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath) throw new UsageError('--tls-cert et --tls-key vont ensemble (certificat et clé au format PEM).');
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch {
      throw new UsageError(`Impossible de lire ${what} « ${path} » (npm run dev-certs en crée un pour localhost).`);
    }
  };
  return { cert: read(certPath, 'le certificat'), key: read(keyPath, 'la clé') };
}

async function token(args: string[], io: Io): Promise<number> {
  const { values } = parsed(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        admin: { type: 'boolean', default: false },
        convention: { type: 'string' },
        party: { type: 'string' },
        access: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string', default: '12h' },
        data: { type: 'string', default: './data' },
      },
    }),
  );
  const ttl = parseDuration(values.ttl);
  if (ttl === null) throw new UsageError(`Durée invalide : « ${values.ttl} » (exemples : 12h, 7d, 30m).`);
  let claims: ClaimsInput;
  if (values.admin) {
    if (values.convention || values.party || values.access) {
      throw new UsageError('--admin ne se combine pas avec --convention, --party ou --access.');
    }
    claims = { kind: 'admin', name: values.name ?? 'Administrateur' };
  } else {
    const { convention, party, access } = values;
    if (!convention || !party || !access) throw new UsageError('Il faut --convention, --party et --access (ou --admin).');
    if (!CONVENTION_ID.test(convention)) throw new UsageError(`Identifiant de convention invalide : « ${convention} ».`);
    const level = ACCESS_LEVELS.find((a) => a === access);
    if (!level) throw new UsageError(`Accès invalide : « ${access} » (edit, comment ou view).`);
    claims = { kind: 'participant', convention, party, access: level, name: values.name ?? party };
  }
  const dataDir = resolve(values.data);
  mkdirSync(dataDir, { recursive: true });
  const auth = hs256Auth(loadSecret(dataDir).secret);
  io.out(await auth.issue(claims, ttl));
  return 0;
}

/**
 * `ctg export`: reads the SQLite file under --data directly (a running server may keep serving it: WAL), or the
 * PostgreSQL database of `--db` / DATABASE_URL, as `ctg serve` does.
 */
async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parsed(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        convention: { type: 'string' },
        format: { type: 'string' },
        version: { type: 'string' },
        output: { type: 'string', short: 'o' },
        data: { type: 'string', default: './data' },
        db: { type: 'string' },
      },
    }),
  );
  const { convention, format } = values;
  if (!convention || !format) throw new UsageError('Il faut --convention et --format.');
  if (!CONVENTION_ID.test(convention)) throw new UsageError(`Identifiant de convention invalide : « ${convention} ».`);
  if (!isExportFormat(format)) throw new UsageError(`Format invalide : « ${format} » (${EXPORT_FORMATS.join(', ')}).`);
  const { databaseUrl } = sharedServices(values.db ?? process.env.DATABASE_URL, undefined);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const storage = await openExportStorage(databaseUrl, resolve(values.data));
  const converter = libreOfficeConverter();
  let doc: Y.Doc | null = null;
  try {
    // The live document is loaded even for a version: it checks the convention exists, with a helpful message.
    doc = await loadStoredDoc(storage, convention);
    let version: { name: string; at: string } | undefined;
    if (values.version) {
      const found = await findVersion(storage, convention, values.version);
      doc.destroy();
      doc = docOfState(found.state);
      version = { name: found.name, at: new Date(found.at).toISOString() };
    }
    const result = await exportDocument(doc, {
      conventionId: convention,
      format,
      converter,
      ...(version ? { version } : {}),
      onProgress: (step) => io.err(`${STEP_LABELS[step].fr} (${elapsed()})`),
    });
    const output = resolve(values.output ?? result.fileName);
    writeFileSync(output, result.bytes);
    io.out(`Écrit : ${output} (${Math.max(1, Math.round(result.bytes.length / 1024))} Ko, ${elapsed()})`);
    return 0;
  } finally {
    doc?.destroy();
    await converter.close?.();
    await storage.close();
  }
}

/** The store `ctg export` reads: PostgreSQL when given, else the SQLite file of the data folder. */
async function openExportStorage(databaseUrl: string | undefined, dataDir: string): Promise<Storage> {
  if (databaseUrl) {
    try {
      return await openPostgresStorage({ url: databaseUrl, max: 2 });
    } catch (error) {
      throw new StartupError('database_unreachable', `PostgreSQL injoignable ou refusé (${redact(databaseUrl)}) : ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
    }
  }
  const file = join(dataDir, 'ctg.sqlite');
  if (!existsSync(file)) throw new UsageError(`Aucune donnée Concerto dans « ${dataDir} » (ctg.sqlite absent) : indiquez le dossier avec --data (ou --db).`);
  return openSqliteStorage({ path: file });
}

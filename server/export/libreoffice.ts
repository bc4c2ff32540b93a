// The document-conversion port (a .docx to PDF) and its LibreOffice adapter: finds `soffice`, runs it headless on
// a temporary folder with its own profile, one conversion at a time (a few more wait; past that, the server is busy),
// kills the whole process group on timeout, and says how to install it when it is missing.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Converted {
  name: string;
  bytes: Buffer;
}

export interface Converter {
  /** Converts `input` (named `fileName`, e.g. `convention.docx`) with a LibreOffice filter such as `pdf`. */
  convert(input: Buffer, fileName: string, target: string): Promise<Converted[]>;
  /** Removes what the adapter keeps between conversions (LibreOffice's profile folder). */
  close?(): Promise<void>;
}

export const INSTALL_HINT =
  'LibreOffice est nécessaire pour produire un PDF et n’est pas installé sur le serveur. Installez-le (Debian/Ubuntu : « sudo apt-get install libreoffice-writer-nogui » ; macOS : « brew install --cask libreoffice » ; Windows : https://fr.libreoffice.org/download), ou indiquez le chemin de « soffice » dans la variable CTG_SOFFICE, puis relancez l’export. Les formats .docx, .xlsx et JSON restent disponibles sans LibreOffice.';

/** LibreOffice is not installed: the message says how to install it. */
export class LibreOfficeMissing extends Error {
  override readonly name = 'LibreOfficeMissing';
  constructor() {
    super(INSTALL_HINT);
  }
}

/** A conversion that ran and failed (a corrupt document, a timeout). */
export class ConversionFailed extends Error {
  override readonly name = 'ConversionFailed';
}

/** Too many conversions already waiting: the caller says to try again later. */
export class ConverterBusy extends Error {
  override readonly name = 'ConverterBusy';
  constructor() {
    super('Trop de conversions PDF en attente sur le serveur : réessayez dans quelques minutes, ou exportez en .docx.');
  }
}

const CANDIDATES = ['soffice', 'libreoffice'];
const WELL_KNOWN = ['/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe', '/opt/libreoffice/program/soffice'];

/** The soffice executable: CTG_SOFFICE, then `soffice`/`libreoffice` on the PATH, then the usual places; or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const runnable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env.CTG_SOFFICE) return runnable(env.CTG_SOFFICE) ? env.CTG_SOFFICE : null;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of CANDIDATES) for (const suffix of process.platform === 'win32' ? ['.exe', ''] : ['']) if (runnable(join(dir, name + suffix))) return join(dir, name + suffix);
  return WELL_KNOWN.find(runnable) ?? null;
}

export interface LibreOfficeOptions {
  /** Path of soffice (default: found by findSoffice when a conversion is asked for). */
  soffice?: string | null;
  timeoutMs?: number;
  /** Conversions running or waiting at most (default 4); more are refused with ConverterBusy. */
  maxQueued?: number;
}

/** The adapter. Conversions are queued: LibreOffice is heavy and shares one profile folder per process. */
export function libreOfficeConverter(options: LibreOfficeOptions = {}): Converter {
  let queue: Promise<unknown> = Promise.resolve();
  let queued = 0;
  let profile: string | null = null;
  const run = async (input: Buffer, fileName: string, target: string): Promise<Converted[]> => {
    const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
    if (!soffice) throw new LibreOfficeMissing();
    profile ??= await mkdtemp(join(tmpdir(), 'concerto-lo-profile-'));
    const work = await mkdtemp(join(tmpdir(), 'concerto-convert-'));
    try {
      const source = join(work, fileName);
      const out = join(work, 'out');
      await mkdir(out);
      await writeFile(source, input);
      const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--convert-to', target, '--outdir', out, source];
      await runSoffice(soffice, args, options.timeoutMs ?? 120_000);
      const names = (await readdir(out)).sort();
      if (names.length === 0) throw new ConversionFailed('LibreOffice n’a produit aucun fichier : le document est peut-être endommagé.');
      return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(out, name)) })));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
  return {
    convert(input, fileName, target) {
      if (queued >= (options.maxQueued ?? 4)) return Promise.reject(new ConverterBusy());
      queued++;
      const next = queue.then(() => run(input, fileName, target)).finally(() => queued--);
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      if (profile) await rm(profile, { recursive: true, force: true });
      profile = null;
    },
  };
}

/**
 * Runs soffice in a process group of its own: on timeout the whole group is killed, the `soffice.bin` it starts
 * included (killing only the launcher would leave it running, holding the profile).
 */
function runSoffice(soffice: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(soffice, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ConversionFailed(`La conversion par LibreOffice a échoué (${error.message}).`, { cause: error }));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new ConversionFailed('La conversion par LibreOffice a échoué (délai dépassé).'));
      else if (code === 0) resolve();
      else reject(new ConversionFailed(`La conversion par LibreOffice a échoué (${stderr.trim() || `code ${code ?? signal}`}).`));
    });
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
  } catch (error) {
    // reason: ESRCH — the group is gone already, which is what killing it was for.
    if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
  }
}

/** A .docx as PDF bytes. */
export async function docxToPdf(converter: Converter, docx: Buffer): Promise<Buffer> {
  const [pdf] = await converter.convert(docx, 'convention.docx', 'pdf');
  if (!pdf) throw new ConversionFailed('LibreOffice n’a produit aucun PDF.');
  return pdf.bytes;
}

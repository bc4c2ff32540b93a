// The versioned JSON file of a whole convention (`concerto-ctg/1`): export a Y.Doc to it, and import it (or the
// domain team's sample format) into an empty Y.Doc. Import is all or nothing: it is built in a scratch document
// first, so a bad file gives a clear error and changes nothing.
import * as Y from 'yjs';
import { ConventionDoc } from '../doc/convention-doc.ts';
import { ModelError } from '../doc/errors.ts';
import { isValidId } from '../ids.ts';
import { ENTITY_KINDS, ENTITY_SPECS, type SingletonData } from '../layout.ts';
import { readSnapshot } from '../snapshot.ts';
import type { ConventionSnapshot, EntityKind } from '../types.ts';
import { fromSampleFormat, SAMPLE_FORMAT } from './sample-format.ts';

export const CONVENTION_FORMAT = 'concerto-ctg/1';

export interface ConventionFile {
  format: typeof CONVENTION_FORMAT;
  convention: ConventionSnapshot;
}

/** Keys of snapshot nodes that are derived on read, not stored. */
const DERIVED_KEYS = new Set(['attached']);

export function exportConventionJson(ydoc: Y.Doc): ConventionFile {
  const convention = readSnapshot(ydoc);
  for (const thread of convention.threads) delete (thread as Partial<typeof thread>).attached;
  return { format: CONVENTION_FORMAT, convention };
}

/** Imports a convention file (or the sample format) into an empty document, atomically. */
export function importConventionJson(ydoc: Y.Doc, file: unknown): void {
  const target = new ConventionDoc(ydoc);
  if (!target.isEmpty())
    throw new ModelError('not-empty', "Import impossible : ce document contient déjà une convention. Importez dans une nouvelle convention.", 'Cannot import: this document already holds a convention. Import into a new convention.');
  const snapshot = snapshotFromFile(file);
  const scratch = new Y.Doc();
  writeSnapshot(new ConventionDoc(scratch), snapshot);
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(scratch), target.origin);
}

function snapshotFromFile(file: unknown): ConventionSnapshot {
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    throw new ModelError('bad-file', "Le fichier n'est pas une convention au format JSON.", 'The file is not a convention in JSON format.');
  const record = file as Record<string, unknown>;
  if (record.schema === SAMPLE_FORMAT) return fromSampleFormat(record);
  if (record.format !== CONVENTION_FORMAT)
    throw new ModelError(
      'bad-format',
      `Format de fichier non reconnu (« ${String(record.format ?? record.schema)} ») : attendu « ${CONVENTION_FORMAT} ».`,
      `Unrecognised file format ("${String(record.format ?? record.schema)}"): expected "${CONVENTION_FORMAT}".`,
    );
  const convention = record.convention;
  if (typeof convention !== 'object' || convention === null)
    throw new ModelError('bad-file', 'Le fichier ne contient pas de convention.', 'The file holds no convention.');
  return convention as ConventionSnapshot;
}

type Node = Record<string, unknown>;

/** Writes a whole snapshot into an empty model, keeping ids and order. Errors name the place in the file. */
export function writeSnapshot(model: ConventionDoc, snapshot: ConventionSnapshot): void {
  model.transact(() => {
    const { id, visas, ...convention } = snapshot.convention ?? ({} as Partial<ConventionSnapshot['convention']>);
    if (!isValidId(id)) throw atPath('convention.id', new ModelError('bad-id', 'identifiant de convention manquant ou invalide', 'missing or invalid convention id'));
    model.setConventionId(id);
    at('convention', () => model.setSingleton('convention', { ...convention, visas: (visas ?? []).join('\n') } as Partial<SingletonData['convention']>));
    at('territory', () => model.setSingleton('territory', snapshot.territory ?? {}));
    const { sections, ...diagnostic } = snapshot.diagnostic ?? { sections: [] };
    at('diagnostic', () => model.setSingleton('diagnostic', diagnostic));
    const roots: Record<string, unknown> = { ...snapshot, sections };
    for (const kind of ENTITY_KINDS) {
      if (ENTITY_SPECS[kind].parent === null) writeNodes(model, kind, roots[ENTITY_SPECS[kind].plural], null, ENTITY_SPECS[kind].plural);
    }
  });
}

function writeNodes(model: ConventionDoc, kind: EntityKind, nodes: unknown, parent: string | null, path: string): void {
  if (nodes === undefined) return;
  if (!Array.isArray(nodes)) throw atPath(path, new ModelError('bad-list', 'liste attendue', 'list expected'));
  const children = ENTITY_KINDS.filter((k) => ENTITY_SPECS[k].parent === kind);
  nodes.forEach((node: Node, i) => {
    const here = `${path}[${i}]`;
    if (typeof node !== 'object' || node === null) throw atPath(here, new ModelError('bad-node', 'objet attendu', 'object expected'));
    const { id, ...rest } = node;
    if (!isValidId(id)) throw atPath(`${here}.id`, new ModelError('bad-id', 'identifiant manquant ou invalide', 'missing or invalid id'));
    const data: Node = {};
    for (const [key, value] of Object.entries(rest)) {
      if (!DERIVED_KEYS.has(key) && !children.some((c) => ENTITY_SPECS[c].plural === key)) data[key] = value;
    }
    at(here, () => model.add(kind, data, { id, parent }));
    for (const child of children) writeNodes(model, child, node[ENTITY_SPECS[child].plural], id, `${here}.${ENTITY_SPECS[child].plural}`);
  });
}

function at(path: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    throw error instanceof ModelError ? atPath(path, error) : error;
  }
}

function atPath(path: string, error: ModelError): ModelError {
  return new ModelError(error.code, `Fichier invalide, à « ${path} » : ${error.fr}`, `Invalid file, at "${path}": ${error.en}`);
}

// The open Word document or Excel workbook in the task pane: its adapter bound live to the model. Re-attaches by
// itself when the file already holds this convention; otherwise offers to create it (« Créer … »). What the adapter
// reports (restored parts, values kept but not taken, rows added or deleted) is shown in the document bar, with an
// undo after a deletion.
import { HostBinding } from '../binding/binding.ts';
import type { ExcelApi } from '../host/excel/excel-api.ts';
import type { ExcelProblem } from '../host/excel/problems.ts';
import { ExcelHost } from '../host/excel/excel-host.ts';
import { takeStructureEdit } from '../host/excel/structure-edits.ts';
import type { HostPort } from '../host/port.ts';
import type { WordApi } from '../host/word/word-api.ts';
import { FieldLocks, unlessRefused } from '../pane/locks.ts';
import { WordHost } from '../host/word/word-host.ts';
import type { ConventionSession } from '../session/session.ts';
import type { CtgDocumentBar, DocumentMessage } from './document-bar.ts';

export interface DocumentLink {
  host: HostPort;
  dispose(): void;
}

export type OfficeDocument = { kind: 'word'; word: WordApi } | { kind: 'excel'; excel: ExcelApi };

type Supports = (set: string, version: string) => boolean;
type Say = (text: string, tone: DocumentMessage['tone'], action?: DocumentMessage['action']) => void;

let messageId = 0;

function createHost(
  document: OfficeDocument,
  supports: Supports,
  session: ConventionSession,
  locks: FieldLocks,
  say: Say,
): HostPort & { requestFullRead(): void; attachedConvention?(): Promise<string | null> } {
  if (document.kind === 'word') {
    return new WordHost({ word: document.word, supports, onProblem: (p) => say(p.fr, p.type === 'failed' ? 'error' : 'warning') });
  }
  const onProblem = (p: ExcelProblem) =>
    say(p.fr, p.type === 'failed' || (p.type === 'invalid-value' && p.severity === 'error') ? 'error' : p.type === 'invalid-value-fixed' ? 'info' : 'warning');
  const host: ExcelHost = new ExcelHost({
    excel: document.excel,
    supports,
    onProblem,
    onStructureEdit: async (edit) => {
      if (session.identity.access !== 'edit') return;
      // A row added, deleted or moved in a locked part is put back: the server would refuse the update.
      const outcome = await takeStructureEdit(session.model, edit, locks.current().locks, host, onProblem);
      if (edit.type === 'remove' && outcome.undo) say(`${edit.label.fr} : supprimé(e).`, 'info', { label: 'Annuler', run: outcome.undo });
    },
  });
  return host;
}

export async function linkDocument(document: OfficeDocument, supports: Supports, session: ConventionSession, bar: CtgDocumentBar): Promise<DocumentLink> {
  const say: Say = (text, tone, action) => {
    bar.messages = [...bar.messages.slice(-4), { id: String(++messageId), text, tone, ...(action ? { action } : {}) }];
  };
  // Parts every signatory validated, and the text of a signed convention, are read-only in the document too.
  const locks = new FieldLocks(session.model.ydoc, (error) =>
    say(`Les parties verrouillées n'ont pas pu être protégées dans le document (${error instanceof Error ? error.message : String(error)}) : elles le seront à la prochaine modification.`, 'error'),
  );
  const host = createHost(document, supports, session, locks, say);
  let binding: HostBinding | null = null;
  const bind = async () => {
    bar.status = { state: 'working' };
    try {
      await session.whenLoaded();
      binding = new HostBinding(session.model, host, {
        readOnly: session.identity.access !== 'edit',
        isLocked: unlessRefused(() => session.connection.writeRefused === true, locks.isLocked),
        onProblem: (problem) => {
          // Excel reports a locked cell typed in itself, naming the cell.
          if (problem && !(problem.cause === 'locked' && document.kind === 'excel')) say(problem.fr, 'warning');
        },
        onError: (error) => say(`Le document n'a pas pu suivre la dernière modification (${error instanceof Error ? error.message : String(error)}) : elle sera reprise automatiquement.`, 'error'),
      });
      await binding.start();
      await locks.attach(host);
      bar.status = { state: 'live' };
    } catch (error) {
      bar.status = { state: 'error', message: `La convention n'a pas pu être mise en place dans ce document : ${error instanceof Error ? error.message : String(error)}. Réessayez.` };
    }
  };
  bar.insertLabel = document.kind === 'word' ? 'Créer la convention dans ce document' : "Créer le plan d'actions dans ce classeur";
  bar.canInsert = session.identity.access === 'edit';
  bar.addEventListener('ctg-insert', () => void bind());
  // Office fires no event on undo: re-read everything when the person comes back to the pane.
  const onFocus = () => host.requestFullRead();
  window.addEventListener('focus', onFocus);
  if ((await host.attachedConvention?.()) === session.options.conventionId) await bind();
  else bar.status = { state: 'absent' };
  return {
    host,
    dispose() {
      window.removeEventListener('focus', onFocus);
      binding?.dispose();
      locks.dispose();
      host.dispose();
    },
  };
}

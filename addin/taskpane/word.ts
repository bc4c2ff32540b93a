// Word in the task pane: the convention as content controls in the open document, bound live to the model.
// Re-attaches by itself when the document already holds this convention; otherwise offers to create it.
import { HostBinding } from '../binding/binding.ts';
import type { HostPort } from '../host/port.ts';
import type { WordApi } from '../host/word/word-api.ts';
import { WordHost } from '../host/word/word-host.ts';
import type { ConventionSession } from '../session/session.ts';
import type { CtgDocumentBar, DocumentMessage } from './document-bar.ts';

export interface DocumentLink {
  host: HostPort;
  dispose(): void;
}

let messageId = 0;
const message = (text: string, tone: DocumentMessage['tone']): DocumentMessage => ({ id: String(++messageId), text, tone });

export async function linkWord(word: WordApi, supports: (set: string, version: string) => boolean, session: ConventionSession, bar: CtgDocumentBar): Promise<DocumentLink> {
  const say = (text: string, tone: DocumentMessage['tone']) => {
    bar.messages = [...bar.messages.slice(-4), message(text, tone)];
  };
  const host = new WordHost({ word, supports, onProblem: (problem) => say(problem.fr, problem.type === 'failed' ? 'error' : 'warning') });
  let binding: HostBinding | null = null;
  const bind = async () => {
    bar.status = { state: 'working' };
    try {
      await session.whenLoaded();
      binding = new HostBinding(session.model, host, {
        readOnly: session.identity.access !== 'edit',
        onProblem: (problem) => {
          if (problem) say(problem.fr, 'warning');
        },
        onError: (error) => say(`Word n'a pas pu suivre la dernière modification (${error instanceof Error ? error.message : String(error)}) : elle sera reprise automatiquement.`, 'error'),
      });
      await binding.start();
      bar.status = { state: 'live' };
    } catch (error) {
      bar.status = { state: 'error', message: `La convention n'a pas pu être créée dans ce document : ${error instanceof Error ? error.message : String(error)}. Réessayez.` };
    }
  };
  bar.insertLabel = 'Créer la convention dans ce document';
  bar.canInsert = session.identity.access === 'edit';
  bar.addEventListener('ctg-insert', () => void bind());
  // Word fires no event on undo: re-read everything when the person comes back to the pane.
  const onFocus = () => host.requestFullRead();
  window.addEventListener('focus', onFocus);
  if ((await host.attachedConvention()) === session.options.conventionId) await bind();
  else bar.status = { state: 'absent' };
  return {
    host,
    dispose() {
      window.removeEventListener('focus', onFocus);
      binding?.dispose();
      host.dispose();
    },
  };
}

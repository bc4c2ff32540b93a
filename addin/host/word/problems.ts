// What the Word adapter reports to the pane, as typed values with their words in French and English: parts put
// back after a deletion, text typed outside any field, a Word call that failed in the background.
import type { EntityRef } from '../../../shared/field-ref.ts';
import type { StrayText } from './structure.ts';

export type WordProblem =
  | { type: 'restored'; tags: string[]; fr: string; en: string }
  | { type: 'stray-text'; near: EntityRef | null; text: string; fr: string; en: string }
  | { type: 'stray-text-gone'; fr: string; en: string }
  | { type: 'failed'; error: unknown; fr: string; en: string };

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const problems = {
  restored: (tags: string[]): WordProblem => ({
    type: 'restored',
    tags,
    fr: `Des éléments protégés de la convention avaient été supprimés ou déplacés (${tags.length}) : ils ont été rétablis à leur place.`,
    en: `Protected parts of the convention had been deleted or moved (${tags.length}): they were put back in place.`,
  }),
  stray: (s: StrayText): WordProblem => ({
    type: 'stray-text',
    near: s.near,
    text: s.text,
    fr: `« ${excerpt(s.text)} » a été saisi hors des champs : ce texte n'appartient à aucune partie de la convention et ne sera pas partagé. Déplacez-le dans un champ.`,
    en: `"${excerpt(s.text)}" was typed outside the fields: it belongs to no part of the convention and will not be shared. Move it into a field.`,
  }),
  strayGone: (): WordProblem => ({
    type: 'stray-text-gone',
    fr: 'Plus aucun texte hors des champs.',
    en: 'No text outside the fields any more.',
  }),
  failed: (error: unknown): WordProblem => ({
    type: 'failed',
    error,
    fr: `Word n'a pas pu mettre le document à jour (${error instanceof Error ? error.message : String(error)}). Réessayez ; si cela persiste, rechargez le volet.`,
    en: `Word could not update the document (${error instanceof Error ? error.message : String(error)}). Try again; if it persists, reload the pane.`,
  }),
};

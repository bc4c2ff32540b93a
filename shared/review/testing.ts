// Test support for the review modules: the fictional sample convention, back in negotiation with draft articles,
// and one review context per party (the sample's signatories are caf, ccvs, cd and msa).
import * as Y from 'yjs';
import { ConventionDoc } from '../doc/convention-doc.ts';
import { importConventionJson } from '../exchange/convention-file.ts';
import { sampleConventionFile } from '../samples/index.ts';
import { readSnapshot } from '../snapshot.ts';
import type { Access, ReviewContext } from './commands.ts';

export function negotiatingSample(ydoc = new Y.Doc()): ConventionDoc {
  importConventionJson(ydoc, sampleConventionFile());
  const model = new ConventionDoc(ydoc);
  model.transact(() => {
    model.setSingleton('convention', { status: 'negociation' });
    for (const article of readSnapshot(ydoc).articles) model.update('article', article.id, { status: 'draft' });
    for (const amendment of readSnapshot(ydoc).amendments) model.remove('amendment', amendment.id);
  });
  return model;
}

export function as(model: ConventionDoc, party: string, access: Access = 'edit', name = `Agent ${party}`): ReviewContext {
  return { model, actor: { name, party }, access, now: () => '2026-03-12T10:00:00.000Z' };
}

/** Two peers of one convention that exchange their updates only when told to. */
export function twoPeers(): { a: ConventionDoc; b: ConventionDoc; sync: () => void } {
  const a = negotiatingSample();
  const bDoc = new Y.Doc();
  Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(a.ydoc));
  const b = new ConventionDoc(bDoc);
  const sync = () => {
    Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc)));
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc)));
  };
  return { a, b, sync };
}

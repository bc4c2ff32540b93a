// Review locks over real sockets, with the stock y-websocket client: once both signatories of the template validated
// an article through the model API, a third participant's edit of it is refused and reaches nobody.
import { afterEach, describe, expect, it } from 'vitest';
import { ConventionDoc, currentReview, recordSignoff } from '../../shared/index.ts';
import type { RunningServer } from '../server.ts';
import { type Client, client, synced, testServer, until } from './test-clients.ts';

const running: RunningServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

describe('review locks over sockets', () => {
  it('refuses a later edit of an article every signatory validated; its text never reaches the others', async () => {
    const server = await testServer();
    running.push(server);
    const connect = async (party: string, access: 'edit' | 'comment', name: string) => {
      const token = await server.auth.issue({ kind: 'participant', convention: 'ctg-revue', party, access, name }, 3600);
      const c = client(server, 'ctg-revue', token);
      clients.push(c);
      await synced(c);
      return { c, model: new ConventionDoc(c.doc), actor: { name, party }, access };
    };
    const caf = await connect('caf', 'edit', 'Claire Martin');
    const epci = await connect('collectivite', 'comment', 'Paul Girard');
    const article = currentReview(caf.model).snapshot.articles[0]!;
    const subject = { kind: 'article', id: article.id } as const;

    recordSignoff(caf, subject, 'propose');
    recordSignoff(caf, subject, 'validate');
    await until(() => currentReview(epci.model).signoff(subject).validatedBy.length === 1, 5000, 'proposition reçue');
    recordSignoff(epci, subject, 'validate');
    await until(() => currentReview(caf.model).signoff(subject).stage === 'valide', 5000, 'validation reçue');
    expect(caf.c.denied).toEqual([]);
    expect(epci.c.denied).toEqual([]);

    const late = await connect('cd', 'edit', 'Nina Roux');
    expect(currentReview(late.model).locks.lockOf({ kind: 'article', id: article.id, field: 'body' })).not.toBeNull();
    late.model.text('article', article.id, 'body').insert(0, 'Ajout non validé. ');
    await until(() => late.c.denied.length === 1, 5000, 'refus');
    expect(late.c.denied[0]).toMatch(/^Verrouillé : l'article 1 a reçu la validation de toutes les parties/);
    expect(late.c.provider.wsconnected).toBe(true);
    // A round trip after the refused edit: it reached no one.
    const preamble = (c: Client) => c.doc.getText('convention.preamble');
    preamble(caf.c).insert(0, 'Relu. ');
    await until(() => preamble(epci.c).toString().startsWith('Relu. ') && preamble(late.c).toString().startsWith('Relu. '));
    for (const other of [caf, epci]) expect(other.model.read('article', article.id).body).not.toMatch(/Ajout non validé/);
  });
});

// The server names a version when a convention is signed or an avenant receives every party's validation, whoever
// gave the last one (a `comment` signatory included), once, also across a restart.
import { describe, expect, it } from 'vitest';
import { changeStatus, ConventionDoc, currentReview, openAmendment, recordSignoff } from '../../shared/index.ts';
import { as } from '../../shared/review/testing.ts';
import { createMemoryStorage } from '../storage/memory.ts';
import type { Storage } from '../storage/port.ts';
import { amendmentSigned, CONVENTION_SIGNED, signatureVersions } from '../versions/signature-versions.ts';
import { FakeParticipant, harness, until } from './test-support.ts';

const alice = { name: 'Alice', party: 'caf' };
const bob = { name: 'Bob', party: 'collectivite' };
const ok = { blockingErrors: 0 };

async function versionsOf(storage: Storage, id: string, count: number) {
  const deadline = Date.now() + 2000;
  for (;;) {
    const versions = await storage.listVersions(id);
    if (versions.length >= count || Date.now() > deadline) return versions.map((v) => ({ name: v.name, author: v.author }));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('signature versions', () => {
  it('names the versions of a signature and of a newly signed avenant, nothing else', () => {
    const marks = (status: 'validation' | 'signee' | 'en_cours', signed: Array<[string, number]> = []) => ({ status, signedAmendments: new Map(signed) });
    expect(signatureVersions(marks('validation'), marks('signee'))).toEqual([CONVENTION_SIGNED]);
    expect(signatureVersions(marks('signee'), marks('en_cours'))).toEqual([]);
    expect(signatureVersions(marks('signee', [['a1', 1]]), marks('signee', [['a1', 1], ['a3', 3], ['a2', 2]]))).toEqual([amendmentSigned(2), amendmentSigned(3)]);
    expect(amendmentSigned(2)).toBe('Avenant n° 2 signé');
  });

  it('are recorded by the server, in the last validator’s name, once across a restart', async () => {
    const storage = createMemoryStorage();
    const first = harness({ storage });
    const room = await first.documents.acquire('ctg-1', alice);
    const editor = new FakeParticipant(alice);
    const signer = new FakeParticipant(bob, 'comment');
    editor.connect(room);
    signer.connect(room);
    await until(() => editor.synced && signer.synced);
    const model = new ConventionDoc(editor.doc);
    for (const step of ['diagnostic', 'negociation', 'validation', 'signee'] as const) changeStatus(as(model, 'caf', 'edit', 'Alice'), step, '', ok);
    expect(await versionsOf(storage, 'ctg-1', 1)).toEqual([{ name: 'Convention signée', author: alice }]);

    const amendment = openAmendment(as(model, 'caf', 'edit', 'Alice'), 'Report de l’action', ['article:1']);
    recordSignoff(as(model, 'caf', 'edit', 'Alice'), { kind: 'amendment', id: amendment }, 'propose');
    recordSignoff(as(model, 'caf', 'edit', 'Alice'), { kind: 'amendment', id: amendment }, 'validate');
    await until(() => currentReview(new ConventionDoc(signer.doc)).signoff({ kind: 'amendment', id: amendment }).validatedBy.length === 1);
    recordSignoff(as(new ConventionDoc(signer.doc), 'collectivite', 'comment', 'Bob'), { kind: 'amendment', id: amendment }, 'validate');
    expect(await versionsOf(storage, 'ctg-1', 2)).toEqual([
      { name: 'Convention signée', author: alice },
      { name: 'Avenant n° 1 signé', author: bob },
    ]);
    expect(first.metrics.permissionDenied).toBe(0);
    await first.documents.shutdown();

    // After a restart, the same avenant reopened and signed again keeps its one version.
    const second = harness({ storage });
    const again = await second.documents.acquire('ctg-1', alice);
    const editor2 = new FakeParticipant(alice);
    const signer2 = new FakeParticipant(bob, 'comment');
    editor2.connect(again);
    signer2.connect(again);
    await until(() => editor2.synced && signer2.synced);
    const model2 = new ConventionDoc(editor2.doc);
    const subject = { kind: 'amendment', id: amendment } as const;
    recordSignoff(as(model2, 'caf', 'edit', 'Alice'), subject, 'reopen', 'Préciser');
    recordSignoff(as(model2, 'caf', 'edit', 'Alice'), subject, 'propose');
    recordSignoff(as(model2, 'caf', 'edit', 'Alice'), subject, 'validate');
    await until(() => currentReview(new ConventionDoc(signer2.doc)).signoff(subject).validatedBy.length === 1);
    recordSignoff(as(new ConventionDoc(signer2.doc), 'collectivite', 'comment', 'Bob'), subject, 'validate');
    await until(() => currentReview(new ConventionDoc(again.doc)).signoff(subject).stage === 'valide');
    await second.documents.shutdown();
    expect((await storage.listVersions('ctg-1')).map((v) => v.name)).toEqual(['Convention signée', 'Avenant n° 1 signé']);
  });
});

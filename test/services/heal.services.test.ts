// Self-healing on the real services: two in-process instances on one PostgreSQL database and one Redis, their bus
// wrapped to lose messages on purpose; the periodic state exchange, and the one after a Redis reconnection, repair
// every gap (insertions, deletions, presence) so that stock y-websocket clients on both converge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../server/bus/port.ts';
import { openRedisBus } from '../../server/bus/redis.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { droppingBus } from '../../server/sync/test-support.ts';
import { type Client, client, synced, TEST_SECRET } from '../../server/ws/test-clients.ts';
import { cutSubscribers, freshDatabase, REDIS_URL, sleep, type TestDatabase, until } from './services.ts';

let db: TestDatabase;
const servers: RunningServer[] = [];
const clients: Client[] = [];
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  for (const server of servers) await server.close();
  await db.drop();
});

/** One instance whose outgoing bus messages are lost while `lose` says so. */
async function instance(lose: (message: BusMessage) => boolean, resyncMs: number) {
  const storage = await openPostgresStorage({ url: db.url, max: 4 });
  const bus = droppingBus(await openRedisBus({ url: REDIS_URL, prefix: db.prefix }), lose);
  const server = await startServer({ port: 0, storage, bus, secret: TEST_SECRET, resyncMs });
  servers.push(server);
  return { server, bus };
}

async function join(server: RunningServer, conventionId: string, name: string): Promise<Client> {
  const token = await server.auth.issue({ kind: 'participant', convention: conventionId, party: 'caf', access: 'edit', name }, 600);
  const c = client(server, conventionId, token);
  clients.push(c);
  await synced(c);
  return c;
}

const preamble = (c: Client) => c.doc.getText('convention.preamble').toString();

describe('lost bus messages are repaired', () => {
  it('by the periodic exchange: insertions, deletions and presence', async () => {
    let losing = false;
    const lose = (message: BusMessage) => losing && message.kind !== 'state';
    const a = await instance(lose, 300);
    const b = await instance(lose, 300);
    const alice = await join(a.server, 'heal', 'Alice');
    const bob = await join(b.server, 'heal', 'Bob');

    losing = true;
    alice.doc.getText('convention.preamble').insert(0, 'Écrit pendant la panne du bus. ');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await sleep(150);
    expect(a.bus.dropped).toBeGreaterThan(0);
    expect(preamble(bob)).not.toContain('panne');
    losing = false;
    await until(() => preamble(bob) === preamble(alice), 5000, 'insertion réparée');
    await until(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user !== undefined, 5000, 'présence');

    losing = true;
    alice.doc.getText('convention.preamble').delete(0, 'Écrit '.length);
    await sleep(150);
    expect(preamble(bob)).toContain('Écrit ');
    losing = false;
    await until(() => preamble(bob) === preamble(alice), 5000, 'suppression réparée');
  });

  it('by the exchange that follows a Redis reconnection, with no periodic exchange at all', async () => {
    let losing = false;
    const lose = () => losing;
    const a = await instance(lose, 0);
    const b = await instance(() => false, 0);
    const alice = await join(a.server, 'reco', 'Alice');
    const bob = await join(b.server, 'reco', 'Bob');
    losing = true;
    alice.doc.getText('convention.preamble').insert(0, 'Pendant la coupure. ');
    await sleep(200);
    expect(preamble(bob)).not.toContain('coupure');
    losing = false;
    // Cut the instances' subscriber connections: once back, each announces what it holds and a answers with the gap.
    expect(await cutSubscribers(db.prefix)).toBeGreaterThan(0);
    await until(() => preamble(bob) === preamble(alice), 10_000, 'réparé après reconnexion');
  });
});

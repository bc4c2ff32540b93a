// The Redis bus against the machine's Redis: delivery between instances (bytes intact, never back to the sender),
// `onReady` on subscription and again after the subscriber connection is cut, and a clear failure when unreachable.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bus, BusMessage } from '../../server/bus/port.ts';
import { openRedisBus } from '../../server/bus/redis.ts';
import { cutSubscribers, REDIS_URL, until } from './services.ts';

const prefix = `ctg:test-${randomBytes(4).toString('hex')}:`;
const buses: Bus[] = [];
afterAll(async () => {
  for (const bus of buses) await bus.close();
});

async function bus(): Promise<Bus> {
  const opened = await openRedisBus({ url: REDIS_URL, prefix });
  buses.push(opened);
  return opened;
}

describe('redis bus', () => {
  it('delivers every kind of message to the other instances of the convention, in order, not to the sender', async () => {
    const [one, two] = [await bus(), await bus()];
    const got: string[] = [];
    const received: BusMessage[] = [];
    let ready = 0;
    one.subscribe('c', 'a', (m, from) => got.push(`a:${m.kind}:${from}`), () => ready++);
    two.subscribe('c', 'b', (m, from) => {
      got.push(`b:${m.kind}:${from}`);
      received.push(m);
    }, () => ready++);
    two.subscribe('autre', 'b', () => got.push('mauvaise convention'));
    await until(() => ready === 2, 5000, 'abonnements');
    const bytes = new Uint8Array(300).map((_, i) => (i * 7) % 256);
    one.publish('c', { kind: 'update', update: bytes }, 'a');
    one.publish('c', { kind: 'state', stateVector: new Uint8Array([1, 2]), deleteDigest: new Uint8Array([3]), reply: true }, 'a');
    two.publish('c', { kind: 'awareness', update: new Uint8Array([4]) }, 'b');
    await until(() => got.length === 3, 5000, 'messages');
    expect(got.sort()).toEqual(['a:awareness:b', 'b:state:a', 'b:update:a']);
    expect(received[0]).toEqual({ kind: 'update', update: bytes });
    expect(received[1]).toEqual({ kind: 'state', stateVector: new Uint8Array([1, 2]), deleteDigest: new Uint8Array([3]), reply: true });
  });

  it('calls onReady again once the subscription is back after the connection was cut', async () => {
    const [one, two] = [await bus(), await bus()];
    let ready = 0;
    const got: number[] = [];
    const off = one.subscribe('r', 'a', (m) => m.kind === 'update' && got.push(m.update[0]!), () => ready++);
    await until(() => ready === 1, 5000, 'abonnement');
    // Cut this bus's subscriber connection, as a network failure would.
    expect(await cutSubscribers(prefix)).toBeGreaterThan(0);
    await until(() => ready >= 2, 10_000, 'réabonnement');
    two.publish('r', { kind: 'update', update: new Uint8Array([42]) }, 'b');
    await until(() => got.includes(42), 5000, 'message après reconnexion');
    off();
  });

  it('rejects, leaving nothing open, when Redis cannot be reached', async () => {
    await expect(openRedisBus({ url: 'redis://127.0.0.1:1', prefix })).rejects.toThrow();
  });
});

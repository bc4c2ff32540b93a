import { expect, it } from 'vitest';
import { createMemoryBus } from './memory.ts';

it('delivers to the other instances of the convention, in order, never back to the sender', async () => {
  const bus = createMemoryBus();
  const got: string[] = [];
  const offA = bus.subscribe('c', 'a', (m, from) => got.push(`a:${m.kind}:${from}`));
  bus.subscribe('c', 'b', (m, from) => got.push(`b:${m.kind}:${from}`));
  bus.subscribe('other', 'c', () => got.push('wrong convention'));
  bus.publish('c', { kind: 'update', update: new Uint8Array([1]) }, 'a');
  bus.publish('c', { kind: 'awareness', update: new Uint8Array([2]) }, 'b');
  expect(got).toEqual([]);
  await Promise.resolve();
  expect(got).toEqual(['b:update:a', 'a:awareness:b']);
  offA();
  bus.publish('c', { kind: 'update', update: new Uint8Array([3]) }, 'b');
  await Promise.resolve();
  expect(got).toHaveLength(2);
  await bus.close();
});

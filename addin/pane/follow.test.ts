// Following the presenter: who presents, when a follower moves, when following ends.
import { describe, expect, it } from 'vitest';
import { follow, NOT_FOLLOWING, nextStep, presenterOf } from './follow.ts';
import type { Presence } from './session-port.ts';

const person = (clientId: number, patch: Partial<Presence> = {}): Presence => ({
  clientId,
  name: `P${clientId}`,
  party: 'caf',
  color: '#000091',
  where: null,
  presenting: false,
  self: false,
  ...patch,
});

describe('who presents', () => {
  it('is the other person presenting, the earliest one when several do', () => {
    expect(presenterOf([person(1, { self: true }), person(2)])).toBeNull();
    expect(presenterOf([person(1, { self: true }), person(7, { presenting: true }), person(3, { presenting: true })])?.clientId).toBe(3);
  });

  it('never is oneself', () => {
    const me = person(1, { self: true, presenting: true });
    expect(presenterOf([me])).toBeNull();
    expect(presenterOf([me, person(2, { presenting: true })])?.clientId).toBe(2);
  });
});

describe('a follower', () => {
  const me = person(1, { self: true, where: 'article:art1' });

  it('does nothing while following nobody', () => {
    expect(nextStep(NOT_FOLLOWING, [me, person(2, { presenting: true, where: 'action:a' })]).type).toBe('stay');
  });

  it('moves to where the presenter is, once per new place', () => {
    const people = [me, person(2, { presenting: true, where: 'action:act-2.1.1' })];
    const first = nextStep(follow(2), people);
    expect(first).toEqual({ type: 'move', state: { following: 2, movedTo: 'action:act-2.1.1' }, target: { kind: 'action', id: 'act-2.1.1' } });
    expect(nextStep(first.state, people).type).toBe('stay');
    const next = nextStep(first.state, [me, person(2, { presenting: true, where: 'indicator:i5' })]);
    expect(next.type === 'move' && next.target).toEqual({ kind: 'indicator', id: 'i5' });
  });

  it('stays when already there, when the presenter is nowhere, or at a place the model does not know', () => {
    expect(nextStep(follow(2), [me, person(2, { presenting: true, where: 'article:art1' })]).type).toBe('stay');
    expect(nextStep(follow(2), [me, person(2, { presenting: true })]).type).toBe('stay');
    expect(nextStep(follow(2), [me, person(2, { presenting: true, where: 'script:x' })]).type).toBe('stay');
  });

  it('stops when the presenter stops presenting or leaves', () => {
    expect(nextStep(follow(2), [me, person(2, { where: 'action:a' })])).toEqual({ type: 'stop', state: NOT_FOLLOWING });
    expect(nextStep(follow(2), [me]).type).toBe('stop');
  });
});

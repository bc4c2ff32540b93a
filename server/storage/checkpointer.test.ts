import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Checkpointer } from './checkpointer.ts';

const policy = { quietMs: 250, minWrites: 3, maxWrites: 10 };

describe('Checkpointer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for writes to pause, never checkpointing in the middle of a steady stream', () => {
    const checkpoint = vi.fn();
    const checkpointer = new Checkpointer(checkpoint, policy, Date.now);
    for (let i = 0; i < 9; i++) {
      checkpointer.noteWrite();
      vi.advanceTimersByTime(5);
    }
    expect(checkpoint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(checkpoint).toHaveBeenCalledTimes(1);
  });

  it('does not bother for a few writes, and bounds a stream that never pauses', () => {
    const checkpoint = vi.fn();
    const checkpointer = new Checkpointer(checkpoint, policy, Date.now);
    checkpointer.noteWrite();
    checkpointer.noteWrite();
    vi.advanceTimersByTime(10_000);
    expect(checkpoint).not.toHaveBeenCalled();
    for (let i = 0; i < 25; i++) {
      checkpointer.noteWrite();
      vi.advanceTimersByTime(5);
    }
    expect(checkpoint).toHaveBeenCalledTimes(2);
    checkpointer.stop();
    vi.advanceTimersByTime(10_000);
    expect(checkpoint).toHaveBeenCalledTimes(2);
  });

  it('carries on after a checkpoint that fails', () => {
    const checkpoint = vi.fn(() => {
      throw new Error('database is locked');
    });
    const checkpointer = new Checkpointer(checkpoint, policy, Date.now);
    for (let i = 0; i < 10; i++) checkpointer.noteWrite();
    expect(checkpoint).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) checkpointer.noteWrite();
    expect(checkpoint).toHaveBeenCalledTimes(2);
  });
});

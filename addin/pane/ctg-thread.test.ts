// @vitest-environment happy-dom
// One discussion's relative times (« à l’instant », « il y a 1 minute ») move on while it is shown, and stop
// being refreshed once it leaves the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Thread } from '../../shared/index.ts';
import './ctg-thread.ts';
import { deepQuery, settle } from './testing.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('<ctg-thread>', () => {
  it('refreshes « il y a … » every minute while on the page', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-03-12T10:00:10.000Z'));
    const thread: Thread = {
      id: 'th1',
      anchor: { kind: 'action', id: 'a1' },
      attached: true,
      resolved: false,
      comments: [{ id: 'c1', author: 'Claire Martin', party: 'caf', at: '2026-03-12T10:00:00.000Z', text: 'Combien de places ?' }],
    };
    const el = document.createElement('ctg-thread');
    Object.assign(el, { thread });
    document.body.append(el);
    await settle(el);
    expect(deepQuery(el, 'time').textContent).toBe('à l’instant');
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(el);
    expect(deepQuery(el, 'time').textContent).toBe('il y a 1 minute');
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
  });
});

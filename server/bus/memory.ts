// In-process bus: delivers each message to the other instances subscribed to the convention, on a later
// microtask, in order.
import type { Bus, BusListener } from './port.ts';

interface Subscription {
  readonly instanceId: string;
  readonly listener: BusListener;
}

export function createMemoryBus(): Bus {
  const topics = new Map<string, Set<Subscription>>();
  return {
    publish(conventionId, message, from) {
      const subscriptions = topics.get(conventionId);
      if (!subscriptions) return;
      for (const { instanceId, listener } of subscriptions) {
        if (instanceId !== from) queueMicrotask(() => listener(message, from));
      }
    },
    subscribe(conventionId, instanceId, listener, onReady) {
      let subscriptions = topics.get(conventionId);
      if (!subscriptions) {
        subscriptions = new Set();
        topics.set(conventionId, subscriptions);
      }
      const subscription = { instanceId, listener };
      subscriptions.add(subscription);
      if (onReady) queueMicrotask(onReady);
      return () => {
        subscriptions.delete(subscription);
        if (subscriptions.size === 0) topics.delete(conventionId);
      };
    },
    async close() {
      topics.clear();
    },
  };
}

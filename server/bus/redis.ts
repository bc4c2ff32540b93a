// Redis adapter of the bus port: one channel per open convention (`<prefix><conventionId>`), one connection to
// publish and one to subscribe. Pub/sub is best effort — a slow or reconnecting subscriber loses messages — so every
// (re)subscription calls `onReady` and the rooms exchange state (sync/resync.ts) to repair the gap.
import { Redis } from 'ioredis';
import { type Logger, silentLogger } from '../log.ts';
import type { Bus, BusListener } from './port.ts';
import { decodeBusFrame, encodeBusFrame } from './redis-frame.ts';

export interface RedisBusOptions {
  /** `redis://[:password@]host:6379[/db]` (`rediss://` for TLS). */
  readonly url: string;
  /** Channel prefix shared by the instances of one deployment (default `ctg:`). */
  readonly prefix?: string;
  readonly log?: Logger;
}

interface Subscription {
  readonly instanceId: string;
  readonly listener: BusListener;
  readonly onReady: (() => void) | undefined;
}

/** A Redis bus whose connections are up; rejects (and leaves nothing open) when Redis cannot be reached. */
export async function openRedisBus(options: RedisBusOptions): Promise<Bus> {
  const prefix = options.prefix ?? 'ctg:';
  const log = options.log ?? silentLogger;
  // Named after the prefix, so that an operator (or a test) can find one deployment's connections in CLIENT LIST.
  const connection = (role: string) =>
    new Redis(options.url, {
      lazyConnect: true,
      connectionName: `ctg-bus-${role}-${prefix.replace(/[^\w:.-]/g, '_')}`,
      autoResubscribe: false,
      maxRetriesPerRequest: 3,
    });
  const publisher = connection('pub');
  const subscriber = connection('sub');
  const channels = new Map<string, Set<Subscription>>();
  let closed = false;

  const ready = (subscriptions: Iterable<Subscription>) => {
    for (const { onReady } of subscriptions) {
      try {
        onReady?.();
      } catch (error) {
        log.error('erreur à la reprise du bus', { error });
      }
    }
  };
  const listen = (channel: string) =>
    subscriber.subscribe(channel).then(
      () => {
        const subscriptions = channels.get(channel);
        if (subscriptions) ready([...subscriptions]);
      },
      (error: unknown) => {
        if (!closed) log.warn('bus Redis : abonnement différé', { channel, error });
      },
    );

  for (const [name, client] of [
    ['de publication', publisher],
    ['d’abonnement', subscriber],
  ] as const) {
    // Without a listener an `error` event would kill the process; ioredis reconnects by itself.
    client.on('error', (error: unknown) => {
      if (!closed) log.warn(`bus Redis : connexion ${name} en erreur`, { error });
    });
  }
  subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
    const subscriptions = channels.get(channel.toString('utf8'));
    if (!subscriptions) return;
    // A copy: the parser may reuse its buffer, and listeners keep the bytes.
    const decoded = decodeBusFrame(new Uint8Array(payload));
    if (!decoded) {
      log.warn('bus Redis : message illisible ignoré', { channel: channel.toString('utf8'), bytes: payload.length });
      return;
    }
    for (const { instanceId, listener } of [...subscriptions]) {
      if (instanceId !== decoded.from) listener(decoded.message, decoded.from);
    }
  });
  // After a reconnection the subscriptions are gone and messages were missed: subscribe again, then resynchronise.
  let connectedOnce = false;
  subscriber.on('ready', () => {
    if (connectedOnce && !closed) {
      log.info('bus Redis : reconnecté', { channels: channels.size });
      for (const channel of channels.keys()) void listen(channel);
    }
    connectedOnce = true;
  });

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    closed = true;
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }

  return {
    publish(conventionId, message, from) {
      if (closed) return;
      publisher.publish(`${prefix}${conventionId}`, Buffer.from(encodeBusFrame(message, from))).catch((error: unknown) => {
        if (!closed) log.warn('bus Redis : publication perdue', { conventionId, kind: message.kind, error });
      });
    },
    subscribe(conventionId, instanceId, listener, onReady) {
      const channel = `${prefix}${conventionId}`;
      const subscription: Subscription = { instanceId, listener, onReady };
      let subscriptions = channels.get(channel);
      if (!subscriptions) {
        subscriptions = new Set([subscription]);
        channels.set(channel, subscriptions);
        void listen(channel);
      } else {
        subscriptions.add(subscription);
        // The channel is (being) subscribed: announce once the server confirms, which SUBSCRIBE again does.
        void subscriber.subscribe(channel).then(
          () => ready([subscription]),
          () => {},
        );
      }
      return () => {
        const current = channels.get(channel);
        if (!current?.delete(subscription) || current.size > 0) return;
        channels.delete(channel);
        if (!closed) {
          subscriber.unsubscribe(channel).catch((error: unknown) => log.warn('bus Redis : désabonnement', { channel, error }));
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      channels.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

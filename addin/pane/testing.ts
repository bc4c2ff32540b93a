// Test helpers for the pane: a session over a local Y.Doc (no network), a recording host, shadow-DOM queries.
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ConventionDoc } from '../../shared/index.ts';
import type { EntityRef } from '../../shared/field-ref.ts';
import type { HostPort, Mark } from '../host/port.ts';
import type { Access, ConnectionState, Endpoint, PaneSession, Presence } from './session-port.ts';

export interface FakeSession extends PaneSession {
  readonly awareness: Awareness;
  setConnection(patch: Partial<ConnectionState>): void;
  dispose(): void;
}

export function fakeSession(
  ydoc: Y.Doc,
  identity: { name: string; party: string; access: Access },
  endpoint: Endpoint = { server: 'http://concerto.test', conventionId: 'ctg-test', token: 'jeton' },
): FakeSession {
  const awareness = new Awareness(ydoc);
  awareness.setLocalStateField('user', { name: identity.name, party: identity.party, color: '#000091' });
  const listeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = { status: 'connected', pending: 0 };
  return {
    ydoc,
    model: new ConventionDoc(ydoc),
    identity,
    awareness,
    get connection() {
      return connection;
    },
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setConnection(patch) {
      connection = { ...connection, ...patch };
      for (const listener of listeners) listener(connection);
    },
    presence() {
      const out: Presence[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name: string; party: string; color: string } | undefined;
        if (user)
          out.push({
            clientId,
            ...user,
            where: (state.where as string | undefined) ?? null,
            presenting: state.presenting === true,
            self: clientId === ydoc.clientID,
          });
      });
      return out;
    },
    setWhere(where) {
      awareness.setLocalStateField('where', where);
    },
    setPresenting(presenting) {
      awareness.setLocalStateField('presenting', presenting);
    },
    endpoint,
    dispose() {
      awareness.destroy();
    },
  };
}

/** A host that records what the pane asks of it. */
export function recordingHost(options: { failSelect?: boolean } = {}) {
  const selected: EntityRef[] = [];
  const marks = new Map<string, Mark>();
  const host: HostPort = {
    name: 'browser',
    capabilities: { editEvents: true, selection: true },
    render: async () => {},
    write: async () => {},
    read: async () => [],
    onEdit: () => () => {},
    select: async (target) => {
      if (options.failSelect) throw new Error('document fermé');
      selected.push(target);
    },
    mark: async (target, mark) => {
      const key = `${target.kind}:${target.id}`;
      if (mark) marks.set(key, mark);
      else marks.delete(key);
    },
    setLocks: async () => {},
    dispose: () => {},
  };
  return { host, selected, marks };
}

/** Every element matching `selector`, looking inside open shadow roots too. */
export function deepQueryAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const out: E[] = [...root.querySelectorAll<E>(selector)];
  const hosts = [...(root instanceof Element ? [root] : []), ...root.querySelectorAll('*')];
  for (const el of hosts) if (el.shadowRoot) out.push(...deepQueryAll<E>(el.shadowRoot, selector));
  return out;
}

export function deepQuery<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const found = deepQueryAll<E>(root, selector)[0];
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The visible text of an element and its shadow roots, whitespace collapsed. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof HTMLElement && n.hidden) return;
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits for every lit element under `root` to finish rendering. */
export async function settle(root: ParentNode): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = deepQueryAll<Element>(root, '*')
      .map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete)
      .filter((p): p is Promise<unknown> => p instanceof Promise);
    await Promise.all(pending);
  }
}

export function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

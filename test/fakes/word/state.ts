// What the fake's proxies act on: the document tree, the settings, the event registry and the selection.
import type { Control } from './doc.ts';
import type { EventRegistry } from './events.ts';
import type { Tree } from './tree.ts';

export interface WordState {
  tree: Tree;
  settings: Map<string, unknown>;
  events: EventRegistry;
  /** Moves the selection to a control (as `ContentControl.select` does). */
  selectControl(control: Control, mode: 'Select' | 'Start' | 'End'): void;
}

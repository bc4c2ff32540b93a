// How a field's value reads in the Word document, and back: dates as JJ/MM/AAAA, the pilot as the organisation's
// name, the action type as its French label, line breaks of one-line fields as Word's manual line break (\v).
// Both directions are exact inverses on what the binding writes, so a write never reads back as an edit.
import { ACTION_TYPES, type ConventionSnapshot } from '../../../shared/index.ts';
import type { FieldRef } from '../../../shared/field-ref.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FR = /^(\d{2})\/(\d{2})\/(\d{4})$/;

type Mapping = 'date' | 'pilot' | 'actionType' | null;

function mappingOf(ref: FieldRef): Mapping {
  if (ref.kind !== 'action') return null;
  if (ref.field === 'startDate' || ref.field === 'endDate') return 'date';
  if (ref.field === 'pilotId') return 'pilot';
  if (ref.field === 'type') return 'actionType';
  return null;
}

export class FieldDisplay {
  private readonly pilotName = new Map<string, string>();
  /** Every name ever shown for a pilot, so a renamed organisation still reads back as its id. */
  private readonly pilotByName = new Map<string, string>();
  private readonly typeByLabel = new Map<string, string>();

  constructor() {
    for (const code of ACTION_TYPES.codes) this.typeByLabel.set(fold(ACTION_TYPES.labels[code]?.fr ?? code), code);
  }

  /** Takes the organisation names of a new snapshot (names shared by two organisations get their id). */
  update(snapshot: ConventionSnapshot): void {
    const count = new Map<string, number>();
    for (const o of snapshot.organisations) count.set(fold(o.name), (count.get(fold(o.name)) ?? 0) + 1);
    this.pilotName.clear();
    // What a person may type for a pilot: its designation (« la Caf »), its id, or its name (shown).
    for (const sig of snapshot.signatories) if (sig.designation) this.pilotByName.set(fold(sig.designation), sig.organisationId);
    for (const o of snapshot.organisations) {
      const name = (count.get(fold(o.name)) ?? 0) > 1 || o.name.trim() === '' ? `${o.name} (${o.id})` : o.name;
      this.pilotName.set(o.id, name);
      this.pilotByName.set(fold(o.id), o.id);
    }
    for (const [id, name] of this.pilotName) this.pilotByName.set(fold(name), id);
  }

  show(ref: FieldRef, value: string, multiline: boolean): string {
    const text = multiline ? value : value.replace(/\r\n|\r|\n/g, '\v');
    switch (mappingOf(ref)) {
      case 'date': {
        const m = ISO.exec(text);
        return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
      }
      case 'pilot':
        return this.pilotName.get(text) ?? text;
      case 'actionType':
        return ACTION_TYPES.labels[text as keyof typeof ACTION_TYPES.labels]?.fr ?? text;
      default:
        return text;
    }
  }

  take(ref: FieldRef, shown: string, multiline: boolean): string {
    const text = multiline ? shown : shown.replace(/\v/g, '\n');
    switch (mappingOf(ref)) {
      case 'date': {
        const m = FR.exec(text);
        return m ? `${m[3]}-${m[2]}-${m[1]}` : text;
      }
      case 'pilot':
        return this.pilotByName.get(fold(text)) ?? text;
      case 'actionType':
        return this.typeByLabel.get(fold(text)) ?? text;
      default:
        return text;
    }
  }
}

/** Case- and accent-insensitive, spaces collapsed: « caisse d'allocations » finds « Caisse d’allocations ». */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

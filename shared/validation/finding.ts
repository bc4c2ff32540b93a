// What validation returns: one finding per broken rule and entity, with a French and an English message.
import type { EntityKind, Id } from '../types.ts';
import { RULES, type RuleId } from './rules.ts';

export type Severity = 'error' | 'warning';

export interface Text {
  fr: string;
  en: string;
}

/** The entity a finding points at. The territory is a singleton: its id is the convention id. */
export interface FindingEntity {
  kind: EntityKind | 'convention' | 'territory';
  id: Id;
}

export interface Finding {
  severity: Severity;
  rule: RuleId;
  entity: FindingEntity;
  message: Text;
}

/** Builds a finding; the severity comes from the rule table, so a rule never changes severity by accident. */
export function finding(rule: RuleId, entity: FindingEntity, message: Text): Finding {
  return { severity: RULES[rule], rule, entity, message };
}

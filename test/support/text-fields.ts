// The free-text fields randomized binding tests type into: article bodies, action titles and descriptions.
import type { FieldRef } from '../../shared/field-ref.ts';
import type { ConventionDoc } from '../../shared/index.ts';

export function textFields(model: ConventionDoc): FieldRef[] {
  const refs: FieldRef[] = [];
  for (const id of model.childIds('article')) refs.push({ kind: 'article', id, field: 'body' });
  for (const axis of model.childIds('axis'))
    for (const objective of model.childIds('objective', axis))
      for (const id of model.childIds('action', objective)) refs.push({ kind: 'action', id, field: 'title' }, { kind: 'action', id, field: 'description' });
  return refs;
}

import { describe, expect, it } from 'vitest';
import { matchColumns } from './columns.ts';

const sheet = (headers: string[]) => ({ name: 'Indicateurs', headerRow: 1, headers, rows: [] });

describe('matchColumns', () => {
  it('recognises an indicator’s owner and frequency, under the exported headers and a Caf’s own', () => {
    const fieldsOf = (headers: string[]) => matchColumns('indicators', sheet(headers)).columns.map((c) => c.field);
    expect(fieldsOf(['Objectif', 'Indicateur', 'Responsable', 'Fréquence', '2026'])).toEqual(['objective', 'label', 'owner', 'frequency', 'values.2026']);
    expect(fieldsOf(['Objectif', 'Indicateur', 'Référent indicateur', 'Périodicité'])).toEqual(['objective', 'label', 'owner', 'frequency']);
  });
});

// The fictional sample convention (Val de Sorlaine, entirely made-up data) in the domain team's sample format:
// the demo convention on the home page, and the fixture of the tests.
import sample from './val-de-sorlaine.json' with { type: 'json' };

/** A fresh copy of the sample file, safe to modify. */
export function sampleConventionFile(): Record<string, unknown> {
  return structuredClone(sample) as Record<string, unknown>;
}

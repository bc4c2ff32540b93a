import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Action, ConventionSnapshot, Objective } from '../types.ts';
import { RULES, validate } from './index.ts';
import { check, parts, TODAY, validSnapshot } from './test-builder.ts';

/** The valid convention with `count` extra objectives of two actions each, all valid. */
function grown(count: number): ConventionSnapshot {
  const s = validSnapshot();
  const { axis, o1 } = parts(s);
  for (let n = 3; n < count + 3; n++) {
    const number = `1.${n}`;
    const actions: Action[] = [1, 2].map((k) => ({ ...structuredClone(o1.actions[0]!), id: `a${n}.${k}`, code: `${number}.${k}` }));
    const objective: Objective = { ...structuredClone(o1), id: `o${number}`, number, actions };
    objective.indicators = objective.indicators.map((i) => ({ ...i, id: `i${number}` }));
    axis.objectives.push(objective);
  }
  return s;
}

/** Wraps a snapshot so that every property read anywhere inside it is counted. */
function counted(snapshot: ConventionSnapshot): { snapshot: ConventionSnapshot; reads: () => number } {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = <T>(value: T): T => {
    if (typeof value !== 'object' || value === null) return value;
    const known = proxies.get(value);
    if (known) return known as T;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        reads++;
        return wrap(Reflect.get(target, key, receiver));
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  return { snapshot: wrap(snapshot), reads: () => reads };
}

describe('validate', () => {
  it('finds nothing in the valid convention', () => {
    expect(validate(validSnapshot(), { today: TODAY })).toEqual([]);
  });

  it('writes a French and an English message for each finding', () => {
    const s = validSnapshot();
    s.convention.startDate = null;
    parts(s).a1.pilotId = null;
    parts(s).a2.referentId = null;
    s.facilities[0]!.cofEnd = '2027-12-31';
    const findings = check(s);
    expect(findings.map((f) => f.rule)).toEqual(['period-start-missing', 'action-pilot-missing', 'action-referent-missing', 'facility-cof-misaligned']);
    for (const f of findings) {
      expect(f.severity).toBe(RULES[f.rule]);
      expect(f.message.fr).toMatch(/ : .+\.$/);
      expect(f.message.en).toMatch(/: .+\.$/);
    }
  });

  it('has a failing case for every rule in the test files', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir)
      .filter((name) => name.endsWith('.test.ts') && name !== 'index.test.ts')
      .map((name) => readFileSync(new URL(name, dir), 'utf8'))
      .join('\n');
    const untested = Object.keys(RULES).filter((rule) => !sources.includes(`'${rule}'`));
    expect(untested).toEqual([]);
  });

  it('stays valid and reads the snapshot a linear number of times as the plan grows', () => {
    const reads = [50, 100, 200].map((count) => {
      const big = grown(count);
      expect(check(big)).toEqual([]);
      const { snapshot, reads } = counted(big);
      validate(snapshot, { today: TODAY });
      return reads();
    });
    const [r50, r100, r200] = reads as [number, number, number];
    // Each added objective costs the same number of reads: doubling the growth doubles the increase.
    expect(r200 - r100).toBe(2 * (r100 - r50));
  });
});

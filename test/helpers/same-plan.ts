// Two plans made from the same samples through different monitoring sources: equal in every
// decision (VMs, hosts, placement, totals, redundancy, findings, replay), and in every measured number
// up to rounding: 1e-9 relative for sums and averages (float64 summed in another order),
// 1e-6 for percentiles (capplan's store keeps samples as float32, docs/ingest.md).
import assert from 'node:assert/strict';
import type { Plan } from '../../src/domain/plan.ts';

export function assertSamePlan(actual: Plan, expected: Plan): void {
  const strip = (p: Plan) => {
    const { inputs: _files, settings, ...rest } = structuredClone(p) as Plan & { inputs: unknown };
    const { inputs: _in, ...otherSettings } = settings;
    for (const s of rest.servers as { usage?: { duplicateTimestamps?: number } | null }[])
      if (s.usage) delete s.usage.duplicateTimestamps;
    // The replay is compared too: a store's series at the samples' interval (replaySlot's
    // default) holds one sample a slot, the very samples the CSV path replays (method §14.1).
    return { ...rest, settings: otherSettings };
  };
  compare(strip(actual), strip(expected), '');
}

function compare(a: unknown, b: unknown, at: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const tolerance = /percentiles/.test(at) ? 1e-6 : 1e-9;
    assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${at}: ${a} ≠ ${b}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    assert.deepEqual(a, b, at);
    return;
  }
  assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), `${at}: keys`);
  for (const k of Object.keys(a))
    compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
}

// Writes a synthetic wide monitoring CSV (docs/inputs.md, one metric per file: `cpu_pct.csv`,
// one column per server) for bench/formats.bench.ts: `servers` servers sampled every
// `intervalMinutes` for `days` days, ISO timestamps, two decimals. Values are deterministic (seeded, src/util/rng.ts).
import { textWriter } from './text-writer.ts';
import { makeRng } from '../src/util/rng.ts';

/** Returns the number of rows written (each holds one sample per server). */
export async function generateWideCsv(
  file: string,
  servers: number,
  days: number,
  intervalMinutes: number,
): Promise<number> {
  const out = textWriter(file);
  const names = Array.from({ length: servers }, (_, i) => `srv-${String(i).padStart(4, '0')}`);
  await out.add(`timestamp,${names.join(',')}\n`);
  const rnd = makeRng(777);
  const rows = Math.round((days * 24 * 60) / intervalMinutes);
  const start = Date.UTC(2026, 2, 2);
  for (let r = 0; r < rows; r++) {
    const stamp = `${new Date(start + r * intervalMinutes * 60_000).toISOString().slice(0, 19)}Z`;
    await out.add(`${stamp},${names.map(() => (rnd() * 100).toFixed(2)).join(',')}\n`);
  }
  await out.close();
  return rows;
}

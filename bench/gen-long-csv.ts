// Writes a synthetic long monitoring CSV (docs/inputs.md) for bench/ingest.bench.ts: `servers`
// servers sampled every `intervalMinutes` for `days` days, rows ordered by timestamp then
// server (how monitoring exports usually come) or, `order: 'server'`, by server then time (per-VM
// exports concatenated). Values are deterministic (seeded, src/util/rng.ts).
import { createWriteStream } from 'node:fs';
import { makeRng } from '../src/util/rng.ts';

export async function generateLongCsv(
  file: string,
  servers: number,
  days: number,
  intervalMinutes: number,
  order: 'time' | 'server' = 'time',
): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops\n');
  const names = Array.from({ length: servers }, (_, i) => `srv-${String(i).padStart(5, '0')}`);
  const start = Date.UTC(2026, 2, 2);
  const steps = Math.round((days * 24 * 60) / intervalMinutes);
  const rnd = makeRng(12345);
  const stamps = Array.from(
    { length: steps },
    (_, t) => `${new Date(start + t * intervalMinutes * 60_000).toISOString().slice(0, 19)}Z`,
  );
  const line = (t: number, s: number) =>
    `${stamps[t]},${names[s]},${(rnd() * 100).toFixed(2)},${(1024 + rnd() * 8192).toFixed(2)},` +
    `${(20 + rnd() * 200).toFixed(2)},${(rnd() * 120).toFixed(3)},${Math.floor(rnd() * 5000)}\n`;
  const [outer, inner] = order === 'time' ? [steps, servers] : [servers, steps];
  let block = '';
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      block += order === 'time' ? line(a, b) : line(b, a);
      if (block.length > 1 << 20) {
        await write(block);
        block = '';
      }
    }
  }
  await write(block);
  const rows = steps * servers;
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return rows;
}

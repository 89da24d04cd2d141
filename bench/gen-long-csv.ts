// Writes a synthetic long monitoring CSV (docs/inputs.md) for bench/ingest.bench.ts: `servers`
// servers sampled every `intervalMinutes` for `days` days, rows ordered by timestamp then
// server (how monitoring exports usually come). Values are deterministic (seeded LCG).
import { createWriteStream } from 'node:fs';

export async function generateLongCsv(
  file: string,
  servers: number,
  days: number,
  intervalMinutes: number,
): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops\n');
  const names = Array.from({ length: servers }, (_, i) => `srv-${String(i).padStart(5, '0')}`);
  const start = Date.UTC(2026, 2, 2);
  const steps = Math.round((days * 24 * 60) / intervalMinutes);
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  let rows = 0;
  for (let t = 0; t < steps; t++) {
    const ts = `${new Date(start + t * intervalMinutes * 60_000).toISOString().slice(0, 19)}Z`;
    let block = '';
    for (let s = 0; s < servers; s++) {
      block +=
        `${ts},${names[s]},${(rnd() * 100).toFixed(2)},${(1024 + rnd() * 8192).toFixed(2)},` +
        `${(20 + rnd() * 200).toFixed(2)},${(rnd() * 120).toFixed(3)},${Math.floor(rnd() * 5000)}\n`;
      if (block.length > 1 << 20) {
        await write(block);
        block = '';
      }
    }
    await write(block);
    rows += servers;
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return rows;
}

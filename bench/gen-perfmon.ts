// Writes a synthetic Windows Performance Monitor log (PDH-CSV 4.0, docs/ingest.md) for
// bench/formats.bench.ts, shaped like a Data Collector Set of one 16-core server: 94 counters
// (Processor per core and _Total, Memory, LogicalDisk, PhysicalDisk, two network interfaces,
// one of them isatap), every field quoted, US local timestamps with milliseconds, values printed
// with perfmon's 17–20 significant digits, rate counters `" "` on the first sample. Values are
// deterministic (seeded, src/util/rng.ts).
import { textWriter } from './text-writer.ts';
import { makeRng } from '../src/util/rng.ts';

/** The counter paths after the host, and how a value of each is drawn (0 ≤ u < 1). */
function counters(): [string, (u: number) => number][] {
  const out: [string, (u: number) => number][] = [];
  for (const cpu of [...Array.from({ length: 16 }, (_, i) => String(i)), '_Total']) {
    out.push([`Processor(${cpu})\\% Processor Time`, (u) => u * 100]);
    out.push([`Processor(${cpu})\\% Idle Time`, (u) => 100 - u * 100]);
    out.push([`Processor(${cpu})\\% Privileged Time`, (u) => u * 20]);
    out.push([`Processor(${cpu})\\Interrupts/sec`, (u) => 500 + u * 4000]);
  }
  out.push(['Memory\\Available MBytes', (u) => Math.round(4096 + u * 8192)]);
  out.push(['Memory\\Committed Bytes', (u) => Math.round((12 + u * 8) * 2 ** 30)]);
  out.push(['Memory\\Pages/sec', (u) => u * 300]);
  out.push(['Memory\\Pool Paged Bytes', (u) => Math.round((300 + u * 50) * 2 ** 20)]);
  for (const disk of ['C:', 'D:', '_Total']) {
    out.push([`LogicalDisk(${disk})\\% Free Space`, (u) => 30 + u * 5]);
    out.push([`LogicalDisk(${disk})\\Free Megabytes`, (u) => Math.round(200_000 + u * 1000)]);
    out.push([`LogicalDisk(${disk})\\Disk Transfers/sec`, (u) => u * 900]);
    out.push([`LogicalDisk(${disk})\\Avg. Disk sec/Read`, (u) => u * 0.02]);
  }
  for (const disk of ['0 C:', '1 D:', '_Total']) {
    out.push([`PhysicalDisk(${disk})\\Disk Transfers/sec`, (u) => u * 900]);
    out.push([`PhysicalDisk(${disk})\\Disk Bytes/sec`, (u) => u * 80 * 2 ** 20]);
  }
  for (const nic of ['Intel[R] Ethernet Connection X722', 'isatap.{8E3F6B2A-61C4-4E0B-9F51-2B1A7C3D5E90}']) {
    out.push([`Network Interface(${nic})\\Bytes Total/sec`, (u) => u * 40 * 2 ** 20]);
    out.push([`Network Interface(${nic})\\Packets/sec`, (u) => u * 30_000]);
  }
  return out;
}

export const PERFMON_HOST = 'SRV-APP01';

/** Writes `days` days of samples every `intervalSeconds`; returns the number of data rows. */
export async function generatePerfmon(file: string, days: number, intervalSeconds: number): Promise<number> {
  const out = textWriter(file);
  const list = counters();
  const host = `\\\\${PERFMON_HOST}\\`;
  await out.add(
    `"(PDH-CSV 4.0) (Romance Standard Time)(-60)",${list.map(([name]) => `"${host}${name}"`).join(',')}\r\n`,
  );
  const rnd = makeRng(4242);
  const rows = Math.round((days * 86_400) / intervalSeconds);
  const start = Date.UTC(2026, 2, 2, 8, 0, 0);
  const two = (v: number) => String(v).padStart(2, '0');
  for (let r = 0; r < rows; r++) {
    const t = new Date(start + r * intervalSeconds * 1000 + Math.floor(rnd() * 80));
    const stamp =
      `${two(t.getUTCMonth() + 1)}/${two(t.getUTCDate())}/${t.getUTCFullYear()} ` +
      `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}.` +
      String(t.getUTCMilliseconds()).padStart(3, '0');
    const cells = list.map(([name, draw]) => {
      if (r === 0 && /sec|%|Time/.test(name)) return '" "';
      const v = draw(rnd());
      return `"${Number.isInteger(v) ? v : v.toPrecision(17 + Math.floor(rnd() * 4))}"`;
    });
    await out.add(`"${stamp}",${cells.join(',')}\r\n`);
  }
  await out.close();
  return rows;
}

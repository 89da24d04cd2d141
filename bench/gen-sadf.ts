// Writes a folder of synthetic `sadf -dh` exports (samples/sysstat/README.md) for
// bench/formats.bench.ts: one file per host, as `sadf -dh sa01 -- -u -b -r -q -d -n DEV -F`
// writes it under LC_ALL=C with sysstat 12.x — one `;`-separated line per interval holding
// every activity, the per-instance groups marked `[...]` in the header and repeated in the data
// once per instance: CPU "all" (-1), then the I/O (-b), memory (-r) and queue (-q) tables, two
// disks (DEV), three interfaces (IFACE: lo, ens192, docker0) and two file systems. UTC
// timestamps, two decimals. Values are deterministic (seeded, src/util/rng.ts).
import path from 'node:path';
import { textWriter } from './text-writer.ts';
import { makeRng } from '../src/util/rng.ts';

const CPU = ['CPU', '%user', '%nice', '%system', '%iowait', '%steal', '%idle'];
const IO = ['tps', 'rtps', 'wtps', 'dtps', 'bread/s', 'bwrtn/s', 'bdscd/s'];
const MEM = [
  ...['kbmemfree', 'kbavail', 'kbmemused', '%memused', 'kbbuffers', 'kbcached'],
  ...['kbcommit', '%commit', 'kbactive', 'kbinact', 'kbdirty'],
];
const QUEUE = ['runq-sz', 'plist-sz', 'ldavg-1', 'ldavg-5', 'ldavg-15', 'blocked'];
const DEV = ['DEV', 'tps', 'rkB/s', 'wkB/s', 'dkB/s', 'areq-sz', 'aqu-sz', 'await', '%util'];
const IFACE = ['IFACE', 'rxpck/s', 'txpck/s', 'rxkB/s', 'txkB/s', 'rxcmp/s', 'txcmp/s', 'rxmcst/s', '%ifutil'];
const FS = ['FILESYSTEM', 'MBfsfree', 'MBfsused', '%fsused', '%ufsused', 'Ifree', 'Iused', '%Iused'];
const DISKS = ['sda', 'sdb'];
const IFACES = ['lo', 'ens192', 'docker0'];
const FILESYSTEMS = ['/dev/mapper/rhel-root', '/dev/sda1'];

const group = (cols: string[]) => [...cols.slice(0, -1), `${cols.at(-1)}[...]`];
const HEADER = [
  ...['hostname', 'interval', 'timestamp'],
  ...group(CPU),
  ...IO,
  ...MEM,
  ...QUEUE,
  ...group(DEV),
  ...group(IFACE),
  ...group(FS),
];

/**
 * 1-based field positions in a data line of what capplan reads, for the DuckDB side:
 * %idle of CPU all, tps of -b, kbmemused, rxkB/s and txkB/s of ens192 (lo and the docker0
 * bridge are not NICs), MBfsused of each file system.
 */
export const SADF_FIELDS = (() => {
  const base = 3 + CPU.length;
  const dev = base + IO.length + MEM.length + QUEUE.length;
  const iface = dev + DISKS.length * DEV.length;
  const ens = iface + IFACES.indexOf('ens192') * IFACE.length;
  const fs = iface + IFACES.length * IFACE.length;
  return {
    host: 1,
    idle: 3 + CPU.indexOf('%idle') + 1,
    tps: base + IO.indexOf('tps') + 1,
    kbmemused: base + IO.length + MEM.indexOf('kbmemused') + 1,
    rxkB: ens + IFACE.indexOf('rxkB/s') + 1,
    txkB: ens + IFACE.indexOf('txkB/s') + 1,
    mbFsUsed: FILESYSTEMS.map((_, i) => fs + i * FS.length + FS.indexOf('MBfsused') + 1),
    width:
      HEADER.length +
      (DISKS.length - 1) * DEV.length +
      (IFACES.length - 1) * IFACE.length +
      (FILESYSTEMS.length - 1) * FS.length,
  };
})();

/** Writes `hosts` files of `days` days every `intervalMinutes` into `dir`; returns the data lines written. */
export async function generateSadf(dir: string, hosts: number, days: number, intervalMinutes: number): Promise<number> {
  const rnd = makeRng(2026);
  const f = (v: number) => v.toFixed(2);
  const steps = Math.round((days * 24 * 60) / intervalMinutes);
  const start = Date.UTC(2026, 2, 2);
  const stamps = Array.from({ length: steps }, (_, t) => {
    const iso = new Date(start + (t + 1) * intervalMinutes * 60_000).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  });
  for (let h = 0; h < hosts; h++) {
    const host = `lnx-${String(h + 1).padStart(4, '0')}`;
    const out = textWriter(path.join(dir, `${host}.sadf.txt`));
    await out.add(`# ${HEADER.join(';')}\n`);
    const memKb = (8 << (h % 4)) * 1_048_576;
    for (let t = 0; t < steps; t++) {
      const busy = rnd() * 90;
      const used = memKb * (0.3 + rnd() * 0.5);
      const tps = rnd() * 2000;
      const cells = [host, String(intervalMinutes * 60), stamps[t]!, '-1'];
      cells.push(f(busy * 0.7), '0.00', f(busy * 0.25), f(busy * 0.05), '0.00', f(100 - busy));
      cells.push(f(tps), f(tps * 0.3), f(tps * 0.7), '0.00', f(tps * 9), f(tps * 21), '0.00');
      cells.push(String(Math.round(memKb * 0.1)), String(Math.round(memKb - used)), String(Math.round(used)));
      cells.push(f((used / memKb) * 100), '102400', String(Math.round(memKb * 0.2)), String(Math.round(used * 1.2)));
      cells.push(
        f(((used * 1.2) / memKb) * 100),
        String(Math.round(used * 0.6)),
        String(Math.round(used * 0.3)),
        '512',
      );
      cells.push(String(Math.floor(rnd() * 8)), '612', f(busy / 25), f(busy / 27), f(busy / 30), '0');
      for (const disk of DISKS) {
        const dt = tps / DISKS.length;
        cells.push(disk, f(dt), f(dt * 4.5), f(dt * 10.5), '0.00', f(15), f(rnd()), f(rnd() * 5), f(rnd() * 60));
      }
      for (const iface of IFACES) {
        const kb = iface === 'lo' ? rnd() * 50 : rnd() * 40_000;
        cells.push(iface, f(kb / 1.2), f(kb / 1.5), f(kb * 0.6), f(kb * 0.4), '0.00', '0.00', '0.00', f(kb / 1250));
      }
      for (const fs of FILESYSTEMS) {
        const usedMb = 20_000 + rnd() * 5000;
        cells.push(fs, f(100_000 - usedMb), f(usedMb), f(usedMb / 1000), f(usedMb / 1000), '6000000', '90000', '1.48');
      }
      await out.add(`${cells.join(';')}\n`);
    }
    await out.close();
  }
  return hosts * steps;
}

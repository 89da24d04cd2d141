// Per-VM trace files such as Bitbrains GWA-T-12 (samples/vm_traces/README.md): `;` + TAB
// separated, one file per VM (file name = VM id). `Timestamp [ms]` holds epoch *seconds*
// (1376314846 = 2013-08-12): values below 10^11 are read as seconds, others as ms.
// CPU % as is; memory KB/1024 (an exact 0.0 is a collector glitch: missing, not idle);
// network (received + transmitted KB/s)/1024; no IOPS and no disk space in these traces.
import path from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { readTextFile } from '../../read-text.ts';
import { METRICS } from '../sample-store.ts';
import { KB_PER_MB, M, type ReadContext } from './context.ts';

export function isBitbrainsHeader(line: string): boolean {
  return /^Timestamp \[ms\];/.test(line);
}

export async function readBitbrains(ctx: ReadContext): Promise<void> {
  const { text } = await readTextFile(ctx.file, ctx.opts.encoding);
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(';').map((h) => h.trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new InputError(`VM trace: missing column "${name}"`, { file: ctx.file, row: 1 });
    return i;
  };
  const [ts, cpu, mem, rx, tx] = [
    'Timestamp [ms]',
    'CPU usage [%]',
    'Memory usage [KB]',
    'Network received throughput [KB/s]',
    'Network transmitted throughput [KB/s]',
  ].map(col) as [number, number, number, number, number];
  const server = path.basename(ctx.file).replace(/\.[^.]*$/, '');
  const optional = (name: string) => header.indexOf(name);
  const [coresCol, capMhzCol, capKbCol] = [
    'CPU cores',
    'CPU capacity provisioned [MHZ]',
    'Memory capacity provisioned [KB]',
  ].map(optional) as [number, number, number];
  let provisioned: { cores: number; mhz: number; kb: number } | undefined;
  const samples = ctx.store.server(server);
  const values = new Float64Array(METRICS);
  let zeros = 0;
  let unit: 's' | 'ms' | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = line.split(';');
    const num = (c: number) => {
      const s = (cells[c] ?? '').trim();
      const v = Number(s);
      if (s === '' || !Number.isFinite(v) || v < 0)
        throw new InputError(`VM trace: expected a number ≥ 0, got ${JSON.stringify(s)}`, {
          file: ctx.file,
          row: i + 1,
          column: header[c] ?? c + 1,
        });
      return v;
    };
    const t = num(ts);
    unit ??= t < 1e11 ? 's' : 'ms';
    values.fill(Number.NaN);
    values[M.cpuPct] = Math.min(num(cpu), 100);
    const memKb = num(mem);
    if (memKb === 0) zeros++;
    values[M.memoryUsedMb] = memKb === 0 ? Number.NaN : memKb / KB_PER_MB;
    values[M.networkMBps] = (num(rx) + num(tx)) / KB_PER_MB;
    samples.add(unit === 's' ? t * 1000 : t, values);
    // The VM's size, from its first sample that states one (capacity jitters in the 4th decimal:
    // not a resize; a VM not yet running records 0 cores).
    if (!provisioned && coresCol >= 0 && num(coresCol) > 0)
      provisioned = {
        cores: num(coresCol),
        mhz: capMhzCol >= 0 ? num(capMhzCol) : Number.NaN,
        kb: capKbCol >= 0 ? num(capKbCol) : Number.NaN,
      };
  }
  if (provisioned) ctx.inventory.push(traceInventory(server, ctx.file, provisioned));
  ctx.notes.push(
    `server "${server}" (file name); "Timestamp [ms]" read as epoch ${unit === 's' ? 'seconds' : 'milliseconds'}; ` +
      `memory KB/1024, network KB/s/1024`,
  );
  if (zeros)
    ctx.findings.push({
      severity: 'info',
      code: 'memory-zero-samples',
      file: ctx.file,
      server,
      message: `${zeros} samples report 0 KB memory used; treated as missing`,
    });
}

/**
 * What a trace says about its VM: cores, clock = provisioned MHz / cores (2599.999 MHz on 1 core
 * → 2.6 GHz) and memory = provisioned KB / 1024 (2097152 KB → 2048 MB).
 */
function traceInventory(server: string, file: string, p: { cores: number; mhz: number; kb: number }) {
  const known = (v: number) => (Number.isFinite(v) && v > 0 ? v : null);
  const cores = known(p.cores);
  const mhz = known(p.mhz);
  const kb = known(p.kb);
  return {
    server,
    file,
    from: 'Bitbrains trace',
    kind: 'vm' as const,
    cores,
    cpuGhz: cores && mhz ? Math.round(mhz / cores) / 1000 : null,
    memoryMb: kb === null ? null : Math.round((kb / KB_PER_MB) * 100) / 100,
    os: null,
    osBits: null,
  };
}

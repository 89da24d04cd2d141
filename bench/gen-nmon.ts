// Writes a folder of synthetic Linux nmon captures (samples/nmon/README.md) for
// bench/formats.bench.ts: one file per host, laid out as nmon 13g writes `nmon -F host.nmon
// -s 300 -c 2016` — AAA run metadata, BBBP command output (with the unbalanced quotes real
// captures have), section header lines, then per snapshot a `ZZZZ,Tnnnn,HH:MM:SS,DD-MON-YYYY`
// line and one line per section: 8 CPUs, CPU_ALL, MEM, VM (its header only after the first
// snapshot), PROC, NET and NETPACKET (lo, eth0, eth1, virbr0; trailing comma), JFSFILE and the
// DISK* sections (whole disks, partitions and dm devices). Values are deterministic (seeded, src/util/rng.ts).
import path from 'node:path';
import { textWriter } from './text-writer.ts';
import { makeRng } from '../src/util/rng.ts';

const CPUS = 8;
const IFACES = ['lo', 'eth0', 'eth1', 'virbr0'];
const DISKS = ['sda', 'sda1', 'sda2', 'sdb', 'sdb1', 'dm-0', 'dm-1'];
const MEM = [
  ...['memtotal', 'hightotal', 'lowtotal', 'swaptotal', 'memfree', 'highfree', 'lowfree', 'swapfree'],
  ...['memshared', 'cached', 'active', 'bigfree', 'buffers', 'swapcached', 'inactive'],
];
const NET = [...IFACES.map((i) => `${i}-read-KB/s`), ...IFACES.map((i) => `${i}-write-KB/s`)];
const VM_COLUMNS = 37;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * 0-based field positions of what capplan reads, for the DuckDB side: User% and Sys% of
 * CPU_ALL; memtotal, memfree, cached, buffers of MEM; read and write KB/s of eth0 and eth1 (lo
 * and the virbr0 bridge are not NICs) of NET; transfers/s of the whole disks sda and sdb of
 * DISKXFER. `width`: the widest line (VM).
 */
export const NMON_FIELDS = {
  user: 2,
  sys: 3,
  memtotal: 2 + MEM.indexOf('memtotal'),
  memfree: 2 + MEM.indexOf('memfree'),
  cached: 2 + MEM.indexOf('cached'),
  buffers: 2 + MEM.indexOf('buffers'),
  net: ['eth0-read-KB/s', 'eth1-read-KB/s', 'eth0-write-KB/s', 'eth1-write-KB/s'].map((c) => 2 + NET.indexOf(c)),
  xfer: ['sda', 'sdb'].map((d) => 2 + DISKS.indexOf(d)),
  width: 2 + VM_COLUMNS,
};

function preamble(host: string, snapshots: number, intervalSeconds: number, date: string): string[] {
  const cpuHeaders = Array.from({ length: CPUS }, (_, i) => {
    const tag = `CPU${String(i + 1).padStart(2, '0')}`;
    return `${tag},CPU ${i + 1} ${host},User%,Sys%,Wait%,Idle%`;
  });
  const diskSections: [string, string][] = [
    ['DISKBUSY', 'Disk %Busy'],
    ['DISKREAD', 'Disk Read KB/s'],
    ['DISKWRITE', 'Disk Write KB/s'],
    ['DISKXFER', 'Disk transfers per second'],
    ['DISKBSIZE', 'Disk Block Size'],
  ];
  return [
    'AAA,progname,nmon',
    `AAA,command,nmon -F ${host}.nmon -s ${intervalSeconds} -c ${snapshots} `,
    'AAA,version,13g',
    'AAA,disks_per_line,150',
    'AAA,max_disks,256,set by -d option',
    `AAA,disks,${DISKS.length},`,
    `AAA,host,${host}`,
    'AAA,user,root',
    'AAA,OS,Linux,4.18.0-513.el8.x86_64,#1 SMP Thu Nov 16 10:29:54 UTC 2023,x86_64',
    `AAA,runname,${host}`,
    'AAA,time,00:00.07',
    `AAA,date,${date}`,
    `AAA,interval,${intervalSeconds}`,
    `AAA,snapshots,${snapshots}`,
    `AAA,cpus,${CPUS},${CPUS}`,
    'AAA,proc_stat_variables,8',
    'AAA,note0, Warning - use the UNIX sort command to order this file before loading into a spreadsheet',
    'AAA,note1, The First Column is simply to get the output sorted in the right order',
    'AAA,note2, The T0001-T9999 column is a snapshot number. To work out the actual time; ' +
      'see the ZZZ section at the end',
    'BBBP,001,/etc/release,"NAME="Red Hat Enterprise Linux""',
    'BBBP,002,/etc/release,"VERSION="8.9 (Ootpa)""',
    'BBBP,003,lscpu,"Model name:          Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz"',
    ...cpuHeaders,
    `CPU_ALL,CPU Total ${host},User%,Sys%,Wait%,Idle%,Busy,CPUs`,
    `MEM,Memory MB ${host},${MEM.join(',')}`,
    `PROC,Processes ${host},Runnable,Swap-in,pswitch,syscall,read,write,fork,exec,sem,msg`,
    `NET,Network I/O ${host},${NET.join(',')},`,
    `NETPACKET,Network Packets ${host},${NET.map((c) => c.replace('-KB/s', '/s')).join(',')},`,
    ...diskSections.map(([tag, what]) => `${tag},${what} ${host},${DISKS.join(',')}`),
    `JFSFILE,JFS Filespace %Used ${host},/,/boot,/home,/var`,
  ];
}

/** Writes `hosts` files of `days` days every `intervalMinutes` into `dir`; returns the snapshots written. */
export async function generateNmon(dir: string, hosts: number, days: number, intervalMinutes: number): Promise<number> {
  const rnd = makeRng(5150);
  const f = (v: number) => v.toFixed(1);
  const snapshots = Math.round((days * 24 * 60) / intervalMinutes);
  const start = Date.UTC(2026, 2, 2, 0, 0, 7);
  const two = (v: number) => String(v).padStart(2, '0');
  const nmonDate = (d: Date) => `${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
  for (let h = 0; h < hosts; h++) {
    const host = `nmon-${String(h + 1).padStart(3, '0')}`;
    const out = textWriter(path.join(dir, `${host}.nmon`));
    const memTotalMb = 16_384 << (h % 3);
    const date0 = nmonDate(new Date(start));
    await out.add(`${preamble(host, snapshots, intervalMinutes * 60, date0).join('\n')}\n`);
    for (let s = 0; s < snapshots; s++) {
      const t = new Date(start + s * intervalMinutes * 60_000);
      const snap = `T${String(s + 1).padStart(4, '0')}`;
      const lines = [
        `ZZZZ,${snap},${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())},${nmonDate(t)}`,
      ];
      let user = 0;
      let sys = 0;
      for (let c = 0; c < CPUS; c++) {
        const u = rnd() * 70;
        const y = rnd() * 15;
        user += u / CPUS;
        sys += y / CPUS;
        lines.push(`CPU${two(c + 1)},${snap},${f(u)},${f(y)},0.0,${f(100 - u - y)}`);
      }
      lines.push(`CPU_ALL,${snap},${f(user)},${f(sys)},0.3,${f(100 - user - sys - 0.3)},,${CPUS}`);
      const free = memTotalMb * (0.1 + rnd() * 0.3);
      const cached = memTotalMb * (0.1 + rnd() * 0.2);
      const mem = [
        memTotalMb,
        -0,
        -0,
        8192,
        free,
        -0,
        -0,
        8100,
        -0,
        cached,
        memTotalMb * 0.4,
        -1,
        512,
        0,
        cached * 0.5,
      ];
      lines.push(`MEM,${snap},${mem.map((v) => (Object.is(v, -0) ? '-0.0' : f(v))).join(',')}`);
      if (s === 0)
        lines.push(`VM,Paging and Virtual Memory,${Array.from({ length: VM_COLUMNS }, (_, i) => `nr_${i}`).join(',')}`);
      lines.push(`VM,${snap},${Array.from({ length: VM_COLUMNS }, () => String(Math.floor(rnd() * 1000))).join(',')}`);
      lines.push(`PROC,${snap},${f(rnd() * 8)},-1.0,${f(rnd() * 9000)},-1.0,-1.0,-1.0,${f(rnd() * 20)},-1.0,-1.0,-1.0`);
      const kb = IFACES.map((i) => (i === 'lo' ? rnd() * 20 : rnd() * 30_000));
      const kbOut = kb.map((v) => v * (0.3 + rnd() * 0.5));
      lines.push(`NET,${snap},${[...kb, ...kbOut].map(f).join(',')},`);
      lines.push(`NETPACKET,${snap},${[...kb, ...kbOut].map((v) => f(v / 1.4)).join(',')},`);
      lines.push(`JFSFILE,${snap},41.2,22.9,${f(60 + rnd())},${f(30 + rnd())}`);
      const xfer = DISKS.map(() => rnd() * 1500);
      for (const [tag, scale] of [
        ['DISKBUSY', 0.05],
        ['DISKREAD', 4],
        ['DISKWRITE', 9],
        ['DISKXFER', 1],
        ['DISKBSIZE', 0.01],
      ] as const)
        lines.push(`${tag},${snap},${xfer.map((v) => f(v * scale)).join(',')}`);
      await out.add(`${lines.join('\n')}\n`);
    }
    await out.close();
  }
  return hosts * snapshots;
}

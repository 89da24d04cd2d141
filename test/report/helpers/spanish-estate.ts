// A small estate written for the Spanish-deliverable test: one server per exclusion rule and
// monitoring with the reader's and the data-quality verdict's findings (a long gap, repeated
// timestamps, CPU above 100 %, a server not in the inventory, too few samples, no memory samples).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const INVENTORY_HEAD =
  'name,vm_name,os,os_bits,sockets,cores_per_socket,cpu_model,cpu_ghz,memory_mb,disk_gb,nics,nic_gbps,' +
  'application,special_hardware,ha_priority';

/** name, os, bits, sockets, cores, memory MB, NICs, special hardware; blank = not in the inventory. */
const SERVERS: [string, string, string, number, number, string, number, string][] = [
  ['web', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
  ['correo', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
  ['grande', 'Rocky Linux 9', '64', 2, 10, '16384', 1, 'none'],
  ['memoria', 'Rocky Linux 9', '64', 2, 8, '262144', 1, 'none'],
  ['antiguo', 'Windows Server 2003', '32', 1, 2, '8192', 1, 'none'],
  ['tarjetas', 'Rocky Linux 9', '64', 1, 4, '8192', 12, 'none'],
  ['ocupado', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
  ['fax', 'Windows Server 2012', '64', 1, 2, '4096', 1, 'usb;fax'],
  ['power', 'AIX 7.2', '64', 1, 4, '8192', 1, 'none'],
  ['incompleto', 'Rocky Linux 9', '', 1, 4, '', 1, 'none'],
  ['sindatos', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
  ['pocas', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
  ['sinmemoria', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
  ['huecos', 'Rocky Linux 9', '64', 1, 4, '8192', 1, 'none'],
];

/** cpu %, memory used MB (null: not recorded) of each monitored server. */
const LOAD: Record<string, [number, number | null]> = {
  web: [20, 4096],
  correo: [15, 3072],
  grande: [90, 8192],
  memoria: [30, 120_000],
  antiguo: [20, 6144],
  tarjetas: [10, 2048],
  ocupado: [30, 7900],
  fax: [10, 1024],
  power: [20, 2048],
  incompleto: [20, 2048],
  sinmemoria: [20, null],
  huecos: [20, 2048],
  fantasma: [10, 1024],
};

const HOUR_MS = 3_600_000;
const START = Date.parse('2026-03-02T00:00:00Z');

function monitoring(): string {
  const rows = ['timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s'];
  for (let h = 0; h < 10 * 24; h++) {
    const at = new Date(START + h * HOUR_MS).toISOString().replace('.000Z', 'Z');
    for (const [server, [cpu, mem]] of Object.entries(LOAD)) {
      if (server === 'huecos' && h >= 48 && h < 96) continue;
      const cpuPct = server === 'huecos' && h === 10 ? 150 : cpu;
      rows.push(`${at},${server},${cpuPct},${mem ?? ''},20,1`);
      if (server === 'huecos' && h === 5) rows.push(`${at},${server},${cpuPct},${mem},20,1`);
    }
    if (h < 3) rows.push(`${at},pocas,10,1024,20,1`);
  }
  return `${rows.join('\n')}\n`;
}

const CAPPLAN = `project: exclusiones
title: Consolidación — casos de exclusión
client: Cliente de prueba
inputs:
  inventory: inventory.csv
  monitoring: monitoring.csv
sizing:
  statistic: { cpu: p95, memory: max, disk: max, network: avg }
  minSamples: 24
hypervisor:
  maxVcpuPerVm: 16
  maxMemoryGb64: 64
cluster:
  redundancy: 1
quality:
  peak: month-end
report:
  language: es
  date: 2026-03-12
`;

/** The project in a new temporary folder. */
export function spanishEstate(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-es-'));
  const inventory = SERVERS.map(
    ([name, os, bits, sockets, cores, mem, nics, hw]) =>
      `${name},${name},${os},${bits},${sockets},${cores},Intel Xeon E5-2650,2.2,${mem},100,${nics},1,app,${hw},medium`,
  );
  writeFileSync(path.join(dir, 'inventory.csv'), `${[INVENTORY_HEAD, ...inventory].join('\n')}\n`);
  writeFileSync(path.join(dir, 'monitoring.csv'), monitoring());
  writeFileSync(path.join(dir, 'capplan.yaml'), CAPPLAN);
  return dir;
}

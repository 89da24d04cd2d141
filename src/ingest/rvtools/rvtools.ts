// RVTools (3.x and 4.x) → inventory (docs/ingest.md, "RVTools"): one InventoryServer per VM of
// vInfo, joined with vCPU, vMemory, vDisk, vPartition on VM ID per vCenter (VI SDK UUID/Server; kubev2v
// renumbers VM names per tab), host CPU model/MHz from vHost. Templates and SRM placeholders
// are excluded; powered-off VMs per setting. Every tab but vInfo may be missing.
// Units: RVTools "MB" and "MiB" are both MiB (README); memory_mb in capplan is MiB too.
import { InputError } from '../../domain/errors.ts';
import type { HaPriority, InventoryServer } from '../../domain/server.ts';
import type { Finding } from '../../domain/finding.ts';
import { slugify } from '../cells.ts';
import { headerKey, type Cell, type Table } from './tables.ts';

export interface RvToolsOptions {
  /** Powered-off VMs: include them (default) or leave them out. */
  poweredOff?: 'include' | 'exclude';
}

/** What RVTools says beyond the inventory columns (written as extra servers.csv columns). */
interface RvToolsVmExtra {
  name: string;
  vcenter: string | null;
  vmId: string | null;
  powerstate: string | null;
  host: string | null;
  cluster: string | null;
  provisionedGb: number | null;
  diskUsedGb: number | null;
  diskUsedSource: 'vPartition' | 'In Use' | null;
}

interface RvToolsHost {
  name: string;
  vcenter: string | null;
  cpuModel: string | null;
  cpuMhz: number | null;
  sockets: number | null;
  coresPerSocket: number | null;
  memoryMb: number | null;
}

export interface RvToolsResult {
  servers: InventoryServer[];
  /** Templates, SRM placeholders and agent VMs (vCLS), with origin.role saying which: not sized (method §3.6). */
  nonWorkloads: InventoryServer[];
  extras: RvToolsVmExtra[];
  hosts: RvToolsHost[];
  excluded: { name: string; reason: 'template' | 'srm-placeholder' | 'agent' | 'powered-off' }[];
  tabs: string[];
  findings: Finding[];
}

/** Column accessor of one table by header synonyms. */
class Columns {
  private readonly index = new Map<string, number>();
  constructor(readonly table: Table) {
    table.header.forEach((h, i) => {
      const k = headerKey(h);
      if (k && !this.index.has(k)) this.index.set(k, i);
    });
  }
  has(...names: string[]): boolean {
    return names.some((n) => this.index.has(headerKey(n)));
  }
  get(cells: Cell[], ...names: string[]): Cell {
    for (const n of names) {
      const i = this.index.get(headerKey(n));
      if (i !== undefined) return cells[i] ?? null;
    }
    return null;
  }
  text(cells: Cell[], ...names: string[]): string | null {
    const v = this.get(cells, ...names);
    return v === null ? null : String(v).trim() || null;
  }
  /** Number, also from locale text: "16,384" (en-US thousands), "0%"; null when empty. */
  num(cells: Cell[], at: number, ...names: string[]): number | null {
    const v = this.get(cells, ...names);
    if (v === null || typeof v === 'number') return v;
    const s = String(v).trim().replace(/%$/, '');
    if (s === '') return null;
    const plain = /^\d{1,3}(,\d{3})+$/.test(s)
      ? s.replace(/,/g, '')
      : /^\d{1,3}( \d{3})+$/.test(s)
        ? s.replace(/ /g, '')
        : s;
    const n = Number(plain);
    if (!Number.isFinite(n))
      throw new InputError(`RVTools ${this.table.name}: expected a number, got ${JSON.stringify(s)}`, {
        file: this.table.source,
        row: at,
        column: names[0]!,
      });
    return n;
  }
  bool(cells: Cell[], ...names: string[]): boolean {
    const v = this.get(cells, ...names);
    return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
  }
}

/** VM ID is unique per vCenter only, so it is qualified by the vCenter (VI SDK UUID/Server). */
function vcenterOf(c: Columns, cells: Cell[]): string {
  return c.text(cells, 'VI SDK UUID') ?? c.text(cells, 'VI SDK Server') ?? '';
}

/** Rows of a per-VM tab, by qualified VM ID when the tab has one, else by VM name. */
interface VmTab {
  c: Columns;
  byId: Map<string, Cell[][]> | null;
  byName: Map<string, Cell[][]>;
}

function byVm(table: Table | undefined, findings: Finding[]): VmTab | undefined {
  if (!table) return undefined;
  const c = new Columns(table);
  if (!c.has('VM', 'VM ID')) {
    findings.push({
      severity: 'warning',
      code: 'rvtools-tab-unusable',
      file: table.source,
      row: 1,
      message: `${table.name} has neither a "VM" nor a "VM ID" column (header damaged?); tab ignored`,
      params: { tab: table.name },
    });
    return undefined;
  }
  const byId = c.has('VM ID') ? new Map<string, Cell[][]>() : null;
  const byName = new Map<string, Cell[][]>();
  const push = (m: Map<string, Cell[][]>, k: string, cells: Cell[]) => m.set(k, [...(m.get(k) ?? []), cells]);
  for (const { cells } of table.rows) {
    const vc = vcenterOf(c, cells);
    const id = c.text(cells, 'VM ID');
    if (byId && id) push(byId, `${vc}|${id}`, cells);
    push(byName, `${vc}|${c.text(cells, 'VM') ?? ''}`, cells);
  }
  return { c, byId, byName };
}

/**
 * The rows of `tab` for the vInfo VM: joined on VM ID when both sides have it (names may differ per tab), else on name.
 */
function rowsFor(tab: VmTab | undefined, vm: { id: string | null; name: string; vc: string }): Cell[][] | undefined {
  if (!tab) return undefined;
  if (tab.byId && vm.id) return tab.byId.get(`${vm.vc}|${vm.id}`);
  return tab.byName.get(`${vm.vc}|${vm.name}`);
}

export function rvToolsInventory(tables: Table[], opts: RvToolsOptions = {}): RvToolsResult {
  const tab = (n: string) => tables.find((t) => t.name === n);
  const info = tab('vInfo');
  if (!info)
    throw new InputError(`RVTools: no vInfo tab (found: ${tables.map((t) => t.name).join(', ') || 'none'})`, {
      file: tables[0]?.source.replace(/\[.*\]$/, '') ?? 'RVTools',
    });
  const findings: Finding[] = [];
  const ic = new Columns(info);
  if (!ic.has('VM')) throw new InputError('RVTools vInfo: missing column "VM"', { file: info.source, row: 1 });
  for (const t of ['vCPU', 'vMemory', 'vDisk', 'vPartition', 'vHost'])
    if (!tab(t))
      findings.push({
        severity: 'info',
        code: 'rvtools-tab-missing',
        file: info.source.replace(/\[.*\]$/, ''),
        message: `no ${t} tab: ${TAB_FALLBACK[t]}`,
        params: { tab: t },
      });
  const cpu = byVm(tab('vCPU'), findings);
  const mem = byVm(tab('vMemory'), findings);
  const disk = byVm(tab('vDisk'), findings);
  const part = byVm(tab('vPartition'), findings);
  const usb = byVm(tab('vUSB'), findings);
  const hosts = rvToolsHosts(tab('vHost'));
  const result: RvToolsResult = {
    servers: [],
    nonWorkloads: [],
    extras: [],
    hosts,
    excluded: [],
    tabs: tables.map((t) => t.name),
    findings,
  };
  const seen = new Map<string, number>();
  const joins = { cpu, mem, disk, part, usb, hosts };
  for (const { cells, row } of info.rows) {
    const name = ic.text(cells, 'VM');
    if (!name) continue;
    const vm = { id: ic.text(cells, 'VM ID'), name, vc: vcenterOf(ic, cells) };
    const role = roleOf(ic, cells, name);
    if (role !== 'workload') {
      result.excluded.push({ name, reason: role });
      result.nonWorkloads.push(vmRow(ic, cells, row, info.source, joins, vm, role).server);
    } else if (opts.poweredOff === 'exclude' && (ic.text(cells, 'Powerstate') ?? '').toLowerCase() === 'poweredoff')
      result.excluded.push({ name, reason: 'powered-off' });
    else {
      const first = seen.get(name);
      if (first !== undefined) {
        findings.push({
          severity: 'warning',
          code: 'rvtools-duplicate-vm',
          file: info.source,
          row,
          server: name,
          message: `VM name "${name}" also on row ${first} (another vCenter?); this row is ignored`,
          params: { name, firstRow: first },
        });
        continue;
      }
      seen.set(name, row);
      const { server, extra } = vmRow(ic, cells, row, info.source, joins, vm, role);
      result.servers.push(server);
      result.extras.push(extra);
    }
  }
  const off = result.servers.filter(
    (_, i) => (result.extras[i]!.powerstate ?? '').toLowerCase() === 'poweredoff',
  ).length;
  if (off)
    findings.push({
      severity: 'info',
      code: 'rvtools-powered-off',
      file: info.source,
      message: `${off} powered-off VM(s) included (they have no recent performance data)`,
      params: { vms: off },
    });
  return result;
}

type Role = 'workload' | 'template' | 'srm-placeholder' | 'agent';

/**
 * What a vInfo row is: a template, an SRM placeholder, a vSphere agent VM (vSphere Cluster
 * Services "vCLS-…" / "vCLS (n)" VMs, ESX Agent Manager appliances in the "ESX Agents" folder),
 * or a workload.
 */
function roleOf(ic: Columns, cells: Cell[], name: string): Role {
  if (ic.bool(cells, 'Template')) return 'template';
  if (ic.bool(cells, 'SRM Placeholder')) return 'srm-placeholder';
  if (/^vCLS([-\s(]|$)/i.test(name) || /(^|\/)ESX Agents(\/|$)/i.test(ic.text(cells, 'Folder') ?? '')) return 'agent';
  return 'workload';
}

const TAB_FALLBACK: Record<string, string> = {
  vCPU: 'sockets = vInfo CPUs, 1 core per socket',
  vMemory: 'memory from vInfo Memory',
  vDisk: 'disk size from vInfo Provisioned/Total disk capacity',
  vPartition: 'used disk from vInfo In Use',
  vHost: 'no host CPU model or clock',
};

type Joins = {
  cpu?: VmTab | undefined;
  mem?: VmTab | undefined;
  disk?: VmTab | undefined;
  part?: VmTab | undefined;
  usb?: VmTab | undefined;
  hosts: RvToolsHost[];
};

function vmRow(
  ic: Columns,
  cells: Cell[],
  row: number,
  source: string,
  j: Joins,
  vm: { id: string | null; name: string; vc: string },
  role: Role,
): { server: InventoryServer; extra: RvToolsVmExtra } {
  const name = ic.text(cells, 'VM')!;
  const cpuRow = rowsFor(j.cpu, vm)?.[0];
  // vInfo CPUs is the vCPU count; vCPU gives the topology (cores per socket) when it agrees.
  const vcpus = ic.num(cells, row, 'CPUs') ?? (cpuRow ? j.cpu!.c.num(cpuRow, row, 'CPUs') : null);
  const cps = cpuRow ? j.cpu!.c.num(cpuRow, row, 'Cores p/s') : null;
  const coresPerSocket = vcpus !== null ? (cps && vcpus % cps === 0 ? cps : 1) : cps;
  const sockets = vcpus !== null && coresPerSocket ? vcpus / coresPerSocket : null;
  const memRow = rowsFor(j.mem, vm)?.[0];
  const memoryMb = (memRow ? j.mem!.c.num(memRow, row, 'Size MB') : null) ?? ic.num(cells, row, 'Memory');
  const diskRows = rowsFor(j.disk, vm);
  const vDiskMb = diskRows ? diskRows.reduce((a, r) => a + (j.disk!.c.num(r, row, 'Capacity MB') ?? 0), 0) : null;
  const provisionedMb = vDiskMb ?? ic.num(cells, row, 'Total disk capacity MB') ?? ic.num(cells, row, 'Provisioned MB');
  const partRows = rowsFor(j.part, vm);
  const partUsedMb = partRows ? partRows.reduce((a, r) => a + (j.part!.c.num(r, row, 'Consumed MB') ?? 0), 0) : null;
  const inUseMb = ic.num(cells, row, 'In Use MB');
  const hostName = ic.text(cells, 'Host');
  const vcenter = ic.text(cells, 'VI SDK Server') ?? ic.text(cells, 'VI SDK UUID');
  const host = j.hosts.find(
    (h) => h.name === hostName && (h.vcenter === null || vcenter === null || h.vcenter === vcenter),
  );
  const os =
    ic.text(cells, 'OS according to the VMware Tools') ?? ic.text(cells, 'OS according to the configuration file');
  const toGb = (mb: number | null) => (mb === null ? null : Math.round((mb / 1024) * 100) / 100);
  const server: InventoryServer = {
    name,
    vmName: slugify(name),
    os,
    osBits: os && /64-bit/i.test(os) ? 64 : os && /32-bit/i.test(os) ? 32 : null,
    sockets,
    coresPerSocket,
    cpuModel: host?.cpuModel ?? null,
    cpuGhz: host?.cpuMhz ? host.cpuMhz / 1000 : null,
    memoryMb,
    diskGb: toGb(provisionedMb),
    nics: ic.num(cells, row, 'NICs'),
    nicGbps: null,
    application: null,
    specialHardware: rowsFor(j.usb, vm) ? ['usb'] : [],
    haPriority: haPriority(ic.text(cells, 'HA Restart Priority')),
    vmware: {
      vcenter,
      datacenter: ic.text(cells, 'Datacenter'),
      cluster: ic.text(cells, 'Cluster'),
      host: hostName,
      folder: ic.text(cells, 'Folder'),
      firmware: ic.text(cells, 'Firmware'),
      template: ic.bool(cells, 'Template'),
      networks: [1, 2, 3, 4, 5, 6, 7, 8]
        .map((i) => ic.text(cells, `Network #${i}`))
        .filter((n): n is string => n !== null),
    },
    origin: {
      kind: 'vm',
      host: hostName,
      powerState: ic.text(cells, 'Powerstate'),
      ...(role === 'workload' ? {} : { role }),
      recorded: {
        tool: 'RVTools',
        cpuUsedMhz: cpuRow ? j.cpu!.c.num(cpuRow, row, 'Overall') : null,
        cpuMaxMhz: cpuRow ? j.cpu!.c.num(cpuRow, row, 'Max') : null,
        memoryConsumedMb: memRow ? j.mem!.c.num(memRow, row, 'Consumed') : null,
        memoryActiveMb: (memRow ? j.mem!.c.num(memRow, row, 'Active') : null) ?? ic.num(cells, row, 'Active Memory'),
        diskUsedGb: toGb(partUsedMb ?? inUseMb),
      },
    },
    source: { file: source, row },
  };
  const extra: RvToolsVmExtra = {
    name,
    vcenter,
    vmId: ic.text(cells, 'VM ID'),
    powerstate: ic.text(cells, 'Powerstate'),
    host: hostName,
    cluster: ic.text(cells, 'Cluster'),
    provisionedGb: toGb(provisionedMb),
    diskUsedGb: toGb(partUsedMb ?? inUseMb),
    diskUsedSource: partUsedMb !== null ? 'vPartition' : inUseMb !== null ? 'In Use' : null,
  };
  return { server, extra };
}

function haPriority(v: string | null): HaPriority {
  const s = (v ?? '').toLowerCase();
  return s === 'high' || s === 'low' ? s : 'medium';
}

function rvToolsHosts(table: Table | undefined): RvToolsHost[] {
  if (!table) return [];
  const c = new Columns(table);
  return table.rows.flatMap(({ cells, row }) => {
    const name = c.text(cells, 'Host');
    if (!name) return [];
    return [
      {
        name,
        vcenter: c.text(cells, 'VI SDK Server') ?? c.text(cells, 'VI SDK UUID'),
        cpuModel: c.text(cells, 'CPU Model'),
        cpuMhz: c.num(cells, row, 'Speed'),
        sockets: c.num(cells, row, '# CPU'),
        coresPerSocket: c.num(cells, row, 'Cores per CPU'),
        memoryMb: c.num(cells, row, '# Memory'),
      },
    ];
  });
}

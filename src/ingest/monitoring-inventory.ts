// Inventory that a monitoring source carries (Bitbrains per-VM traces: cores, provisioned MHz and
// memory; nmon AAA/MEM lines: CPUs, OS, installed memory): it makes the inventory when the project
// names none, and fills the blanks of the one it names (docs/inputs.md, "Inventory from monitoring").
import type { InventoryServer } from '../domain/server.ts';
import type { Finding } from '../domain/finding.ts';
import { slugify } from './cells.ts';

/** What one monitoring file says about the machine it measured; null = it does not say. */
export interface MonitoredInventory {
  server: string;
  file: string;
  /** Human name of the source, e.g. "Bitbrains trace", "nmon AAA/MEM". */
  from: string;
  kind: 'physical' | 'vm';
  cores: number | null;
  cpuGhz: number | null;
  memoryMb: number | null;
  os: string | null;
  osBits: 32 | 64 | null;
}

/** A server the inventory says nothing about but its name. */
export function bareServer(name: string, source = { file: '(monitoring)', row: 0 }): InventoryServer {
  return {
    name,
    vmName: slugify(name),
    os: null,
    osBits: null,
    sockets: null,
    coresPerSocket: null,
    cpuModel: null,
    cpuGhz: null,
    memoryMb: null,
    diskGb: null,
    nics: null,
    nicGbps: null,
    application: null,
    specialHardware: [],
    haPriority: 'medium',
    source,
  };
}

function fromMonitoring(m: MonitoredInventory): InventoryServer {
  return {
    ...bareServer(m.server, { file: m.file, row: 1 }),
    os: m.os,
    osBits: m.osBits,
    sockets: m.cores === null ? null : 1,
    coresPerSocket: m.cores,
    cpuGhz: m.cpuGhz,
    memoryMb: m.memoryMb,
    origin: { kind: m.kind, host: null, powerState: null, inventoryFrom: m.from },
  };
}

/** Blanks of `s` filled from `m`; the names of the columns filled. */
function fillBlanks(s: InventoryServer, m: MonitoredInventory): { server: InventoryServer; filled: string[] } {
  const filled: string[] = [];
  const out = { ...s };
  if (out.sockets === null && out.coresPerSocket === null && m.cores !== null) {
    out.sockets = 1;
    out.coresPerSocket = m.cores;
    filled.push(`sockets × cores_per_socket = 1 × ${m.cores}`);
  }
  if (out.cpuGhz === null && m.cpuGhz !== null) {
    out.cpuGhz = m.cpuGhz;
    filled.push(`cpu_ghz = ${m.cpuGhz}`);
  }
  if (out.memoryMb === null && m.memoryMb !== null) {
    out.memoryMb = m.memoryMb;
    filled.push(`memory_mb = ${m.memoryMb}`);
  }
  if (out.os === null && m.os !== null) {
    out.os = m.os;
    filled.push(`os = ${m.os}`);
  }
  if (out.osBits === null && m.osBits !== null) {
    out.osBits = m.osBits;
    filled.push(`os_bits = ${m.osBits}`);
  }
  return { server: out, filled };
}

/**
 * The inventory to plan: `servers` with blanks filled from the monitoring, or, with no inventory,
 * one server per monitored machine that says enough about itself. The first file naming a server wins.
 */
export function mergeInventory(
  servers: InventoryServer[] | null,
  found: MonitoredInventory[],
): { servers: InventoryServer[]; findings: Finding[] } {
  const byServer = new Map<string, MonitoredInventory>();
  for (const m of found) if (!byServer.has(m.server)) byServer.set(m.server, m);
  if (servers === null) {
    const made = [...byServer.values()].sort((a, b) => (a.server < b.server ? -1 : a.server > b.server ? 1 : 0));
    return { servers: made.map(fromMonitoring), findings: [] };
  }
  const findings: Finding[] = [];
  const out = servers.map((s) => {
    const m = byServer.get(s.name);
    if (!m) return s;
    const { server, filled } = fillBlanks(s, m);
    if (filled.length)
      findings.push({
        severity: 'info',
        code: 'inventory-filled-from-monitoring',
        server: s.name,
        file: s.source.file,
        row: s.source.row,
        message: `blank inventory filled from ${m.from} (${m.file}): ${filled.join(', ')}`,
        params: { from: m.from, file: m.file, fields: filled.join(', ') },
      });
    return server;
  });
  return { servers: out, findings };
}

/** Installed memory of the inventory servers that state it (perfmon: used = installed − available). */
export function installedMemory(servers: readonly InventoryServer[]): { installedMemoryMb?: Record<string, number> } {
  const known = servers.filter((s) => s.memoryMb !== null && s.memoryMb > 0);
  return known.length ? { installedMemoryMb: Object.fromEntries(known.map((s) => [s.name, s.memoryMb!])) } : {};
}

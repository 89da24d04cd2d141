// Plausibility of the monitoring against the inventory (method §9.2): figures a server cannot
// produce are a unit or collection error, not demand. Each is a data-quality finding with the
// numbers and a hint of the unit the values look like; none changes the sizing.
import type { Finding } from '../domain/finding.ts';
import type { InventoryServer, ServerUsage } from '../domain/server.ts';

/** 1 Gbit/s in capplan's MB/s (MB = 2^20 bytes): 10^9 / 8 / 2^20 = 119.21. */
const MBPS_PER_GBPS = 1e9 / 8 / 1_048_576;
/**
 * CPU % of its provisioned capacity a machine can really reach: a VM or a turbo core runs above
 * its nominal clock by up to a third (2.6 → 3.5 GHz), and a source that gives MHz over the
 * provisioned MHz reports it (method §3.7). Above this it is a per-core sum.
 */
const MAX_TURBO_PCT = 150;

/** More than this many IOPS from one server is beyond any array it could have (an all-flash SAN port). */
const MAX_PLAUSIBLE_IOPS = 1_000_000;

const f2 = (x: number) => String(Number(x.toFixed(2)));

function finding(server: string, code: string, message: string, params: Finding['params']): Finding {
  return { severity: 'warning', code, server, message, params };
}

function cpuFinding(s: InventoryServer, u: ServerUsage): Finding | null {
  const m = u.metrics.cpuPct;
  if (!m || m.max <= 100 + 1e-9) return null;
  if (m.max <= MAX_TURBO_PCT)
    return {
      ...finding(
        s.name,
        'cpu-above-capacity',
        `CPU max ${f2(m.max)} % is above the server's nominal capacity: it ran above its clock (turbo) or on more ` +
          'capacity than the inventory states; sized as measured',
        { maxPct: f2(m.max) },
      ),
      severity: 'info',
    };
  return finding(
    s.name,
    'implausible-cpu',
    `CPU max ${f2(m.max)} % is above 100 % of the server; values look like a per-core sum (100 % per core) ` +
      'rather than % of the whole server',
    { maxPct: f2(m.max) },
  );
}

function memoryFinding(s: InventoryServer, u: ServerUsage): Finding | null {
  const m = u.metrics.memoryUsedMb;
  if (!m || s.memoryMb === null || m.max <= s.memoryMb * 1.01) return null;
  const kb = m.max / 1024 <= s.memoryMb;
  const hint = kb ? 'values look like KB; set inputs.units.memory: KB' : 'committed memory or swap?';
  return finding(
    s.name,
    'implausible-memory',
    `memory used max ${f2(m.max)} MB is above the ${f2(s.memoryMb)} MB installed; ${hint}`,
    { maxMb: f2(m.max), installedMb: f2(s.memoryMb), hint: kb ? 'kb' : 'committed' },
  );
}

function networkFinding(s: InventoryServer, u: ServerUsage): Finding | null {
  const m = u.metrics.networkMBps;
  if (!m || s.nics === null || s.nicGbps === null || s.nics === 0) return null;
  const lineRate = s.nics * s.nicGbps * MBPS_PER_GBPS;
  if (m.avg <= lineRate) return null;
  const mbps = m.avg / 8 <= lineRate;
  const hint = mbps
    ? 'values look like Mbit/s: set inputs.units.network: Mbps'
    : 'values look like KB/s or bytes counted twice: set inputs.units.network (KB/s, Mbps …) to the unit they are in';
  return finding(
    s.name,
    'implausible-network',
    `network average ${f2(m.avg)} MB/s exceeds the line rate of its NICs, ${s.nics} × ${f2(s.nicGbps)} Gbps = ` +
      `${f2(lineRate)} MB/s; ${hint}`,
    {
      avgMBps: f2(m.avg),
      nics: s.nics,
      nicGbps: f2(s.nicGbps),
      lineRateMBps: f2(lineRate),
      hint: mbps ? 'mbps' : 'kbps',
    },
  );
}

function diskFinding(s: InventoryServer, u: ServerUsage): Finding | null {
  const m = u.metrics.diskUsedGb;
  if (!m || s.diskGb === null || m.max <= s.diskGb * 1.01) return null;
  const mb = m.max / 1024 <= s.diskGb;
  const hint = mb ? 'values look like MB; capplan expects GB' : 'shared or SAN volumes counted?';
  return finding(
    s.name,
    'implausible-disk',
    `disk used max ${f2(m.max)} GB is above the ${f2(s.diskGb)} GB installed; ${hint}`,
    { maxGb: f2(m.max), installedGb: f2(s.diskGb), hint: mb ? 'mb' : 'shared' },
  );
}

function iopsFinding(s: InventoryServer, u: ServerUsage): Finding | null {
  const m = u.metrics.iops;
  if (!m || m.max <= MAX_PLAUSIBLE_IOPS) return null;
  return finding(
    s.name,
    'implausible-iops',
    `IOPS max ${f2(m.max)} is beyond what one server's disks can do (${MAX_PLAUSIBLE_IOPS}); values look like ` +
      'bytes or sectors per second rather than transfers per second',
    { max: f2(m.max), limit: MAX_PLAUSIBLE_IOPS },
  );
}

/** Every plausibility finding of the monitored servers, in inventory order. */
export function plausibilityFindings(servers: InventoryServer[], usage: Map<string, ServerUsage>): Finding[] {
  return servers.flatMap((s) => {
    const u = usage.get(s.name);
    if (!u) return [];
    return [cpuFinding(s, u), memoryFinding(s, u), networkFinding(s, u), diskFinding(s, u), iopsFinding(s, u)].filter(
      (f): f is Finding => f !== null,
    );
  });
}

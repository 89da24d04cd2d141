// The workbook's descriptive sheets: Summary, Inventory, Hosts and Exclusions. Each takes
// the Plan and fills one worksheet; nothing here reads the clock.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import { dataQuality, dataQualityText, groupOf, headline, hostIops, notPlaced, summaryRows } from './summary.ts';
import { FMT, writeTable, type CellValue } from './workbook-style.ts';

export function summarySheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  const rows: CellValue[][] = summaryRows(plan).map((r) => [
    r.group,
    r.servers,
    r.cpuPct,
    r.memoryGb,
    r.iops,
    r.networkMBps,
  ]);
  const first = writeTable(
    ws,
    `${plan.title} — consolidation summary`,
    [
      { header: 'Group', width: 58 },
      { header: 'Servers', width: 10, numFmt: FMT.int },
      { header: 'Avg CPU %', width: 12, numFmt: FMT.pct1 },
      { header: 'Avg memory GB', width: 15, numFmt: FMT.gb2 },
      { header: 'Avg IOPS', width: 12, numFmt: FMT.dec2 },
      { header: 'Avg network MB/s', width: 17, numFmt: FMT.mbps },
    ],
    rows,
    plan.client ? `Client: ${plan.client}` : undefined,
  );
  const h = headline(plan);
  let r = first + rows.length + 1;
  const facts: [string, CellValue, string?][] = [
    ['Hosts after consolidation', h.hostsUsed, FMT.int],
    ['Lower bound on hosts', plan.placement.lowerBound, FMT.int],
    ['Consolidation ratio (VMs per host)', h.ratio, FMT.dec2],
    ['Machines saved', h.hostsSaved, FMT.int],
    ['VM vCPU', h.vcpu, FMT.int],
    ['VM memory', h.memoryGb, FMT.gb],
    ['VM disk', h.diskGb, FMT.gb],
    [`Redundancy ${h.redundancy}`, h.redundancySatisfied ? 'satisfied' : 'NOT satisfied'],
    ['Data quality', dataQualityText(dataQuality(plan))],
  ];
  for (const [label, value, fmt] of facts) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).font = { bold: true };
    if (value !== null) ws.getCell(r, 2).value = value as ExcelJS.CellValue;
    if (fmt) ws.getCell(r, 2).numFmt = fmt;
    r++;
  }
  r++;
  ws.getCell(r, 1).value = 'Hosts after consolidation';
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  const heads = ['Host', 'VMs', 'vCPU', 'CPU %', 'Memory GB', 'Memory %', 'IOPS', 'Network MB/s'];
  // The hosts table is two columns wider than the groups table above it.
  ws.getColumn(7).width = 12;
  ws.getColumn(8).width = 15;
  const fmts = [undefined, FMT.int, FMT.int, FMT.pct1, FMT.gb, FMT.pct1, FMT.dec2, FMT.mbps];
  heads.forEach((t, i) => {
    ws.getCell(r + 1, i + 1).value = t;
    ws.getCell(r + 1, i + 1).font = { bold: true };
  });
  plan.hosts.forEach((x, j) => {
    const vals: CellValue[] = [
      x.name,
      x.vms.length,
      x.load.vcpu,
      x.load.cpuPct,
      x.load.memoryGb,
      x.load.memoryPct,
      hostIops(plan, x.name),
      x.load.networkMBps,
    ];
    vals.forEach((v, i) => {
      const cell = ws.getCell(r + 2 + j, i + 1);
      if (v !== null) cell.value = v as ExcelJS.CellValue;
      if (fmts[i]) cell.numFmt = fmts[i]!;
    });
  });
}

/** Inventory columns the Sizing formulas read, by field. */
type InventoryField = 'sockets' | 'coresPerSocket' | 'cpuGhz';

export interface InventoryLayout {
  /** The field of the server whose number is in `keyCell`, looked up by that number. */
  lookup(keyCell: string, field: InventoryField): string;
}

export function inventorySheet(ws: ExcelJS.Worksheet, plan: Plan): InventoryLayout {
  const first = writeTable(
    ws,
    'Inventory (as the client supplied it)',
    [
      { header: '#', width: 5, numFmt: FMT.int },
      { header: 'Server', width: 32 },
      { header: 'VM', width: 16 },
      { header: 'OS', width: 34 },
      { header: 'Bits', width: 6, numFmt: FMT.int },
      { header: 'Sockets', width: 9, numFmt: FMT.int },
      { header: 'Cores/socket', width: 12, numFmt: FMT.int },
      { header: 'CPU model', width: 28 },
      { header: 'CPU GHz', width: 10, numFmt: FMT.ghz },
      { header: 'Memory MB', width: 12, numFmt: FMT.mb },
      { header: 'Disk GB', width: 10, numFmt: FMT.gb },
      { header: 'NICs', width: 6, numFmt: FMT.int },
      { header: 'NIC Gbps', width: 9, numFmt: FMT.dec2 },
      { header: 'Application', width: 20 },
      { header: 'Special hardware', width: 16 },
      { header: 'HA priority', width: 11 },
    ],
    plan.servers.map((s, i) => [
      i + 1,
      s.name,
      s.vmName,
      s.os,
      s.osBits,
      s.sockets,
      s.coresPerSocket,
      s.cpuModel,
      s.cpuGhz,
      s.memoryMb,
      s.diskGb,
      s.nics,
      s.nicGbps,
      s.application,
      s.specialHardware.join(', ') || null,
      s.haPriority,
    ]),
  );
  const last = first + Math.max(plan.servers.length, 1) - 1;
  const column: Record<InventoryField, string> = { sockets: 'F', coresPerSocket: 'G', cpuGhz: 'I' };
  const range = (col: string) => `Inventory!$${col}$${first}:$${col}$${last}`;
  return { lookup: (keyCell, field) => `INDEX(${range(column[field])},MATCH(${keyCell},${range('A')},0))` };
}

export function hostsSheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  const first = writeTable(
    ws,
    'Hosts: specification and hypervisor disk layout',
    [
      { header: 'Host', width: 12 },
      { header: 'Model', width: 16 },
      { header: 'Sockets', width: 9, numFmt: FMT.int },
      { header: 'Cores/socket', width: 12, numFmt: FMT.int },
      { header: 'Threads/core', width: 12, numFmt: FMT.int },
      { header: 'CPU GHz', width: 10, numFmt: FMT.ghz },
      { header: 'Memory GB', width: 11, numFmt: FMT.gb },
      { header: 'NICs', width: 6, numFmt: FMT.int },
      { header: 'NIC Gbps', width: 9, numFmt: FMT.dec2 },
      { header: 'Local disk MB', width: 14, numFmt: FMT.mb },
      { header: 'boot MB', width: 9, numFmt: FMT.mb },
      { header: 'root MB', width: 9, numFmt: FMT.mb },
      { header: 'config MB', width: 10, numFmt: FMT.mb },
      { header: 'logging MB', width: 11, numFmt: FMT.mb },
      { header: 'swap MB', width: 11, numFmt: FMT.mb },
      { header: 'data MB', width: 11, numFmt: FMT.mb },
      { header: 'total MB', width: 11, numFmt: FMT.mb },
      { header: 'Fits', width: 6 },
    ],
    plan.hosts.map((h) => {
      const p = h.partitions;
      return [
        h.name,
        h.model,
        h.sockets,
        h.coresPerSocket,
        h.threadsPerCore,
        h.cpuGhz,
        h.memoryGb,
        h.nics,
        h.nicGbps,
        h.localDiskMb,
        p.bootMb,
        p.rootMb,
        p.configMb,
        p.loggingMb,
        p.swapMb,
        p.dataMb,
        p.totalMb,
        p.fits ? 'yes' : 'NO',
      ];
    }),
  );
  let r = first + plan.hosts.length + 1;
  ws.getCell(r, 1).value = 'How the host specification was derived';
  ws.getCell(r, 1).font = { bold: true };
  for (const line of plan.hostModel.derivation) ws.getCell(++r, 1).value = line;
}

export function exclusionsSheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  writeTable(
    ws,
    'Exclusions: servers not placed, with the rule and its numbers',
    [
      { header: 'VM', width: 18 },
      { header: 'Source server', width: 32 },
      { header: 'Status', width: 10 },
      { header: 'Group', width: 50 },
      { header: 'Reason', width: 32 },
      { header: 'Detail', width: 70 },
    ],
    notPlaced(plan).flatMap((v) =>
      (v.reasons.length ? v.reasons : [{ code: 'unknown-error', message: '' }]).map((r) => [
        v.name,
        v.sourceServer,
        v.status,
        groupOf(v),
        r.code,
        r.message,
      ]),
    ),
  );
}

// The workbook's descriptive sheets: Summary, Inventory, Hosts, Exclusions and Findings. Each
// takes the Plan and its language's messages and fills one worksheet; nothing here reads the clock.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import { sortFindings } from '../domain/finding.ts';
import type { Messages } from './messages/index.ts';
import { modelName } from './model-name.ts';
import {
  anyCpuMhz,
  dataQuality,
  dataQualityText,
  groupOf,
  headline,
  hostIops,
  notPlaced,
  summaryRows,
} from './summary.ts';
import { findingText } from './finding-text.ts';
import { reasonText } from './reason-text.ts';
import { FMT, subHeader, writeRows, writeTable, type CellValue } from './workbook-style.ts';
import { cellText } from '../escape/spreadsheet.ts';
import { derivationText } from './derivation-text.ts';

export function summarySheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): void {
  const s = t.summary;
  // CPU MHz only when some server measured it (method §3.7): other workbooks keep their columns.
  const mhz = anyCpuMhz(plan);
  const rows: CellValue[][] = summaryRows(plan).map((r) => [
    t.group[r.group],
    r.servers,
    r.cpuPct,
    ...(mhz ? [r.cpuMhz] : []),
    r.memoryGb,
    r.iops,
    r.networkMBps,
  ]);
  const first = writeTable(
    ws,
    t,
    cellText(s.title(plan.title)),
    [
      { header: s.group, width: 58 },
      { header: s.servers, width: 11, numFmt: FMT.int },
      { header: s.avgCpu, width: 13, numFmt: FMT.pct1 },
      ...(mhz ? [{ header: s.avgCpuMhz, width: 13, numFmt: FMT.dec2 }] : []),
      { header: s.avgMemory, width: 15, numFmt: FMT.gb2 },
      { header: s.avgIops, width: 13, numFmt: FMT.dec2 },
      { header: s.avgNetwork, width: 15, numFmt: FMT.mbps },
    ],
    rows,
    // Host counts and loads here are the plan's: edits on Assumptions do not reach them.
    plan.client ? `${cellText(s.client(plan.client))} ${t.asComputed}` : t.asComputed,
  );
  const h = headline(plan);
  let r = first + rows.length + 1;
  const facts: [string, CellValue, string?][] = [
    [s.hostsAfter, h.hostsUsed, FMT.int],
    [s.ratio, h.ratio, FMT.dec2],
    [s.saved, h.hostsSaved, FMT.int],
    [s.vcpu, h.vcpu, FMT.int],
    [s.memory, h.memoryGb, FMT.gb],
    [s.disk, h.diskGb, FMT.gb],
    [s.redundancy(h.redundancy), h.redundancySatisfied ? s.satisfied : s.notSatisfied],
    [s.dataQuality, dataQualityText(dataQuality(plan), t)],
  ];
  for (const [label, value, fmt] of facts) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).font = { bold: true };
    if (value !== null) ws.getCell(r, 2).value = value as ExcelJS.CellValue;
    if (fmt) ws.getCell(r, 2).numFmt = fmt;
    r++;
  }
  r++;
  subHeader(ws, r, s.hostsAfter, [s.host, s.vms, t.col.vcpu, s.cpuPct, s.memoryGb, s.memoryPct, s.iops, s.networkMBps]);
  // The hosts table is two columns wider than the groups table above it.
  ws.getColumn(7).width = 12;
  ws.getColumn(8).width = 15;
  const fmts = [undefined, FMT.int, FMT.int, FMT.pct1, FMT.gb, FMT.pct1, FMT.dec2, FMT.mbps];
  writeRows(
    ws,
    r + 2,
    plan.hosts.map((x) => [
      cellText(x.name),
      x.vms.length,
      x.load.vcpu,
      x.load.cpuPct,
      x.load.memoryGb,
      x.load.memoryPct,
      hostIops(plan, x.name),
      x.load.networkMBps,
    ]),
    fmts,
  );
}

/** Inventory columns the Sizing formulas read, by field. */
type InventoryField = 'sockets' | 'coresPerSocket' | 'cpuGhz';

export interface InventoryLayout {
  /** The field of the server whose number is in `keyCell`, looked up by that number. */
  lookup(keyCell: string, field: InventoryField): string;
}

export function inventorySheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): InventoryLayout {
  const c = t.col;
  const first = writeTable(
    ws,
    t,
    t.inventory.title,
    [
      { header: c.number, width: 5, numFmt: FMT.int },
      { header: c.server, width: 32 },
      { header: c.vm, width: 16 },
      { header: c.os, width: 34 },
      { header: c.bits, width: 6, numFmt: FMT.int },
      { header: c.sockets, width: 9, numFmt: FMT.int },
      { header: c.coresPerSocket, width: 11, numFmt: FMT.int },
      { header: c.cpuModel, width: 28 },
      { header: c.cpuGhz, width: 9, numFmt: FMT.ghz },
      { header: c.memoryMb, width: 11, numFmt: FMT.mb },
      { header: c.diskGb, width: 9, numFmt: FMT.gb },
      { header: c.nics, width: 6, numFmt: FMT.int },
      { header: c.nicGbps, width: 8, numFmt: FMT.dec2 },
      { header: c.application, width: 20 },
      { header: c.specialHardware, width: 16 },
      { header: c.haPriority, width: 11 },
    ],
    plan.servers.map((s, i) => [
      i + 1,
      cellText(s.name),
      cellText(s.vmName),
      cellText(s.os),
      s.osBits,
      s.sockets,
      s.coresPerSocket,
      cellText(s.cpuModel),
      s.cpuGhz,
      s.memoryMb,
      s.diskGb,
      s.nics,
      s.nicGbps,
      cellText(s.application),
      cellText(s.specialHardware.join(', ')) || null,
      t.ha[s.haPriority],
    ]),
  );
  const last = first + Math.max(plan.servers.length, 1) - 1;
  const column: Record<InventoryField, string> = { sockets: 'F', coresPerSocket: 'G', cpuGhz: 'I' };
  const sheet = `'${t.sheet.inventory}'`;
  const range = (col: string) => `${sheet}!$${col}$${first}:$${col}$${last}`;
  return { lookup: (keyCell, field) => `INDEX(${range(column[field])},MATCH(${keyCell},${range('A')},0))` };
}

export function hostsSheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): void {
  const c = t.col;
  // The EFI system partition has a column only when the profile installs UEFI hosts (method §7, §12).
  const efi = plan.hosts.some((h) => (h.partitions.efiMb ?? 0) > 0);
  const first = writeTable(
    ws,
    t,
    t.hosts.title,
    [
      { header: c.host, width: 12 },
      { header: c.model, width: 16 },
      { header: c.sockets, width: 9, numFmt: FMT.int },
      { header: c.coresPerSocket, width: 11, numFmt: FMT.int },
      { header: c.threadsPerCore, width: 11, numFmt: FMT.int },
      { header: c.cpuGhz, width: 9, numFmt: FMT.ghz },
      { header: c.memoryGb, width: 10, numFmt: FMT.gb },
      { header: c.nics, width: 6, numFmt: FMT.int },
      { header: c.nicGbps, width: 8, numFmt: FMT.dec2 },
      { header: c.localDiskMb, width: 11, numFmt: FMT.mb },
      { header: c.bootMb, width: 9, numFmt: FMT.mb },
      ...(efi ? [{ header: c.efiMb, width: 11, numFmt: FMT.mb }] : []),
      { header: c.rootMb, width: 9, numFmt: FMT.mb },
      { header: c.configMb, width: 10, numFmt: FMT.mb },
      { header: c.loggingMb, width: 11, numFmt: FMT.mb },
      { header: c.swapMb, width: 11, numFmt: FMT.mb },
      { header: c.dataMb, width: 11, numFmt: FMT.mb },
      { header: c.totalMb, width: 11, numFmt: FMT.mb },
      { header: c.fits, width: 6 },
    ],
    plan.hosts.map((h) => {
      const p = h.partitions;
      return [
        cellText(h.name),
        cellText(modelName(h.model, t)),
        h.sockets,
        h.coresPerSocket,
        h.threadsPerCore,
        h.cpuGhz,
        h.memoryGb,
        h.nics,
        h.nicGbps,
        h.localDiskMb,
        p.bootMb,
        ...(efi ? [p.efiMb ?? 0] : []),
        p.rootMb,
        p.configMb,
        p.loggingMb,
        p.swapMb,
        p.dataMb,
        p.totalMb,
        p.fits ? t.yes : t.no.toUpperCase(),
      ];
    }),
    // The disk layout follows swap and data factors that Assumptions shows but does not recalculate here.
    t.asComputed,
  );
  let r = first + plan.hosts.length + 1;
  ws.getCell(r, 1).value = t.hosts.derivation;
  ws.getCell(r, 1).font = { bold: true };
  plan.hostModel.derivation.forEach((_, i) => {
    ws.getCell(++r, 1).value = cellText(derivationText(plan.hostModel, i, t));
  });
}

export function exclusionsSheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): void {
  const c = t.col;
  const rows: CellValue[][] = notPlaced(plan).flatMap((v) =>
    (v.reasons.length ? v.reasons : [{ code: 'unknown-error', message: '' }]).map((r) => [
      cellText(v.name),
      cellText(v.sourceServer),
      t.status[v.status],
      t.group[groupOf(v)],
      r.code,
      cellText(reasonText(r, t)),
    ]),
  );
  writeTable(
    ws,
    t,
    t.exclusions.title,
    [
      { header: c.vm, width: 18 },
      { header: c.sourceServer, width: 32 },
      { header: c.status, width: 11 },
      { header: c.group, width: 50 },
      { header: c.reason, width: 32 },
      { header: c.detail, width: 70 },
    ],
    rows,
    rows.length === 0 ? t.exclusions.none(plan.vms.length) : undefined,
  );
}

export function findingsSheet(ws: ExcelJS.Worksheet, plan: Plan, t: Messages): void {
  const c = t.col;
  const findings = sortFindings(plan.findings ?? []);
  writeTable(
    ws,
    t,
    t.findings.title,
    [
      { header: c.severity, width: 12 },
      { header: c.server, width: 28 },
      { header: c.finding, width: 28 },
      { header: c.where, width: 28 },
      { header: c.detail, width: 80 },
    ],
    findings.map((f) => [
      t.severity[f.severity],
      cellText(f.server ?? '') || null,
      f.code,
      cellText(f.file ? `${f.file}${f.row ? `:${f.row}` : ''}` : '') || null,
      cellText(findingText(f, t)),
    ]),
    findings.length === 0 ? t.findings.none : undefined,
  );
}

// The Sizing sheet: each VM's vCPU, memory and disk with the inputs behind them.
import type ExcelJS from 'exceljs';
import type { Plan } from '../plan/types.ts';
import { FMT, writeTable, type CellValue } from './workbook-style.ts';

export function sizingSheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  const rows: CellValue[][] = plan.vms.map((v) => {
    const s = v.sizing;
    return [
      v.name, v.sourceServer, v.status,
      s.cpu?.measured ?? null, s.cpu?.demand ?? null, v.vcpu,
      s.memory?.measured ?? null, s.memory?.demand ?? null, v.memoryGb,
      s.disk?.measured ?? null, s.disk?.demand ?? null, v.diskGb,
      v.nics, v.networkMBps,
    ];
  });
  writeTable(
    ws,
    'Sizing: each VM and the inputs behind it',
    [
      { header: 'VM', width: 16 }, { header: 'Source server', width: 30 }, { header: 'Status', width: 10 },
      { header: 'CPU % measured', width: 11, numFmt: FMT.pct1 }, { header: 'CPU % demand', width: 11, numFmt: FMT.pct1 }, { header: 'vCPU', width: 7, numFmt: FMT.int },
      { header: 'Memory measured', width: 14, numFmt: FMT.mb2 }, { header: 'Memory demand', width: 14, numFmt: FMT.mb2 }, { header: 'Memory GB', width: 11, numFmt: FMT.gb },
      { header: 'Disk measured', width: 13, numFmt: FMT.gb2 }, { header: 'Disk demand', width: 13, numFmt: FMT.gb2 }, { header: 'Disk GB', width: 10, numFmt: FMT.gb },
      { header: 'vNICs', width: 7, numFmt: FMT.int }, { header: 'Network MB/s', width: 13, numFmt: FMT.mbps },
    ],
    rows,
  );
}

// The Cost sheet: hardware, per-socket subscriptions (method §5.4: RHEV is priced per
// physical socket) and power over the plan's horizon, before vs after. Every figure is a
// formula over Assumptions, so the consultant can enter prices and see the totals follow.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import { DATA_FIRST_ROW, FMT, writeTable, type CellValue } from './workbook-style.ts';

interface Line {
  key: string;
  label: string;
  /** A number, or a formula in which {key} names another line's value cell. */
  value: number | string;
  unit: string;
  numFmt: string;
  how: string;
}

function lines(plan: Plan, a: AssumptionCells): Line[] {
  // One count for every report: the plan's hosts (standby hosts of N+k included).
  const hostsUsed = plan.placement.hostsUsed;
  // 8760 hours a year: power is drawn around the clock.
  return [
    { key: 'hosts', label: 'Hosts after consolidation', value: hostsUsed, unit: 'hosts', numFmt: FMT.int, how: 'plan' },
    {
      key: 'sockets',
      label: 'Sockets per host',
      value: plan.hostModel.sockets,
      unit: 'sockets',
      numFmt: FMT.int,
      how: 'host specification',
    },
    {
      key: 'servers',
      label: 'Source servers retired',
      value: plan.totals.placed,
      unit: 'servers',
      numFmt: FMT.int,
      how: 'placed VMs',
    },
    {
      key: 'hardware',
      label: 'Host hardware',
      value: `{hosts}*${a.hostPrice}`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'hosts × price per host',
    },
    {
      key: 'subscriptions',
      label: 'Hypervisor subscriptions over the horizon',
      value: `{hosts}*{sockets}*${a.subscriptionPerSocketYear}*${a.horizonYears}`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'hosts × sockets × price per socket-year × years',
    },
    {
      key: 'kwhAfter',
      label: 'Energy after',
      value: `{hosts}*${a.hostWatts}*8760*${a.horizonYears}/1000`,
      unit: 'kWh',
      numFmt: FMT.money,
      how: 'hosts × W × 8760 h × years / 1000',
    },
    {
      key: 'kwhBefore',
      label: 'Energy before',
      value: `{servers}*${a.sourceServerWatts}*8760*${a.horizonYears}/1000`,
      unit: 'kWh',
      numFmt: FMT.money,
      how: 'servers × W × 8760 h × years / 1000',
    },
    {
      key: 'powerAfter',
      label: 'Power cost after',
      value: `{kwhAfter}*${a.kwhPrice}`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'kWh × price per kWh',
    },
    {
      key: 'powerBefore',
      label: 'Power cost before',
      value: `{kwhBefore}*${a.kwhPrice}`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'kWh × price per kWh',
    },
    {
      key: 'powerSaved',
      label: 'Power cost saved',
      value: '{powerBefore}-{powerAfter}',
      unit: 'currency',
      numFmt: FMT.money,
      how: 'before − after',
    },
    {
      key: 'totalAfter',
      label: 'Total cost after, over the horizon',
      value: '{hardware}+{subscriptions}+{powerAfter}',
      unit: 'currency',
      numFmt: FMT.money,
      how: 'hardware + subscriptions + power',
    },
  ];
}

export function costSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells): void {
  const list = lines(plan, a);
  const rowOf = new Map(list.map((l, i) => [l.key, DATA_FIRST_ROW + i]));
  const resolve = (f: string) => f.replace(/\{(\w+)\}/g, (_, k: string) => `B${rowOf.get(k)}`);
  const rows: CellValue[][] = list.map((l) => [
    l.label,
    typeof l.value === 'number' ? l.value : { formula: resolve(l.value) },
    l.unit,
    l.how,
  ]);
  writeTable(
    ws,
    "Cost over the plan's horizon, before vs after",
    [
      { header: 'Item', width: 42 },
      { header: 'Value', width: 16 },
      { header: 'Unit', width: 12 },
      { header: 'How', width: 50 },
    ],
    rows,
    'Prices, power and horizon are on Assumptions (yellow cells); the host price and power come from the plan.',
  );
  list.forEach((l, i) => {
    ws.getCell(DATA_FIRST_ROW + i, 2).numFmt = l.numFmt;
  });
}

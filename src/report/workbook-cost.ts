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
  /**
   * A number, or a formula in which {key} names another line's value cell and [key] an
   * assumption; the same expression is evaluated here for the cached result.
   */
  value: number | string;
  unit: string;
  numFmt: string;
  how: string;
}

function lines(plan: Plan): Line[] {
  const hostsUsed = plan.hosts.filter((h) => h.vms.length > 0).length;
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
      value: `{hosts}*[hostPrice]`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'hosts × price per host',
    },
    {
      key: 'subscriptions',
      label: 'Hypervisor subscriptions over the horizon',
      value: `{hosts}*{sockets}*[subscriptionPerSocketYear]*[horizonYears]`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'hosts × sockets × price per socket-year × years',
    },
    {
      key: 'kwhAfter',
      label: 'Energy after',
      value: `{hosts}*[hostWatts]*8760*[horizonYears]/1000`,
      unit: 'kWh',
      numFmt: FMT.money,
      how: 'hosts × W × 8760 h × years / 1000',
    },
    {
      key: 'kwhBefore',
      label: 'Energy before',
      value: `{servers}*[sourceServerWatts]*8760*[horizonYears]/1000`,
      unit: 'kWh',
      numFmt: FMT.money,
      how: 'servers × W × 8760 h × years / 1000',
    },
    {
      key: 'powerAfter',
      label: 'Power cost after',
      value: `{kwhAfter}*[kwhPrice]`,
      unit: 'currency',
      numFmt: FMT.money,
      how: 'kWh × price per kWh',
    },
    {
      key: 'powerBefore',
      label: 'Power cost before',
      value: `{kwhBefore}*[kwhPrice]`,
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

/**
 * The value of a line's expression: only numbers, + − × ÷, {line} and [assumption] occur,
 * so after substitution it is evaluated left to right with × and ÷ before + and −.
 */
function evaluate(expr: string, line: (k: string) => number, assumption: (k: string) => number): number {
  const text = expr
    .replace(/\{(\w+)\}/g, (_, k: string) => `(${line(k)})`)
    .replace(/\[(\w+)\]/g, (_, k: string) => `(${assumption(k)})`);
  return arithmetic(text);
}

/** + − × ÷ and parentheses over decimal numbers (the cost expressions above, nothing else). */
function arithmetic(text: string): number {
  const tokens = text.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|[-+*/()]/gi) ?? [];
  let i = 0;
  const factor = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i++;
      return v;
    }
    if (t === '-') return -factor();
    return Number(t);
  };
  const product = (): number => {
    let v = factor();
    while (tokens[i] === '*' || tokens[i] === '/') v = tokens[i++] === '*' ? v * factor() : v / factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}

export function costSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells): void {
  const list = lines(plan);
  const rowOf = new Map(list.map((l, i) => [l.key, DATA_FIRST_ROW + i]));
  const values = new Map<string, number>();
  const assumption = (k: string) => Number(a.value[k]);
  for (const l of list)
    values.set(l.key, typeof l.value === 'number' ? l.value : evaluate(l.value, (k) => values.get(k)!, assumption));
  const resolve = (f: string) =>
    f.replace(/\{(\w+)\}/g, (_, k: string) => `B${rowOf.get(k)}`).replace(/\[(\w+)\]/g, (_, k: string) => a.ref[k]!);
  const rows: CellValue[][] = list.map((l) => [
    l.label,
    typeof l.value === 'number' ? l.value : { formula: resolve(l.value), result: values.get(l.key)! },
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

// The Cost sheet: hardware, per-socket subscriptions (method §5.4: RHEV is priced per
// physical socket) and power over the plan's horizon, before vs after. Every figure is a
// formula over Assumptions, so the consultant can enter prices and see the totals follow.
import type ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan.ts';
import type { AssumptionCells } from './workbook-assumptions.ts';
import type { Messages } from './messages/index.ts';
import { DATA_FIRST_ROW, FMT, writeTable, type CellValue } from './workbook-style.ts';
import { licenceCostLines, licenceTotalTerm } from './workbook-licences.ts';

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

function lines(plan: Plan, t: Messages): Line[] {
  const k = t.cost;
  const cur = t.assumptions.unit.currency;
  // One count for every report: the plan's hosts (standby hosts of N+k included).
  const hostsUsed = plan.placement.hostsUsed;
  const line = (key: keyof Messages['cost'], value: number | string, unit: string, numFmt: string, how: string) => ({
    key,
    label: k[key] as string,
    value,
    unit,
    numFmt,
    how,
  });
  // 8760 hours a year: power is drawn around the clock.
  return [
    line('hosts', hostsUsed, k.unitHosts, FMT.int, k.howHosts),
    line('sockets', plan.hostModel.sockets, k.unitSockets, FMT.int, k.howSockets),
    line('servers', plan.totals.placed, k.unitServers, FMT.int, k.howServers),
    line('hardware', '{hosts}*[hostPrice]', cur, FMT.money, k.howHardware),
    line(
      'subscriptions',
      '{hosts}*{sockets}*[subscriptionPerSocketYear]*[horizonYears]',
      cur,
      FMT.money,
      k.howSubscriptions,
    ),
    line('kwhAfter', '{hosts}*[hostWatts]*8760*[horizonYears]/1000', 'kWh', FMT.money, k.howKwhAfter),
    line('kwhBefore', '{servers}*[sourceServerWatts]*8760*[horizonYears]/1000', 'kWh', FMT.money, k.howKwhBefore),
    line('powerAfter', '{kwhAfter}*[kwhPrice]', cur, FMT.money, k.howPower),
    line('powerBefore', '{kwhBefore}*[kwhPrice]', cur, FMT.money, k.howPower),
    line('powerSaved', '{powerBefore}-{powerAfter}', cur, FMT.money, k.howSaved),
    ...licenceCostLines(plan),
    line('totalAfter', `{hardware}+{subscriptions}+{powerAfter}${licenceTotalTerm(plan)}`, cur, FMT.money, k.howTotal),
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

export function costSheet(ws: ExcelJS.Worksheet, plan: Plan, a: AssumptionCells, t: Messages): void {
  const list = lines(plan, t);
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
    t,
    t.cost.title,
    [
      { header: t.col.item, width: 42 },
      { header: t.col.value, width: 16 },
      { header: t.col.unit, width: 12 },
      { header: t.col.how, width: 50 },
    ],
    rows,
    t.cost.note,
  );
  list.forEach((l, i) => {
    ws.getCell(DATA_FIRST_ROW + i, 2).numFmt = l.numFmt;
  });
}

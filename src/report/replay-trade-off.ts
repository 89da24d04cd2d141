// The trade-off table (method §14.5) for plan.md and the workbook: per sizing choice the hosts
// it needs and how often the replayed demand goes over the ceiling and over 100 %.
import type { Plan } from '../domain/plan.ts';
import type { TradeOffRow } from '../domain/plan-replay.ts';
import { md, pct } from './format.ts';
import { mdTable } from './markdown-table.ts';

const ROLE = { planning: 'planning window', backtest: 'backtest window' } as const;

/** Header and cells of the table, shared by both renderers. */
export function tradeOffTable(plan: Plan): { header: string[]; rows: (string | number)[][] } | null {
  const t = plan.replay?.tradeOff;
  if (!t || t.rows.length === 0) return null;
  const roles = t.rows[0]!.windows.map((w) => w.role);
  const header = [
    'Sizing',
    'Hosts',
    'Lower bound',
    'Unplaced',
    `N+${plan.redundancy.k}`,
    ...roles.flatMap((r) => [`CPU > ceiling, ${ROLE[r]}`, `CPU > 100 %, ${ROLE[r]}`, `Memory > 100 %, ${ROLE[r]}`]),
  ];
  const rows = t.rows.map((r: TradeOffRow) => [
    r.sizing,
    r.hosts,
    r.lowerBound,
    r.unplaced,
    r.redundancySatisfied ? 'holds' : 'fails',
    ...r.windows.flatMap((w) => [w.cpuOverCeilingPct, w.cpuOver100Pct, w.memoryOver100Pct]),
  ]);
  return { header, rows };
}

export function tradeOffSection(plan: Plan): string {
  const table = tradeOffTable(plan);
  if (!table) return '';
  const model = plan.replay!.tradeOff!.hostModel;
  return [
    '### Trade-off: what each sizing needs and risks',
    '',
    `The same VMs on ${md(model)} hosts, fewest hosts each: every VM at its average, p95, p99 or maximum measured ` +
      'GHz and GB over the window, or on its hourly series at the slot maximum (method §14.5); the vCPU and memory ' +
      'allocations bound every row as in the plan. Shares are of host-intervals in normal operation.',
    '',
    mdTable(
      table.header.map((h, i) => ({ header: h, align: i === 0 || i === 4 ? 'left' : 'right' })),
      table.rows.map((r) => r.map((c, i) => (typeof c === 'string' ? md(c) : i >= 5 ? pct(c, 2) : String(c)))),
    ),
  ].join('\n');
}

// The trade-off table (method §14.5) for plan.md and the workbook: per sizing choice the hosts
// it needs and how often the replayed demand goes over the ceiling and over 100 %.
import type { Plan } from '../domain/plan.ts';
import type { TradeOffRow } from '../domain/plan-replay.ts';
import { md, pct } from './format.ts';
import { mdTable } from './markdown-table.ts';
import { modelName } from './model-name.ts';
import { messagesFor } from './messages/index.ts';

/** Header and cells of the table, shared by both renderers. */
export function tradeOffTable(plan: Plan): { header: string[]; rows: (string | number)[][] } | null {
  const t = plan.replay?.tradeOff;
  if (!t || t.rows.length === 0) return null;
  const msg = messagesFor(plan);
  const m = msg.replay.tradeOff;
  const roles = t.rows[0]!.windows.map((w) => m.role[w.role]!);
  const header = [
    m.sizing,
    m.hosts,
    m.lowerBound,
    m.unplaced,
    `N+${plan.redundancy.k}`,
    ...roles.flatMap((r) => [m.cpuOverCeiling(r), m.cpuOver100(r), m.memoryOver100(r)]),
  ];
  const rows = t.rows.map((r: TradeOffRow) => [
    r.stoppedEarly ? m.stopped(m.sizingName(r)) : m.sizingName(r),
    r.hosts,
    r.lowerBound,
    r.unplaced,
    r.redundancySatisfied ? msg.holds : msg.fails,
    ...r.windows.flatMap((w) => [w.cpuOverCeilingPct, w.cpuOver100Pct, w.memoryOver100Pct]),
  ]);
  return { header, rows };
}

/** The line naming the rows the time limit left out, or null when every row was computed. */
export function tradeOffOmitted(plan: Plan): string | null {
  const omitted = plan.replay?.tradeOff?.omitted ?? [];
  const m = messagesFor(plan).replay.tradeOff;
  return omitted.length > 0 ? m.omitted(omitted.map((sizing) => m.sizingName({ sizing })).join(', ')) : null;
}

export function tradeOffSection(plan: Plan): string {
  const t = plan.replay?.tradeOff;
  const table = tradeOffTable(plan);
  const omitted = tradeOffOmitted(plan);
  if (!t || (!table && !omitted)) return '';
  const msg = messagesFor(plan);
  const m = msg.replay.tradeOff;
  return [
    `### ${m.title}`,
    '',
    m.intro(md(modelName(t.hostModel, msg))) + (t.rows.some((r) => r.stoppedEarly) ? ` ${m.stoppedNote}` : ''),
    ...(table
      ? [
          '',
          mdTable(
            table.header.map((h, i) => ({ header: h, align: i === 0 || i === 4 ? 'left' : 'right' })),
            table.rows.map((r) => r.map((c, i) => (typeof c === 'string' ? md(c) : i >= 5 ? pct(c, 2) : String(c)))),
          ),
        ]
      : []),
    ...(omitted ? ['', omitted] : []),
  ].join('\n');
}

// The trade-off table (method §14.5): the same VMs on the plan's host model, sized every way a
// consultant might choose — each VM at its avg, p95, p99 or max GHz and GB over the window
// (one slot as long as the window), or on its series (placement.series: by default the day
// profile of 30-minute slots at the slot maximum, method §14.4) — each placed
// with the fewest hosts and replayed on the plan's windows. The rows share what the plan's one
// clock has left (method §6.5): each row an equal part of the rest, and a row the clock cut
// short says so. The rows place without exact mode (heuristics with iteration budgets), so
// the same input gives the same rows however busy the machine is.
import type { Deadline } from '../placement/deadline.ts';
import type { TradeOffRow } from '../domain/plan-replay.ts';
import type { Plan } from '../domain/plan.ts';
import type { ProjectSettings } from '../domain/project.ts';

/** A static statistic is one slot that covers any monitoring window (ten years, in minutes). */
const WHOLE_WINDOW_MINUTES = 10 * 366 * 24 * 60;
const SIZINGS: [string, string, number | null][] = [
  ['avg', 'avg', WHOLE_WINDOW_MINUTES],
  ['p95', 'p95', WHOLE_WINDOW_MINUTES],
  ['p99', 'p99', WHOLE_WINDOW_MINUTES],
  ['max', 'max', WHOLE_WINDOW_MINUTES],
  ['series', 'max', null],
];

/** Runs `plan` (the whole pipeline, replay included, no trade-off of its own) once per sizing. */
export async function tradeOffRows(
  base: Plan,
  deadline: Deadline,
  plan: (settings: ProjectSettings, catalog: Plan['hostModel'][], deadline: Deadline) => Promise<Plan>,
): Promise<{ rows: TradeOffRow[]; omitted: string[] }> {
  const s = base.settings;
  const rows: TradeOffRow[] = [];
  const omitted: string[] = [];
  for (const [i, [sizing, statistic, slotMinutes]] of SIZINGS.entries()) {
    // Past the clock a row would still simulate, verify and replay a whole plan (seconds at
    // 10,000 VMs): it is left out and named instead, so the command keeps its limit.
    if (deadline.passed()) {
      omitted.push(sizing);
      continue;
    }
    const rowDeadline = deadline.share(1 / (SIZINGS.length - i)).run();
    const settings: ProjectSettings = {
      ...s,
      cluster: { ...s.cluster, mode: 'catalog', hostCount: null },
      placement: {
        ...s.placement,
        demand: 'series',
        series: {
          slotMinutes: slotMinutes ?? s.placement.series.slotMinutes,
          statistic,
          period: slotMinutes === null ? s.placement.series.period : 'window',
        },
      },
    };
    const p = await plan(settings, [base.hostModel], rowDeadline);
    rows.push({
      sizing:
        slotMinutes === null
          ? `series (${settings.placement.series.slotMinutes} min, ${statistic}, ${settings.placement.series.period})`
          : sizing,
      ...(slotMinutes === null
        ? {
            series: {
              slotMinutes: settings.placement.series.slotMinutes,
              statistic,
              period: settings.placement.series.period,
            },
          }
        : {}),
      hosts: p.placement.hostsUsed,
      lowerBound: p.placement.lowerBound,
      unplaced: p.totals.unplaced,
      redundancySatisfied: p.redundancy.satisfied,
      // By the note's code, not its English text.
      stoppedEarly: (p.placement.noteSteps ?? []).some((s) => s.code === 'time-limit'),
      windows: (p.replay?.windows ?? []).map((w) => ({
        role: w.role,
        cpuOverCeilingPct: w.summary.cpuOverCeilingPct,
        cpuOver100Pct: w.summary.cpuOver100Pct,
        memoryOver100Pct: w.summary.memoryOver100Pct,
        overloaded: w.overloaded,
      })),
    });
  }
  return { rows, omitted };
}

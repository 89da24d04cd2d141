// The trade-off table (method §14.5): the same VMs on the plan's host model, sized every way a
// consultant might choose — each VM at its avg, p95, p99 or max GHz and GB over the window
// (one slot as long as the window), or on its hourly series at the slot maximum — each placed
// with the fewest hosts and replayed on the plan's windows.
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
  plan: (settings: ProjectSettings, catalog: Plan['hostModel'][]) => Promise<Plan>,
): Promise<TradeOffRow[]> {
  const s = base.settings;
  const rows: TradeOffRow[] = [];
  for (const [sizing, statistic, slotMinutes] of SIZINGS) {
    const settings: ProjectSettings = {
      ...s,
      cluster: { ...s.cluster, mode: 'catalog', hostCount: null },
      placement: {
        ...s.placement,
        timeLimitSeconds: s.placement.timeLimitSeconds / SIZINGS.length,
        demand: 'series',
        series: { slotMinutes: slotMinutes ?? s.placement.series.slotMinutes, statistic },
      },
    };
    const p = await plan(settings, [base.hostModel]);
    rows.push({
      sizing: slotMinutes === null ? `series (${settings.placement.series.slotMinutes} min, ${statistic})` : sizing,
      hosts: p.placement.hostsUsed,
      lowerBound: p.placement.lowerBound,
      unplaced: p.totals.unplaced,
      redundancySatisfied: p.redundancy.satisfied,
      windows: (p.replay?.windows ?? []).map((w) => ({
        role: w.role,
        cpuOverCeilingPct: w.summary.cpuOverCeilingPct,
        cpuOver100Pct: w.summary.cpuOver100Pct,
        memoryOver100Pct: w.summary.memoryOver100Pct,
        overloaded: w.overloaded,
      })),
    });
  }
  return rows;
}

// The replay lines of the terminal summary (method §14): one per window, the overloaded hosts
// named. Plain text (escape/plain-text.ts) for client strings; colour only when asked.
import type { ChalkInstance } from 'chalk';
import type { Plan } from '../domain/plan.ts';
import type { ReplayWindow } from '../domain/plan-replay.ts';
import { plainText } from '../escape/plain-text.ts';
import { num, pct } from './format.ts';

export function replayLines(plan: Plan, c: ChalkInstance): string[] {
  return (plan.replay?.windows ?? []).map((w) => windowLine(w, plan.replay!.maxOverloadPct, c));
}

export function windowLine(w: ReplayWindow, maxOverloadPct: number, c: ChalkInstance): string {
  const s = w.summary;
  const head =
    `Replay of the ${w.role} window (${(w.from ?? '—').slice(0, 10)} – ${(w.to ?? '—').slice(0, 10)}, ` +
    `${s.hostIntervals} host-intervals): CPU over the ceiling ${pct(s.cpuOverCeilingPct, 2)}, over 100 % ` +
    `${pct(s.cpuOver100Pct, 2)}; memory over 100 % ${pct(s.memoryOver100Pct, 2)}; network over 100 % ` +
    `${pct(s.networkOver100Pct, 2)}`;
  if (!w.overloaded) return c.green(`${head}: held`);
  const normal = w.scenarios.find((x) => x.name === 'normal');
  const worst = (normal?.hosts ?? [])
    .flatMap((h) =>
      (['cpu', 'memory', 'network', 'iops'] as const).flatMap((k) =>
        (h[k]?.over100Pct ?? 0) > maxOverloadPct ? [`${plainText(h.name)} ${k} ${pct(h[k]!.worstPct)}`] : [],
      ),
    )
    .join(', ');
  const g = w.requiredGrowth;
  return c.red(
    `${head}: over 100 % in more than ${maxOverloadPct} % of the intervals (${worst}); would have held with ` +
      `CPU × ${num(g.cpu)}, memory × ${num(g.memory)}`,
  );
}

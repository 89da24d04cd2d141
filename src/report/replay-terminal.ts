// The replay lines of the terminal summary (method §14): one per window, the overloaded hosts
// named. Plain text (escape/plain-text.ts) for client strings; colour only when asked.
import type { ChalkInstance } from 'chalk';
import type { Plan } from '../domain/plan.ts';
import type { ReplayWindow } from '../domain/plan-replay.ts';
import { plainText } from '../escape/plain-text.ts';
import { num, pct } from './format.ts';
import { terminalEn, type TerminalMessages } from './messages/terminal-en.ts';

/** Overloaded hosts a replay line names at most; plan.md and plan.xlsx list every host. */
const MAX_NAMED = 10;

export function replayLines(plan: Plan, c: ChalkInstance, k: TerminalMessages = terminalEn): string[] {
  return (plan.replay?.windows ?? []).map((w) => windowLine(w, plan.replay!.maxOverloadPct, c, k));
}

export function windowLine(
  w: ReplayWindow,
  maxOverloadPct: number,
  c: ChalkInstance,
  k: TerminalMessages = terminalEn,
): string {
  const s = w.summary;
  const head = k.replayHead({
    role: k.role(w.role),
    from: (w.from ?? '—').slice(0, 10),
    to: (w.to ?? '—').slice(0, 10),
    hostIntervals: s.hostIntervals,
    cpuOverCeiling: pct(s.cpuOverCeilingPct, 2),
    cpuOver100: pct(s.cpuOver100Pct, 2),
    memoryOver100: pct(s.memoryOver100Pct, 2),
    networkOver100: pct(s.networkOver100Pct, 2),
  });
  if (!w.overloaded) return c.green(k.held(head));
  const normal = w.scenarios.find((x) => x.name === 'normal');
  const over = (normal?.hosts ?? []).flatMap((h) =>
    (['cpu', 'memory', 'network', 'iops'] as const).flatMap((r) =>
      (h[r]?.over100Pct ?? 0) > maxOverloadPct ? [`${plainText(h.name)} ${k.resource(r)} ${pct(h[r]!.worstPct)}`] : [],
    ),
  );
  // A plan of hundreds of overloaded hosts named them all on one line of tens of kilobytes.
  const shown =
    over.length <= MAX_NAMED + 1 ? over : [...over.slice(0, MAX_NAMED), k.moreOverloaded(over.length - MAX_NAMED)];
  const worst = shown.join(', ');
  const g = w.requiredGrowth;
  return c.red(k.overloaded(head, maxOverloadPct, worst, num(g.cpu), num(g.memory)));
}

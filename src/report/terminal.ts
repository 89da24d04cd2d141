// The terminal summary `capplan plan` prints: headline figures, VMs → hosts, host load, the
// N+k verdict and exclusions. cli-table3 + chalk; with color off no escape code is written.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Plan } from '../domain/plan.ts';
import { plainText } from '../escape/plain-text.ts';
import { num, pct, qty, ratio } from './format.ts';
import { groupOf, headline, notPlaced, nothingPlacedReasons } from './summary.ts';
import { messagesFor } from './messages/index.ts';
import { reasonText } from './reason-text.ts';
import { replayLines } from './replay-terminal.ts';

function safe(text: string | null): string {
  return plainText(text ?? '—');
}

/** `align` has one letter per column: l(eft) or r(ight). */
function table(head: string[], c: ChalkInstance, align: string): InstanceType<typeof Table> {
  return new Table({
    head: head.map((h) => c.bold(h)),
    // cli-table3 colours heads and borders itself unless told not to.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    colAligns: head.map((_, i) => (align[i] === 'r' ? 'right' : 'left')),
  });
}

/** Load cell coloured against its ceiling: red above, yellow within 10 points of it. */
function loadCell(value: number, ceiling: number, c: ChalkInstance): string {
  const text = pct(value);
  if (value > ceiling) return c.red(text);
  if (value > ceiling - 10) return c.yellow(text);
  return c.green(text);
}

/** Rows a terminal table shows at most: the reports list every one. */
const MAX_ROWS = 40;

/** The MAX_ROWS hosts with the highest CPU or memory load, in plan order; all of them when fewer. */
function busiest<T extends { load: { cpuPct: number; memoryPct: number } }>(hosts: readonly T[]): T[] {
  if (hosts.length <= MAX_ROWS) return [...hosts];
  const peak = (h: T) => Math.max(h.load.cpuPct, h.load.memoryPct);
  const keep = new Set(
    hosts
      .map((h, i) => ({ h, i }))
      .sort((a, b) => peak(b.h) - peak(a.h) || a.i - b.i)
      .slice(0, MAX_ROWS)
      .map((x) => x.i),
  );
  return hosts.filter((_, i) => keep.has(i));
}

export function renderTerminalSummary(plan: Plan, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const h = headline(plan);
  const t = messagesFor(plan);
  const k = t.terminal;
  const out: string[] = [];
  // The client's name, unless the title already says it.
  const client =
    plan.client && !plan.title.toLowerCase().includes(plan.client.toLowerCase()) ? ` — ${safe(plan.client)}` : '';
  out.push(c.bold(safe(plan.title)) + client);
  const figures = {
    servers: h.servers,
    hosts: h.hostsUsed,
    ratio: ratio(h.ratio),
    lowerBound: plan.placement.lowerBound,
    placed: h.candidates,
    notPlaced: h.notPlaced,
    vcpu: h.vcpu,
    memoryGb: h.memoryGb,
    diskGb: h.diskGb,
  };
  out.push(k.headline(figures, (s) => c.bold(s)));
  const vmTable = table(k.vmHead, c, 'lrrrl');
  for (const v of plan.vms.slice(0, MAX_ROWS))
    vmTable.push([
      safe(v.name),
      String(v.vcpu),
      qty(v.memoryGb),
      qty(v.diskGb),
      v.host === null ? c.red(k.vmStatus(v.status)) : safe(v.host),
    ]);
  out.push(vmTable.toString());
  if (plan.vms.length > MAX_ROWS) out.push(k.more(plan.vms.length - MAX_ROWS, 'vms', MAX_ROWS));
  const s = plan.settings.cluster;
  const hostTable = table(k.hostHead, c, 'lrrrrrr');
  for (const x of busiest(plan.hosts)) {
    hostTable.push([
      safe(x.name),
      String(x.vms.length),
      String(x.load.vcpu),
      loadCell(x.load.cpuPct, s.cpuCeilingPct, c),
      qty(x.load.memoryGb),
      loadCell(x.load.memoryPct, s.memoryCeilingPct, c),
      num(x.load.networkMBps),
    ]);
  }
  out.push(hostTable.toString());
  if (plan.hosts.length > MAX_ROWS) out.push(k.more(plan.hosts.length - MAX_ROWS, 'hosts', MAX_ROWS));
  const r = plan.redundancy;
  const failed = r.scenarios.filter((x) => !x.satisfied).length;
  const nothing = nothingPlacedReasons(plan);
  // Nothing placed: no N+k verdict and no replay verdict, which would both say "held".
  if (nothing !== null) out.push(c.red(t.cover.nothingPlaced(plan.totals.servers, nothing)));
  else
    out.push(
      r.satisfied
        ? c.green(k.satisfied(safe(r.policy), r.scenarios.length))
        : c.red(k.notSatisfied(safe(r.policy), failed, r.scenarios.length)),
    );
  if (nothing === null) out.push(...replayLines(plan, c, k));
  const excluded = notPlaced(plan);
  if (excluded.length) {
    const ex = table(k.notPlacedHead, c, 'llll');
    for (const v of excluded.slice(0, MAX_ROWS))
      ex.push([
        safe(v.name),
        k.vmStatus(v.status),
        t.group[groupOf(v)],
        safe(v.reasons.map((x) => reasonText(x, t) || x.code).join('; ')),
      ]);
    out.push(c.yellow(k.notPlaced(excluded.length)), ex.toString());
    if (excluded.length > MAX_ROWS) out.push(k.more(excluded.length - MAX_ROWS, 'notPlaced', MAX_ROWS));
  }
  return `${out.join('\n')}\n`;
}

// Findings of a replay (method §14.3): a host over 100 % of a physical capacity in more than
// replay.maxOverloadPct of its intervals of normal operation is a warning, with the host, the
// resource and the worst interval; a failure scenario over 100 % is reported once, at its worst.
import type { Finding } from '../domain/finding.ts';
import type { ReplayWindow } from '../domain/plan-replay.ts';

const LABEL = { cpu: 'CPU', memory: 'memory', network: 'network', iops: 'IOPS' } as const;
const UNIT = { cpu: 'GHz', memory: 'GB', network: 'MB/s', iops: 'IOPS' } as const;

export function replayFindings(window: ReplayWindow, maxOverloadPct: number): Finding[] {
  const findings: Finding[] = [];
  const normal = window.scenarios.find((s) => s.name === 'normal');
  const what = window.role === 'planning' ? 'the planning window' : 'the backtest window';
  for (const h of normal?.hosts ?? []) {
    for (const key of ['cpu', 'memory', 'network', 'iops'] as const) {
      const r = h[key];
      if (!r || r.over100Pct <= maxOverloadPct) continue;
      findings.push({
        severity: 'warning',
        code: 'replay-overload',
        message:
          `${h.name}: replaying ${what}, measured ${LABEL[key]} demand exceeds the host's ${r.capacity} ${UNIT[key]} ` +
          `in ${r.over100Pct} % of the intervals (allowed ${maxOverloadPct} %); worst ${r.worstPct} % ` +
          `(${r.peak} ${UNIT[key]}) at ${r.worstAt}`,
        params: {
          host: h.name,
          window: window.role,
          resource: key,
          capacity: r.capacity,
          over100Pct: r.over100Pct,
          allowedPct: maxOverloadPct,
          worstPct: r.worstPct,
          peak: r.peak,
          worstAt: r.worstAt ?? '',
        },
      });
    }
  }
  const wf = window.summary.worstFailure;
  if (wf && wf.worstPct > 100) {
    findings.push({
      severity: 'info',
      code: 'replay-failover-overload',
      message:
        `${wf.scenario}: replaying ${what}, the survivors' measured ${LABEL[wf.resource as keyof typeof LABEL]} ` +
        `demand reaches ${wf.worstPct} % of ${wf.host}'s capacity`,
      params: {
        scenario: wf.scenario,
        window: window.role,
        resource: wf.resource,
        worstPct: wf.worstPct,
        host: wf.host,
      },
    });
  }
  return findings;
}

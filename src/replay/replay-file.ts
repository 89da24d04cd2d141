// replay.json: a backtest window put on an existing plan (method §14.3), with its findings.
import type { Finding } from '../domain/finding.ts';
import type { Plan } from '../domain/plan.ts';
import { REPLAY_FORMAT_VERSION, type ReplayFile } from '../domain/plan-replay.ts';
import type { MonitoringSamples } from '../domain/samples.ts';
import { sortFindings } from '../domain/finding.ts';
import { replayFindings } from './replay-findings.ts';
import { replayWindow } from './replay-window.ts';

export function replayFile(
  plan: Plan,
  samples: MonitoringSamples,
  about: { plan: ReplayFile['plan']; inputs: ReplayFile['inputs']; findings: Finding[] },
): ReplayFile {
  const maxOverloadPct = plan.settings.replay.maxOverloadPct;
  const window = replayWindow(plan, samples, 'backtest');
  return {
    formatVersion: REPLAY_FORMAT_VERSION,
    plan: about.plan,
    inputs: about.inputs,
    maxOverloadPct,
    windows: [window],
    findings: sortFindings([...about.findings, ...replayFindings(window, maxOverloadPct)]),
  };
}

// The check's report in English: the words the renderers print and the message each violation
// and note was written with (check/evaluate.ts, check/failover.ts). Another language's words
// say the same from the steps (report/messages/check-es.ts).
import type { CheckWords } from '../../domain/check-words.ts';
import { resourceLabel } from '../capacity.ts';

const load = 'load / available';

export const checkEn: CheckWords = {
  holds: (hosts, policy) => `The proposal holds: ${hosts} hosts, ${policy}, every VM within capacity and limits.`,
  fails: (n) => `The proposal does not hold: ${n} violation${n === 1 ? '' : 's'}.`,
  resource: resourceLabel,
  kind: (kind) => kind,
  scenario: (id) => id,
  headroom: (l, available, headroom) =>
    `${l} / ${available} (${headroom >= 0 ? `${headroom} left` : `over by ${-headroom}`})`,
  drift: (resource, change, delta, pct) => `${resourceLabel(resource)} ${change}: ${delta}${pct}`,
  yes: 'yes',
  no: 'no',
  say: (s) => s.message,
  title: {
    violations: 'Violations',
    headroom: 'Headroom per host',
    scenarios: (policy) => `Failure scenarios (${policy})`,
    scenariosMd: (policy) => `Headroom per failure scenario (${policy})`,
    drift: 'Drift against the proposal',
    notes: 'Notes',
  },
  head: {
    violations: ['kind', 'where', 'required', 'available', 'shortfall'],
    violationsMd: ['kind', 'scenario', 'host', 'VM', 'resource', 'required', 'available', 'shortfall', 'why'],
    hosts: ['host', 'VMs', `CPU ${load} (vCPU)`, `memory ${load} (GB)`],
    scenarios: ['scenario', 'holds', 'survivor', 'CPU (vCPU)', 'memory (GB)'],
    scenariosMd: ['scenario', 'holds', 'survivor', `CPU ${load} (vCPU)`, `memory ${load} (GB)`, 'not restarted'],
    drift: ['VM', 'host', 'drift'],
    driftMd: ['VM', 'host', 'change'],
  },
};

// The placement problem behind a plan, for `capplan place` what-if work on a project or a
// plan.json: the same VMs, host model, ceilings, N+k and placement rules the pipeline placed.
import type { PlacementProblem } from '../domain/problem.ts';
import { buildProblem } from './choose-hosts.ts';
import type { Plan } from '../domain/plan.ts';
import { ruleSet } from './placement-rules.ts';

export function problemFromPlan(plan: Plan): PlacementProblem {
  const sized = plan.vms.map((vm) => ({ vm, excluded: vm.status === 'excluded' }));
  const partitionsTotalMb = plan.hosts[0]?.partitions.totalMb ?? 0;
  const hostCount = plan.settings.cluster.hostCount ?? undefined;
  return buildProblem(
    plan.hostModel,
    sized,
    plan.settings,
    partitionsTotalMb,
    hostCount,
    ruleSet(plan.servers, plan.settings),
  );
}

import { buildProblem } from "./choose-hosts.js";
export function problemFromPlan(plan) {
    const sized = plan.vms.map((vm) => ({ vm, excluded: vm.status === 'excluded' }));
    const partitionsTotalMb = plan.hosts[0]?.partitions.totalMb ?? 0;
    const hostCount = plan.settings.cluster.hostCount ?? undefined;
    return buildProblem(plan.hostModel, sized, plan.settings, partitionsTotalMb, hostCount);
}

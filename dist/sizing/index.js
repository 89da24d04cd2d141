// The sizing engine's public surface: what the pipeline calls.
export { pickStatistic, applyPeakAndGrowth, resourceDemand, METRIC_OF } from "./demand.js";
export { sizeVcpu, sizeMemoryGb, sizeDiskGb, sizeNetworkMBps } from "./size-vm.js";
export * from "./exclusion-rules.js";
export { sizeServer } from "./size-server.js";
export { hostRequirement } from "./host-requirement.js";
export { deriveHost, growHostSpec } from "./derive-host.js";
export { chooseCpuShape, chooseMemorySizeGb, nextCpuShape, nextMemorySizeGb, compareShapes, } from "./host-shapes.js";
export { recommendedSwapGb, hypervisorPartitions } from "./partitions.js";
export { ceilSafe, roundUpToStep } from "./rounding.js";

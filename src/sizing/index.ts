// The sizing engine's public surface: what the pipeline calls.
export { pickStatistic, applyPeakAndGrowth, resourceDemand, METRIC_OF, type Demand } from './demand.ts';
export { sizeVcpu, sizeMemoryGb, sizeDiskGb, sizeNetworkMBps, type ClockScale } from './size-vm.ts';
export * from './exclusion-rules.ts';
export { sizeServer, type SizedVm, type SizeServerResult } from './size-server.ts';
export { hostRequirement, type HostDemandVm, type HostRequirement } from './host-requirement.ts';
export { deriveHost, growHostSpec, type DerivedHost, type DeriveHostResult } from './derive-host.ts';
export {
  chooseCpuShape,
  chooseMemorySizeGb,
  nextCpuShape,
  nextMemorySizeGb,
  compareShapes,
  type CpuShape,
} from './host-shapes.ts';
export { recommendedSwapGb, hypervisorPartitions } from './partitions.ts';
export { ceilSafe, roundUpToStep } from './rounding.ts';

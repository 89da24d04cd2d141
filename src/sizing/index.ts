// The sizing engine's public surface: what the pipeline calls.
export { sizeServer, type SizeServerResult } from './size-server.ts';
export { deriveHost, growHostSpec, type DerivedHost } from './derive-host.ts';
export { hypervisorPartitions } from './partitions.ts';
export { largestTargetHost } from './workload-rules.ts';

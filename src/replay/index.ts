// The replay (method §14): measured demand put back on a plan, per interval, host and failure.
export { replayWindow, type ReplayPlanInput } from './replay-window.ts';
export { replayFindings } from './replay-findings.ts';
export { replayFile } from './replay-file.ts';
export { demandSeries, type DemandSeries } from './demand-series.ts';
export { ghzPerCpuPct } from './replay-window.ts';

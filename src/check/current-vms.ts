// The VMs as the current data sizes them: the proposal's inventory and monitoring (plus any
// newer monitoring files) through the same sizing as `capplan plan`.
import { InternalError } from '../errors.ts';
import type { LoadedProposal } from './load-proposal.ts';
import type { CurrentVm } from './vm-checks.ts';

export async function currentVms(loaded: LoadedProposal, extraMonitoringFiles: string[]): Promise<CurrentVm[]> {
  void loaded;
  void extraMonitoringFiles;
  throw new InternalError('capplan check needs the sizing pipeline (ingest + sizing), which is not in this build yet');
}

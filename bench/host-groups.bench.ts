// Licence-aware host groups (docs/placement.md): a generated estate of 200 VMs, 30 % of them
// Windows, on 2 × 16-core hosts with N+1 and Windows Server Datacenter priced per core (16-core
// host minimum, 8 per socket). The licence-aware min-cost plan against the baseline of the same
// run: min-cost packing without the group, which must license every host.
import type { PlacementProblem } from '../src/domain/problem.ts';
import { licensedCores } from '../src/placement/licences.ts';
import { solvePlacement } from '../src/placement/solve.ts';
import { verifyPlacement } from '../src/placement/verify.ts';
import { makeRng, randInt } from '../src/util/rng.ts';
import type { BenchSection } from './run.ts';

const SEED = 14;
const LICENCE = { per: 'core' as const, price: 423, minCoresPerHost: 16, minCoresPerSocket: 8 };
const MODEL = {
  name: '2x16c-384g',
  capacity: { vcpu: 64, memoryGb: 383.5 },
  cost: 12000,
  sockets: 2,
  coresPerSocket: 16,
};

/** n VMs of 1–8 vCPU and 2/4/8 GB per vCPU; a `windowsShare` of them in the windows group. */
function estate(n: number, windowsShare: number): PlacementProblem {
  const rng = makeRng(SEED);
  const vms = Array.from({ length: n }, (_, i) => {
    const vcpu = 1 + randInt(rng, 8);
    const memoryGb = vcpu * [2, 4, 8][randInt(rng, 3)]!;
    const windows = rng() < windowsShare;
    return {
      name: `vm${String(i).padStart(4, '0')}`,
      demand: { vcpu, memoryGb },
      ...(windows ? { hostGroup: 'windows' } : {}),
    };
  });
  return {
    resources: ['vcpu', 'memoryGb'],
    hostModels: [MODEL],
    vms,
    redundancy: 1,
    ceilingPct: { vcpu: 75, memoryGb: 100 },
    objective: 'min-cost',
    timeLimitSeconds: 60,
    seed: 1,
    hostGroups: [{ name: 'windows', license: LICENCE }],
  };
}

const money = (x: number) => Math.round(x).toLocaleString('en-US');

export default async function hostGroupsBench(): Promise<BenchSection[]> {
  const p = estate(200, 0.3);
  const windows = p.vms.filter((v) => v.hostGroup).length;
  let t0 = performance.now();
  const aware = await solvePlacement(p);
  const awareSeconds = (performance.now() - t0) / 1000;
  const { hostGroups: _g, ...plain } = p;
  const baselineProblem = { ...plain, vms: p.vms.map(({ hostGroup: _h, ...v }) => v) };
  t0 = performance.now();
  const packed = await solvePlacement(baselineProblem);
  const packedSeconds = (performance.now() - t0) / 1000;
  const perHost = licensedCores(MODEL, LICENCE);
  const packedLicences = packed.hostsUsed * perHost * LICENCE.price;
  const packedTotal = packed.cost + packedLicences;
  const line = aware.licences![0]!;
  const awareHardware = aware.cost - line.cost;
  const valid = verifyPlacement(p, aware).length === 0 && verifyPlacement(baselineProblem, packed).length === 0;
  const rows = [
    `| licence-aware min-cost (host group) | ${aware.hostsUsed} | ${line.hosts} | ${line.cores} | ` +
      `${money(awareHardware)} | ${money(line.cost)} | ${money(aware.cost)} | ${awareSeconds.toFixed(1)} |`,
    `| baseline: min-cost packing without the group | ${packed.hostsUsed} | ${packed.hostsUsed} | ` +
      `${packed.hostsUsed * perHost} | ${money(packed.cost)} | ${money(packedLicences)} | ${money(packedTotal)} | ` +
      `${packedSeconds.toFixed(1)} |`,
  ];
  const saving = packedTotal - aware.cost;
  return [
    {
      id: 'host-groups',
      markdown:
        `### Licence-aware host groups (200 VMs, ${windows} Windows; 2 × 16-core hosts at 12,000, N+1; ` +
        `Windows Server Datacenter 423 per core, 16/host, 8/socket; seed ${SEED})\n\n` +
        '| plan | hosts | licensed hosts | licensed cores | hardware | licences | total | seconds |\n' +
        `|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
        `Saving of the licence-aware plan: ${money(saving)} (${((100 * saving) / packedTotal).toFixed(1)} % of the ` +
        `baseline); both pass the checker: ${valid ? 'yes' : 'NO'}.`,
    },
  ];
}

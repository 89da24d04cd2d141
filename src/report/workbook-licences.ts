// Cost-sheet lines of host-group licences (docs/placement.md, "Licence model"): the licences
// the plan needs, those one cluster licensing every host would need, and the difference.
// Only for plans with host groups, so other workbooks keep their rows.
import type { Plan } from '../domain/plan.ts';
import { FMT } from './workbook-style.ts';

export function licenceCostLines(plan: Plan) {
  const lines = plan.placement.licences ?? [];
  const without = plan.placement.withoutGroups;
  if (lines.length === 0 || !without) return [];
  const groups = lines.map((l) => `${l.group}: ${l.hosts} hosts${l.per === 'core' ? `, ${l.cores} cores` : ''}`);
  const hardwareWith = plan.placement.cost - lines.reduce((s, l) => s + l.cost, 0);
  return [
    {
      key: 'licences',
      label: 'Host-group licences',
      value: lines.reduce((s, l) => s + l.cost, 0),
      unit: 'currency',
      numFmt: FMT.money,
      how: `plan (${groups.join('; ')})`,
    },
    {
      key: 'licencesWithout',
      label: 'Licences without the host groups',
      value: without.licenceCost,
      unit: 'currency',
      numFmt: FMT.money,
      how: `one cluster of ${without.hosts} hosts, every host licensed`,
    },
    {
      key: 'licenceSaving',
      label: 'Saved by the host groups (hardware + licences)',
      value: `${without.hardwareCost}+{licencesWithout}-${hardwareWith}-{licences}`,
      unit: 'currency',
      numFmt: FMT.money,
      how: `(${without.hardwareCost} + licences without) − (${hardwareWith} + licences), placement prices`,
    },
  ];
}

/** The term the total after adds for licences, when there are any. */
export function licenceTotalTerm(plan: Plan): string {
  return licenceCostLines(plan).length > 0 ? '+{licences}' : '';
}

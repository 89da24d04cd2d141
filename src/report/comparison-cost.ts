// The cost figures of one plan for the comparison of scenarios. A plan with a total cost of
// ownership (plan.json `tco`) is read through the few fields the comparison needs, so plans
// with or without it compare; without it the figures come from the plan itself: hardware =
// hosts × host price, power = hosts × watts over the Cost sheet's default horizon and kWh price
// (method §5.4 for what a subscription is priced by). null: not priced — never 0.
import { z } from 'zod';
import type { Plan } from '../domain/plan.ts';

const money = z.number().nullable();
const tcoFields = z.object({
  currency: z.string(),
  horizonYears: z.number(),
  lines: z.array(z.object({ key: z.string(), overHorizon: money })),
  totals: z.object({ overHorizon: money }),
});

export interface PlanCost {
  /** tco: the plan's total cost of ownership; plan: host price and watts. */
  source: 'tco' | 'plan';
  currency: string | null;
  horizonYears: number;
  hardware: number | null;
  subscriptions: number | null;
  /** Host-group licences; undefined when the plan has no host group. */
  licences?: number | null;
  /** What the host groups save against one cluster licensing every host (docs/placement.md). */
  licenceSaving?: number | null;
  power: number | null;
  total: number | null;
}

const HOURS_PER_YEAR = 8760;
/** The horizon and kWh price the figures without a TCO assume. */
const COST_DEFAULTS = { horizonYears: 3, kwhPrice: 0.15 };

function licenceFigures(plan: Plan): Pick<PlanCost, 'licences' | 'licenceSaving'> {
  const lines = plan.placement.licences ?? [];
  const without = plan.placement.withoutGroups;
  if (lines.length === 0) return {};
  const licences = lines.reduce((s, l) => s + l.cost, 0);
  // placement.cost holds the hardware and the licences of the plan (workbook-licences.ts).
  const saving = without ? without.hardwareCost + without.licenceCost - plan.placement.cost : null;
  return { licences, licenceSaving: saving };
}

const sum = (values: (number | null | undefined)[]) => {
  const priced = values.filter((v): v is number => typeof v === 'number');
  return priced.length === 0 ? null : priced.reduce((a, b) => a + b, 0);
};

export function planCost(plan: Plan): PlanCost {
  const licence = licenceFigures(plan);
  const tco = tcoFields.safeParse((plan as { tco?: unknown }).tco);
  if (tco.success) {
    const line = (key: string) => tco.data.lines.find((l) => l.key === key)?.overHorizon ?? null;
    const groupLicences = tco.data.lines.some((l) => l.key === 'hostGroupLicences') ? line('hostGroupLicences') : null;
    return {
      source: 'tco',
      currency: tco.data.currency,
      horizonYears: tco.data.horizonYears,
      hardware: line('hardware'),
      subscriptions: line('subscriptions'),
      ...(licence.licences !== undefined ? { ...licence, licences: groupLicences ?? licence.licences } : {}),
      power: line('power'),
      total: tco.data.totals.overHorizon,
    };
  }
  const hosts = plan.placement.hostsUsed;
  const m = plan.hostModel;
  const years = COST_DEFAULTS.horizonYears;
  const hardware = m.price > 0 ? hosts * m.price : null;
  const power = m.watts > 0 ? ((hosts * m.watts * HOURS_PER_YEAR * years) / 1000) * COST_DEFAULTS.kwhPrice : null;
  return {
    source: 'plan',
    currency: null,
    horizonYears: years,
    hardware,
    subscriptions: null,
    ...licence,
    power,
    total: sum([hardware, licence.licences, power]),
  };
}

/** The kWh price the figures without a TCO assume (the Cost sheet's default). */
export const DEFAULT_KWH_PRICE = COST_DEFAULTS.kwhPrice;

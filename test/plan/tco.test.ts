// The cost of ownership formulas of method §15, one line at a time: each row gives the
// inputs, the expected amount (one-off or per year) and the settings a missing input names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeTco,
  hostKwhPerYear,
  licensedCores,
  tcoAmounts,
  tcoInputs,
  type TcoInputs,
} from '../../src/plan/tco.ts';
import { TCO_LINE_KEYS, type TcoLineKey } from '../../src/domain/plan-tco.ts';
import { costSchema } from '../../src/domain/tco-settings.ts';
import { aseguradoraPlan } from '../report/fixtures/aseguradora-plan.ts';
import { pricedPlan } from '../report/fixtures/priced-plan.ts';
import { realAseguradoraPlan } from '../report/fixtures/real-plan.ts';

/** 2 hosts of 2 sockets × 4 cores, 10 servers retired, hosts at 50 % and 30 % CPU. */
const BASE: TcoInputs = {
  hosts: 2,
  sockets: 2,
  licensedCores: 16,
  sourceServers: 10,
  utilisationSum: 0.8,
  hostPrice: 100_000,
  licences: null,
  perSocketYear: 1_000,
  perCoreYear: null,
  supportPct: 10,
  supportPerHostYear: null,
  idleWatts: 100,
  maxWatts: 300,
  pue: 1.5,
  pricePerKwh: 2,
  hoursPerYear: 8760,
  unitsPerHost: 2,
  pricePerUnitYear: 500,
  sourceWatts: 200,
  sourceMaintenanceYear: 1_000,
};

// kWh of the hosts per year: (2 × 100 + (300 − 100) × 0.8) × 1.5 × 8760 / 1000 = 360 × 13.14 = 4730.4
const KWH = 4730.4;

const CASES: { line: TcoLineKey; given: Partial<TcoInputs>; want: number | null; missing?: string[] }[] = [
  { line: 'hardware', given: {}, want: 200_000 },
  { line: 'hardware', given: { hostPrice: null }, want: null, missing: ['cost.hardware.pricePerHost'] },
  { line: 'hostGroupLicences', given: { licences: 6768 }, want: 6768 },
  { line: 'subscriptions', given: {}, want: 2 * 2 * 1_000 },
  { line: 'subscriptions', given: { perSocketYear: null, perCoreYear: 50 }, want: 2 * 16 * 50 },
  { line: 'subscriptions', given: { perCoreYear: 50 }, want: 2 * (2 * 1_000 + 16 * 50) },
  {
    line: 'subscriptions',
    given: { perSocketYear: null },
    want: null,
    missing: ['cost.subscription.perSocketYear', 'cost.subscription.perCoreYear'],
  },
  { line: 'support', given: {}, want: 20_000 },
  { line: 'support', given: { supportPct: null, supportPerHostYear: 3_000 }, want: 6_000 },
  { line: 'support', given: { hostPrice: null }, want: null, missing: ['cost.hardware.pricePerHost'] },
  {
    line: 'support',
    given: { supportPct: null },
    want: null,
    missing: ['cost.support.pctOfHardwarePerYear', 'cost.support.perHostYear'],
  },
  { line: 'power', given: {}, want: KWH * 2 },
  { line: 'power', given: { utilisationSum: 0 }, want: ((2 * 100 * 1.5 * 8760) / 1000) * 2 },
  { line: 'power', given: { pue: null }, want: null, missing: ['cost.power.pue'] },
  {
    line: 'power',
    given: { idleWatts: null, pricePerKwh: null },
    want: null,
    missing: ['cost.power.idleWatts', 'cost.power.pricePerKwh'],
  },
  { line: 'rack', given: {}, want: 2 * 2 * 500 },
  { line: 'rack', given: { unitsPerHost: null }, want: null, missing: ['cost.rack.unitsPerHost'] },
  { line: 'sourcePower', given: {}, want: ((10 * 200 * 1.5 * 8760) / 1000) * 2 },
  { line: 'sourcePower', given: { sourceWatts: null }, want: null, missing: ['cost.sourceServers.watts'] },
  { line: 'sourceMaintenance', given: {}, want: 10_000 },
  {
    line: 'sourceMaintenance',
    given: { sourceMaintenanceYear: null },
    want: null,
    missing: ['cost.sourceServers.maintenancePerYear'],
  },
];

for (const c of CASES)
  test(`TCO line ${c.line} with ${JSON.stringify(c.given)}`, () => {
    const a = tcoAmounts({ ...BASE, ...c.given })[c.line];
    if (c.want === null) assert.equal(a.value, null);
    else assert.ok(Math.abs(a.value! - c.want) < 1e-9 * c.want, `${a.value} ≠ ${c.want}`);
    for (const m of c.missing ?? []) assert.ok(a.missing.includes(m), `${m} not in ${a.missing}`);
  });

test('host energy: the linear idle → max model at the summed utilisation', () => {
  assert.ok(Math.abs(hostKwhPerYear(BASE).value! - KWH) < 1e-9);
  // At 100 % on both hosts the model is max watts: 2 × 300 × 1.5 × 8760 / 1000.
  assert.ok(Math.abs(hostKwhPerYear({ ...BASE, utilisationSum: 2 }).value! - 7884) < 1e-9);
});

test('licensed cores: vendor minimums per socket and per host', () => {
  const s = (minCoresPerSocket: number, minCoresPerHost: number) => ({
    ...costSchema.parse({}).subscription,
    minCoresPerSocket,
    minCoresPerHost,
  });
  for (const [sockets, cores, perSocket, perHost, want] of [
    [2, 4, 0, 0, 8],
    [1, 4, 8, 16, 16],
    [2, 6, 8, 16, 16],
    [2, 12, 8, 16, 24],
    [4, 4, 8, 16, 32],
    [2, 8, 16, 0, 32],
  ] as const)
    assert.equal(licensedCores(sockets, cores, s(perSocket, perHost)), want, `${sockets}×${cores}`);
});

test('the priced plan: totals over 3 years, avoided and net', () => {
  const tco = pricedPlan().tco!;
  assert.deepEqual(tco.notPriced, []);
  assert.equal(tco.currency, 'MXN');
  const u = tco.power.hostCpuPct.reduce((s, v) => s + v / 100, 0);
  const kwh = ((2 * 100 + 200 * u) * 1.5 * 8760) / 1000;
  const opex = 4_000 + 20_000 + kwh * 2 + 2_000;
  assert.equal(tco.totals.capex, 200_000);
  assert.ok(Math.abs(tco.totals.opexPerYear! - opex) < 1e-6);
  assert.ok(Math.abs(tco.totals.overHorizon! - (200_000 + 3 * opex)) < 1e-6);
  const avoided = 3 * (((10 * 200 * 1.5 * 8760) / 1000) * 2 + 10_000);
  assert.ok(Math.abs(tco.totals.avoidedOverHorizon! - avoided) < 1e-6);
  assert.ok(Math.abs(tco.totals.net! - (tco.totals.overHorizon! - avoided)) < 1e-6);
  assert.equal(tco.rackUnits, 4);
});

test('no price given: every line not priced, null amounts and totals, never 0', () => {
  const tco = computeTco(aseguradoraPlan());
  assert.deepEqual(
    tco.notPriced,
    TCO_LINE_KEYS.filter((k) => k !== 'hostGroupLicences'),
  );
  for (const l of tco.lines) assert.deepEqual([l.perYear, l.overHorizon, l.priced], [null, null, false], l.key);
  assert.deepEqual(tco.totals, {
    capex: null,
    opexPerYear: null,
    overHorizon: null,
    avoidedOverHorizon: null,
    net: null,
  });
  assert.equal(tco.currency, 'XXX');
});

test('prices: cost.hardware.models wins, then pricePerHost, then a host model price above 0', () => {
  const plan = aseguradoraPlan();
  const c = costSchema.parse({});
  assert.equal(tcoInputs(plan, c).hostPrice, null);
  plan.hostModel = { ...plan.hostModel, price: 9_000, watts: 400 };
  assert.equal(tcoInputs(plan, c).hostPrice, 9_000);
  assert.equal(tcoInputs(plan, c).maxWatts, 400);
  const priced = costSchema.parse({ hardware: { pricePerHost: 8_000, models: { derived: 7_000 } } });
  assert.equal(tcoInputs(plan, priced).hostPrice, 7_000);
});

test('utilisation: the replayed average CPU where every host has one, else the planned load', () => {
  const plan = aseguradoraPlan();
  const planned = computeTco(plan).power;
  assert.equal(planned.utilisationSource, 'plan');
  assert.deepEqual(
    planned.hostCpuPct,
    plan.hosts.map((h) => h.load.cpuPct),
  );
});

test('the worked example: power evaluated at the replayed average CPU of each host', () => {
  const plan = realAseguradoraPlan();
  const normal = plan.replay!.windows[0]!.scenarios.find((s) => s.name === 'normal')!;
  const tco = plan.tco!;
  assert.equal(tco.power.utilisationSource, 'replay');
  assert.deepEqual(
    tco.power.hostCpuPct,
    plan.hosts.map((h) => Math.min(100, normal.hosts.find((x) => x.name === h.name)!.cpu!.avgPct)),
  );
  assert.deepEqual(computeTco(plan), tco);
});

test('the worked figures of method §15 (3 years)', () => {
  const a = tcoAmounts(BASE);
  const opex = a.subscriptions.value! + a.support.value! + a.power.value! + a.rack.value!;
  const avoided = 3 * (a.sourcePower.value! + a.sourceMaintenance.value!);
  const total = a.hardware.value! + 3 * opex;
  const near = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-6, `${x} ≠ ${y}`);
  near(opex, 35_460.8);
  near(total, 306_382.4);
  near(avoided, 187_680);
  near(total - avoided, 118_702.4);
});

test('cost settings: a typo or an impossible figure is an error naming its path', () => {
  for (const [input, path] of [
    [{ power: { pu: 1.5 } }, ['power']],
    [{ power: { pue: 0.8 } }, ['power', 'pue']],
    [{ currency: 'pesos' }, ['currency']],
    [{ hardware: { pricePerHost: -1 } }, ['hardware', 'pricePerHost']],
    [{ horizonYears: 0 }, ['horizonYears']],
  ] as const) {
    const r = costSchema.safeParse(input);
    assert.equal(r.success, false, JSON.stringify(input));
    assert.deepEqual(r.error!.issues[0]!.path, path, JSON.stringify(input));
  }
});

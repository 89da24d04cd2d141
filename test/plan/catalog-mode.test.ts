// cluster.mode = catalog: the cheapest model and count that holds the load with N+k.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { defaultSettings } from '../helpers/settings.ts';
import type { HostModel } from '../../src/domain/catalog.ts';
import { readInventoryCsv } from '../../src/ingest/inventory-csv.ts';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { assemblePlan } from '../../src/plan/assemble.ts';
import { repoRoot } from '../helpers/env.ts';
import { derivationText } from '../../src/report/derivation-text.ts';
import { es } from '../../src/report/messages/es.ts';

const dir = path.join(repoRoot, 'fixtures/aseguradora');

const model = (name: string, sockets: number, coresPerSocket: number, memoryGb: number, price: number): HostModel => ({
  name,
  sockets,
  coresPerSocket,
  threadsPerCore: 2,
  cpuGhz: 2.66,
  memoryGb,
  nics: 3,
  nicGbps: 4,
  localDiskMb: 149504,
  price,
  watts: 300,
});

// The worked example's VMs (16 vCPU, 31 GB) against three models:
// small  (4 cores → 8 vCPU, 15.5 GB usable): N+1 needs 4 hosts (3 survivors; 2 cannot split
//        31 GB of 1–4 GB VMs into 15.5 + 15.5) → 12000
// medium (8 cores → 16 vCPU, 31.5 GB): 2 hosts → 10400, the cheapest
// large  (16 cores, 64 GB): 2 hosts → 18000
const catalog = [model('large', 2, 8, 64, 9000), model('small', 1, 4, 16, 3000), model('medium', 2, 4, 32, 5200)];

async function planWith(cat: HostModel[], overrides: Record<string, unknown> = {}) {
  const settings = defaultSettings({
    project: 'catalog-test',
    inputs: { inventory: 'inventory.csv', monitoring: 'monitoring.csv', catalog: 'catalog.yaml' },
    cluster: { mode: 'catalog', ...overrides },
  });
  const servers = await readInventoryCsv(path.join(dir, 'inventory.csv'));
  const monitoring = await readMonitoring([path.join(dir, 'monitoring.csv')], { percentiles: [50, 95, 99] });
  const usage = new Map(monitoring.servers.map((u) => [u.server, u]));
  return assemblePlan({ settings, servers, usage, catalog: cat, inputFiles: [] });
}

test('catalog mode picks the cheapest model and count that holds N+1', async () => {
  const plan = await planWith(catalog);
  assert.equal(plan.hostModel.name, 'medium');
  assert.equal(plan.hosts.length, 2);
  assert.ok(plan.hosts.every((h) => h.model === 'medium' && h.price === 5200));
  assert.equal(plan.redundancy.satisfied, true);
  assert.equal(plan.totals.placed, 10);
  assert.match(plan.hostModel.derivation.join('\n'), /small: 4 hosts, cost 12000/);
  assert.match(plan.hostModel.derivation.join('\n'), /medium: 2 hosts, cost 10400/);
  // Each line has its step, so a Spanish report says it from the same figures.
  const spanish = plan.hostModel.derivation.map((_, i) => derivationText(plan.hostModel, i, es));
  assert.deepEqual(spanish.slice(0, 2), [
    'catálogo: el modelo más barato que aloja todas las VM con N+1',
    'small: 4 nodos, costo 12000',
  ]);
  assert.equal(spanish[2], 'medium: 2 nodos, costo 10400');
});

test('catalog mode falls back to more hosts of a small model when it is the only one', async () => {
  const plan = await planWith([model('small', 1, 4, 16, 3000)]);
  assert.equal(plan.hosts.length, 4);
  assert.equal(plan.redundancy.satisfied, true);
  for (const s of plan.redundancy.scenarios) assert.equal(s.satisfied, true);
});

test('a catalog where nothing can hold a VM leaves it unplaced with the numbers', async () => {
  const plan = await planWith([model('tiny', 1, 1, 2, 100)]);
  const unplaced = plan.vms.filter((v) => v.status === 'unplaced');
  assert.ok(unplaced.length > 0);
  for (const vm of unplaced)
    assert.ok(vm.reasons.some((r) => r.code === 'exceeds-host-capacity' && /\d/.test(r.message)));
});

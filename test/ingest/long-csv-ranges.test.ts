// Big long CSVs are read as byte ranges, possibly on worker threads: the result must not
// depend on the number of threads, must equal the one-range read up to float rounding of the
// averages, and errors must carry absolute line numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'capplan-ranges-'));
const HEADER = 'timestamp,server,cpu_pct,memory_used_mb,disk_used_gb,network_mb_per_s,iops\n';
const rows = Array.from({ length: 3000 }, (_, i) => {
  const t = new Date(Date.UTC(2010, 2, 22) + Math.floor(i / 7) * 300_000).toISOString().replace('.000Z', 'Z');
  return `${t},srv-${i % 7},${(i * 13) % 100}.${i % 10},${1000 + i},${40 + (i % 3)},${(i % 11) / 4},${i % 5 === 0 ? '' : i}`;
});
const file = path.join(dir, 'big.csv');
writeFileSync(file, `${HEADER}${rows.join('\n')}\n`);
const read = (longCsv: object, f = file) => readMonitoring([f], { percentiles: [90], profile: 'p95', longCsv });

test('ranges: the same result with 0, 2 and 3 worker threads; same as one range', async () => {
  const one = await read({});
  const inThread = await read({ rangeBytes: 4096, workers: 0 });
  const two = await read({ rangeBytes: 4096, workers: 2 });
  const three = await read({ rangeBytes: 4096, workers: 3 });
  assert.deepEqual(two.servers, inThread.servers);
  assert.deepEqual(three.servers, inThread.servers);
  assert.equal(inThread.servers.length, 7);
  assert.equal(inThread.files?.[0]?.samples, 3000);
  for (const [i, s] of one.servers.entries()) {
    const r = inThread.servers[i]!;
    assert.deepEqual({ ...r, metrics: undefined }, { ...s, metrics: undefined });
    for (const m of Object.keys(s.metrics) as (keyof typeof s.metrics)[]) {
      assert.deepEqual({ ...r.metrics[m], avg: 0 }, { ...s.metrics[m], avg: 0 });
      assert.ok(Math.abs(r.metrics[m]!.avg - s.metrics[m]!.avg) < 1e-9);
    }
  }
});

test('ranges: an error in a later range has its absolute line number, on threads and off', async () => {
  const bad = [...rows];
  bad[2500] = bad[2500]!.replace(/,srv-(\d),/, ',srv-$1,x');
  const f = path.join(dir, 'bad.csv');
  writeFileSync(f, `${HEADER}${bad.join('\n')}\n`);
  for (const workers of [0, 2]) {
    await assert.rejects(read({ rangeBytes: 4096, workers }, f), (err: Error) => err.message.startsWith(`${f}:2502:cpu_pct: expected a number, got "x`));
  }
});

test('ranges: row findings merge across ranges with the first absolute row', async () => {
  const hot = rows.map((r, i) => (i === 100 || i === 2900 ? r.replace(/,srv-(\d),[^,]*,/, ',srv-$1,150,') : r));
  const f = path.join(dir, 'hot.csv');
  writeFileSync(f, `${HEADER}${hot.join('\n')}\n`);
  const r = await read({ rangeBytes: 4096, workers: 2 }, f);
  const hotFindings = r.findings.filter((x) => x.code === 'cpu-above-100');
  // Rows 100 and 2900 are both srv-2 (i mod 7 = 2), in the first and the last range.
  assert.deepEqual(hotFindings.map((x) => [x.server, x.row, x.message]), [['srv-2', 102, 'CPU % above 100 (first 150); clamped to 100; 2 rows']]);
});

// Monitoring formats: the real third-party samples (in the shared data folder, skipped when absent)
// and capplan's own tiny fixtures for each quirk (test/ingest/fixtures/monitoring).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readMonitoring } from '../../src/ingest/monitoring/read-monitoring.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import { InputError } from '../../src/domain/errors.ts';
import { sharedFile, sharedSkip } from '../helpers/env.ts';

const fx = (name: string) => path.join(import.meta.dirname, 'fixtures/monitoring', name);
const close = (a: number | undefined, b: number, eps = 1e-9) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= eps, `${a} ≈ ${b}`);
const read = (files: string[], extra: object = {}) => readMonitoring(files, { percentiles: [], ...extra });

test('perfmon sample IMPC3116: IST bias -330 applied, 21 samples, no capplan counters', {
  skip: sharedSkip('samples/perfmon/narmadha_IMPC3116_DataCollector01.csv'),
}, async () => {
  const r = await read([sharedFile('samples/perfmon/narmadha_IMPC3116_DataCollector01.csv')!]);
  assert.equal(r.files?.[0]?.format, 'perfmon');
  const [s] = r.servers;
  assert.equal(s?.server, 'IMPC3116');
  assert.equal(s?.samples, 21);
  assert.equal(s?.firstTimestamp, '2017-09-19T04:21:39.073Z'); // 09:51:39.073 IST − 5:30
  assert.equal(s?.lastTimestamp, '2017-09-19T04:26:39.072Z');
  assert.equal(s?.intervalSeconds, 15);
  assert.deepEqual(s?.metrics, {});
});

test('perfmon sample DESKTOP-67P0ISA: EDT bias 240, one blank first sample, committed bytes', {
  skip: sharedSkip('samples/perfmon/theveenan_DESKTOP-67P0ISA_DataCollector01.csv'),
}, async () => {
  const r = await read([sharedFile('samples/perfmon/theveenan_DESKTOP-67P0ISA_DataCollector01.csv')!]);
  const [s] = r.servers;
  assert.equal(s?.server, 'DESKTOP-67P0ISA');
  assert.equal(s?.samples, 1);
  assert.equal(s?.firstTimestamp, '2023-08-20T00:07:40.536Z');
  assert.equal(s?.metrics.cpuPct, undefined); // % Processor Time is " " in the first sample
  // No installed memory known: Committed Bytes (20,068,315,136 B), with a note saying why.
  close(s?.metrics.memoryUsedMb?.avg, 19138.63671875);
  const note = r.findings.find((f) => f.code === 'perfmon-memory-committed');
  assert.equal(note?.server, 'DESKTOP-67P0ISA');
  assert.match(note?.message ?? '', /no installed memory \(memory_mb\)/);
});

test('perfmon memory = installed − Available Bytes when the inventory gives memory_mb (FQDN ↔ NetBIOS name)', {
  skip: sharedSkip('samples/perfmon/theveenan_DESKTOP-67P0ISA_DataCollector01.csv'),
}, async () => {
  const file = sharedFile('samples/perfmon/theveenan_DESKTOP-67P0ISA_DataCollector01.csv')!;
  const r = await read([file], { installedMemoryMb: { 'desktop-67p0isa.corp.example': 24_576 } });
  // Available Bytes 6,352,982,016 = 6,058.6875 MB free of 24,576 MB → 18,517.3125 MB used (not 19,138.6 committed).
  close(r.servers[0]?.metrics.memoryUsedMb?.avg, 24_576 - 6352982016 / 1048576);
  assert.equal(
    r.findings.some((f) => f.code === 'perfmon-memory-committed'),
    false,
  );
  assert.ok(r.files?.[0]?.notes.some((n) => n.includes('installed 24576 MB − Available')));
});

test('perfmon Available MBytes alone: used = installed − available; no installed size, a warning', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-perfmon-mem-'));
  const f = path.join(dir, 'web01.csv');
  writeFileSync(
    f,
    '"(PDH-CSV 4.0) (Coordinated Universal Time)(0)","\\\\WEB01\\Memory\\Available MBytes"\r\n' +
      '"03/22/2010 00:00:00.000","3072"\r\n"03/22/2010 00:05:00.000","2048"\r\n',
  );
  const r = await read([f], { installedMemoryMb: { web01: 8192 } });
  assert.equal(r.servers[0]?.metrics.memoryUsedMb?.avg, 5632); // 8192 − (3072 + 2048) / 2
  const none = await read([f]);
  assert.equal(none.servers[0]?.metrics.memoryUsedMb, undefined);
  // Through ingest: the inventory's memory_mb of web01.corp.example reaches the perfmon reader.
  const inv = path.join(dir, 'inventory.csv');
  writeFileSync(inv, 'name,os,sockets,cores_per_socket,memory_mb,disk_gb\nweb01.corp.example,Windows,1,2,8192,80\n');
  const ingested = await ingestSources([inv, f]);
  assert.equal(ingested.usage[0]?.metrics.memoryUsedMb?.avg, 5632);
  assert.equal(none.findings.find((x) => x.code === 'perfmon-memory-committed')?.severity, 'warning');
});

test('sadf -d sample: several tables, restart and comment rows, UTC timestamps', {
  skip: sharedSkip('samples/sysstat/expected.sadf-d.txt'),
}, async () => {
  const r = await read([sharedFile('samples/sysstat/expected.sadf-d.txt')!]);
  const [s] = r.servers;
  assert.equal(s?.server, 'SYSSTAT.TEST');
  assert.equal(s?.samples, 5);
  assert.equal(s?.firstTimestamp, '2019-04-18T13:20:19Z');
  assert.equal(s?.lastTimestamp, '2019-04-18T13:54:35Z');
  close(s?.metrics.cpuPct?.avg, 20.178);
  close(s?.metrics.cpuPct?.max, 100 - 71.68);
  close(s?.metrics.memoryUsedMb?.avg, 3755444 / 1024);
  assert.deepEqual(r.files?.[0]?.notes, ['2 restart record(s) skipped']);
});

test('sadf -j sample gives the same figures as sadf -d of the same data', {
  skip: sharedSkip('samples/sysstat/expected.sadf-j.txt'),
}, async () => {
  const j = await read([sharedFile('samples/sysstat/expected.sadf-j.txt')!]);
  const d = await read([sharedFile('samples/sysstat/expected.sadf-d.txt')!]);
  assert.equal(j.files?.[0]?.format, 'sadf-j');
  const [js] = j.servers;
  const [ds] = d.servers;
  assert.equal(js?.samples, 5);
  for (const m of ['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'iops'] as const)
    close(js?.metrics[m]?.avg, ds!.metrics[m]!.avg, 1e-9);
  close(js?.metrics.networkMBps?.avg, ds!.metrics.networkMBps!.avg, 1e-9);
});

test('sadf -d with -T: EST is ambiguous → warning, read as UTC', {
  skip: sharedSkip('samples/sysstat/expected.sadf-d-tz.txt'),
}, async () => {
  const r = await read([sharedFile('samples/sysstat/expected.sadf-d-tz.txt')!]);
  assert.equal(r.servers[0]?.samples, 2);
  close(r.servers[0]?.metrics.cpuPct?.avg, (100 - 82.88 + 100 - 95.31) / 2);
});

test('sar text is refused with a hint', { skip: sharedSkip('samples/sysstat/expected.sar-u.txt') }, async () => {
  const f = sharedFile('samples/sysstat/expected.sar-u.txt')!;
  await assert.rejects(read([f]), {
    message:
      `${f}:1: sar text output is not read (column layout varies by locale): export with \`sadf -d\` or ` +
      `\`sadf -j\` instead`,
  });
});

test('nmon sample: 120 snapshots of the-gibson, CPU busy = User% + Sys%, Linux memory', {
  skip: sharedSkip('samples/nmon/pyNmonAnalyzer_test.nmon'),
}, async () => {
  const r = await read([sharedFile('samples/nmon/pyNmonAnalyzer_test.nmon')!]);
  const [s] = r.servers;
  assert.equal(s?.server, 'the-gibson');
  assert.equal(s?.samples, 120);
  assert.equal(s?.firstTimestamp, '2012-12-07T13:18:32Z');
  assert.equal(s?.lastTimestamp, '2012-12-07T13:20:37Z');
  close(s?.metrics.cpuPct?.min, 4); // 4.0 + … at the quietest snapshot
  close(s?.metrics.cpuPct?.avg, 14.963333333333333, 1e-9);
  close(s?.metrics.memoryUsedMb?.min, 3831, 1e-9);
  assert.equal(s?.metrics.diskUsedGb, undefined);
  assert.equal(r.findings[0]?.code, 'timezone-unknown');
});

test('nmon with a UTC offset override', { skip: sharedSkip('samples/nmon/pyNmonAnalyzer_test.nmon') }, async () => {
  const r = await read([sharedFile('samples/nmon/pyNmonAnalyzer_test.nmon')!], { utcOffsetMinutes: -300 });
  assert.equal(r.servers[0]?.firstTimestamp, '2012-12-07T18:18:32Z');
  assert.deepEqual(r.findings, []);
});

test('Bitbrains trace: epoch seconds in a column labelled ms, KB → MB, 30 days', {
  skip: sharedSkip('samples/vm_traces/bitbrains_fastStorage_opendc.csv'),
}, async () => {
  const r = await read([sharedFile('samples/vm_traces/bitbrains_fastStorage_opendc.csv')!]);
  const [s] = r.servers;
  assert.equal(s?.server, 'bitbrains_fastStorage_opendc');
  assert.equal(s?.samples, 8619);
  assert.equal(s?.firstTimestamp, '2013-08-12T13:40:46Z');
  assert.equal(s?.lastTimestamp, '2013-09-11T13:39:58Z');
  assert.equal(s?.intervalSeconds, 300);
  assert.equal(s?.longestGapSeconds, 1500);
  // Checked with numpy on the file: mean 0.27989717254423135, max 12.6, p95 0.7333333333333333.
  close(s?.metrics.cpuPct?.avg, 0.27989717254423135, 1e-12);
  assert.equal(s?.metrics.cpuPct?.max, 12.6);
  close(s?.metrics.cpuPct?.percentiles.p95, 0.7333333333333333, 1e-7);
  close(s?.metrics.memoryUsedMb?.avg, 119.85378785125874, 1e-9);
  assert.equal(s?.metrics.iops, undefined);
});

test("Bitbrains trace: the byte parser gives the text reader's figures; a bad cell is still located", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-trace-'));
  const header =
    'Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\tCPU usage [MHZ];\tCPU usage [%];\t' +
    'Memory capacity provisioned [KB];\tMemory usage [KB];\tDisk read throughput [KB/s];\t' +
    'Disk write throughput [KB/s];\tNetwork received throughput [KB/s];\tNetwork transmitted throughput [KB/s]';
  const rows = [
    '1372629804;\t2;\t5851.9989;\t87.7799835;\t1.5;\t8218624.0;\t1034592.8;\t160.86666666666667;\t21.7;\t' +
      '0.26666666666666666;\t1.4666666666666666',
    '1372630104;\t2;\t5851.9989;\t99.5;\t1.7000000000000002;\t8218624.0;\t1.0e6;\t0;\t0;\t2;\t3',
  ];
  const good = path.join(dir, '7.csv');
  writeFileSync(good, `${header}\r\n${rows.join('\r\n')}\r\n`);
  const fast = await read([good]);
  // The same file through the text reader (an encoding override skips the byte parser).
  const text = await read([good], { encoding: 'utf-8' });
  assert.deepEqual(fast.servers, text.servers);
  const [s] = fast.servers;
  assert.equal(s?.metrics.cpuPct?.avg, (1.5 + 1.7000000000000002) / 2);
  assert.equal(s?.metrics.memoryUsedMb?.max, 1034592.8 / 1024);
  assert.equal(s?.metrics.networkMBps?.min, (0.26666666666666666 + 1.4666666666666666) / 1024);
  assert.deepEqual(
    fast.inventory?.map((i) => [i.cores, i.cpuGhz, i.memoryMb]),
    [[2, 2.926, 8026]],
  );
  const bad = path.join(dir, '8.csv');
  writeFileSync(bad, `${header}\n${rows[0]}\n${rows[1]!.replace('1.0e6', 'n/a')}\n`);
  await assert.rejects(read([bad]), {
    message: `${bad}:3:Memory usage [KB]: VM trace: expected a number ≥ 0, got "n/a"`,
  });
});

test('perfmon quirk: UTF-16 with BOM, bias -60, blank first sample, NIC sum without isatap, two hosts', async () => {
  const r = await read([fx('perfmon-utf16.csv')]);
  assert.deepEqual(
    r.servers.map((s) => s.server),
    ['SRV-NÓMINA', 'WEB2'],
  );
  const [srv, web] = r.servers;
  assert.equal(srv?.firstTimestamp, '2010-03-22T00:00:00Z');
  assert.equal(srv?.samples, 3);
  assert.equal(srv?.metrics.cpuPct?.samples, 2);
  assert.equal(srv?.metrics.cpuPct?.avg, 50);
  close(srv?.metrics.memoryUsedMb?.avg, (2048 + 3072 + 2048) / 3);
  assert.equal(srv?.metrics.networkMBps?.avg, 2);
  assert.equal(srv?.metrics.iops?.avg, 100);
  close(srv?.metrics.diskUsedGb?.avg, (10 + 20 + 20) / 3);
  assert.equal(web?.metrics.cpuPct?.avg, 15);
  assert.ok(r.files?.[0]?.notes.includes('encoding utf-16le (bom)'));
});

test('perfmon quirk: Windows-1252 bytes give the same result as UTF-16', async () => {
  const a = await read([fx('perfmon-utf16.csv')]);
  const b = await read([fx('perfmon-cp1252.csv')]);
  assert.deepEqual(a.servers, b.servers);
  assert.ok(b.files?.[0]?.notes.includes('encoding windows-1252 (sniffed)'));
});

test('perfmon quirk: a wrong --encoding override is a located error, a right one works', async () => {
  await assert.rejects(
    read([fx('perfmon-cp1252.csv')], { encoding: 'utf-8' }),
    (e: unknown) => e instanceof InputError && /bytes are not valid utf-8/.test(e.message),
  );
  const r = await read([fx('perfmon-cp1252.csv')], { encoding: 'cp1252' });
  assert.equal(r.servers[0]?.server, 'SRV-NÓMINA');
});

test('perfmon quirk: typeperf stdout (blank first line, trailers, no time zone)', async () => {
  const r = await read([fx('typeperf-stdout.csv')]);
  assert.equal(r.servers[0]?.samples, 2);
  assert.equal(r.servers[0]?.metrics.cpuPct?.avg, 15);
  assert.equal(r.findings[0]?.code, 'timezone-unknown');
});

test('sadf -d quirk: decimal commas, restart row, repeated header, comment row', async () => {
  const r = await read([fx('sadf-decimal-comma.txt')]);
  const [s] = r.servers;
  assert.equal(s?.server, 'db1');
  assert.equal(s?.samples, 3);
  close(s?.metrics.cpuPct?.avg, (13 + 22.75 + 33) / 3);
  assert.equal(s?.metrics.memoryUsedMb?.avg, 2500);
  assert.deepEqual(r.files?.[0]?.notes, ['1 restart record(s) skipped', 'decimal commas read as decimal points']);
});

test('wide CSV: server:metric columns, per-metric file, semicolons with decimal comma', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-wide-'));
  const a = path.join(dir, 'mixed.csv');
  writeFileSync(
    a,
    'timestamp,web:cpu_pct,db:cpu_pct,web:memory_used_mb\n' +
      '2010-03-22T00:00:00Z,10,50,1000\n2010-03-22T00:05:00Z,20,,1500\n',
  );
  const b = path.join(dir, 'iops.csv');
  writeFileSync(b, 'time;web;db\n2010-03-22T00:00:00Z;100,5;7\n');
  const c = path.join(dir, 'app01.csv');
  writeFileSync(c, 'timestamp,cpuPct,networkMBps\n2010-03-22 00:00:00+02:00,5,0.5\n');
  const r = await read([a, b, c]);
  assert.deepEqual(
    r.files?.map((f) => f.format),
    ['wide', 'wide', 'wide'],
  );
  const by = Object.fromEntries(r.servers.map((s) => [s.server, s]));
  assert.equal(by.web?.metrics.cpuPct?.avg, 15);
  assert.equal(by.web?.metrics.memoryUsedMb?.max, 1500);
  assert.equal(by.web?.metrics.iops?.avg, 100.5);
  assert.equal(by.db?.metrics.cpuPct?.samples, 1);
  assert.equal(by.app01?.firstTimestamp, '2010-03-21T22:00:00Z');
});

test('wide CSV: local times take inputs.timezone (DST-aware), --utc-offset wins, none given is an error', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-wide-tz-'));
  const f = path.join(dir, 'app01.csv');
  // Mexico City kept DST in 2010: CST (−6) on 22 March, CDT (−5) on 22 June.
  writeFileSync(f, 'timestamp;cpu_pct\r\n22/03/2010 00:00;10,5\r\n22/06/2010 00:00;20\r\n');
  const tz = await read([f], { timezone: 'America/Mexico_City' });
  const [s] = tz.servers;
  assert.equal(s?.firstTimestamp, '2010-03-22T06:00:00Z');
  assert.equal(s?.lastTimestamp, '2010-06-22T05:00:00Z');
  assert.equal(s?.metrics.cpuPct?.avg, 15.25);
  assert.ok(tz.files?.[0]?.notes.some((n) => n.includes('America/Mexico_City')));
  const fixed = await read([f], { timezone: 'America/Mexico_City', utcOffsetMinutes: 60 });
  assert.equal(fixed.servers[0]?.firstTimestamp, '2010-03-21T23:00:00Z');
  await assert.rejects(read([f]), {
    message:
      `${f}:2:timestamp: local timestamp "22/03/2010 00:00" has no UTC offset: set inputs.timezone ` +
      '(e.g. America/Mexico_City) or --utc-offset',
  });
});

test('an unknown format names the file, the line and what was expected; --format forces a reader', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-unk-'));
  const f = path.join(dir, 'x.csv');
  writeFileSync(f, '\nfoo,bar\n1,2\n');
  await assert.rejects(read([f]), {
    message:
      `${f}:2: cannot tell the monitoring format (header: "foo", "bar"); expected one of long, wide, ` +
      `perfmon, sadf-d, sadf-j, nmon, bitbrains, vrops (see docs/ingest.md) or use --format`,
  });
  await assert.rejects(read([f], { format: 'perfmon' }), {
    message: `${f}:2:1: perfmon CSV: header cell 1 should start with (PDH-CSV 4.0)`,
  });
});

// Findings in the report's language (report.language): the Spanish catalogue says each coded
// finding from its params; English, and any finding without params, keeps the producer's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingText } from '../../src/report/finding-text.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { plausibilityFindings } from '../../src/quality/plausibility.ts';
import { replayFindings } from '../../src/replay/replay-findings.ts';
import type { Finding } from '../../src/domain/finding.ts';
import type { ReplayWindow } from '../../src/domain/plan-replay.ts';
import type { InventoryServer, ServerUsage } from '../../src/domain/server.ts';

const stat = (avg: number, max: number) => ({ avg, max }) as ServerUsage['metrics']['networkMBps'];

function networkFinding(avgMBps: number): Finding {
  const server = { name: 'Servidor Web', nics: 2, nicGbps: 1, memoryMb: null, diskGb: null } as InventoryServer;
  const usage = { metrics: { networkMBps: stat(avgMBps, avgMBps) } } as unknown as ServerUsage;
  const [f] = plausibilityFindings([server], new Map([[server.name, usage]]));
  assert.ok(f);
  return f;
}

const cases: [string, () => Finding, string, string][] = [
  [
    'implausible-network, Mbit/s hint',
    () => networkFinding(1059.72),
    'network average 1059.72 MB/s exceeds the line rate of its NICs, 2 × 1 Gbps = 238.42 MB/s; values look like ' +
      'Mbit/s: set inputs.units.network: Mbps',
    'red promedio de 1059.72 MB/s, por encima de la velocidad de línea de sus tarjetas de red, 2 × 1 Gbps = ' +
      '238.42 MB/s; los valores parecen Mbit/s: configure inputs.units.network: Mbps',
  ],
  [
    'implausible-network, KB/s hint',
    () => networkFinding(5000),
    'network average 5000 MB/s exceeds the line rate of its NICs, 2 × 1 Gbps = 238.42 MB/s; values look like KB/s ' +
      'or bytes counted twice: set inputs.units.network (KB/s, Mbps …) to the unit they are in',
    'red promedio de 5000 MB/s, por encima de la velocidad de línea de sus tarjetas de red, 2 × 1 Gbps = ' +
      '238.42 MB/s; los valores parecen KB/s o bytes contados dos veces: configure inputs.units.network (KB/s, ' +
      'Mbps …) con la unidad en que están',
  ],
  [
    'replay-overload on the planning window',
    () => replayFindings(overloadedWindow(), 1)[0]!,
    "rhevh1: replaying the planning window, measured CPU demand exceeds the host's 16 GHz in 28.35 % of the " +
      'intervals (allowed 1 %); worst 196.11 % (31.38 GHz) at 2010-03-31T13:15:00Z',
    'rhevh1: al reproducir la ventana de planificación, la demanda medida de CPU excede los 16 GHz del nodo en ' +
      '28.35 % de los intervalos (se admite 1 %); máximo 196.11 % (31.38 GHz) el 2010-03-31T13:15:00Z',
  ],
  [
    'replay-failover-overload',
    () => replayFindings(overloadedWindow(), 1)[1]!,
    "rhevh1 fails: replaying the planning window, the survivors' measured CPU demand reaches 392.2 % of rhevh2's " +
      'capacity',
    'Falla rhevh1: al reproducir la ventana de planificación, la demanda medida de CPU de los nodos sobrevivientes ' +
      'llega a 392.2 % de la capacidad de rhevh2',
  ],
];

for (const [name, make, english, spanish] of cases) {
  test(`finding text: ${name}`, () => {
    const f = make();
    assert.equal(f.message, english);
    assert.equal(findingText(f, en), english);
    assert.equal(findingText(f, es), spanish);
  });
}

test('finding text: a finding without params keeps its own message in every language', () => {
  const f: Finding = { severity: 'warning', code: 'implausible-network', message: 'as the reader wrote it' };
  assert.equal(findingText(f, es), 'as the reader wrote it');
  assert.equal(findingText({ ...f, code: 'no-such-code', params: { hours: 3 } }, es), 'as the reader wrote it');
});

function overloadedWindow(): ReplayWindow {
  const load = {
    capacity: 16,
    overCeilingPct: 55.1,
    over100Pct: 28.35,
    worstPct: 196.11,
    worstAt: '2010-03-31T13:15:00Z',
    p99Pct: 180,
    avgPct: 93,
    peak: 31.38,
    avg: 14.9,
  };
  return {
    role: 'planning',
    scenarios: [{ name: 'normal', hosts: [{ name: 'rhevh1', intervals: 4032, cpu: load }] }],
    summary: { worstFailure: { scenario: 'rhevh1 fails', resource: 'cpu', worstPct: 392.2, host: 'rhevh2' } },
  } as unknown as ReplayWindow;
}

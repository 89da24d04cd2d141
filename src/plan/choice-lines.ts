// The derivation lines the host search adds to a spec (method §5.2–§5.3 and §6.6): growth for
// bin-packing, the catalogue's verdict per model, and why no host is needed or possible. Each
// carries its step, so a report in another language says it from the same figures.
import type { HostModel } from '../domain/catalog.ts';
import type { DerivationStep, Reason } from '../domain/plan.ts';
import { derivationLine, type DerivationLine } from '../sizing/derivation-line.ts';

/** Why no host can be had, in words and as a derivation step. */
export type NoHost = { reason: Reason; step: DerivationStep };

/** The spec grown one step because whole VMs did not pack into the ideal share (method §6.6). */
export function packingLine(resource: 'cpu' | 'memory', grown: HostModel): DerivationLine {
  const params = { resource, sockets: grown.sockets, coresPerSocket: grown.coresPerSocket, memoryGb: grown.memoryGb };
  return derivationLine(
    'packing-grown',
    params,
    (p) =>
      `bin-packing needed more ${p.resource === 'cpu' ? 'CPU' : 'memory'} than the ideal share: grown ` +
      `to ${p.sockets} × ${p.coresPerSocket} cores, ${p.memoryGb} GB`,
  );
}

/** Whole VMs did not pack onto the derived count in time: the placement chose the count (method §6.6). */
export function countLine(derivedHosts: number, hosts: number): DerivationLine {
  return derivationLine(
    'packing-count',
    { derivedHosts, hosts },
    (p) =>
      `whole VMs did not pack onto ${p.derivedHosts} hosts of this spec within the time limit: ` +
      `the placement chose ${p.hosts}`,
  );
}

/** Every server excluded (or none at all): nothing to place, so no host. */
export function noCandidates(servers: number): NoHost {
  const line = derivationLine(
    'no-candidates',
    { servers },
    (p) =>
      `${p.servers === 0 ? 'the inventory holds no server' : `every one of the ${p.servers} servers is excluded`}` +
      ': no host is needed',
  );
  return {
    reason: { code: 'exceeds-host-capacity', message: line.text, figures: { servers } },
    step: line.step,
  };
}

/** Catalog mode's first line (method §5.3): the cheapest model that holds the load with N+k. */
export function catalogChoiceLine(redundancy: number): DerivationLine {
  return derivationLine(
    'catalog-choice',
    { redundancy },
    (p) => `catalog: cheapest model holding every VM with N+${p.redundancy}`,
  );
}

/** "<model>: 2 hosts, cost 10400", or why the model is not the answer. */
export function catalogLine(
  model: string,
  result: { outcome: 'holds'; hosts: number; cost: number } | { outcome: 'cannot' | 'not-tried' },
): DerivationLine {
  return derivationLine('catalog-model', { model, ...result }, (p) => {
    if (p.outcome === 'holds') return `${p.model}: ${p.hosts} hosts, cost ${p.cost}`;
    return p.outcome === 'cannot'
      ? `${p.model}: cannot hold the load with N+k`
      : `${p.model}: not tried, the time limit was reached`;
  });
}

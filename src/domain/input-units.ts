// capplan.yaml `inputs.units` and `inputs.skipInterfaces`: what a monitoring column holds when the
// file does not say (a long CSV's network column in Mbit/s rather than MB/s), and which network
// interfaces are not physical NICs (bridges, taps, container veths would count traffic twice).
import { z } from 'zod';

/** Units a long CSV's metric columns may be declared in, and their factor to capplan's unit. */
export const NETWORK_UNITS = { 'MB/s': 1, 'KB/s': 1 / 1024, Mbps: 1 / 8, Gbps: 1024 / 8, 'B/s': 1 / 1048576 } as const;
export const MEMORY_UNITS = { MB: 1, GB: 1024, KB: 1 / 1024 } as const;

const enumOf = <T extends Record<string, number>>(units: T) =>
  z.enum(Object.keys(units) as [keyof T & string, ...(keyof T & string)[]]);

export const unitsSchema = z
  .strictObject({
    network: enumOf(NETWORK_UNITS)
      .default('MB/s')
      .describe('What network_mb_per_s holds: MB/s (default), KB/s, Mbps, Gbps or B/s; converted to MB/s.'),
    memory: enumOf(MEMORY_UNITS)
      .default('MB')
      .describe('What memory_used_mb holds: MB (default), GB or KB; converted to MB.'),
  })
  .prefault({})
  .describe("Units of the monitoring columns when the data is not in capplan's units (docs/inputs.md).");

/** Interface name patterns (`*` = any text) that are not physical NICs. */
export const DEFAULT_SKIP_INTERFACES = [
  'lo*',
  'vnet*',
  'veth*',
  'docker*',
  'br*',
  'virbr*',
  'macvtap*',
  'vmnet*',
  'tun*',
  'tap*',
  'bond*',
  'team*',
  'ovs-*',
  'cali*',
  'flannel*',
  'cni*',
];

export const skipInterfacesSchema = z
  .array(z.string().min(1))
  .default(DEFAULT_SKIP_INTERFACES)
  .describe(
    "Network interfaces left out of a server's network (nmon, sadf): loopback, bridges, bonds over counted NICs, " +
      'VM taps and container veths; `*` matches any text, case-insensitive.',
  );

/** A name pattern list as one case-insensitive test. */
export function interfaceFilter(patterns: readonly string[]): (name: string) => boolean {
  const re = patterns.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));
  return (name) => re.some((r) => r.test(name));
}

// proposal.yaml, a consolidation proposal kept as code (docs/check.md), as written; zod at
// the boundary, and docs/proposal.schema.json is generated from this schema.
// The settings sections are those of capplan.yaml, so a proposal sizes exactly like the
// project it came from. Strict objects: a typo is an error with its path, never ignored.
import { z } from 'zod';
import { skipInterfacesSchema, unitsSchema } from './input-units.ts';
import { inputFormatFields } from './input-settings.ts';
import { reportLanguageSchema, reportSchema } from './report-settings.ts';
import { costSchema } from './tco-settings.ts';
import { hostModelSchema } from './catalog.ts';
import { monitoringSourceSchema } from './monitoring-source-settings.ts';
import {
  clusterSchema,
  hypervisorSchema,
  partitionsSchema,
  allocationSchema,
  placementSchema,
  provisionSchema,
  qualitySchema,
  sizingSchema,
} from './project-settings.ts';
import type { ProjectSettings } from './project.ts';
import { withProfileDefaults } from './hypervisor-profiles.ts';
import { replaySettingsSchema } from './replay-settings.ts';
import { parseStructured, readStructuredText, type ParsedFile } from './load-file.ts';

export const PROPOSAL_FORMAT_VERSION = 1;

const name = z.string().min(1);
const nonNegative = z.number().nonnegative();
const count = z.number().int().positive();

/** A catalog model (domain/catalog.ts), with defaults for hand-written derived hosts. */
const proposalHostModelSchema = hostModelSchema.extend({
  name: name.default('derived').describe('Model name (catalog name, or "derived").'),
  price: nonNegative.default(0).describe('Price of one host.'),
  watts: nonNegative.default(0).describe('Power draw of one host, W.'),
});

const proposalHostsSchema = z
  .strictObject({
    model: proposalHostModelSchema.describe(
      'The host model every host of the cluster is (one CPU type per cluster, method §5.3).',
    ),
    count: count.optional().describe('Number of hosts, named <cluster.hostNamePrefix>1…n. Give count or names.'),
    names: z.array(name).min(1).optional().describe('Host names, one per host. Give count or names.'),
  })
  .refine((h) => (h.count === undefined) !== (h.names === undefined), {
    message: 'give either hosts.count or hosts.names, not both or neither',
  })
  .refine((h) => !h.names || new Set(h.names).size === h.names.length, {
    message: 'host names must be unique',
    path: ['names'],
  });

const proposalVmSchema = z.strictObject({
  name: name.describe('VM name (inventory vm_name, or the slug of the server name).'),
  host: name.optional().describe('Host the VM runs on. Absent: the check places it.'),
  excluded: z
    .string()
    .optional()
    .describe('Reason code when the proposal leaves this server out (e.g. special-hardware); no host then.'),
  vcpu: z.number().int().nonnegative().describe('vCPU the proposal was made with (baseline for drift).'),
  memoryGb: nonNegative.describe('Memory GB the proposal was made with.'),
  diskGb: nonNegative.describe('Disk GB the proposal was made with.'),
  networkMBps: nonNegative.optional().describe('Network MB/s the proposal was made with.'),
});

const proposalFileSchema = z
  .strictObject({
    formatVersion: z.literal(PROPOSAL_FORMAT_VERSION).describe('Version of this file format.'),
    project: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only')
      .describe('Project name.'),
    title: z.string().optional().describe('Title for reports.'),
    language: reportLanguageSchema
      .optional()
      .describe("Language of capplan check's report (the project's report.language); absent: en."),
    inputs: z
      .strictObject({
        inventory: z.string().min(1).describe('Inventory CSV, relative to this file.'),
        monitoring: z
          .union([z.string().min(1), z.array(z.string().min(1)).min(1), monitoringSourceSchema])
          .describe('Monitoring file(s), relative to this file, or the store that computes the statistics.'),
        ...inputFormatFields,
      })
      .describe('The data the proposal relies on; `capplan check` re-reads it (plus any --monitoring files).'),
    hosts: proposalHostsSchema,
    vms: z
      .array(proposalVmSchema)
      .default([])
      .describe('Per-VM figures the proposal was made with, and optionally its host.'),
    sizing: sizingSchema,
    hypervisor: hypervisorSchema,
    cluster: clusterSchema,
    partitions: partitionsSchema,
    quality: qualitySchema,
    replay: replaySettingsSchema,
  })
  .superRefine((p, ctx) => {
    const hostNames = new Set(
      p.hosts.names ?? Array.from({ length: p.hosts.count ?? 0 }, (_, i) => `${p.cluster.hostNamePrefix}${i + 1}`),
    );
    const seen = new Set<string>();
    p.vms.forEach((vm, i) => {
      if (seen.has(vm.name))
        ctx.addIssue({ code: 'custom', path: ['vms', i, 'name'], message: `VM "${vm.name}" is listed twice` });
      seen.add(vm.name);
      if (vm.host !== undefined && !hostNames.has(vm.host)) {
        ctx.addIssue({
          code: 'custom',
          path: ['vms', i, 'host'],
          message: `no host "${vm.host}" in hosts (${[...hostNames].join(', ')})`,
        });
      }
      if (vm.host !== undefined && vm.excluded !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['vms', i, 'excluded'], message: 'an excluded VM has no host' });
      }
    });
  });

export const proposalSchema = z.preprocess(
  (raw) => withProfileDefaults(raw, ['hypervisor', 'cluster', 'partitions']),
  proposalFileSchema,
);

/** proposal.yaml as written. */
export type ProposalInput = z.input<typeof proposalFileSchema>;
/** proposal.yaml after defaults. */
export type Proposal = z.output<typeof proposalSchema>;
export type ProposalVm = Proposal['vms'][number];
export type ProposalHostModel = Proposal['hosts']['model'];

/** Host names of a proposal: the listed names, or <prefix>1…<prefix>n. */
export function proposalHostNames(p: Proposal): string[] {
  return p.hosts.names ?? Array.from({ length: p.hosts.count ?? 0 }, (_, i) => `${p.cluster.hostNamePrefix}${i + 1}`);
}

/** The project settings a proposal was sized with (its sections are capplan.yaml's). */
export function proposalSettings(p: Proposal): ProjectSettings {
  return {
    project: p.project,
    ...(p.title ? { title: p.title } : {}),
    inputs: { ...p.inputs, units: unitsSchema.parse({}), skipInterfaces: skipInterfacesSchema.parse(undefined) },
    sizing: p.sizing,
    hypervisor: p.hypervisor,
    cluster: p.cluster,
    partitions: p.partitions,
    quality: p.quality,
    replay: p.replay,
    placement: placementSchema.parse({}),
    allocation: allocationSchema.parse({}),
    // Provisioning does not bear on whether a proposal holds: its defaults.
    provision: provisionSchema.parse(
      (withProfileDefaults({ hypervisor: { profile: p.hypervisor.profile } }, ['provision']) as { provision: object })
        .provision,
    ),
    report: reportSchema.parse({}),
    cost: costSchema.parse({}),
  };
}

/** Reads proposal.yaml; the parsed document is kept so findings can point at its lines. */
export async function readProposal(file: string): Promise<ParsedFile<Proposal>> {
  return parseStructured(await readStructuredText(file), file, proposalSchema, 'yaml');
}

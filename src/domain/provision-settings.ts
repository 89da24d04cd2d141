// The provision settings that came with hypervisor profiles and the migration hand-off
// (method §8, §12, §13): guest device policy, CPU model, migration waves and the virt-v2v
// source. Spread into capplan.yaml's `provision` section.
import { z } from 'zod';
import { HA_PRIORITIES } from './server.ts';
import { PROFILES } from './hypervisor-profiles.ts';

const wavesSchema = z
  .strictObject({
    priorityOrder: z
      .array(z.enum(HA_PRIORITIES))
      .length(3)
      .refine((a) => new Set(a).size === 3, 'each priority once')
      .default(['low', 'medium', 'high'])
      .describe('HA priorities in the order their VMs migrate (method §13: the least critical first).'),
    keepTogether: z
      .enum(['application', 'none'])
      .default('application')
      .describe('application: the VMs of one application (inventory application) move in the same wave.'),
    maxVms: z.number().int().positive().nullable().default(10).describe('Most VMs per wave; null: no limit.'),
    maxDiskGb: z.number().positive().nullable().default(null).describe('Most disk GB copied per wave; null: no limit.'),
  })
  .prefault({});

const migrationSchema = z
  .strictObject({
    vcenter: z
      .string()
      .nullable()
      .default(null)
      .describe('vCenter host name for virt-v2v -ic vpx://…; null: the one the RVTools export names.'),
    vcenterUser: z.string().default('administrator@vsphere.local').describe('vCenter user of the vpx:// URI.'),
    passwordFile: z.string().default('/root/vcenter.pwd').describe('File holding the vCenter password (virt-v2v -ip).'),
    noVerify: z.boolean().default(false).describe("Add ?no_verify=1: do not check vCenter's TLS certificate."),
    vddkLibdir: z
      .string()
      .nullable()
      .default(null)
      .describe('VMware VDDK library folder: convert with -it vddk (much faster than https); null: https.'),
    vddkThumbprint: z
      .string()
      .nullable()
      .default(null)
      .describe("SHA-1 thumbprint of vCenter's certificate, needed with vddkLibdir."),
    nonVmware: z
      .enum(['p2v', 'disk-image'])
      .default('p2v')
      .describe(
        'How a server the inventory does not place in vSphere is converted: p2v (a physical server booted from ' +
          'the virt-p2v ISO) or disk-image (virt-v2v -i disk from imageDir/<file name>.img).',
      ),
    imageDir: z
      .string()
      .default('/var/tmp/capplan-images')
      .describe('Where the disk images of disk-image conversions are: <dir>/<VM file name>.img.'),
  })
  .prefault({});

export const provisionProfileFields = {
  guestPolicy: z
    .enum(['osinfo', 'rhev-2.2'])
    .default(PROFILES.generic.defaults.provision.guestPolicy)
    .describe(
      'osinfo: devices from libosinfo osinfo-db (q35, virtio, UEFI where needed, guest agent); rhev-2.2: the ' +
        "source's IDE/rtl8139 rules (method §8). Default from hypervisor.profile (method §12).",
    ),
  cpuModel: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
    .nullable()
    .default(null)
    .describe(
      'Named libvirt CPU model every host of the cluster offers (e.g. Icelake-Server), for live migration across ' +
        'CPU generations; null: cpu mode host-model (osinfo policy only).',
    ),
  supportedGuests: z
    .array(z.string().regex(/^[a-z][a-z0-9.-]*$/))
    .nullable()
    .default(PROFILES.generic.defaults.provision.supportedGuests)
    .describe(
      'Guest OS families the hypervisor vendor supports, as osinfo short ids (rhel9 covers rhel9.x); a placed VM ' +
        'outside the list is named in migration.md. null: no list. Default from hypervisor.profile (method §12).',
    ),
  waves: wavesSchema.describe('Migration waves of migration.md and the wave scripts (method §13).'),
  migration: migrationSchema.describe('Where virt-v2v converts the source VMs from (method §13).'),
};

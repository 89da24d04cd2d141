// Where a server runs today when the inventory is an RVTools export: what the migration
// hand-off (method §13) needs to name the VM to virt-v2v (vCenter, datacenter, cluster, ESXi
// host, folder), its firmware, and what makes it no candidate at all (a template).
import { z } from 'zod';

export const vmwareSourceSchema = z
  .object({
    vcenter: z.string().nullable().describe('vCenter of the VM (RVTools VI SDK Server).'),
    datacenter: z.string().nullable(),
    cluster: z.string().nullable(),
    host: z.string().nullable().describe('ESXi host running the VM.'),
    folder: z.string().nullable(),
    firmware: z.string().nullable().describe('bios or efi (RVTools vInfo Firmware).'),
    template: z.boolean().describe('A VMware template, not a running VM.'),
    networks: z.array(z.string()).describe('Port group of each vNIC (RVTools Network #1…#8), in order.'),
  })
  .describe('The VM in vSphere, when the inventory is an RVTools export.');
export type VmwareSource = z.output<typeof vmwareSourceSchema>;

// The memory a VM takes on its host beyond its guest RAM (method §5.1): QEMU's fixed part
// (code, shared libraries, internal structures), its page tables and per-vCPU state. The model
// is oVirt's scheduler estimate for x86_64 (ovirt-engine VmOverheadCalculatorImpl: 64 MiB fixed
// + guest MiB / 512 for page tables + 8 MiB per vCPU), written as three hypervisor settings:
//   overhead MB = vmOverheadFixedMb + vmOverheadMbPerVcpu × vCPU + vmOverheadMbPerGuestGb × guest GB
// e.g. 2 vCPU, 4 GB under the generic profile: 64 + 2 × 8 + 4 × 2 = 88 MB. Under rhev-2.2 every
// term is 0: the source plans with the 512 MB host reserve alone (method §5.4), so the worked
// example's figures stay those of tables 2.7/2.8.
import type { ProjectSettings } from '../domain/project.ts';

type OverheadSettings = Pick<
  ProjectSettings['hypervisor'],
  'vmOverheadFixedMb' | 'vmOverheadMbPerVcpu' | 'vmOverheadMbPerGuestGb'
>;

interface VmSize {
  vcpu: number;
  memoryGb: number;
}

/** Memory the hypervisor spends on one running VM beyond its guest RAM, MB. */
export function vmOverheadMb(vm: VmSize, hv: OverheadSettings): number {
  return hv.vmOverheadFixedMb + hv.vmOverheadMbPerVcpu * vm.vcpu + hv.vmOverheadMbPerGuestGb * vm.memoryGb;
}

/** Memory a VM takes from its host, GB: guest RAM plus the per-VM overhead. */
export function hostMemoryGb(vm: VmSize, hv: OverheadSettings): number {
  return vm.memoryGb + vmOverheadMb(vm, hv) / 1024;
}

/** Does the profile charge anything per VM? (the derivation names the overhead only then) */
export function hasVmOverhead(hv: OverheadSettings): boolean {
  return hv.vmOverheadFixedMb > 0 || hv.vmOverheadMbPerVcpu > 0 || hv.vmOverheadMbPerGuestGb > 0;
}

/** "64 MB + 8 MB per vCPU + 2 MB per guest GB per VM" for derivations and reports. */
export function vmOverheadText(hv: OverheadSettings): string {
  return (
    `${hv.vmOverheadFixedMb} MB + ${hv.vmOverheadMbPerVcpu} MB per vCPU + ` +
    `${hv.vmOverheadMbPerGuestGb} MB per guest GB per VM`
  );
}

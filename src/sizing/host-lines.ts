// The lines of a derived host that say how its figures follow from the VMs and the settings
// (method §5.1–§5.2): per-VM overhead, cores and shape, memory and reserve. Each carries its
// step (derivation-line.ts), so a report in another language says the same figures.
import type { ProjectSettings } from '../domain/project.ts';
import { derivationLine, figure, type DerivationLine } from './derivation-line.ts';
import { requirementText, type HostDemandVm, type RequirementParams } from './host-requirement.ts';
import { hasVmOverhead, vmOverheadText } from './vm-overhead.ts';

const overheadOf = (p: { fixedMb: number; mbPerVcpu: number; mbPerGuestGb: number }) => ({
  vmOverheadFixedMb: p.fixedMb,
  vmOverheadMbPerVcpu: p.mbPerVcpu,
  vmOverheadMbPerGuestGb: p.mbPerGuestGb,
});

/** The per-VM overhead the memory figures include, when the profile charges one (method §5.1). */
export function overheadLine(
  vms: readonly HostDemandVm[],
  onHost: readonly HostDemandVm[],
  settings: ProjectSettings,
): DerivationLine[] {
  const hv = settings.hypervisor;
  if (!hasVmOverhead(hv)) return [];
  const sum = (list: readonly HostDemandVm[]) => list.reduce((a, vm) => a + vm.memoryGb, 0);
  const params = {
    fixedMb: hv.vmOverheadFixedMb,
    mbPerVcpu: hv.vmOverheadMbPerVcpu,
    mbPerGuestGb: hv.vmOverheadMbPerGuestGb,
    overheadGb: figure(sum(onHost) - sum(vms)),
    vms: vms.length,
  };
  return [
    derivationLine(
      'vm-overhead',
      params,
      (p) =>
        `memory per VM includes the hypervisor's per-VM overhead (${vmOverheadText(overheadOf(p))}): ` +
        `${p.overheadGb} GB for ${p.vms} VMs`,
    ),
  ];
}

/** "16 vCPU / 2 vCPU per core = 8 cores → 2 sockets × 4 cores (…)", with ⌈…⌉ shown only when it rounds. */
export function shapeLine(
  vcpu: number,
  cores: number,
  shape: { sockets: number; coresPerSocket: number },
  c: ProjectSettings['cluster'],
): DerivationLine {
  const params = {
    vcpu: figure(vcpu),
    vcpuPerCore: c.vcpuPerCore,
    cores,
    rounded: vcpu / c.vcpuPerCore !== cores,
    sockets: shape.sockets,
    coresPerSocket: shape.coresPerSocket,
    preferredSockets: c.preferredSockets,
  };
  return derivationLine('cores-shape', params, (p) => {
    const division = `${p.vcpu} vCPU / ${p.vcpuPerCore} vCPU per core`;
    const cores = p.rounded ? `⌈${division}⌉ = ${p.cores} cores` : `${division} = ${p.cores} cores`;
    return (
      `${cores} → ${p.sockets} sockets × ${p.coresPerSocket} cores ` +
      `(smallest standard shape with ≥ ${p.cores} cores; ${p.preferredSockets} sockets preferred)`
    );
  });
}

/** The memory requirement line plus the hypervisor reserve, up to the next standard size. */
export function memoryLine(
  need: RequirementParams,
  reserveMb: number,
  needGb: number,
  memoryGb: number,
): DerivationLine {
  const params = { ...need, reserveGb: figure(reserveMb / 1024), reserveMb: figure(reserveMb), needGb, memoryGb };
  return derivationLine(
    'memory',
    params,
    (p) =>
      `${requirementText('memory', p)} + ${p.reserveGb} GB (${p.reserveMb} MB) hypervisor reserve ` +
      `= ${p.needGb} GB → ${p.memoryGb} GB (next standard size)`,
  );
}

// migration.md: the hand-off to the migration engineer (method §13) — the waves, and per VM
// where it comes from, where it goes and the command that converts it; then the sources the
// plan leaves out and why. Client text goes through escape/markdown.ts.
import { mdText } from '../../escape/markdown.ts';
import type { Plan } from '../../domain/plan.ts';
import { p2vKernelArgs, shellWord, v2vWords, vpxPath, type ConversionTarget } from './conversion.ts';
import type { MigrationVm, Wave } from './waves.ts';
import { unsupportedGuests } from '../guest-support.ts';

const METHOD: Record<MigrationVm['method'], string> = {
  vmware: 'virt-v2v from vCenter',
  'disk-image': 'virt-v2v from a disk image',
  p2v: 'virt-p2v (physical)',
};

function source(vm: MigrationVm): string {
  const v = vm.vmware;
  if (!v) return mdText(vm.sourceServer);
  const where = [v.vcenter ?? '(vCenter: set VCENTER)', v.datacenter, v.cluster, v.host].filter(Boolean).join(' / ');
  return `${mdText(vm.sourceServer)} on ${mdText(where)}${v.firmware ? `, ${mdText(v.firmware)}` : ''}`;
}

/** A command in a fenced block: client text is literal there, the fence only needs to be longer than any run of `. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}sh`, text, fence];
}

function vmCommand(vm: MigrationVm, target: ConversionTarget): string {
  if (vm.method === 'p2v') {
    const server = vm.sourceServer.replace(/[\r\n]/g, ' ');
    return `# boot ${server} from the virt-p2v ISO with:\n${p2vKernelArgs(vm, target).join(' ')}`;
  }
  const { words } = v2vWords(vm, target);
  const vc = vm.vmware?.vcenter ?? 'VCENTER';
  const vpx = vm.method === 'vmware' ? `VPX=vpx://USER@${vc}/${vpxPath(vm) ?? 'DATACENTER/HOST'}\n` : '';
  return `${vpx}${words.map(shellWord).join(' ')}`;
}

export function migrationMarkdown(plan: Plan, waves: Wave[], target: (vm: MigrationVm) => ConversionTarget): string {
  const lines = [
    `# Migration hand-off: ${mdText(plan.title)}`,
    '',
    `${waves.reduce((a, w) => a + w.vms.length, 0)} VMs in ${waves.length} wave(s), least critical first ` +
      `(method §13). Each wave has a script \`wave-NN.sh\` beside this file: run it with \`--dry-run\` first. ` +
      'Run `provision.sh --infrastructure-only` on every host before the first wave (networks and pool).',
    '',
  ];
  for (const w of waves) {
    lines.push(`## Wave ${w.number}: ${w.vms.length} VM(s), ${w.diskGb} GB, HA priority ${w.haPriority}`, '');
    lines.push('| VM | from | method | to host | vCPU | memory MiB | disk GB |', '|---|---|---|---|---:|---:|---:|');
    for (const vm of w.vms)
      lines.push(
        `| ${mdText(vm.name)} | ${source(vm)} | ${METHOD[vm.method]} | ${mdText(vm.host)} | ${vm.vcpu} | ` +
          `${vm.memoryMib} | ${vm.diskGb} |`,
      );
    lines.push('');
    for (const vm of w.vms) lines.push(`**${mdText(vm.name)}**`, '', ...fenced(vmCommand(vm, target(vm))), '');
  }
  const left = plan.vms.filter((vm) => vm.status !== 'placed');
  if (left.length > 0) {
    lines.push('## Not migrated', '', '| VM | source | status | why |', '|---|---|---|---|');
    for (const vm of left)
      lines.push(
        `| ${mdText(vm.name)} | ${mdText(vm.sourceServer)} | ${vm.status} | ` +
          `${vm.reasons.map((r) => `${r.code}: ${mdText(r.message)}`).join('; ') || '—'} |`,
      );
    lines.push('');
  }
  lines.push(...unsupportedSection(plan));
  return `${lines.join('\n')}`;
}

/** Placed VMs whose guest OS the profile's vendor does not list as supported (method §12). */
function unsupportedSection(plan: Plan): string[] {
  const guests = unsupportedGuests(plan);
  if (guests.length === 0) return [];
  const profile = plan.settings.hypervisor.profile;
  return [
    `## Guests outside ${mdText(profile)}'s supported list`,
    '',
    `${guests.length} VM(s) run a guest OS that \`provision.supportedGuests\` of ${mdText(profile)} does not name: ` +
      'they convert and run, but the vendor does not support them; upgrade the guest or accept the risk.',
    '',
    '| VM | guest OS | osinfo id |',
    '|---|---|---|',
    ...guests.map((g) => `| ${mdText(g.vm)} | ${mdText(g.os ?? '—')} | ${g.osinfoId ?? 'not recognised'} |`),
    '',
  ];
}

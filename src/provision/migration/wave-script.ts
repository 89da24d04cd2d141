// wave-NN.sh: the conversions of one migration wave (method §13) as a bash script an engineer
// reads, rehearses with --dry-run and runs (again: a VM already on its host is not converted
// twice). After virt-v2v, the planned size is applied (the source VM's vCPU and memory were
// right-sized by the plan), autostart for highly available VMs, then start. Every client
// string is quoted by escape/shell.ts; names follow --domain, so "--help" is a name.
import { quoteWord as q } from '../../escape/shell.ts';
import { p2vKernelArgs, shellWord, v2vWords, vpxPath, type ConversionTarget } from './conversion.ts';
import type { MigrationVm, Wave } from './waves.ts';

const oneLine = (s: string) => s.replace(/[\r\n]/g, ' ');

const PRELUDE = `set -euo pipefail
DRY_RUN=0
if [[ \${1:-} == --dry-run ]]; then DRY_RUN=1; fi
# Where each VM goes: printf template of the planned host's libvirt URI (%s = host name).
OUTPUT_URI_TEMPLATE=\${OUTPUT_URI_TEMPLATE:-qemu+ssh://root@%s/system}
PASSWORD_FILE=\${PASSWORD_FILE:-__PASSWORD_FILE__}
IMAGE_DIR=\${IMAGE_DIR:-__IMAGE_DIR__}
VCENTER=\${VCENTER:-__VCENTER__}
VCENTER_USER=\${VCENTER_USER:-__VCENTER_USER__}
VPX_QUERY=__VPX_QUERY__
run() {
  if ((DRY_RUN)); then printf 'would run:'; else printf 'running:'; fi
  printf ' %q' "$@"
  printf '\\n'
  if ((!DRY_RUN)); then "$@"; fi
}
uri_of() { printf -v URI "$OUTPUT_URI_TEMPLATE" "$1"; }
defined() { virsh -c "$URI" domstate --domain "$1" >/dev/null 2>&1; }
running() { [[ $(virsh -c "$URI" domstate --domain "$1" 2>/dev/null) == running* ]]; }
vpx_of() {
  if [[ -z $VCENTER ]]; then
    echo 'set VCENTER to the vCenter host name (the RVTools export does not name it)' >&2
    exit 2
  fi
  VPX="vpx://\${VCENTER_USER//@/%40}@$VCENTER/$1$VPX_QUERY"
}
# After the conversion: the planned size, autostart, start.
finish() {
  local name=$1 vcpu=$2 mib=$3 autostart=$4
  run virsh -c "$URI" setvcpus --domain "$name" --count "$vcpu" --maximum --config
  run virsh -c "$URI" setvcpus --domain "$name" --count "$vcpu" --config
  run virsh -c "$URI" setmaxmem --domain "$name" --size "\${mib}M" --config
  run virsh -c "$URI" setmem --domain "$name" --size "\${mib}M" --config
  if ((autostart)); then run virsh -c "$URI" autostart --domain "$name"; fi
  if ((DRY_RUN)) || ! running "$name"; then run virsh -c "$URI" start --domain "$name"; fi
}`;

export interface WaveScriptContext {
  project: string;
  waves: number;
  target: (vm: MigrationVm) => ConversionTarget;
  vcenter: string | null;
  vcenterUser: string;
  passwordFile: string;
  imageDir: string;
  noVerify: boolean;
}

function vmSteps(vm: MigrationVm, ctx: WaveScriptContext): string[] {
  const t = ctx.target(vm);
  const name = q(vm.name);
  const finish = `finish ${name} ${vm.vcpu} ${vm.memoryMib} ${vm.autostart ? 1 : 0}`;
  const head = [
    '',
    oneLine(`# ${vm.name} ← ${vm.sourceServer} (${vm.method}): ${vm.vcpu} vCPU, ${vm.memoryMib} MiB, ${vm.diskGb} GB`),
    `uri_of ${q(vm.host)}`,
  ];
  if (vm.method === 'p2v') {
    const args = p2vKernelArgs(vm, t).join(' ');
    return [
      ...head,
      `if defined ${name}; then`,
      `  ${finish}`,
      'else',
      `  echo ${q(oneLine(`${vm.name}: physical server ${vm.sourceServer}; boot it from the virt-p2v ISO with:`))}`,
      `  echo ${q(`  ${args}`)}`,
      '  echo "  then run this script again"',
      'fi',
    ];
  }
  const { words, input } = v2vWords(vm, t);
  const path = vpxPath(vm);
  const vpx = input === 'vpx' ? [`  vpx_of ${q(path ?? '')}`] : [];
  return [
    ...head,
    `if defined ${name}; then`,
    `  echo ${q(oneLine(`${vm.name}: already on host ${vm.host}, not converted again`))}`,
    'else',
    ...vpx,
    `  run ${words.map(shellWord).join(' ')}`,
    'fi',
    finish,
  ];
}

export function waveScript(wave: Wave, ctx: WaveScriptContext): string {
  const prelude = PRELUDE.replace('__PASSWORD_FILE__', q(ctx.passwordFile))
    .replace('__IMAGE_DIR__', q(ctx.imageDir))
    .replace('__VCENTER__', q(ctx.vcenter ?? ''))
    .replace('__VCENTER_USER__', q(ctx.vcenterUser))
    .replace('__VPX_QUERY__', ctx.noVerify ? q('?no_verify=1') : "''");
  const header = [
    '#!/usr/bin/env bash',
    oneLine(
      `# capplan migration wave ${wave.number} of ${ctx.waves}, project ${ctx.project}: ${wave.vms.length} VM(s), ` +
        `${wave.diskGb} GB, HA priority ${wave.haPriority}.`,
    ),
    '# Converts each VM with virt-v2v into its planned host, pool, network and name (method §13), sets the',
    '# planned vCPU and memory, autostart and starts it. A VM already on its host is not converted again.',
    '# Run provision.sh on every host first (networks and pool; --infrastructure-only leaves the VMs out).',
    "# Usage: [VCENTER=vc.example.com] [OUTPUT_URI_TEMPLATE='qemu+ssh://root@%s/system'] ./wave.sh [--dry-run]",
  ];
  const body = wave.vms.flatMap((vm) => vmSteps(vm, ctx));
  return `${[...header, prelude, ...body, '', `echo ${q(`wave ${wave.number}: done`)}`].join('\n')}\n`;
}

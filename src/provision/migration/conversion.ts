// The conversion of one VM (method §13) as the words a migration engineer runs:
// virt-v2v from vCenter (virt-v2v-input-vmware(1): -ic vpx://user@vcenter/Datacenter/Cluster/esxi),
// virt-v2v from a disk image (-i disk), or, for a physical server, the virt-p2v kernel
// command line (virt-p2v(1): p2v.server, p2v.o, p2v.os, p2v.name, p2v.network …). Output:
// libvirt on the planned host (-o libvirt -oc URI), the planned pool (-os), format (-of), name
// (-on) and networks (-n source:target). Every client string is one word for escape/shell.ts;
// the VM's source name comes after `--`, so a name starting with "-" is never an option.
import { quoteWord } from '../../escape/shell.ts';
import type { MigrationVm } from './waves.ts';

/** A word of a command: the wave script's own variables expand, everything else is literal. */
export function shellWord(w: string): string {
  if (/^\$(URI|VPX|PASSWORD_FILE)$/.test(w)) return `"${w}"`;
  if (w.startsWith('$IMAGE_DIR/')) return `"$IMAGE_DIR"/${quoteWord(w.slice('$IMAGE_DIR/'.length))}`;
  return quoteWord(w);
}

/** The vpx:// path of a vSphere VM's ESXi host: Datacenter[/Cluster]/host, each part URI-encoded. */
export function vpxPath(vm: MigrationVm): string | null {
  const v = vm.vmware;
  if (!v?.datacenter || !v.host) return null;
  return [v.datacenter, ...(v.cluster ? [v.cluster] : []), v.host].map(encodeURIComponent).join('/');
}

/** -n source:target per source port group (the planned network of that NIC), else one catch-all. */
function networkArgs(vm: MigrationVm): string[] {
  const sources = vm.vmware?.networks ?? [];
  if (sources.length === 0) return ['-n', vm.networks[0]!];
  const seen = new Set<string>();
  return sources.flatMap((src, i) => {
    if (seen.has(src)) return [];
    seen.add(src);
    return ['-n', `${src}:${vm.networks[Math.min(i, vm.networks.length - 1)]!}`];
  });
}

export interface ConversionTarget {
  pool: string;
  format: 'raw' | 'qcow2';
  fileName: string;
  vddk: { libdir: string; thumbprint: string | null } | null;
}

/**
 * virt-v2v's words after the input part; `$URI`, `$VPX`, `$PASSWORD_FILE`, `$IMAGE_DIR` are
 * shell variables the wave script sets (the only unquoted parts).
 */
export function v2vWords(vm: MigrationVm, t: ConversionTarget): { words: string[]; input: 'vpx' | 'disk' } {
  const output = ['-o', 'libvirt', '-oc', '$URI', '-os', t.pool, '-of', t.format, '-on', vm.name, ...networkArgs(vm)];
  if (vm.method === 'vmware') {
    const vddk = t.vddk
      ? [
          '-it',
          'vddk',
          '-io',
          `vddk-libdir=${t.vddk.libdir}`,
          ...(t.vddk.thumbprint ? ['-io', `vddk-thumbprint=${t.vddk.thumbprint}`] : []),
        ]
      : [];
    return {
      words: ['virt-v2v', '-ic', '$VPX', '-ip', '$PASSWORD_FILE', ...vddk, ...output, '--', vm.sourceServer],
      input: 'vpx',
    };
  }
  return { words: ['virt-v2v', '-i', 'disk', ...output, '--', `$IMAGE_DIR/${t.fileName}.img`], input: 'disk' };
}

/** virt-p2v's kernel command line for a physical server, converted by the planned host. */
export function p2vKernelArgs(vm: MigrationVm, t: ConversionTarget): string[] {
  return [
    `p2v.server=${vm.host}`,
    'p2v.username=root',
    'p2v.o=libvirt',
    `p2v.os=${t.pool}`,
    `p2v.oa=${t.format === 'raw' ? 'preallocated' : 'sparse'}`,
    `p2v.name=${vm.name}`,
    `p2v.vcpus=${vm.vcpu}`,
    `p2v.memory=${vm.memoryMib}M`,
    `p2v.network=eth0:${vm.networks[0]!}`,
  ];
}

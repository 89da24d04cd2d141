// The hypervisor node's local disk layout (method §7).
import type { PartitionSettings } from '../domain/project.ts';
import type { Partitions } from '../domain/plan.ts';
import { ceilSafe } from './rounding.ts';

/**
 * Red Hat's recommended swap for a RAM size, GB. Source: Red Hat Knowledgebase DOC-15252
 * (cited by the source document, method §7), the table of the RHEL 5 Installation Guide and the
 * RHEV-H 2.2 installation: RAM ≤ 4 GB → 2 GB; ≤ 16 GB → 4 GB; ≤ 64 GB → 8 GB; ≤ 256 GB →
 * 16 GB; ≤ 512 GB → 32 GB. Each boundary belongs to the lower row (16 GB → 4 GB). The table
 * ends at 512 GB; above it we keep 32 GB (the last figure Red Hat gives), since the swap
 * formula already adds RAM × overcommit.
 */
export function recommendedSwapGb(ramGb: number): number {
  if (ramGb <= 4) return 2;
  if (ramGb <= 16) return 4;
  if (ramGb <= 64) return 8;
  if (ramGb <= 256) return 16;
  return 32;
}

/**
 * Partitions of a hypervisor node with `ramGb` of RAM on a `localDiskMb` disk (method §7):
 * swap = (recommended_swap(RAM) + RAM × overcommit) × 1024 MB — the example: (8 + 32 × 0.5)
 * × 1024 = 24576 MB; data (kvm core files, kernel dumps, ISO staging) = RAM × 1.5 × 1024 =
 * 49152 MB; boot, root (256 × 2 MB), config and logging fixed. The example totals 76343 MB
 * on a 149504 MB disk. A profile with UEFI hosts adds /boot/efi (method §12).
 */
export function hypervisorPartitions(ramGb: number, localDiskMb: number, settings: PartitionSettings): Partitions {
  const swapMb = ceilSafe((recommendedSwapGb(ramGb) + ramGb * settings.swapOvercommit) * 1024);
  const dataMb = ceilSafe(ramGb * settings.dataFactor * 1024);
  const { bootMb, efiMb, rootMb, configMb, loggingMb } = settings;
  const totalMb = bootMb + efiMb + rootMb + configMb + loggingMb + swapMb + dataMb;
  // An EFI system partition only where the profile's install has one (method §7, §12).
  const efi = efiMb > 0 ? { efiMb } : {};
  return { bootMb, ...efi, rootMb, configMb, loggingMb, swapMb, dataMb, totalMb, fits: totalMb <= localDiskMb };
}

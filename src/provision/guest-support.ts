// Guests outside the hypervisor vendor's supported list (method §12): a placed VM whose OS the
// profile's `provision.supportedGuests` does not name. The OS string maps to an osinfo short id
// by the same rules the guest devices use (os-match.ts), without the database, so the verdict is
// the same with osinfo-db or the fallback. A family covers its releases: rhel9 → rhel9.4, rhel9-unknown.
import type { Plan } from '../domain/plan.ts';
import { osCandidate } from './os-match.ts';

export interface UnsupportedGuest {
  vm: string;
  os: string | null;
  /** The osinfo short id the OS string maps to; null when no rule knows it. */
  osinfoId: string | null;
}

const covers = (family: string, id: string) =>
  id === family || id.startsWith(`${family}.`) || id.startsWith(`${family}-`) || id.startsWith(`${family}sp`);

/** Placed VMs whose guest OS the profile's list does not cover, by name; none when there is no list. */
export function unsupportedGuests(plan: Plan): UnsupportedGuest[] {
  const list = plan.settings.provision.supportedGuests;
  if (!list) return [];
  return plan.vms
    .filter((vm) => vm.status === 'placed')
    .map((vm) => ({ vm: vm.name, os: vm.os, osinfoId: vm.os ? osCandidate(vm.os) : null }))
    .filter((g) => g.osinfoId === null || !list.some((f) => covers(f, g.osinfoId!)))
    .sort((a, b) => (a.vm < b.vm ? -1 : a.vm > b.vm ? 1 : 0));
}

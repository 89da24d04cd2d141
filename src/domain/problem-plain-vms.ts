// The VMs of a problem.json that zod need not walk. A million VMs through the schema take
// seconds (docs/method.md §6.5: reading counts against the time limit); nearly all of them
// hold only a name and a demand record. `isPlainVm` accepts exactly the VMs the schema would
// return unchanged — `{ name, demand }` in that key order, a non-empty name, every demand a
// number in [0, 1e15] — and every other VM, valid or not, still goes through the schema, so
// its defaults apply and its errors name the file, the line and the JSON path as before.

/** The bound of a demand figure, as the schema's `amount` has it. */
const MAX_AMOUNT = 1e15;

function isRecordOfAmounts(d: unknown): boolean {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return false;
  for (const key in d) {
    if (!Object.hasOwn(d, key)) return false;
    const x = (d as Record<string, unknown>)[key];
    // NaN fails both comparisons; JSON has no Infinity.
    if (typeof x !== 'number' || !(x >= 0 && x <= MAX_AMOUNT)) return false;
  }
  return Object.getPrototypeOf(d) === Object.prototype;
}

/** True when the VM schema would accept `v` and return it as it is. */
export function isPlainVm(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  let keys = 0;
  for (const key in v) {
    // Key order matters: the schema's output lists name before demand.
    if (!Object.hasOwn(v, key) || key !== (keys === 0 ? 'name' : 'demand')) return false;
    keys++;
  }
  const { name, demand } = v as { name?: unknown; demand?: unknown };
  return keys === 2 && typeof name === 'string' && name.length > 0 && isRecordOfAmounts(demand);
}

/** RHEL (or CentOS) version ≥ 4.8, the first with VirtIO drivers in the kernel (seed). */
function isVirtioRhel(os) {
    const m = /(red hat enterprise linux|rhel|centos)[^0-9]*(\d+)(?:\.(\d+))?/i.exec(os);
    if (!m)
        return false;
    const major = Number(m[2]);
    const minor = Number(m[3] ?? 0);
    return major > 4 || (major === 4 && minor >= 8);
}
export function guestFamily(os) {
    if (!os)
        return 'unknown';
    if (/windows/i.test(os))
        return 'windows';
    if (isVirtioRhel(os))
        return 'linux-virtio';
    if (/linux|debian|ubuntu|suse|sles|centos|red hat|fedora/i.test(os))
        return 'linux';
    return 'unknown';
}
const BY_FAMILY = {
    windows: { diskBus: 'ide', nicModel: 'rtl8139' },
    'linux-virtio': { diskBus: 'virtio', nicModel: 'virtio' },
    linux: { diskBus: 'ide', nicModel: 'e1000' },
    unknown: { diskBus: 'ide', nicModel: 'rtl8139' },
};
/** Devices for a guest: the policy above unless the settings force a bus or model. */
export function guestDevices(os, settings) {
    const family = guestFamily(os);
    const policy = BY_FAMILY[family];
    return {
        family,
        diskBus: settings.diskBus === 'auto' ? policy.diskBus : settings.diskBus,
        nicModel: settings.nicModel === 'auto' ? policy.nicModel : settings.nicModel,
    };
}

export function hostCapacity(model, settings, partitionsTotalMb = 0) {
    const cores = model.sockets * model.coresPerSocket;
    return {
        vcpu: cores * settings.cluster.vcpuPerCore,
        memoryGb: (model.memoryGb - settings.hypervisor.reserveMb / 1024) * settings.cluster.memoryOvercommit,
        diskGb: Math.max(0, (model.localDiskMb - partitionsTotalMb) / 1024),
    };
}
/** Resources the placement constrains: disk only when VM disks are on local storage. */
export function placementResources(settings) {
    return settings.cluster.storage === 'local' ? ['vcpu', 'memoryGb', 'diskGb'] : ['vcpu', 'memoryGb'];
}
export function toPlacementModel(model, settings, partitionsTotalMb) {
    const cap = hostCapacity(model, settings, partitionsTotalMb);
    const capacity = {};
    for (const r of placementResources(settings))
        capacity[r] = cap[r];
    return { name: model.name, capacity, cost: model.price, ...(model.cpuFamily ? { family: model.cpuFamily } : {}) };
}

import { domainSpec } from "./domain-spec.js";
import { domainXml } from "./domain-xml.js";
import { kickstartParts } from "./kickstart.js";
import { networkXml, poolXml, volumeXml } from "./libvirt-xml.js";
import { slug } from "./names.js";
/** VMs of a host in a stable order: the plan's host order, then by name. */
function hostVms(host, vms) {
    return vms
        .filter((vm) => vm.status === 'placed' && vm.host === host.name)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
export function hostProvision(host, vms, ctx) {
    const s = ctx.settings;
    const networks = s.networks.map((net) => ({
        name: net.name,
        file: `networks/${net.name}.xml`,
        xml: networkXml(net),
    }));
    const pool = { name: s.pool.name, file: `storage/pool-${s.pool.name}.xml`, xml: poolXml(s.pool) };
    const volumes = [];
    const domains = [];
    for (const vm of hostVms(host, vms)) {
        const spec = domainSpec(vm, { ...ctx, host: host.name });
        const d = spec.disk;
        volumes.push({
            name: d.volume,
            file: `storage/volumes/${d.volume}.xml`,
            xml: volumeXml({ name: d.volume, capacityGb: d.capacityGb, format: d.format }),
        });
        domains.push({
            name: vm.name,
            file: `domains/${slug(vm.name)}.xml`,
            xml: domainXml(spec),
            spec,
            autostart: spec.highlyAvailable,
            start: s.startVms,
        });
    }
    return {
        host,
        dir: slug(host.name),
        networks,
        pool,
        volumes,
        domains,
        kickstart: kickstartParts(host, s.kickstartFsType),
    };
}

// Node XML for libvirt's test driver (`virsh -c test:///abs/path/node.xml`), shaped like a
// planned host, to rehearse an apply without a hypervisor. Format: libvirt
// examples/xml/test/testnode.xml — <cpu> nodes/sockets/cores/threads/active/mhz, <memory> in
// KiB, and <network>, <pool> (with <volume> children) and <domain> definitions inline.
import { create } from 'xmlbuilder2';
import type { PlanHost } from '../domain/plan.ts';
import { XML_OPTIONS } from './domain-xml.ts';
import { serializeXml } from '../escape/xml.ts';

export interface TestNodeObjects {
  networks?: string[];
  pools?: { xml: string; volumes: string[] }[];
  domains?: string[];
}

export function testNodeXml(host: PlanHost, existing: TestNodeObjects = {}): string {
  const node = create().ele('node');
  const cpu = node.ele('cpu');
  cpu.ele('mhz').txt(String(Math.round(host.cpuGhz * 1000)));
  cpu.ele('model').txt('x86_64');
  cpu.ele('active').txt(String(host.sockets * host.coresPerSocket * host.threadsPerCore));
  cpu.ele('nodes').txt('1');
  cpu.ele('sockets').txt(String(host.sockets));
  cpu.ele('cores').txt(String(host.coresPerSocket));
  cpu.ele('threads').txt(String(host.threadsPerCore));
  node.ele('memory').txt(String(Math.round(host.memoryGb * 1024 * 1024)));
  for (const xml of existing.networks ?? []) node.import(create(xml).root());
  for (const pool of existing.pools ?? []) {
    const p = create(pool.xml).root();
    for (const vol of pool.volumes) p.import(create(vol).root());
    node.import(p);
  }
  for (const xml of existing.domains ?? []) node.import(create(xml).root());
  return `${serializeXml(node, XML_OPTIONS)}\n`;
}

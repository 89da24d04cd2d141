// plan.md's "Placement rules and licences" section in English (report/markdown-rules.ts);
// rules-es.ts has the same shape.

export const rulesEn = {
  title: 'Placement rules and licences',
  antiAffinity: 'anti-affinity',
  affinity: 'affinity',
  pin: (host: string) => `pin → ${host}`,
  hostGroup: (name: string, licence: string) => `host group ${name} (${licence})`,
  head: ['Rule', 'Stated in', 'VMs (host)', 'Normal operation'],
  checked: 'Every rule is checked by the placement verifier in normal operation.',
  notAllPlaced: 'not all placed',
  held: 'held',
  broken: '**broken**',
  breaksTitle: 'Restarts that break a rule',
  haCapacityOnly: 'HA restarts respect capacity only, as VMware HA does by default.',
  enforceHint:
    ' Set `placement.enforceRulesOnFailover: true` to keep anti-affinity on restarts (it may need more hosts).',
  breaksHead: ['Failed', 'VM', 'Restarts on', 'Breaks'],
  /** `rule` is anti-affinity or affinity, as the plan names it. */
  breaks: (rule: string, group: string, beside: boolean, others: string) =>
    `${rule} ${group}: ${beside ? 'beside' : 'apart from'} ${others}`,
  licencesTitle: 'Licences per host group',
  licencesHead: [
    'Host group',
    'VMs',
    'Hosts',
    'Cores',
    'Licences',
    'Without the group: hosts',
    'Cores',
    'Licences',
    'Saving',
  ],
  group: (name: string, dedicated: boolean) => `${name} (${dedicated ? 'dedicated hosts' : 'every host licensed'})`,
  save: (amount: string) => `the host groups save **${amount}**`,
  costMore: (amount: string) => `dedicating hosts would cost ${amount} more`,
  total: (w: {
    total: string;
    hosts: number;
    without: string;
    withoutHosts: number;
    hardware: string;
    licences: string;
  }) =>
    `Hardware + licences: **${w.total}** with ${w.hosts} hosts; one cluster licensing every host: ${w.without} with ` +
    `${w.withoutHosts} hosts (${w.hardware} hardware + ${w.licences} licences)`,
};

export type RulesMessages = typeof rulesEn;

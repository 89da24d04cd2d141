// The terminal summary of `capplan plan` in English (report/terminal.ts, report/replay-terminal.ts).
// terminal-es.ts has the same shape.

interface Headline {
  servers: number;
  hosts: number;
  ratio: string;
  lowerBound: number;
  placed: number;
  notPlaced: number;
  vcpu: number;
  memoryGb: number;
  diskGb: number;
}

interface WindowFigures {
  role: string;
  from: string;
  to: string;
  hostIntervals: number;
  cpuOverCeiling: string;
  cpuOver100: string;
  memoryOver100: string;
  networkOver100: string;
}

export const terminalEn = {
  /** `bold` marks the host count, as the terminal shows it. */
  headline: (h: Headline, bold: (s: string) => string) =>
    `${h.servers} servers → ${bold(`${h.hosts} hosts`)} (ratio ${h.ratio}, lower bound ${h.lowerBound}); ` +
    `${h.placed} placed, ${h.notPlaced} not placed; ${h.vcpu} vCPU, ${h.memoryGb} GB, ${h.diskGb} GB disk`,
  vmHead: ['VM', 'vCPU', 'Memory GB', 'Disk GB', 'Host'],
  hostHead: ['Host', 'VMs', 'vCPU', 'CPU %', 'Memory GB', 'Memory %', 'Network MB/s'],
  notPlacedHead: ['VM', 'Status', 'Group', 'Reason'],
  /** A VM's status as the terminal prints it: the plan's own word. */
  vmStatus: (status: 'placed' | 'excluded' | 'unplaced') => status as string,
  more: (rest: number, what: 'vms' | 'hosts' | 'notPlaced', max: number) =>
    `… ${rest} more ${{ vms: 'VMs', hosts: 'hosts', notPlaced: 'servers not placed' }[what]} ` +
    `(${what === 'hosts' ? 'the busiest' : 'the first'} ${max} shown; plan.md and plan.xlsx list them all)`,
  satisfied: (policy: string, scenarios: number) =>
    `${policy} satisfied: ${scenarios} failure scenario(s) simulated, every VM restarts`,
  notSatisfied: (policy: string, failed: number, scenarios: number) =>
    `${policy} NOT satisfied: ${failed} of ${scenarios} failure scenario(s) leave VMs without a host`,
  notPlaced: (count: number) => `${count} server(s) not placed:`,
  replayHead: (w: WindowFigures) =>
    `Replay of the ${w.role} window (${w.from} – ${w.to}, ${w.hostIntervals} host-intervals): CPU over the ` +
    `ceiling ${w.cpuOverCeiling}, over 100 % ${w.cpuOver100}; memory over 100 % ${w.memoryOver100}; network ` +
    `over 100 % ${w.networkOver100}`,
  role: (role: string) => role,
  wrote: (count: number, dir: string, names: string) => `Wrote ${count} files to ${dir}: ${names}`,
  andMore: (count: number) => `… and ${count} more`,
  /** After the first overloaded hosts of a replay line: how many more, and where all are. */
  moreOverloaded: (count: number) => `… and ${count} more (plan.md and plan.xlsx list every host)`,
  scenario: (name: string, hosts: number, model: string, policy: string, holds: boolean) =>
    `Scenario ${name}: ${hosts} hosts ${model}, ${policy} ${holds ? 'holds' : 'does not hold'}`,
  resource: (k: 'cpu' | 'memory' | 'network' | 'iops') => k as string,
  held: (head: string) => `${head}: held`,
  overloaded: (head: string, maxPct: number, worst: string, cpu: string, memory: string) =>
    `${head}: over 100 % in more than ${maxPct} % of the intervals (${worst}); would have held with ` +
    `CPU × ${cpu}, memory × ${memory}`,
};

export type TerminalMessages = typeof terminalEn;

// Regression tests for the probe findings about the reports, each named after its finding:
// M5 (rendering quadratic in the number of servers), L3 (live links and bidi overrides from
// client strings), L5 (a 1 MB name bloating plan.md and exceeding Excel's cell limit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { buildWorkbook, renderMarkdown, renderTerminalSummary } from '../../src/report/index.ts';
import { markdownText } from '../../src/report/markdown.ts';
import type { Plan, PlanServer } from '../../src/domain/plan.ts';
import { troubledPlan } from './fixtures/troubled-plan.ts';

/** Every string cell of a workbook. */
async function cellStrings(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && out.push(c.value))));
  return out;
}

/** The troubled plan with `extra` more excluded servers, each with its own VM. */
function largePlan(extra: number): Plan {
  const plan = troubledPlan();
  const model = plan.servers[plan.servers.length - 1]!;
  const vm = plan.vms[plan.vms.length - 1]!;
  for (let i = 0; i < extra; i++) {
    const name = `srv-${String(i).padStart(5, '0')}`;
    plan.servers.push({ ...model, name, vmName: `vm-${i}` });
    plan.vms.push({ ...vm, name: `vm-${i}`, sourceServer: name });
  }
  return plan;
}

/** plan.servers behind a proxy that counts reads of its elements. */
function countingServers(plan: Plan): { reads: () => number } {
  let reads = 0;
  plan.servers = new Proxy(plan.servers, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  }) as PlanServer[];
  return { reads: () => reads };
}

test('M5 rendering is linear in the servers: no per-VM search of plan.servers', async () => {
  const n = 2000;
  const plan = largePlan(n);
  const counter = countingServers(plan);
  markdownText(plan);
  await buildWorkbook(plan);
  // A linear search per VM reads ~n²/2 = 2,000,000 elements; a few passes read ~n each.
  assert.ok(counter.reads() < 40 * n, `${counter.reads()} reads of plan.servers for ${n} servers`);
});

test('L3 client URLs are not live links in plan.md, and bidi overrides reach neither report', async () => {
  const plan = troubledPlan();
  const excluded = plan.vms[plan.vms.length - 1]!;
  excluded.reasons = [
    { code: 'missing-performance-data', message: 'see https://evil.example/login or www.evil.example now' },
  ];
  const server = plan.servers[plan.servers.length - 1]!;
  server.name = 'invoice\u202Etxt.exe';
  excluded.sourceServer = server.name;
  const { markdown } = renderMarkdown(plan);
  assert.ok(!markdown.includes('https://evil'), 'a scheme:// autolink survived');
  assert.ok(!/www\.evil/.test(markdown), 'a www. autolink survived');
  assert.ok(markdown.includes('https\\://evil.example/login'), 'the URL is still readable');
  assert.ok(!markdown.includes('\u202E'));
  const cells = await cellStrings(await buildWorkbook(plan));
  assert.ok(
    cells.some((c) => c.includes('invoice\ufffdtxt.exe')),
    'the name is shown with the override replaced',
  );
  assert.ok(!cells.some((c) => /[\u202A-\u202E\u2066-\u2069]/.test(c)), 'a bidi override reached the workbook');
  // The terminal too: a VM named with an override is printed with it replaced.
  excluded.name = 'vm\u202Eexe';
  const terminal = renderTerminalSummary(plan, { color: false });
  assert.ok(terminal.includes('vm\ufffdexe'), 'the VM is listed in the terminal summary');
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(terminal), 'a bidi override reached the terminal');
});

test("L5 a 1 MB name neither bloats plan.md nor exceeds Excel's 32,767 characters per cell", async () => {
  const plan = troubledPlan();
  const big = 'n'.repeat(1_000_000);
  const server = plan.servers[plan.servers.length - 1]!;
  server.name = big;
  plan.vms[plan.vms.length - 1]!.sourceServer = big;
  plan.vms[plan.vms.length - 1]!.reasons[0]!.message = `no monitoring samples for ${big}`;
  const { markdown } = renderMarkdown(plan);
  assert.ok(markdown.length < 200_000, `plan.md is ${markdown.length} characters`);
  const cells = await cellStrings(await buildWorkbook(plan));
  const longest = Math.max(...cells.map((c) => c.length));
  assert.ok(longest <= 32_767, `a cell of ${longest} characters`);
  assert.ok(
    cells.some((c) => c.startsWith('nnnn') && c.endsWith('…')),
    'the cut is marked',
  );
});

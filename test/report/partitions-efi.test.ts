// The hypervisor's partition table in plan.md and in the workbook's Hosts sheet shows /boot/efi
// for the profiles that install UEFI hosts (method §7, §12); the worked example under rhev-2.2
// keeps the source's columns (table 2.13), with no EFI column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../src/report/index.ts';
import { markdownText } from '../../src/report/markdown.ts';
import { hypervisorPartitions } from '../../src/sizing/partitions.ts';
import type { ProfileId } from '../../src/domain/hypervisor-profiles.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { defaultSettings } from '../helpers/settings.ts';
import { aseguradoraPlan } from './fixtures/aseguradora-plan.ts';

function planUnder(profile: ProfileId): Plan {
  const plan = aseguradoraPlan();
  plan.settings = {
    ...defaultSettings({ project: 'aseguradora', hypervisor: { profile } }),
    report: plan.settings.report,
  };
  for (const h of plan.hosts) h.partitions = hypervisorPartitions(h.memoryGb, h.localDiskMb, plan.settings.partitions);
  return plan;
}

const CASES: [ProfileId, number | null][] = [
  ['generic', 600],
  ['rhel-9', 600],
  ['proxmox-8', 512],
  ['rhev-2.2', null],
];

for (const [profile, efiMb] of CASES) {
  test(`${profile}: plan.md's partition table ${efiMb ? `shows /boot/efi ${efiMb} MB` : 'has no /boot/efi'}`, () => {
    const md = markdownText(planUnder(profile));
    const lines = md.split('\n');
    const h = lines.findIndex((l) => l.includes('| boot MB'));
    assert.ok(h >= 0, md);
    const header = lines[h]!;
    const row = lines[h + 2]!;
    assert.match(row, /^\| host1 /);
    if (efiMb === null) {
      assert.doesNotMatch(header, /efi/);
      return;
    }
    const cells = (l: string) => l.split('|').map((c) => c.trim());
    const at = cells(header).indexOf('/boot/efi MB');
    assert.ok(at > 0, header);
    assert.equal(cells(row)[at], String(efiMb), row);
  });

  const what = efiMb ? 'has a /boot/efi column' : 'has no /boot/efi column';
  test(`${profile}: the workbook's Hosts sheet ${what}`, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildWorkbook(planUnder(profile))) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets.find((w) => {
      let found = false;
      w.eachRow((r) => {
        if ((r.values as unknown[]).includes('boot MB')) found = true;
      });
      return found;
    })!;
    let header: unknown[] = [];
    let host1: unknown[] = [];
    ws.eachRow((r) => {
      const v = r.values as unknown[];
      if (v.includes('boot MB')) header = v;
      if (v[1] === 'host1') host1 = v;
    });
    const at = header.indexOf('/boot/efi MB');
    if (efiMb === null) assert.equal(at, -1);
    else assert.equal(host1[at], efiMb);
  });
}

// A real Prometheus for the tests: samples written as OpenMetrics, backfilled into blocks with
// `promtool tsdb create-blocks-from openmetrics`, the server started on 127.0.0.1 with a
// temporary data folder and a free port, stopped (and the folder removed) by stop().
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export interface RunningPrometheus {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** One OpenMetrics gauge family per column of a long monitoring CSV, labelled server="<name>". */
export function openMetricsFromLongCsv(csvFile: string, columns: string[]): string {
  const rows = parse(readFileSync(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
  const byServer = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    const list = byServer.get(r.server!) ?? [];
    list.push(r);
    byServer.set(r.server!, list);
  }
  const lines: string[] = [];
  for (const c of columns) {
    lines.push(`# TYPE ${c} gauge`);
    for (const server of [...byServer.keys()].sort())
      for (const r of byServer.get(server)!)
        if (r[c] !== '') lines.push(`${c}{server="${server}"} ${r[c]} ${Date.parse(r.timestamp!) / 1000}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Backfills `openMetrics` (the text, or `{ file }` holding it) and starts Prometheus on it;
 * `webConfig` (YAML) turns on basic auth and the like.
 */
export async function startPrometheus(
  openMetrics: string | { file: string },
  opts: { webConfig?: string } = {},
): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'capplan-prom-'));
  const om = typeof openMetrics === 'string' ? path.join(dir, 'samples.om') : openMetrics.file;
  if (typeof openMetrics === 'string') writeFileSync(om, openMetrics);
  writeFileSync(path.join(dir, 'prometheus.yml'), 'global: {}\n');
  const data = path.join(dir, 'data');
  const backfill = spawnSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=24h', om, data],
    { encoding: 'utf8' },
  );
  if (backfill.status !== 0) throw new Error(`promtool failed: ${backfill.stderr}`);
  const args = [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${data}`,
    '--storage.tsdb.retention.time=100y',
  ];
  if (opts.webConfig) {
    writeFileSync(path.join(dir, 'web.yml'), opts.webConfig);
    args.push(`--web.config.file=${path.join(dir, 'web.yml')}`);
  }
  // A port another process takes between freePort() and the bind makes Prometheus exit: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn('prometheus', [...args, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    if (await ready(url, child)) {
      return {
        url,
        port,
        stop: async () => {
          await new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          });
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('prometheus did not become ready');
}

/** Waits up to 30 s for /-/ready (any HTTP answer, 401 included, means it listens). */
async function ready(url: string, child: ChildProcess): Promise<boolean> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 300 && !exited; i++) {
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok || res.status === 401) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

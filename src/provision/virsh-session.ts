// One virsh process, one libvirt connection, for a whole apply (docs/provision.md, "The flow": the
// test driver keeps its state per connection). Commands go to virsh's interactive mode on stdin; after each,
// `echo` prints a marker on stdout and `echo --err` one on stderr, so the output and the
// errors of every command are told apart without timing guesses. The one I/O edge of
// src/provision (it writes no files).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { InputError } from '../domain/errors.ts';

export interface CommandResult {
  /** stdout of the command, without virsh's prompt/echo lines. */
  output: string;
  /** "error: …" lines virsh printed for the command (empty when it succeeded). */
  errors: string[];
}

/** A marker the command-line echo cannot contain: the quotes split it (see `markerCommand`). */
const marker = (n: number) => `@@capplan-${n}@@`;
const markerWords = (n: number) => `'@@'capplan-${n}'@@'`;
const PROMPT = /^virsh [#>] /;

export class VirshSession {
  private stdout = '';
  private stderr = '';
  private seq = 0;
  private exited: string | null = null;
  private wake: (() => void) | null = null;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly uri: string,
  ) {
    child.stdout.setEncoding('utf8').on('data', (d: string) => this.feed('stdout', d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => this.feed('stderr', d));
    child.on('error', (err) => this.end(err.message));
    child.on('close', (code) => this.end(`virsh exited (${code ?? 'signal'})`));
  }

  /** Starts `virsh -c uri`; the connection opens with the first command. */
  static open(uri: string, virsh = 'virsh'): VirshSession {
    return new VirshSession(spawn(virsh, ['-c', uri], { stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } }), uri);
  }

  private feed(stream: 'stdout' | 'stderr', data: string): void {
    this[stream] += data;
    this.wake?.();
  }

  private end(reason: string): void {
    this.exited ??= reason;
    this.wake?.();
  }

  /** Runs one virsh command line (words already quoted for virsh). */
  async run(line: string, timeoutMs = 120_000): Promise<CommandResult> {
    const n = ++this.seq;
    this.child.stdin.write(`${line}\necho ${markerWords(n)}\necho --err ${markerWords(n)}\n`);
    const outMark = `\n${marker(n)}\n`;
    const errMark = `error: ${marker(n)}\n`;
    const deadline = Date.now() + timeoutMs;
    while (!(`\n${this.stdout}`.includes(outMark) && this.stderr.includes(errMark))) {
      if (this.exited !== null)
        throw new InputError(`virsh -c ${this.uri}: ${this.exited} during "${line}": ${this.stderr.trim()}`);
      if (Date.now() > deadline)
        throw new InputError(`virsh -c ${this.uri}: no answer to "${line}" within ${timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 200);
      });
      this.wake = null;
    }
    const out = `\n${this.stdout}`;
    const outAt = out.indexOf(outMark);
    const output = out.slice(1, outAt + 1);
    this.stdout = out.slice(outAt + outMark.length);
    const errAt = this.stderr.indexOf(errMark);
    const errors = this.stderr
      .slice(0, errAt)
      .split('\n')
      .filter((l) => l.trim() !== '');
    this.stderr = this.stderr.slice(errAt + errMark.length);
    return { output: cleanOutput(output), errors };
  }

  async close(): Promise<void> {
    if (this.exited !== null) return;
    const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.stdin.end('quit\n');
    await closed;
  }
}

/** Drops virsh's banner, prompt and command echo lines (they start with "virsh # "). */
function cleanOutput(text: string): string {
  return text
    .split('\n')
    .filter((l) => !PROMPT.test(l) && l !== 'virsh #' && l !== 'virsh >')
    .join('\n');
}

// Terminal conventions: colour only on a TTY and without NO_COLOR; progress only on a TTY
// and never in CI (the brief: long work shows progress on a TTY and stays quiet in CI).

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.CI !== 'true';
}

export interface Progress {
  (message: string): void;
  done(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY) && process.env.CI !== 'true';
  let shown = false;
  const report = ((message: string) => {
    if (!live) return;
    stream.write(`\r\x1b[2K${message.slice(0, (stream.columns || 80) - 1)}`);
    shown = true;
  }) as Progress;
  report.done = () => {
    if (live && shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return report;
}

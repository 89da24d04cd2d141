// The one clock of an optimiser run (docs/method.md §6.5: time limits are promises). Every
// phase — construction, host emptying, LNS, search trees, the MILP, the N+k search and the
// host-count and catalog loops of the pipeline — asks this object whether time is up, and
// tells it when it stopped because of it, so the result can say it stopped early.

export class Deadline {
  private readonly stops: string[];

  private constructor(
    /** performance.now() milliseconds at which the run must end. */
    readonly atMs: number,
    stops: string[],
  ) {
    this.stops = stops;
  }

  /** A deadline `seconds` after the process started: what a command promises its user. */
  static afterStart(seconds: number): Deadline {
    return new Deadline(Math.max(0, seconds) * 1000, []);
  }

  /** A deadline `seconds` from now. */
  static after(seconds: number): Deadline {
    return new Deadline(performance.now() + Math.max(0, seconds) * 1000, []);
  }

  remainingMs(): number {
    return Math.max(0, this.atMs - performance.now());
  }

  passed(): boolean {
    return performance.now() >= this.atMs;
  }

  /**
   * A part of the time left, as a deadline of its own (e.g. host emptying keeps a share for
   * the MILP). It records its stops in this one, so the run still knows it stopped early.
   */
  share(fraction: number): Deadline {
    return new Deadline(Math.min(this.atMs, performance.now() + this.remainingMs() * fraction), this.stops);
  }

  /**
   * At most `seconds` from now, never past this deadline: a plan that sets a shorter limit of
   * its own than the command's clock has left keeps it. Stops are recorded in this one.
   */
  within(seconds: number): Deadline {
    return new Deadline(Math.min(this.atMs, performance.now() + Math.max(0, seconds) * 1000), this.stops);
  }

  /** The same end with its own record of stops: one optimiser run within a longer one. */
  run(): Deadline {
    return new Deadline(this.atMs, []);
  }

  /** True while time is left; past the deadline records that `phase` stopped and says false. */
  allows(phase: string): boolean {
    if (!this.passed()) return true;
    this.stop(phase);
    return false;
  }

  /** Records that `phase` stopped at the deadline (each phase once, in order). */
  stop(phase: string): void {
    if (!this.stops.includes(phase)) this.stops.push(phase);
  }

  /** The phases the deadline stopped, in the order they stopped. */
  stoppedPhases(): readonly string[] {
    return this.stops;
  }
}

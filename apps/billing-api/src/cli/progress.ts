import { SingleBar } from 'cli-progress';

/** Where a long command stands, shown on stderr. */
export interface Progress {
  /** The work has reached `position` (of the range it was started with) after `count` events (or the unit it was started with). */
  update(position: bigint, count: number): void;
  /** Ends the bar (or writes the last plain line). */
  done(): void;
}

export interface ProgressOptions {
  /** False: nothing is shown (`--no-progress`, or stdout and stderr wanted clean). */
  enabled: boolean;
  /** Default: process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Seconds between two plain lines when the stream is not a terminal; default 5. */
  plainEverySeconds?: number;
}

/** What is counted and shown with its rate: `events` unless told. */
type Unit = 'events' | 'rows';

const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

export const formatCount = (n: number | bigint) => n.toLocaleString('en-US');

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/**
 * Progress over the global positions (fromPosition, toPosition]: the share done is by position,
 * which works for both stores (EventStoreDB positions are not event counts); the rate is in events.
 * On a terminal, a cli-progress bar with the rate and the time left; otherwise one plain line every
 * few seconds and one at the end, with no terminal control codes.
 */
export function startProgress(label: string, fromPosition: bigint, toPosition: bigint, options: ProgressOptions, unit: Unit = 'events'): Progress {
  if (!options.enabled) return NO_PROGRESS;
  const stream = options.stream ?? process.stderr;
  const span = toPosition > fromPosition ? Number(toPosition - fromPosition) : 0;
  const done = (position: bigint) => (position > fromPosition ? Math.min(span, Number(position - fromPosition)) : 0);
  const started = performance.now();
  const rate = (count: number) => count / Math.max((performance.now() - started) / 1000, 1e-3);
  const shown = { label, unit, span, done, rate, stream };
  return stream.isTTY ? terminalBar(shown) : plainLines(shown, options.plainEverySeconds ?? 5);
}

interface Shown {
  label: string;
  unit: Unit;
  /** The whole range, in positions. */
  span: number;
  /** Positions done at `position`. */
  done: (position: bigint) => number;
  /** Per second since the start. */
  rate: (count: number) => number;
  stream: NodeJS.WriteStream;
}

function terminalBar({ label, unit, span, done, rate, stream }: Shown): Progress {
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% | {count} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    etaBuffer: 50,
    fps: 5,
  });
  bar.start(Math.max(span, 1), 0, { count: '0', rate: '0' });
  let count = 0;
  const payload = () => ({ count: formatCount(count), rate: formatCount(Math.round(rate(count))) });
  return {
    update(position, countSoFar) {
      count = countSoFar;
      bar.update(done(position), payload());
    },
    done() {
      bar.update(Math.max(span, 1), payload());
      bar.stop();
    },
  };
}

function plainLines({ label, unit, span, done, rate, stream }: Shown, everySeconds: number): Progress {
  const started = performance.now();
  let lastLine = started;
  let count = 0;
  stream.write(`${label}: started (${formatCount(span)} ${unit === 'events' ? 'positions' : 'tables'} to go)\n`);
  return {
    update(position, countSoFar) {
      count = countSoFar;
      const now = performance.now();
      if (now - lastLine < everySeconds * 1000) return;
      lastLine = now;
      const share = span === 0 ? 1 : done(position) / span;
      const elapsed = (now - started) / 1000;
      const left = share > 0 ? (elapsed / share) * (1 - share) : Number.POSITIVE_INFINITY;
      stream.write(
        `${label}: ${formatCount(count)} ${unit}, ${(share * 100).toFixed(1)}%, ${formatCount(Math.round(rate(count)))} ${unit}/s, about ${formatSeconds(left)} left\n`,
      );
    },
    done() {
      const elapsed = (performance.now() - started) / 1000;
      stream.write(`${label}: done, ${formatCount(count)} ${unit} in ${formatSeconds(elapsed)} (${formatCount(Math.round(rate(count)))} ${unit}/s)\n`);
    },
  };
}

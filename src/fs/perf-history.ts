// The local performance history: a directory of `<commit>.json` files, one implementation of the
// core's HistoryStore (the other is the data branch, src/github/perf-history.ts).
import { join } from 'node:path';
import { byTime, type HistoryStore, type PerfRun, parseRun } from '../perf/history.js';
import { writeFileAtomic } from './atomic.js';
import { listDirectory } from './list.js';
import { readText } from './read.js';

/** A directory of `<commit>.json` files. */
export class LocalHistoryStore implements HistoryStore {
  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  async load(metricNames: readonly string[], limit: number): Promise<PerfRun[]> {
    let files: string[];
    try {
      files = listDirectory(this.dir)
        .map((e) => e.name)
        .filter((f) => f.endsWith('.json'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const runs: PerfRun[] = [];
    for (const f of files) {
      const r = parseRun(
        readText(join(this.dir, f), { kind: 'report', what: 'the history file' }),
        join(this.dir, f),
      );
      if (typeof r === 'string') this.warn(`${join(this.dir, f)}: skipped, ${r}`);
      else if (metricNames.some((n) => n in r.metrics)) runs.push(r);
    }
    return runs.sort(byTime).slice(-limit);
  }

  async save(run: PerfRun): Promise<void> {
    if (!/^[0-9a-zA-Z._-]+$/.test(run.commit)) throw new Error(`not a commit id: ${run.commit}`);
    await writeFileAtomic(join(this.dir, `${run.commit}.json`), `${JSON.stringify(run)}\n`);
  }
}

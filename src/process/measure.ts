// The process edge: runs a benchmark command and times it, for the A/B core (src/perf/ab.ts),
// which takes it as its `measure`.
import { spawn } from 'node:child_process';
import { ShipkitError } from '../errors.js';
import type { Measure } from '../perf/ab.js';

/** The real measurement: spawn without a shell, output discarded, wall time from hrtime. */
export const spawnMeasure: Measure = (argv, label) =>
  new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], shell: false });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString();
    });
    child.on('error', (err) =>
      reject(
        new ShipkitError(`${label} command could not start: ${err.message}`, {
          hint: `Check that ${argv[0]} is installed and on PATH.`,
        }),
      ),
    );
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else {
        const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new ShipkitError(`${label} command ${why}: ${argv.join(' ')}`, {
            hint: stderr.trim().split('\n').slice(-3).join(' | ') || 'A failing benchmark cannot be timed.',
          }),
        );
      }
    });
  });

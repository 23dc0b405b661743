import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_JOBS, generateSample } from '../../sample/index.ts';
import { ProgressLine } from '../progress.ts';
import type { CliIo } from '../context.ts';

interface SampleFlags {
  out: string;
  jobs?: number;
  seed?: number;
  json?: boolean;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** `workbench sample --out DIR`: realistic, messy raw exports plus their ground truth. */
export function sampleCommand(io: CliIo): Command {
  return new Command('sample')
    .description('write realistic raw CRM exports (CSV and Excel, with their mess) and the ground truth under DIR/truth/')
    .requiredOption('--out <dir>', 'output folder')
    .option('--jobs <n>', `number of jobs (default ${DEFAULT_JOBS}); leads, opportunities and performance rows scale with it`, wholeNumber)
    .option('--seed <s>', 'random seed: the same seed writes the same bytes (default 1)', wholeNumber)
    .option('--json', 'print the summary as JSON')
    .action(async (flags: SampleFlags) => {
      const progress = new ProgressLine(io.stderr, io.interactive && !flags.json);
      let summary;
      try {
        summary = await generateSample({
          outDir: flags.out,
          ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
          ...(flags.seed === undefined ? {} : { seed: flags.seed }),
          onProgress: (p) => progress.update(p.file, p.rows, p.totalRows),
        });
      } catch (error) {
        if (error instanceof RangeError) throw new InvalidArgumentError(error.message);
        throw error;
      }
      progress.clear();
      if (flags.json) {
        io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      for (const f of summary.files) io.stdout(`${f.file.padEnd(36)} ${String(f.rows).padStart(10)} rows\n`);
      io.stdout(`sample written to ${summary.outDir} (jobs ${summary.jobs}, seed ${summary.seed})\n`);
    });
}

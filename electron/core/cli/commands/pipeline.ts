import { Command } from 'commander';
import { migrate, projectMigrations } from '../../migrate/index.ts';
import { describeStop, orderSteps, PipelineCancelledError, pipelineSteps, planPipeline, runPipeline, totalChanges } from '../../pipeline/index.ts';
import { dbOptionHelp, withDatabase } from '../context.ts';
import { UserError } from '../errors.ts';
import type { StepReport } from '../../pipeline/index.ts';
import type { CliIo } from '../context.ts';

interface PipelineFlags {
  db?: string;
  json?: boolean;
}

function printReports(io: CliIo, reports: StepReport[], mode: 'plan' | 'run'): void {
  for (const r of reports) {
    io.stdout(`${r.step} (${r.durationMs} ms): ${totalChanges(r)} row change(s)${mode === 'plan' ? ' would be made' : ''}\n`);
    for (const c of r.changes) {
      if (c.rows === 0) continue;
      io.stdout(`  ${c.action.padEnd(6)} ${c.table.padEnd(20)} ${String(c.rows).padStart(8)}   e.g. ${c.sample.slice(0, 2).map((s) => JSON.stringify(s)).join(', ')}\n`);
    }
    for (const [note, count] of Object.entries(r.notes)) io.stdout(`  note   ${note}: ${count}\n`);
  }
  if (mode === 'plan') io.stdout('dry run: nothing was changed\n');
}

/**
 * Ctrl+C (or SIGTERM) while `work` runs aborts its signal: the step in flight is rolled back and the
 * command ends with exit code 130. A second Ctrl+C quits at once.
 */
async function interruptible<T>(io: CliIo, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onInterrupt = () => {
    if (abort.signal.aborted) process.exit(130);
    io.stderr('cancelling: the step in flight is rolled back (press Ctrl+C again to quit at once)…\n');
    abort.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    return await work(abort.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/** `workbench pipeline list|plan|run [STEP…]`: the data pipelines, dry run first. */
export function pipelineCommand(io: CliIo): Command {
  const pipeline = new Command('pipeline').description('the data pipelines: list the steps, plan them (dry run), run them');
  pipeline
    .command('list')
    .description('list the pipeline steps in their order')
    .option('--json', 'print JSON')
    .action((flags: PipelineFlags) => {
      const steps = orderSteps(pipelineSteps, []);
      if (flags.json) io.stdout(`${JSON.stringify({ steps: steps.map((s) => ({ name: s.name, description: s.description, after: s.after })) }, null, 2)}\n`);
      else for (const s of steps) io.stdout(`${s.name.padEnd(20)} ${s.description}\n`);
    });
  for (const mode of ['plan', 'run'] as const) {
    pipeline
      .command(mode)
      .description(mode === 'plan' ? 'dry run: what each step would insert, update, link and delete, with samples; changes nothing' : 'run the steps, each in one transaction with an audit row; a second run changes nothing')
      .argument('[steps...]', 'steps to include (default: all, in dependency order)')
      .option('--db <target>', dbOptionHelp)
      .option('--json', 'print JSON')
      .action(async (names: string[], flags: PipelineFlags) => {
        const steps = orderSteps(pipelineSteps, names);
        const finished: StepReport['step'][] = [];
        const reports = await withDatabase(io, flags, async (db) => {
          if (mode === 'run') await migrate(db, projectMigrations());
          return interruptible(io, async (signal) => {
            const options = {
              signal,
              onProgress: (m: string) => (flags.json || !io.interactive ? undefined : io.stderr(`${m}\n`)),
              onStep: (report: StepReport) => finished.push(report.step),
            };
            try {
              return await (mode === 'plan' ? planPipeline(db, steps, options) : runPipeline(db, steps, options));
            } catch (error) {
              if (!(error instanceof PipelineCancelledError)) throw error;
              // Steps run in order and report as they finish, so the one stopped is the next.
              const step = (steps[finished.length] ?? steps.at(-1))!.name;
              throw new UserError(describeStop({ mode, step, reason: error.message, completed: mode === 'run' ? finished : [] }, true), 130);
            }
          });
        });
        if (flags.json) io.stdout(`${JSON.stringify({ mode, steps: reports }, null, 2)}\n`);
        else printReports(io, reports, mode);
      });
  }
  return pipeline;
}

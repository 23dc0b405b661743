import { customersStep, customerTimelineStep } from './steps/customers.ts';
import { branchesStep, leadSourcesStep } from './steps/lookups.ts';
import { quoteLinkageStep } from './steps/quote-linkage.ts';
import type { PipelineStep } from './types.ts';

/** The steps built so far, in their default order. */
export const pipelineSteps: PipelineStep[] = [branchesStep, leadSourcesStep, quoteLinkageStep, customersStep, customerTimelineStep];

export { orderSteps, planPipeline, runPipeline, totalChanges, PipelineBusyError, UnknownStepError } from './runner.ts';
export type { PipelineOptions } from './runner.ts';
export type { PipelineStep, StepName, StepReport, TableChange } from './types.ts';

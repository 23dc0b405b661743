import { badleadLinkageStep } from './steps/badlead-linkage.ts';
import { customersStep, customerTimelineStep } from './steps/customers.ts';
import { branchesStep, leadSourcesStep } from './steps/lookups.ts';
import { performanceLinkageStep } from './steps/performance-linkage.ts';
import { quoteLinkageStep } from './steps/quote-linkage.ts';
import { salesPersonsStep } from './steps/sales-persons.ts';
import type { PipelineStep } from './types.ts';

/** Every step; `orderSteps` puts them in dependency order. */
export const pipelineSteps: PipelineStep[] = [
  branchesStep,
  leadSourcesStep,
  salesPersonsStep,
  quoteLinkageStep,
  customersStep,
  badleadLinkageStep,
  customerTimelineStep,
  performanceLinkageStep,
];

export { orderSteps, planPipeline, runPipeline, totalChanges, LinkIntegrityError, PipelineBusyError, UnknownStepError } from './runner.ts';
export { describeStop, PipelineCancelledError } from './cancellation.ts';
export { linkColumns } from './links.ts';
export type { PipelineOptions } from './runner.ts';
export type { PipelineStep, StepName, StepReport, TableChange } from './types.ts';

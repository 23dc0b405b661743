// Public surface of the sample generator: the CLI's `workbench sample` calls generateSample.
export { DEFAULT_JOBS, generateSample, MAX_JOBS } from './generate.ts';
export type { GenerateSampleOptions, SampleFile, SampleProgress, SampleSummary } from './generate.ts';
export { SOURCE_FILES } from './headers.ts';
export type { SourceFileSpec } from './headers.ts';
export type { SourceKind } from './mess.ts';

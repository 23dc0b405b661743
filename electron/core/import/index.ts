export { expandPaths, importFiles } from './importer.ts';
export type { FileImport, ImportOptions, ImportProgress } from './importer.ts';
export { ImportFileError } from './errors.ts';
export { sources, sourceKinds } from './sources.ts';
export type { SourceKind } from './sources.ts';

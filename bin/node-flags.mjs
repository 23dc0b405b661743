// V8 flags every workbench process runs with. A small young generation keeps the heap flat while
// results stream through page by page (measured in bench/cursor-memory.ts and docs/benchmarks.md).
export const nodeFlags = ['--max-semi-space-size=2'];

/**
 * The library's ten categories: the folder under sql/queries/ is the category in kebab case
 * (docs/query-library.md). The order here is the order the library and its index show them in.
 */
export const libraryCategories = [
  ['analytics', 'Analytics'],
  ['benchmarking', 'Benchmarking'],
  ['customer-behavior', 'Customer Behavior'],
  ['forecasting', 'Forecasting'],
  ['geographic', 'Geographic'],
  ['operational', 'Operational'],
  ['profitability', 'Profitability'],
  ['lead-funnel', 'Lead Funnel'],
  ['sales-performance', 'Sales Performance'],
  ['data-quality', 'Data Quality'],
] as const;

export type CategoryFolder = (typeof libraryCategories)[number][0];
export type CategoryName = (typeof libraryCategories)[number][1];

const byFolder = new Map<string, CategoryName>(libraryCategories);
const byName = new Map<string, CategoryFolder>(libraryCategories.map(([folder, name]) => [name, folder]));

/** `lead-funnel` → `Lead Funnel`; undefined for a folder that is not a category. */
export function categoryOfFolder(folder: string): CategoryName | undefined {
  return byFolder.get(folder);
}

/** `Lead Funnel` → `lead-funnel`; undefined for a name that is not a category. */
export function folderOfCategory(name: string): CategoryFolder | undefined {
  return byName.get(name);
}

/** Position of a category in the documented order, for sorting; unknown names sort last. */
export function categoryRank(name: string): number {
  const folder = byName.get(name);
  return folder === undefined ? libraryCategories.length : libraryCategories.findIndex(([f]) => f === folder);
}

export const categoryNames: readonly string[] = libraryCategories.map(([, name]) => name);

import type { LibraryParam, ParamValue } from '../../../shared/contract/index.ts';

/** What one parameter's input holds: text as typed, a checkbox, or the two ends of a date range. */
export type FieldValue = string | boolean | { from: string; to: string };
export type FormValues = Readonly<Record<string, FieldValue>>;

/** The lookups hold an id as text, '' for all. */
const lookupTypes = new Set(['branch', 'sales_person', 'lead_source']);

export function isLookupParam(param: LibraryParam): boolean {
  return lookupTypes.has(param.type);
}

/** The form filled with each parameter's default. */
export function initialFormValues(params: readonly LibraryParam[]): FormValues {
  return Object.fromEntries(params.map((p): [string, FieldValue] => [p.name, fieldDefault(p)]));
}

function fieldDefault(param: LibraryParam): FieldValue {
  const value = param.default;
  if (param.type === 'boolean') return value === true;
  if (param.type === 'daterange') {
    const [from = '', to = ''] = typeof value === 'string' ? value.split('..') : [];
    return { from, to };
  }
  return value === null ? '' : String(value);
}

/** True when every field holds its default. */
export function isDefault(params: readonly LibraryParam[], form: FormValues): boolean {
  const initial = initialFormValues(params);
  return params.every((p) => JSON.stringify(initial[p.name]) === JSON.stringify(form[p.name]));
}

export type FormResult = { ok: true; values: Record<string, ParamValue> } | { ok: false; errors: Record<string, string> };

/**
 * The form as `query/run`'s named parameters, or a message per field that cannot be sent. The core
 * checks every value again; this only catches what a user can fix before asking.
 * @example formToParams([{ name: 'n', type: 'integer', … }], { n: '12' }) → { ok: true, values: { n: 12 } }
 */
export function formToParams(params: readonly LibraryParam[], form: FormValues): FormResult {
  const values: Record<string, ParamValue> = {};
  const errors: Record<string, string> = {};
  for (const param of params) {
    const field = form[param.name];
    const text = typeof field === 'string' ? field.trim() : '';
    switch (param.type) {
      case 'boolean':
        values[param.name] = field === true;
        break;
      case 'daterange': {
        const range = typeof field === 'object' ? field : { from: '', to: '' };
        if (!range.from || !range.to) errors[param.name] = 'Enter both dates.';
        else if (range.from > range.to) errors[param.name] = 'The range ends before it starts.';
        else values[param.name] = `${range.from}..${range.to}`;
        break;
      }
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[param.name] = 'Enter a date.';
        else values[param.name] = text;
        break;
      case 'integer':
        if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) errors[param.name] = 'Enter a whole number.';
        else values[param.name] = Number(text);
        break;
      case 'number':
        if (text === '' || !Number.isFinite(Number(text))) errors[param.name] = 'Enter a number.';
        else values[param.name] = Number(text);
        break;
      case 'text':
        values[param.name] = typeof field === 'string' ? field : '';
        break;
      default:
        values[param.name] = text === '' ? null : Number(text);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import type { LibraryParam, LookupKind } from '../../../shared/contract/index.ts';
import { useChoices } from '../hooks/useChoices.ts';
import { isDefault, isLookupParam } from './paramForm.ts';
import type { FieldValue, FormValues } from './paramForm.ts';

interface ParamFormProps {
  params: readonly LibraryParam[];
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  onChange(name: string, value: FieldValue): void;
  onReset(): void;
  /** Enter in a field runs the query. */
  onSubmit(): void;
}

function LookupSelect({ param, value, id, onChange, describedBy }: { param: LibraryParam; value: string; id: string; onChange(value: string): void; describedBy?: string }) {
  const choices = useChoices(param.type as LookupKind);
  const known = choices.status === 'ready' ? choices.choices : [];
  const missing = value !== '' && !known.some((c) => String(c.id) === value);
  return (
    <select
      id={id}
      className="param-input param-select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-busy={choices.status === 'loading'}
      aria-describedby={describedBy}
      title={choices.status === 'failed' ? `The choices did not load: ${choices.message}` : undefined}
    >
      <option value="">All</option>
      {missing && <option value={value}>{choices.status === 'loading' ? `Loading… (id ${value})` : `id ${value}`}</option>}
      {known.map((c) => (
        <option key={c.id} value={String(c.id)}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/**
 * A library query's parameters as a form, generated from its header: date inputs for dates and
 * ranges, number inputs, checkboxes, and selects filled from the lookup tables.
 */
export function ParamForm({ params, values, errors, onChange, onReset, onSubmit }: ParamFormProps) {
  const id = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.target instanceof HTMLSelectElement) return;
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="param-bar" role="group" aria-label="Parameters" onKeyDown={onKeyDown}>
      {params.map((param) => {
        const fieldId = `${id}-${param.name}`;
        const value = values[param.name];
        const error = errors[param.name];
        const errorId = error ? `${fieldId}-error` : undefined;
        const invalid = error ? true : undefined;
        let input;
        if (param.type === 'boolean') {
          return (
            <div key={param.name} className="param-field param-check">
              <input id={fieldId} type="checkbox" checked={value === true} onChange={(e) => onChange(param.name, e.target.checked)} />
              <label htmlFor={fieldId} className="param-label">
                {param.label}
              </label>
            </div>
          );
        } else if (param.type === 'daterange') {
          const range = typeof value === 'object' ? value : { from: '', to: '' };
          input = (
            <span className="param-range">
              <input
                id={fieldId}
                type="date"
                className="param-input"
                value={range.from}
                aria-label={`${param.label} from`}
                aria-invalid={invalid}
                aria-describedby={errorId}
                onChange={(e) => onChange(param.name, { ...range, from: e.target.value })}
              />
              <span className="param-dash" aria-hidden="true">
                –
              </span>
              <input
                type="date"
                className="param-input"
                value={range.to}
                aria-label={`${param.label} to`}
                aria-invalid={invalid}
                aria-describedby={errorId}
                onChange={(e) => onChange(param.name, { ...range, to: e.target.value })}
              />
            </span>
          );
        } else if (isLookupParam(param)) {
          input = <LookupSelect param={param} value={typeof value === 'string' ? value : ''} id={fieldId} onChange={(v) => onChange(param.name, v)} {...(errorId ? { describedBy: errorId } : {})} />;
        } else {
          const numeric = param.type === 'integer' || param.type === 'number';
          input = (
            <input
              id={fieldId}
              type={param.type === 'date' ? 'date' : numeric ? 'number' : 'text'}
              step={param.type === 'integer' ? 1 : param.type === 'number' ? 'any' : undefined}
              className={`param-input${numeric ? ' param-number' : ''}`}
              value={typeof value === 'string' ? value : ''}
              aria-invalid={invalid}
              aria-describedby={errorId}
              spellCheck={false}
              onChange={(e) => onChange(param.name, e.target.value)}
            />
          );
        }
        return (
          <div key={param.name} className="param-field">
            <label htmlFor={fieldId} className="param-label" title={`${param.name} (${param.type})`}>
              {param.label}
            </label>
            {input}
            {error && (
              <span id={errorId} className="param-error" role="alert">
                {error}
              </span>
            )}
          </div>
        );
      })}
      <button type="button" className="button param-reset" onClick={onReset} disabled={isDefault(params, values)} title="Put every parameter back to its default">
        Reset
      </button>
    </div>
  );
}

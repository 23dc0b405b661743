import { useCallback, useEffect, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, GridReadyEvent } from 'ag-grid-community';
import type { ColumnFormat } from '../../../shared/contract/index.ts';
import type { ResultField } from '../../../shared/db.ts';
import type { RunBuffer, ResultRow } from '../lib/runBuffer.ts';
import { useTheme } from '../hooks/theme.tsx';
import { resultColumns } from './columns.ts';
import { gridThemes } from './gridThemes.ts';

interface ResultGridProps {
  buffer: RunBuffer;
  /** The run's fields: from the first page, or from the final result when there were no rows. */
  fields: ResultField[];
  /** Grows as rows arrive; the grid then adds the rows it has not seen. */
  tick: number;
  loading: boolean;
  label: string;
  /** A library query's column formats. */
  formats?: Readonly<Record<string, ColumnFormat>>;
}

const getRowId = (p: { data: ResultRow }) => String(p.data.n);
const localeText = { noRowsToShow: 'No rows' };
const defaultColDef = { minWidth: 48, maxWidth: 640, resizable: true, sortable: true };
// Columns fit the first rows rendered; later pages must not make them jump.
const autoSizeStrategy = { type: 'fitCellContents' as const };

/**
 * The result grid, fed incrementally through its API: columns once the fields are known, then each
 * new batch of rows with `applyTransaction({ add })`, so a page never re-renders the rows before it.
 * Mount one per run (key it by run id).
 */
export function ResultGrid({ buffer, fields, tick, loading, label, formats }: ResultGridProps) {
  const { theme } = useTheme();
  const api = useRef<GridApi<ResultRow> | null>(null);
  const added = useRef(0);
  const columnsOf = useRef<ResultField[] | null>(null);
  const latestFields = useRef(fields);
  latestFields.current = fields;
  const latestFormats = useRef(formats);
  latestFormats.current = formats;

  const sync = useCallback(() => {
    const grid = api.current;
    if (!grid) return;
    const known = buffer.fields.length > 0 ? buffer.fields : latestFields.current;
    // Columns go in before the rows, so the first rows rendered size them.
    if (known.length > 0 && columnsOf.current !== known) {
      columnsOf.current = known;
      grid.setGridOption('columnDefs', resultColumns(known, latestFormats.current));
    }
    if (buffer.rows.length > added.current) {
      const add = buffer.rows.slice(added.current);
      added.current = buffer.rows.length;
      grid.applyTransaction({ add });
    }
  }, [buffer]);

  useEffect(sync, [tick, fields, sync]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<ResultRow>) => {
      api.current = event.api;
      sync();
    },
    [sync],
  );

  return (
    <div className="result-grid" role="region" aria-label={label}>
      <AgGridReact<ResultRow>
        theme={gridThemes[theme]}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        autoSizeStrategy={autoSizeStrategy}
        onGridReady={onGridReady}
        loading={loading}
        localeText={localeText}
        enableCellTextSelection
        ensureDomOrder
        suppressDragLeaveHidesColumns
        animateRows={false}
        tooltipShowDelay={400}
      />
    </div>
  );
}

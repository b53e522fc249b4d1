import { Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { ImportReport } from '../../../shared/contract/index.js';
import { plural } from '../../lib/format.js';
import { filterReportRows, type ReportFilter } from './csv-file.js';
import classes from './bulk.module.css';

const ROW_ESTIMATE = 30;

/** An import's outcome, line by line; a long report scrolls as fast as a short one. */
export function ImportReportView({ report, onAnother, onDone }: { report: ImportReport; onAnother: () => void; onDone: () => void }) {
  const [filter, setFilter] = useState<ReportFilter>('all');
  const rows = filterReportRows(report, filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    getItemKey: (index) => rows[index]?.line ?? index,
  });

  return (
    <Stack gap="sm" data-testid="import-report">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {report.fileName}
          </Text>
          <Badge color="teal" variant="light" data-testid="import-applied">
            {plural(report.applied, 'shipped', 'shipped')}
          </Badge>
          <Badge color={report.refused > 0 ? 'red' : 'gray'} variant="light" data-testid="import-refused">
            {plural(report.refused, 'refused', 'refused')}
          </Badge>
        </Group>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(value) => setFilter(value as ReportFilter)}
          data={[
            { value: 'all', label: `All lines (${report.rows.length})` },
            { value: 'refused', label: `Refused only (${report.refused})` },
          ]}
          aria-label="Show lines"
        />
      </Group>
      <Text size="sm">
        {report.refused === 0
          ? `Every line was applied: ${plural(report.applied, 'order')} marked shipped.`
          : `${plural(report.applied, 'order')} marked shipped. ${plural(report.refused, 'line')} refused, and nothing was changed for ${report.refused === 1 ? 'it' : 'them'}; fix ${report.refused === 1 ? 'it' : 'them'} and import just those lines again.`}
      </Text>

      <div className={classes.reportHead} aria-hidden="true">
        <span>Line</span>
        <span>Order</span>
        <span>Result</span>
        <span>Message</span>
      </div>
      <div ref={scrollRef} className={classes.reportList} role="table" aria-label="Import report" tabIndex={0}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {filter === 'refused' ? 'No line was refused.' : 'The file had no lines to import.'}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className={classes.reportRow}
                  style={{ transform: `translateY(${item.start}px)` }}
                  role="row"
                  data-testid="import-row"
                  data-status={row.status}
                >
                  <span role="cell" className={classes.num}>
                    {row.line}
                  </span>
                  <span role="cell" className={classes.order}>
                    {row.orderNumber ?? '—'}
                  </span>
                  <span role="cell">
                    <Badge size="xs" variant="light" color={row.status === 'applied' ? 'teal' : 'red'}>
                      {row.status === 'applied' ? 'Applied' : 'Refused'}
                    </Badge>
                  </span>
                  <span role="cell">{row.message}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onAnother}>
          Import another file
        </Button>
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

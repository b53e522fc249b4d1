import { Alert, Anchor, Button, Code, CopyButton, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ImportReport, JobProgress } from '../../../shared/contract/index.js';
import { call, on } from '../../api/client.js';
import { mergeJob } from '../slips/slip-job.js';
import { describeImport, importPercent } from './import-progress.js';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useQueue } from '../queue/store.js';
import { bytesToBase64, checkPickedFile, CSV_COLUMNS, EXAMPLE_CSV, MAX_IMPORT_LINES } from './csv-file.js';
import { ImportReportView } from './ImportReportView.js';
import { useBulk } from './store.js';
import { NotifyCustomerCheckbox } from '../../components/NotifyCustomerCheckbox.js';

/** Mark orders shipped from a CSV file, then show what each line did. */
export function ImportShipmentsDialog() {
  const opened = useBulk((s) => s.importOpen);
  useDialogGate(opened);
  const [report, setReport] = useState<ImportReport | null>(null);
  const close = () => {
    useBulk.getState().closeImport();
    setReport(null);
  };
  return (
    <Modal opened={opened} onClose={close} title="Import shipments from a CSV file" size={report ? 'xl' : 'lg'}>
      {opened &&
        (report ? (
          <ImportReportView report={report} onAnother={() => setReport(null)} onDone={close} />
        ) : (
          <ImportForm onReport={setReport} onCancel={close} />
        ))}
    </Modal>
  );
}

function ImportForm({ onReport, onCancel }: { onReport: (r: ImportReport) => void; onCancel: () => void }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const [busy, setBusy] = useState(false);
  /** The running import: its id (made here, so it can be followed and stopped before main answers) and progress. */
  const [importId, setImportId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const exampleUrl = useObjectUrl(EXAMPLE_CSV, 'text/csv');

  useEffect(() => {
    if (importId === null) return;
    return on('shipments.importProgress', (payload) => {
      if (payload.jobId === importId) setProgress((current) => mergeJob(current, payload));
    });
  }, [importId]);

  const stop = async () => {
    if (importId === null || stopping) return;
    setStopping(true);
    const result = await call('shipments.importCancel', { importId });
    // NOT_FOUND: it ended on its own meanwhile; its report is on the way either way.
    if (result.ok) setProgress((current) => mergeJob(current, result.value));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setRefusal(null);
    if (file === null) return setFileError('Choose a CSV file to import.');
    const problem = checkPickedFile(file);
    if (problem !== null) return setFileError(problem);
    setBusy(true);
    const id = crypto.randomUUID();
    setImportId(id);
    setProgress(null);
    setStopping(false);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await call('shipments.importCsv', { fileName: file.name, contentBase64: bytesToBase64(bytes), notifyCustomer, importId: id });
      if (result.ok) {
        onReport(result.value);
        void useQueue.getState().refresh();
      } else {
        setRefusal(result.message);
      }
    } catch {
      setRefusal(`“${file.name}” could not be read. It may have been moved or deleted; choose it again.`);
    } finally {
      setBusy(false);
      setImportId(null);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Each line ships one order in one parcel, with every item it still has to ship. A line that can't be applied is
          refused whole and changes nothing; the other lines still go through, and the report lists every line.
        </Text>
        <div>
          <Text size="sm" fw={600} mb={4}>
            Columns, in this order, with a header line
          </Text>
          <Table fz="xs" withTableBorder verticalSpacing={2} data-testid="csv-format">
            <Table.Tbody>
              {CSV_COLUMNS.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td w={130}>
                    <Code>{c.name}</Code>
                  </Table.Td>
                  <Table.Td w={70}>{c.required ? 'required' : 'optional'}</Table.Td>
                  <Table.Td>{c.what}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={4}>
            Save as “CSV UTF-8”; other encodings are refused. Values are separated by commas (or semicolons, tabs or |, as
            the header line shows). Put quotes around a value that contains the separator. Up to{' '}
            {MAX_IMPORT_LINES.toLocaleString('en-US')} lines per file. An order with items from several stores still to ship is
            shipped from its order page instead.
          </Text>
          <Group gap="md" mt={4}>
            {exampleUrl && (
              <Anchor size="sm" href={exampleUrl} download="shipments-example.csv">
                Download an example file
              </Anchor>
            )}
            <CopyButton value={EXAMPLE_CSV}>
              {({ copied, copy }) => (
                <Anchor component="button" type="button" size="sm" onClick={copy}>
                  {copied ? 'Example copied' : 'Copy the example'}
                </Anchor>
              )}
            </CopyButton>
          </Group>
        </div>

        {refusal !== null && (
          <Alert color="red" variant="light" title="The file was not imported" data-testid="import-refusal">
            {refusal} Nothing was shipped.
          </Alert>
        )}

        <div>
          <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block" mb={4}>
            CSV file
          </Text>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            data-autofocus
            onChange={(event) => {
              const picked = event.currentTarget.files?.[0] ?? null;
              setFile(picked);
              setRefusal(null);
              setFileError(picked ? checkPickedFile(picked) : null);
            }}
          />
          {fileError && (
            <Text size="xs" c="red" mt={4} role="alert">
              {fileError}
            </Text>
          )}
        </div>
        <NotifyCustomerCheckbox label="Email customers that their order shipped" checked={notifyCustomer} onChange={setNotifyCustomer} />
        {busy && (
          <Stack gap={4} data-testid="import-progress">
            <Progress value={importPercent(progress)} animated={!stopping} color={stopping ? 'gray' : 'blue'} aria-label="Lines imported" />
            <Text size="sm" role="status">
              {describeImport(progress, stopping)}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end" gap="xs">
          {busy ? (
            <Button variant="default" color="red" onClick={() => void stop()} loading={stopping} disabled={importId === null}>
              Stop import
            </Button>
          ) : (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A blob: URL for text, revoked when the component goes away. */
function useObjectUrl(text: string, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([text], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, type]);
  return url;
}

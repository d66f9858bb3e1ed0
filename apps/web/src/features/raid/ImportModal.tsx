import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { RAID_IMPORT_MAX_BYTES, raidItemsToCsv } from "@rollout/domain";
import { IconCircleCheck, IconFileAlert, IconUpload } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { downloadCsv } from "../../lib/download.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { useRaidImport } from "./raidData.ts";

type Check =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "failed"; message: string }
  | {
      state: "checked";
      csv: string;
      rows: number;
      errors: { line: number; column: string; message: string }[];
    };

/**
 * Imports a CSV file, all or nothing: the file is checked first (a dry run that writes nothing)
 * and every problem is listed by line and column; "Import" is offered only for a clean file.
 */
export function ImportModal({
  projectId,
  projectKey,
  opened,
  onClose,
}: {
  projectId: string;
  projectKey: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import RAID items from CSV" size="xl">
      {opened ? (
        <ImportForm projectId={projectId} projectKey={projectKey} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

function ImportForm({
  projectId,
  projectKey,
  onClose,
}: {
  projectId: string;
  projectKey: string;
  onClose: () => void;
}) {
  const run = useRaidImport(projectId);
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const [importFailure, setImportFailure] = useState<string | null>(null);
  // Only the latest file's check counts: choosing another while one runs drops the first.
  const latest = useRef(0);

  async function choose(next: File | null) {
    const turn = ++latest.current;
    setFile(next);
    setImportFailure(null);
    if (!next) return setCheck({ state: "idle" });
    if (next.size > RAID_IMPORT_MAX_BYTES) {
      return setCheck({
        state: "failed",
        message: `The file is over ${RAID_IMPORT_MAX_BYTES / 1_000_000} MB; split it into smaller files.`,
      });
    }
    setCheck({ state: "checking" });
    try {
      const csv = await next.text();
      const result = await run.mutateAsync({ projectId, csv, dryRun: true });
      if (turn === latest.current) {
        setCheck({ state: "checked", csv, rows: result.rows, errors: result.errors });
      }
    } catch (error) {
      if (turn === latest.current) setCheck({ state: "failed", message: errorInfo(error).message });
    }
  }

  async function commit() {
    if (check.state !== "checked" || check.errors.length > 0) return;
    setImportFailure(null);
    try {
      const result = await run.mutateAsync({ projectId, csv: check.csv, dryRun: false });
      if (result.errors.length > 0) {
        // Something changed since the check (an owner left the project, say): show why.
        setCheck({ ...check, rows: result.rows, errors: result.errors });
        return;
      }
      notifications.show({
        color: "green",
        title: `${result.created} ${result.created === 1 ? "item" : "items"} imported`,
        message: file ? `From ${file.name}` : undefined,
      });
      onClose();
    } catch (error) {
      setImportFailure(errorInfo(error).message);
    }
  }

  const clean = check.state === "checked" && check.errors.length === 0;

  return (
    <Stack gap="md">
      <Text size="sm">
        Each row adds a new item; existing items are never changed. Columns are read by their
        header, in any order:
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          <b>Kind</b> and <b>Title</b> are required; a risk also needs <b>Probability</b> and{" "}
          <b>Impact</b> (1–5).
        </List.Item>
        <List.Item>
          <b>Owner</b> is matched by name or email among the project's members and stakeholders.
        </List.Item>
        <List.Item>
          <b>Ref</b>, <b>Score</b>, <b>Band</b> and <b>Residual score</b> are ignored: new items get
          the next reference, and scores are worked out from the ratings.
        </List.Item>
      </List>
      <Text size="sm">
        An export from this page imports as it is.{" "}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => downloadCsv(`${projectKey}-raid-template.csv`, raidItemsToCsv([]))}
        >
          Download an empty template
        </Anchor>
      </Text>

      <FileInput
        label="CSV file"
        placeholder="Choose a .csv file"
        accept=".csv,text/csv"
        clearable
        leftSection={<IconUpload size={16} aria-hidden />}
        value={file}
        onChange={(f) => void choose(f)}
        data-autofocus
      />

      <div aria-live="polite">
        {check.state === "checking" ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Checking every row…</Text>
          </Group>
        ) : null}
        {check.state === "failed" ? (
          <Alert color="red" variant="light" title="The file could not be checked">
            {check.message}
          </Alert>
        ) : null}
        {check.state === "checked" && clean ? (
          <Alert
            color="green"
            variant="light"
            icon={<IconCircleCheck size={18} aria-hidden />}
            title={`${check.rows} ${check.rows === 1 ? "row" : "rows"} ready to import`}
          >
            Every row passed the checks. Nothing has been written yet.
          </Alert>
        ) : null}
        {check.state === "checked" && !clean ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconFileAlert size={18} aria-hidden />}
            title={`${check.errors.length} ${check.errors.length === 1 ? "problem" : "problems"} in the file: nothing will be imported`}
          >
            <Text size="sm" mb="xs">
              Fix these rows in the file and choose it again. The import adds all rows or none.
            </Text>
            <ScrollArea.Autosize mah={260} type="auto">
              <Table fz="sm" verticalSpacing={4} aria-label="Rows with problems" withRowBorders>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.errors.map((e) => (
                    <Table.Tr key={`${e.line}-${e.column}-${e.message}`}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.column || "—"}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Alert>
        ) : null}
        {importFailure ? (
          <Alert color="red" variant="light" title="Not imported" role="alert" mt="sm">
            {importFailure}
          </Alert>
        ) : null}
      </div>

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          onClick={() => void commit()}
          disabled={!clean}
          loading={run.isPending && check.state === "checked"}
        >
          {clean ? `Import ${check.rows} ${check.rows === 1 ? "row" : "rows"}` : "Import"}
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, type ButtonProps, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconClipboardCopy, IconFileTypePdf, IconMarkdown } from "@tabler/icons-react";
import { useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { useReportFile } from "./reportData.ts";
import { saveFile } from "./reportFiles.ts";

type Busy = "pdf" | "markdown" | "copy" | null;

function failed(title: string, error: unknown) {
  notifications.show({ color: "red", title, message: errorInfo(error).message });
}

/** Saves the report as a PDF (made by the server, the same for everyone who downloads it). */
export function PdfButton({
  projectId,
  reportId,
  label = "Download PDF",
  ...props
}: Omit<ButtonProps, "onClick" | "loading"> & {
  projectId: string;
  reportId: string;
  label?: string;
}) {
  const fetchFile = useReportFile(projectId);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      leftSection={<IconFileTypePdf size={16} aria-hidden />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        fetchFile("pdf", reportId)
          .then(saveFile)
          .catch((error: unknown) => failed("The PDF could not be made", error))
          .finally(() => setBusy(false));
      }}
      {...props}
    >
      {label}
    </Button>
  );
}

/**
 * The report as files: PDF, Markdown (to attach or paste into an email), and the Markdown copied
 * to the clipboard. Where the browser refuses the clipboard (plain http), the text is shown to
 * copy by hand.
 */
export function ReportDownloads({ projectId, reportId }: { projectId: string; reportId: string }) {
  const fetchFile = useReportFile(projectId);
  const [busy, setBusy] = useState<Busy>(null);
  const [manual, setManual] = useState<string | null>(null);

  async function markdown(action: "markdown" | "copy") {
    setBusy(action);
    try {
      const file = await fetchFile("markdown", reportId);
      if (action === "markdown") {
        saveFile(file);
        return;
      }
      try {
        await navigator.clipboard.writeText(file.content);
        notifications.show({
          color: "green",
          title: "Copied",
          message: "The report is on the clipboard as Markdown, ready to paste.",
        });
      } catch {
        setManual(file.content);
      }
    } catch (error) {
      failed("The Markdown could not be made", error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Group gap="xs" className="no-print">
        <PdfButton projectId={projectId} reportId={reportId} />
        <Button
          variant="default"
          leftSection={<IconMarkdown size={16} aria-hidden />}
          loading={busy === "markdown"}
          disabled={busy === "copy"}
          onClick={() => void markdown("markdown")}
        >
          Download Markdown
        </Button>
        <Button
          variant="default"
          leftSection={<IconClipboardCopy size={16} aria-hidden />}
          loading={busy === "copy"}
          disabled={busy === "markdown"}
          onClick={() => void markdown("copy")}
        >
          Copy to clipboard
        </Button>
      </Group>
      <Modal
        opened={manual !== null}
        onClose={() => setManual(null)}
        title="Copy the report"
        size="lg"
      >
        <Stack gap="sm">
          <Text size="sm">
            This browser does not let the page use the clipboard here. The Markdown is selected
            below: press Ctrl+C (⌘C on a Mac) to copy it.
          </Text>
          <Textarea
            aria-label="The report as Markdown"
            readOnly
            autosize
            minRows={8}
            maxRows={18}
            value={manual ?? ""}
            data-autofocus
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
          />
        </Stack>
      </Modal>
    </>
  );
}

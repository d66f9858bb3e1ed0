import { useCallback, useMemo, useState } from "react";
import type { ProjectFormValues } from "../projects/projectFormModel.ts";
import { useCreateFromTemplate, useHolidays, useTemplate } from "./templateData.ts";
import { previewTemplate } from "./templatePreview.ts";

/**
 * The new-project page's "Start from" choice: the chosen template (null: blank), the start date
 * as typed (for the preview), the go-live the template gives from it (suggested to the form),
 * and the write that creates a project from the template.
 */
export function useStartFrom(initialStartDate: string) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(initialStartDate);
  const template = useTemplate(templateId);
  const holidays = useHolidays();
  const create = useCreateFromTemplate();
  const suggestedGoLive = useMemo(() => {
    if (!templateId || !template.data) return null;
    const dates = holidays.data?.map((h) => h.date) ?? [];
    const preview = previewTemplate(template.data.body, startDate, dates);
    return preview?.goLive ?? preview?.finish ?? null;
  }, [templateId, template.data, holidays.data, startDate]);
  const onValuesChange = useCallback((values: ProjectFormValues) => {
    setStartDate(values.startDate);
  }, []);
  return {
    templateId,
    setTemplateId,
    templateName: template.data?.name ?? null,
    startDate,
    onValuesChange,
    suggestedGoLive,
    create,
  };
}

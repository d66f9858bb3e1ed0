import { createTheme } from "@mantine/core";

const below: ("label" | "input" | "description" | "error")[] = [
  "label",
  "input",
  "description",
  "error",
];

export const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "md",
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "650" },
  cursorType: "pointer",
  components: {
    // Hints go under the input, so inputs side by side line up whether or not they have one.
    TextInput: { defaultProps: { inputWrapperOrder: below } },
    PasswordInput: { defaultProps: { inputWrapperOrder: below } },
    NumberInput: { defaultProps: { inputWrapperOrder: below } },
    NativeSelect: { defaultProps: { inputWrapperOrder: below } },
    Select: { defaultProps: { inputWrapperOrder: below } },
    Textarea: { defaultProps: { inputWrapperOrder: below } },
    Badge: { defaultProps: { radius: "sm" } },
  },
});

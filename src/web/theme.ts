import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Shade 8 keeps white text on filled buttons and links on white above WCAG AA (4.5:1). */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", "Noto Sans", Tahoma, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", "Noto Sans", Tahoma, sans-serif' },
  defaultRadius: 'md',
  focusRing: 'auto',
});

/** Mantine's default "dimmed" gray is below AA on white; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-anchor': t.colors.blue[8],
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});

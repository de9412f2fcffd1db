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
    // The light variant's hover background must keep its text above 4.5:1.
    '--mantine-color-blue-light-hover': t.colors.blue[1],
  },
  dark: {},
});

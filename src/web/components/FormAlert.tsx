import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** A form-level message that screen readers announce when it appears. */
export function FormAlert({ children, color = 'red' }: { children: ReactNode; color?: 'red' | 'blue' | 'teal' }) {
  if (!children) return null;
  return (
    <Alert color={color} variant="light" role={color === 'red' ? 'alert' : 'status'} c="dark.9">
      {children}
    </Alert>
  );
}

import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { queryClient } from './api/queryClient';
import { directionOf, isLocale } from './i18n/index';
import { AppRoutes } from './routes/AppRoutes';
import { cssVariablesResolver, theme } from './theme';

/** Mantine mirrors its components with the language (RTL for Arabic). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const lng = i18n.resolvedLanguage;
  useEffect(() => {
    setDirection(directionOf(isLocale(lng) ? lng : 'en'));
  }, [lng, setDirection]);
  return null;
}

export function App() {
  return (
    <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DirectionSync />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Notifications position="top-center" />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

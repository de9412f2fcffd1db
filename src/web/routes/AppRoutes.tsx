import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignupPage } from '../features/auth/SignupPage';
import { AcceptInvitationPage } from '../features/invitations/AcceptInvitationPage';
import { SettingsLayout } from '../features/settings/SettingsLayout';
import { AppLayout } from '../features/shell/AppLayout';
import { HomePage } from '../features/shell/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { GuestOnly, RequireAuth } from './RequireAuth';

// The pages behind sign-in load on first visit, keeping the log-in and sign-up pages light.
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const BillingPage = lazy(() => import('../features/billing/BillingPage').then((m) => ({ default: m.BillingPage })));
const BulkInvitePage = lazy(() => import('../features/bulk-invite/BulkInvitePage').then((m) => ({ default: m.BulkInvitePage })));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const ContactsPage = lazy(() => import('../features/contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })));
const MessagesPage = lazy(() => import('../features/messages/MessagesPage').then((m) => ({ default: m.MessagesPage })));
const AccessReviewPage = lazy(() => import('../features/review/AccessReviewPage').then((m) => ({ default: m.AccessReviewPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const WorkflowsPage = lazy(() => import('../features/workflows/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })));

function Page({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader role="status" aria-label={t('app.loading')} />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<GuestOnly />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
      </Route>
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route
            path="/contacts"
            element={
              <Page>
                <ContactsPage />
              </Page>
            }
          />
          <Route
            path="/email"
            element={
              <Page>
                <CampaignsPage />
              </Page>
            }
          />
          <Route
            path="/whatsapp"
            element={
              <Page>
                <MessagesPage />
              </Page>
            }
          />
          <Route
            path="/workflows"
            element={
              <Page>
                <WorkflowsPage />
              </Page>
            }
          />
          <Route path="/settings" element={<SettingsLayout />}>
            <Route index element={<Navigate to="/settings/users" replace />} />
            <Route
              path="users"
              element={
                <Page>
                  <UsersPage />
                </Page>
              }
            />
            <Route
              path="users/bulk-invite"
              element={
                <Page>
                  <BulkInvitePage />
                </Page>
              }
            />
            <Route
              path="billing"
              element={
                <Page>
                  <BillingPage />
                </Page>
              }
            />
            <Route
              path="audit-log"
              element={
                <Page>
                  <AuditLogPage />
                </Page>
              }
            />
            <Route
              path="access-review"
              element={
                <Page>
                  <AccessReviewPage />
                </Page>
              }
            />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { Navigate, Route, Routes } from 'react-router';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignupPage } from '../features/auth/SignupPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { BillingPage } from '../features/billing/BillingPage';
import { BulkInvitePage } from '../features/bulk-invite/BulkInvitePage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { AcceptInvitationPage } from '../features/invitations/AcceptInvitationPage';
import { MessagesPage } from '../features/messages/MessagesPage';
import { AccessReviewPage } from '../features/review/AccessReviewPage';
import { SettingsLayout } from '../features/settings/SettingsLayout';
import { AppLayout } from '../features/shell/AppLayout';
import { HomePage } from '../features/shell/HomePage';
import { UsersPage } from '../features/users/UsersPage';
import { WorkflowsPage } from '../features/workflows/WorkflowsPage';
import { NotFoundPage } from './NotFoundPage';
import { GuestOnly, RequireAuth } from './RequireAuth';

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
          <Route path="/contacts" element={<ContactsPage />} />
          <Route path="/email" element={<CampaignsPage />} />
          <Route path="/whatsapp" element={<MessagesPage />} />
          <Route path="/workflows" element={<WorkflowsPage />} />
          <Route path="/settings" element={<SettingsLayout />}>
            <Route index element={<Navigate to="/settings/users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="users/bulk-invite" element={<BulkInvitePage />} />
            <Route path="billing" element={<BillingPage />} />
            <Route path="audit-log" element={<AuditLogPage />} />
            <Route path="access-review" element={<AccessReviewPage />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

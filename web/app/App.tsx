import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { LoadFailureBoundary } from './PageOutlet.tsx';
import { createQueryClient } from './query-client.ts';
import { SignedOutLayout } from './SignedOutLayout.tsx';
import './shell.css';

// Every page is its own chunk, loaded when first visited, so the first load stays small; the
// signed-in shell (menu, installations, step-up) too, so signed-out pages never fetch it.
const SignedInShell = lazyPage(() => import('./SignedInShell.tsx'), 'SignedInShell');
const OverviewPage = lazyPage(() => import('../features/overview/OverviewPage.tsx'), 'OverviewPage');
const AccountPage = lazyPage(() => import('../features/account/AccountPage.tsx'), 'AccountPage');
const PasswordPage = lazyPage(() => import('../features/security/PasswordPage.tsx'), 'PasswordPage');
const TwoFactorPage = lazyPage(() => import('../features/security/TwoFactorPage.tsx'), 'TwoFactorPage');
const TrustedDevicesPage = lazyPage(() => import('../features/security/TrustedDevicesPage.tsx'), 'TrustedDevicesPage');
const SessionsPage = lazyPage(() => import('../features/security/SessionsPage.tsx'), 'SessionsPage');
const ActivityPage = lazyPage(() => import('../features/security/ActivityPage.tsx'), 'ActivityPage');
const IntegrationsPage = lazyPage(() => import('../features/security/IntegrationsPage.tsx'), 'IntegrationsPage');
const ContractPage = lazyPage(() => import('../features/contract/ContractPage.tsx'), 'ContractPage');
const CodeWordsPage = lazyPage(() => import('../features/code-words/CodeWordsPage.tsx'), 'CodeWordsPage');
const ContactsPage = lazyPage(() => import('../features/contacts/ContactsPage.tsx'), 'ContactsPage');
const UsersPage = lazyPage(() => import('../features/users/UsersPage.tsx'), 'UsersPage');
const AddUserPage = lazyPage(() => import('../features/users/AddUserPage.tsx'), 'AddUserPage');
const SignInPage = lazyPage(() => import('../features/sign-in/SignInPage.tsx'), 'SignInPage');
const ForgotPasswordPage = lazyPage(() => import('../features/signed-out/ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../features/signed-out/ResetPasswordPage.tsx'), 'ResetPasswordPage');
const ActivatePage = lazyPage(() => import('../features/signed-out/ActivatePage.tsx'), 'ActivatePage');
const ResendActivationPage = lazyPage(() => import('../features/signed-out/ResendActivationPage.tsx'), 'ResendActivationPage');
const RegisterPage = lazyPage(() => import('../features/signed-out/RegisterPage.tsx'), 'RegisterPage');
const VerifyEmailPage = lazyPage(() => import('../features/signed-out/VerifyEmailPage.tsx'), 'VerifyEmailPage');
const ConfirmEmailPage = lazyPage(() => import('../features/signed-out/ConfirmEmailPage.tsx'), 'ConfirmEmailPage');
const UndoEmailChangePage = lazyPage(() => import('../features/signed-out/UndoEmailChangePage.tsx'), 'UndoEmailChangePage');
const AccountClosedPage = lazyPage(() => import('../features/account/AccountClosedPage.tsx'), 'AccountClosedPage');
const InvitationPage = lazyPage(() => import('../features/installation/InvitationPage.tsx'), 'InvitationPage');
const DevInboxRoute = lazyPage(() => import('./DevInboxRoute.tsx'), 'DevInboxRoute');

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <LoadFailureBoundary>
          {/* Only while the signed-in shell itself loads; each layout shows its pages' loading. */}
          <Suspense fallback={null}>
            <Routes>
              <Route element={<SignedInShell />}>
                <Route path="/" element={<OverviewPage />} />
                <Route path="/account" element={<AccountPage />} />
                <Route path="/security/password" element={<PasswordPage />} />
                <Route path="/security/two-step-verification" element={<TwoFactorPage />} />
                <Route path="/security/trusted-devices" element={<TrustedDevicesPage />} />
                <Route path="/security/sign-ins" element={<SessionsPage />} />
                <Route path="/security/activity" element={<ActivityPage />} />
                <Route path="/security/integrations" element={<IntegrationsPage />} />
                <Route path="/contract" element={<ContractPage />} />
                <Route path="/code-words" element={<CodeWordsPage />} />
                <Route path="/contacts" element={<ContactsPage />} />
                <Route path="/users" element={<UsersPage />} />
                <Route path="/users/add" element={<AddUserPage />} />
              </Route>
              <Route element={<SignedOutLayout />}>
                <Route path="/sign-in" element={<SignInPage />} />
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                <Route path="/reset-password" element={<ResetPasswordPage />} />
                <Route path="/activate" element={<ActivatePage />} />
                <Route path="/resend-activation" element={<ResendActivationPage />} />
                <Route path="/register" element={<RegisterPage />} />
                <Route path="/verify-email" element={<VerifyEmailPage />} />
                <Route path="/confirm-email" element={<ConfirmEmailPage />} />
                <Route path="/undo-email-change" element={<UndoEmailChangePage />} />
                <Route path="/account-closed" element={<AccountClosedPage />} />
                <Route path="/invitation" element={<InvitationPage />} />
                <Route path="/dev/inbox" element={<DevInboxRoute />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </LoadFailureBoundary>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { createQueryClient } from './query-client.ts';
import { SignedOutLayout } from './SignedOutLayout.tsx';
import './shell.css';

// Every page is its own chunk, loaded when first visited, so the first load stays small; the
// signed-in shell (menu, installations, step-up) too, so signed-out pages never fetch it.
const router = createBrowserRouter([
  {
    lazy: lazyPage(() => import('./SignedInShell.tsx'), 'SignedInShell'),
    children: [
      { path: '/', lazy: lazyPage(() => import('../features/overview/OverviewPage.tsx'), 'OverviewPage') },
      { path: '/account', lazy: lazyPage(() => import('../features/account/AccountPage.tsx'), 'AccountPage') },
      { path: '/security/password', lazy: lazyPage(() => import('../features/security/PasswordPage.tsx'), 'PasswordPage') },
      { path: '/security/two-step-verification', lazy: lazyPage(() => import('../features/security/TwoFactorPage.tsx'), 'TwoFactorPage') },
      { path: '/security/trusted-devices', lazy: lazyPage(() => import('../features/security/TrustedDevicesPage.tsx'), 'TrustedDevicesPage') },
      { path: '/security/sign-ins', lazy: lazyPage(() => import('../features/security/SessionsPage.tsx'), 'SessionsPage') },
      { path: '/security/activity', lazy: lazyPage(() => import('../features/security/ActivityPage.tsx'), 'ActivityPage') },
      { path: '/security/integrations', lazy: lazyPage(() => import('../features/security/IntegrationsPage.tsx'), 'IntegrationsPage') },
      { path: '/contract', lazy: lazyPage(() => import('../features/contract/ContractPage.tsx'), 'ContractPage') },
      { path: '/code-words', lazy: lazyPage(() => import('../features/code-words/CodeWordsPage.tsx'), 'CodeWordsPage') },
      { path: '/contacts', lazy: lazyPage(() => import('../features/contacts/ContactsPage.tsx'), 'ContactsPage') },
      { path: '/users', lazy: lazyPage(() => import('../features/users/UsersPage.tsx'), 'UsersPage') },
      { path: '/users/add', lazy: lazyPage(() => import('../features/users/AddUserPage.tsx'), 'AddUserPage') },
    ],
  },
  {
    element: <SignedOutLayout />,
    children: [
      { path: '/sign-in', lazy: lazyPage(() => import('../features/sign-in/SignInPage.tsx'), 'SignInPage') },
      { path: '/forgot-password', lazy: lazyPage(() => import('../features/signed-out/ForgotPasswordPage.tsx'), 'ForgotPasswordPage') },
      { path: '/reset-password', lazy: lazyPage(() => import('../features/signed-out/ResetPasswordPage.tsx'), 'ResetPasswordPage') },
      { path: '/activate', lazy: lazyPage(() => import('../features/signed-out/ActivatePage.tsx'), 'ActivatePage') },
      { path: '/resend-activation', lazy: lazyPage(() => import('../features/signed-out/ResendActivationPage.tsx'), 'ResendActivationPage') },
      { path: '/register', lazy: lazyPage(() => import('../features/signed-out/RegisterPage.tsx'), 'RegisterPage') },
      { path: '/verify-email', lazy: lazyPage(() => import('../features/signed-out/VerifyEmailPage.tsx'), 'VerifyEmailPage') },
      { path: '/confirm-email', lazy: lazyPage(() => import('../features/signed-out/ConfirmEmailPage.tsx'), 'ConfirmEmailPage') },
      { path: '/undo-email-change', lazy: lazyPage(() => import('../features/signed-out/UndoEmailChangePage.tsx'), 'UndoEmailChangePage') },
      { path: '/account-closed', lazy: lazyPage(() => import('../features/account/AccountClosedPage.tsx'), 'AccountClosedPage') },
      { path: '/invitation', lazy: lazyPage(() => import('../features/installation/InvitationPage.tsx'), 'InvitationPage') },
      { path: '/dev/inbox', lazy: lazyPage(() => import('./DevInboxRoute.tsx'), 'DevInboxRoute') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

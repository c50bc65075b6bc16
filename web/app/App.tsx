import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { SignInPage } from '../features/sign-in/SignInPage.tsx';
import { DevInboxRoute } from './DevInboxRoute.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { createQueryClient } from './query-client.ts';
import { SignedInShell } from './SignedInShell.tsx';
import { SignedOutLayout } from './SignedOutLayout.tsx';
import './shell.css';

const router = createBrowserRouter([
  {
    element: <SignedInShell />,
    children: [
      { path: '/', element: <OverviewPage /> },
      { path: '/account', element: <AccountPage /> },
    ],
  },
  {
    element: <SignedOutLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/dev/inbox', element: <DevInboxRoute /> },
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

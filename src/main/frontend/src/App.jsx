import { useMemo } from 'react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createPortalFetcher } from './fetcher.js';
import { graphiqlStorage, forgetEverything } from './storage.js';
import { DEFAULT_TABS } from './examples.js';
import { examplesPlugin } from './ExamplesPlugin.jsx';
import { signedInUser } from './auth.js';

// Passing plugins replaces GraphiQL's default list ([HISTORY_PLUGIN]), so history is named here too.
const PLUGINS = [examplesPlugin, HISTORY_PLUGIN, explorerPlugin()];

export function Header({ session, children }) {
  return (
    <header className="portal-header" id="portal-header">
      <span className="portal-title">对公客户关系门户 · GraphQL API</span>
      <span className="portal-spacer" />
      {children}
    </header>
  );
}

export function SignedIn({ config, session, schema }) {
  const user = signedInUser(session.keycloak);
  const fetcher = useMemo(() => createPortalFetcher(config.graphqlPath, session.token), [config, session]);
  return (
    <>
      <Header session={session}>
        <span className="portal-user" id="portal-user" data-username={user.username}>
          Signed in as <strong>{user.username}</strong>
          {user.displayName && <> ({user.displayName})</>}
        </span>
        <span className="portal-roles" id="portal-roles" data-roles={user.roles.join(' ')}>
          {user.roles.length ? user.roles.map((role) => <code key={role}>{role}</code>) : 'no roles'}
        </span>
        <button type="button" id="portal-sign-out" onClick={() => session.signOut(forgetEverything)}>
          Sign out
        </button>
      </Header>
      <main className="portal-graphiql">
        <GraphiQL
          fetcher={fetcher}
          schema={schema}
          storage={graphiqlStorage}
          defaultTabs={DEFAULT_TABS}
          plugins={PLUGINS}
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
          defaultEditorToolsVisibility="variables"
        />
      </main>
    </>
  );
}

export function SignedOut({ session }) {
  return (
    <>
      <Header session={session} />
      <main className="portal-message" id="portal-signed-out">
        <p>You are signed out.</p>
        <button type="button" id="portal-sign-in" onClick={() => session.signIn()}>
          Sign in
        </button>
      </main>
    </>
  );
}

export function Failure({ message }) {
  return (
    <main className="portal-message portal-failure" id="portal-failure" role="alert">
      <p>{message}</p>
      <button type="button" onClick={() => window.location.reload()}>Try again</button>
    </main>
  );
}

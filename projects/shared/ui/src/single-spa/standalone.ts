import { ApplicationRef } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { createBrowserAccountContext } from '@wechat-mfe/account-context';
import { AngularAppOptions, mountRoot, suiteAppProviders } from './angular-lifecycles';

/**
 * Runs one application on its own page (`ng serve <module>` against the mock suite), with its own
 * account context, so a team can develop its module without the shell.
 */
export async function bootstrapStandalone(options: AngularAppOptions, apiBase = '/api'): Promise<ApplicationRef> {
  const context = createBrowserAccountContext({ apiBase });
  // Development only: sign in as the mock suite's administrator when nobody is signed in.
  if ((await fetch(`${apiBase}/session`)).status === 401) {
    await fetch(`${apiBase}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin' }),
    });
  }
  await context.refresh();
  const props = { context, cspNonce: '', apiBase, name: options.rootSelector };
  const appRef = await createApplication({ providers: [...suiteAppProviders(props), ...options.providers(props)] });
  let host = document.querySelector(options.rootSelector);
  if (!host) host = document.body.appendChild(document.createElement(options.rootSelector));
  mountRoot(appRef, options, host);
  return appRef;
}

import { InjectionToken, Provider } from '@angular/core';
import { SuiteClient, createSuiteClient } from './client';

/** The suite API client of the current application. */
export const SUITE_CLIENT = new InjectionToken<SuiteClient>('wechat-mfe suite API client');

/** Provides the suite API client for an API base (the shell passes `apiBase` in the props). */
export function provideSuiteClient(apiBase: string): Provider {
  return { provide: SUITE_CLIENT, useFactory: () => createSuiteClient(apiBase) };
}

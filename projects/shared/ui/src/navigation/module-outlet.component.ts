import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationError, Router, RouterOutlet, withRouterConfig } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Problem, toProblem } from '../problems/problem';
import { ErrorState } from '../states/error-state/error-state.component';

/**
 * A module root's `<router-outlet />`, plus what the router alone does not give: when a lazy page's
 * code fails to download (`loadChildren`/`loadComponent` rejects), the page region shows the error
 * with a retry that navigates to the same URL again, instead of staying blank. The router does not
 * cache a failed loader, so the retry downloads the chunk again, without reloading the page.
 */
@Component({
  selector: 'wx-module-outlet',
  imports: [RouterOutlet, ErrorState, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failed(); as failure) {
      <wx-error-state [problem]="failure.problem" [heading]="'ui.pageLoad.failed' | transloco" (retry)="retry(failure.url)" />
    } @else {
      <router-outlet />
    }
  `,
})
export class ModuleOutlet {
  private readonly router = inject(Router);
  protected readonly failed = signal<{ url: string; problem: Problem } | null>(null);

  constructor() {
    this.router.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event instanceof NavigationError) this.failed.set({ url: event.url, problem: toProblem(event.error) });
      else if (event instanceof NavigationEnd) this.failed.set(null);
    });
  }

  protected retry(url: string): void {
    this.failed.set(null);
    void this.router.navigateByUrl(url);
  }
}

/**
 * The router configuration every module uses with `wx-module-outlet`: a failed navigation resolves
 * its promise with `false` rather than rejecting it, because navigations that single-spa triggers
 * have nobody to catch them (an unhandled rejection); the outlet shows the failure instead.
 */
export const withModuleRouterConfig = () => withRouterConfig({ resolveNavigationPromiseOnError: true });

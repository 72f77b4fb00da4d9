import { ChangeDetectionStrategy, Component, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationError, RedirectCommand, Router, RouterOutlet, withNavigationErrorHandler } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { catchError, map, of, take } from 'rxjs';
import { Problem, toProblem } from '../problems/problem';
import { ErrorState } from '../states/error-state/error-state.component';

/**
 * Where a failed navigation goes, without touching the browser's URL: every module's `**` route
 * (which renders nothing) matches it, so the router settles and the outlet shows the failure.
 */
const FAILED_NAVIGATION_URL = '/__wx-navigation-failed';

/** The last navigation that failed in this application (one per application injector). */
@Injectable({ providedIn: 'root' })
export class ModuleNavigationFailure {
  readonly current = signal<{ url: string; problem: Problem } | null>(null);
}

/**
 * The router feature every module uses with `wx-module-outlet`. Without it a lazy page whose code
 * fails to download leaves the page blank and, worse, the router puts back the last good URL: for
 * the first navigation that is `/`, which the shell redirects to another page. Instead the failure
 * is recorded and the router settles on an empty route with `skipLocationChange`, so the address
 * bar keeps the page the user asked for, and nothing rejects unhandled (single-spa's navigations
 * have nobody to catch them).
 */
export const withModuleRouterConfig = () =>
  withNavigationErrorHandler((error: NavigationError) => {
    if (error.url.startsWith(FAILED_NAVIGATION_URL)) return undefined;
    // The code decides the translated message; the browser's detail (an untranslated chunk URL) stays out.
    const problem = { ...toProblem(error.error), detail: undefined };
    inject(ModuleNavigationFailure).current.set({ url: error.url, problem });
    return new RedirectCommand(inject(Router).parseUrl(FAILED_NAVIGATION_URL), { skipLocationChange: true });
  });

/**
 * A module root's `<router-outlet />`, plus the failure `withModuleRouterConfig` records: the page
 * region shows the error with a retry that navigates to the same URL again. The router does not keep
 * a failed loader, so the retry downloads the chunk again, without reloading the page.
 */
@Component({
  selector: 'wx-module-outlet',
  imports: [RouterOutlet, ErrorState, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (stringsLoaded()) {
      @if (failed(); as failure) {
        <wx-error-state [problem]="failure.problem" [heading]="'ui.pageLoad.failed' | transloco" (retry)="retry(failure.url)" />
      }
      <router-outlet />
    }
  `,
})
export class ModuleOutlet {
  private readonly router = inject(Router);
  protected readonly failed = inject(ModuleNavigationFailure).current;
  /**
   * The page waits for the active language's strings (they download beside the page's code): drawn
   * before, every label, heading and button is empty, and the page jumps when the text arrives (a
   * layout shift of 0.34 on /wechat/fans, Lighthouse's worst). If the strings fail to load the page
   * shows anyway, as it did before. Later language switches re-render in place.
   */
  protected readonly stringsLoaded = toSignal(
    inject(TranslocoService)
      .selectTranslation()
      .pipe(
        take(1),
        map(() => true),
        catchError(() => of(true)),
      ),
    { initialValue: false },
  );

  constructor() {
    this.router.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event instanceof NavigationEnd && !event.url.startsWith(FAILED_NAVIGATION_URL)) this.failed.set(null);
    });
  }

  protected retry(url: string): void {
    void this.router.navigateByUrl(url);
  }
}

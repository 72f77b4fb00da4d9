import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState, ErrorState, LoadingState, ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { TemplatesApi, type Template, type TemplateLibraryEntry } from '../templates-api';
import { TemplateProblemPipe } from '../template-problem';
import { TemplateLibraryActions, templatesFeature } from './templates.store';

/**
 * The account's templates as synced from WeChat: sync (with what changed), add one of WeChat's
 * industry library (refused past 25 with 45026), delete after an inline confirmation, and choose the
 * one the send form uses.
 */
@Component({
  selector: 'wx-template-library',
  imports: [TranslocoPipe, EmptyState, ErrorState, LoadingState, ProblemMessagePipe, TemplateProblemPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './template-library.html',
  styleUrl: './template-library.scss',
})
export class TemplateLibrary {
  /** The account whose templates are shown. */
  readonly appid = input.required<string>();

  private readonly store = inject(Store);
  private readonly api = inject(TemplatesApi);
  protected readonly items = this.store.selectSignal(templatesFeature.selectItems);
  protected readonly limit = this.store.selectSignal(templatesFeature.selectLimit);
  protected readonly status = this.store.selectSignal(templatesFeature.selectStatus);
  protected readonly problem = this.store.selectSignal(templatesFeature.selectProblem);
  protected readonly sync = this.store.selectSignal(templatesFeature.selectSync);
  protected readonly chosenId = this.store.selectSignal(templatesFeature.selectChosenId);
  protected readonly isFull = this.store.selectSignal(templatesFeature.selectIsFull);

  protected readonly library = signal<TemplateLibraryEntry[]>([]);
  protected readonly addShortId = signal('');
  protected readonly adding = signal(false);
  protected readonly addProblem = signal<Problem | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteProblem = signal<Problem | null>(null);

  constructor() {
    effect(() => {
      const appid = this.appid();
      untracked(() => {
        this.store.dispatch(TemplateLibraryActions.opened({ appid }));
        this.confirming.set(null);
        this.addProblem.set(null);
        this.deleteProblem.set(null);
        this.loadLibrary(appid);
      });
    });
  }

  private async loadLibrary(appid: string): Promise<void> {
    try {
      const entries = await this.api.library(appid);
      if (appid === this.appid()) this.library.set(entries);
    } catch {
      // The add control stays empty; the list and sync still work.
      this.library.set([]);
    }
  }

  protected syncNow(): void {
    if (this.sync().status === 'syncing') return;
    this.store.dispatch(TemplateLibraryActions.syncRequested());
  }

  protected retry(): void {
    this.store.dispatch(TemplateLibraryActions.retried());
  }

  protected choose(template: Template): void {
    this.store.dispatch(TemplateLibraryActions.templateChosen({ templateId: template.templateId }));
  }

  protected async add(): Promise<void> {
    const shortId = this.addShortId();
    if (!shortId) return;
    const appid = this.appid();
    this.adding.set(true);
    this.addProblem.set(null);
    try {
      const template = await this.api.add(appid, shortId);
      if (appid === this.appid()) {
        this.store.dispatch(TemplateLibraryActions.templateAdded({ template }));
        this.addShortId.set('');
      }
    } catch (error) {
      if (appid === this.appid()) this.addProblem.set(toProblem(error));
    } finally {
      this.adding.set(false);
    }
  }

  protected async remove(template: Template): Promise<void> {
    const appid = this.appid();
    this.deleting.set(true);
    this.deleteProblem.set(null);
    try {
      await this.api.remove(appid, template.templateId);
      this.confirming.set(null);
      this.store.dispatch(TemplateLibraryActions.templateDeleted({ templateId: template.templateId }));
    } catch (error) {
      this.deleteProblem.set(toProblem(error));
    } finally {
      this.deleting.set(false);
    }
  }
}

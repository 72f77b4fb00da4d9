import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, resource, viewChild } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { WechatAccount } from '@wechat-mfe/account-context';
import { SUITE_CLIENT, unwrap } from '@wechat-mfe/suite-api';
import { LoadingState, ErrorState, Field, FieldControl, meetsRequirement, Prefetch, ProblemMessagePipe, WECHAT_FEATURES } from '@wechat-mfe/ui';
import { openLazyDialog, prefetchLazyDialog } from '@wechat-mfe/ui/dialogs';
import { matchRuleSummaryKeys, RuleTag } from '../conditional/match-rule';
import { MatchRuleForm } from '../conditional/match-rule-form';
import type { MenuJsonData } from '../import-export/menu-json-dialog';
import { DEFAULT_MENU_ID, EditorMenu, hasMatchRule, liveButtonsOf, MatchRule, MenuButton, newId, toWechat } from '../menu/menu.model';
import { matchRuleIssues, menuIssues, MenuIssue } from '../menu/menu-rules';
import { findButton, moveTargets } from '../menu/menu-tree';
import { ButtonMove, PhonePreview } from '../preview/phone-preview';
import { menuDiff } from '../publish/menu-diff';
import type { PublishData } from '../publish/publish-dialog';
import { ButtonForm, ButtonPatch } from './button-form';
import type { ConfirmData } from './confirm-dialog';
import { MenuEditorPageActions } from './menus.actions';
import { menusFeature } from './menus.feature';

// The editor's dialogs load on first use (or at a hover over the button that opens them).
const loadPublishDialog = () => import('../publish/publish-dialog').then((m) => m.PublishDialog);
const loadJsonDialog = () => import('../import-export/menu-json-dialog').then((m) => m.MenuJsonDialog);
const loadConfirmDialog = () => import('./confirm-dialog').then((m) => m.ConfirmDialog);

/**
 * The editor of the selected account's menus: the menu list (default + conditional), the phone
 * preview, the selected button's form, and the actions that talk to WeChat (load, publish, delete).
 */
@Component({
  selector: 'wx-menu-editor',
  imports: [TranslocoPipe, DatePipe, Field, FieldControl, Prefetch, ProblemMessagePipe, LoadingState, ErrorState, PhonePreview, ButtonForm, MatchRuleForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './menu-editor.html',
  styleUrl: './menu-editor.scss',
})
export class MenuEditor {
  private readonly store = inject(Store);
  private readonly injector = inject(Injector);
  // For `wxPrefetch` on the buttons that open them: a hover or focus starts the download.
  protected readonly prefetchPublish = () => prefetchLazyDialog(loadPublishDialog);
  protected readonly prefetchJson = () => prefetchLazyDialog(loadJsonDialog);
  protected readonly prefetchConfirm = () => prefetchLazyDialog(loadConfirmDialog);
  private readonly client = inject(SUITE_CLIENT);
  private readonly preview = viewChild(PhonePreview);

  readonly account = input.required<WechatAccount>();

  protected readonly state = this.store.selectSignal(menusFeature.selectMenusState);
  protected readonly menus = this.store.selectSignal(menusFeature.selectMenus);
  protected readonly menu = this.store.selectSignal(menusFeature.selectActiveMenu);
  protected readonly differing = this.store.selectSignal(menusFeature.selectDiffering);
  protected readonly place = this.store.selectSignal(menusFeature.selectSelectedPlace);

  protected readonly miniProgramAllowed = computed(() => meetsRequirement(this.account(), WECHAT_FEATURES.miniProgramMenu));
  protected readonly buttons = computed(() => this.menu()?.buttons ?? []);
  /** The editor's own checks (a conditional menu's rule first) plus what WeChat refused at the last publish. */
  protected readonly issues = computed<readonly MenuIssue[]>(() => [
    ...matchRuleIssues(this.menu()?.matchrule),
    ...menuIssues(this.buttons(), { miniProgramAllowed: this.miniProgramAllowed() }),
    ...this.state().serverIssues,
  ]);
  protected readonly invalidIds = computed(() => new Set(this.issues().map((i) => i.buttonId).filter((id): id is string => !!id)));
  protected readonly selectedIssues = computed(() => this.issues().filter((i) => i.buttonId === this.place()?.button.id));
  protected readonly defaultLive = computed(() => !!this.state().live?.menu);
  protected readonly ruleMissing = computed(() => !!this.menu()?.matchrule && !hasMatchRule(this.menu()?.matchrule));
  protected readonly canPublish = computed(
    () => !this.state().busy && this.issues().length === 0 && (!this.menu()?.matchrule || this.defaultLive()),
  );
  /** The account's fan tags, for choosing a conditional menu's tag by name. */
  protected readonly tags = resource({
    params: () => ({ appid: this.account().appid }),
    loader: ({ params, abortSignal }) =>
      unwrap(this.client.GET('/api/wechat/accounts/{appid}/tags', { params: { path: params }, signal: abortSignal })).then(
        (list): readonly RuleTag[] => list.items,
      ),
  });
  protected readonly tagList = computed(() => (this.tags.hasValue() ? this.tags.value() : []));
  protected ruleSummary(rule: MatchRule | null) {
    return matchRuleSummaryKeys(rule, this.tagList());
  }

  protected menuLabel(menu: EditorMenu, index: number): { key: string; params: Record<string, number> } {
    return menu.id === DEFAULT_MENU_ID ? { key: 'menus.list.default', params: {} } : { key: 'menus.list.conditional', params: { n: index } };
  }

  protected selectMenu(menuId: string): void {
    this.store.dispatch(MenuEditorPageActions.menuSelected({ menuId }));
  }

  protected selectButton(buttonId: string | null): void {
    this.store.dispatch(MenuEditorPageActions.buttonSelected({ buttonId }));
  }

  protected addButton(parentId: string | null, placeholder: string): void {
    this.store.dispatch(MenuEditorPageActions.buttonAdded({ parentId, id: newId(), name: placeholder }));
  }

  protected moveButton(move: ButtonMove): void {
    this.store.dispatch(MenuEditorPageActions.buttonMoved(move));
  }

  /** The form's move buttons: same reorder as Alt + arrows, announced by the preview's live region. */
  protected moveSelected(delta: -1 | 1): void {
    const place = this.place();
    if (!place) return;
    const list = place.parent ? place.parent.sub : this.buttons();
    const to = place.index + delta;
    if (to < 0 || to >= list.length) return;
    this.moveButton({ parentId: place.parent?.id ?? null, from: place.index, to });
    this.preview()?.announce(place.button.name, to + 1, list.length);
  }

  /** Other levels the selected button may move to (cross-parent moves, within WeChat's limits). */
  protected readonly levelTargets = computed(() => {
    const place = this.place();
    return place ? moveTargets(this.buttons(), place.button.id) : [];
  });

  protected moveToLevel(id: string, target: string): void {
    const parentId = target === '' ? null : target;
    const place = findButton(this.buttons(), id);
    if (!place) return;
    this.store.dispatch(MenuEditorPageActions.buttonMovedToLevel({ id, parentId }));
    const parent = parentId === null ? null : (findButton(this.buttons(), parentId)?.button.name ?? '');
    this.preview()?.announceLevel(place.button.name, parent);
  }

  protected changeButton(id: string, patch: ButtonPatch): void {
    this.store.dispatch(MenuEditorPageActions.buttonChanged({ id, patch }));
  }

  protected removeButton(id: string): void {
    this.store.dispatch(MenuEditorPageActions.buttonRemoved({ id }));
  }

  protected addConditional(): void {
    this.store.dispatch(MenuEditorPageActions.conditionalMenuAdded({ id: newId('m') }));
  }

  protected changeRule(menuId: string, matchrule: MatchRule): void {
    this.store.dispatch(MenuEditorPageActions.matchRuleChanged({ menuId, matchrule }));
  }

  protected removeConditional(menu: EditorMenu): void {
    const live = !!menu.menuid && !!this.state().live?.conditional.some((c) => c.menuid === menu.menuid);
    const remove = () => this.store.dispatch(MenuEditorPageActions.conditionalMenuRemoved({ menuId: menu.id, menuid: live ? menu.menuid : null }));
    if (!live) return remove();
    this.confirm({ title: 'menus.confirm.removeConditionalTitle', message: 'menus.confirm.removeConditional', confirm: 'menus.confirm.removeConditionalAction', danger: true }, remove);
  }

  protected focusIssue(issue: MenuIssue): void {
    if (!issue.buttonId) return;
    this.selectButton(issue.buttonId);
    // After the form shows the button, move focus to the field at fault.
    setTimeout(() => (document.querySelector(`wx-button-form [name="${issue.field}"]`) as HTMLElement | null)?.focus());
  }

  protected publish(): void {
    const menu = this.menu();
    if (!menu) return;
    const index = this.menus().indexOf(menu);
    const label = this.menuLabel(menu, index);
    const data: PublishData = {
      menuLabel: label.key,
      menuParams: label.params,
      accountName: this.account().name,
      changes: menuDiff(liveButtonsOf(menu, this.state().live) ?? [], toWechat(menu.buttons)),
    };
    void openLazyDialog<boolean, PublishData>(this.injector, loadPublishDialog, {
      data,
      width: '32rem',
      autoFocus: 'dialog',
    }).then((confirmed) => confirmed && this.store.dispatch(MenuEditorPageActions.publishConfirmed({ menuId: menu.id })));
  }

  protected loadLive(): void {
    const load = () => this.store.dispatch(MenuEditorPageActions.loadLiveConfirmed());
    if (this.differing().size === 0) return load();
    this.confirm({ title: 'menus.confirm.loadTitle', message: 'menus.confirm.load', confirm: 'menus.confirm.loadAction' }, load);
  }

  protected deleteLive(): void {
    this.confirm(
      { title: 'menus.confirm.deleteTitle', message: 'menus.confirm.delete', confirm: 'menus.confirm.deleteAction', params: { account: this.account().name }, danger: true },
      () => this.store.dispatch(MenuEditorPageActions.deleteLiveConfirmed()),
    );
  }

  protected openJson(): void {
    const data: MenuJsonData = {
      json: JSON.stringify({ button: toWechat(this.buttons()) }, null, 2),
      rules: { miniProgramAllowed: this.miniProgramAllowed() },
    };
    void openLazyDialog<readonly MenuButton[] | null, MenuJsonData>(
      this.injector,
      loadJsonDialog,
      { data, width: '40rem', autoFocus: 'dialog' },
    ).then((buttons) => buttons && this.store.dispatch(MenuEditorPageActions.menuImported({ buttons })));
  }

  protected retryLoad(): void {
    this.store.dispatch(MenuEditorPageActions.retryLoad());
  }

  protected retrySave(): void {
    this.store.dispatch(MenuEditorPageActions.draftSaveRetried());
  }

  protected keepMine(): void {
    this.store.dispatch(MenuEditorPageActions.draftConflictKeptMine());
  }

  protected takeTheirs(): void {
    this.store.dispatch(MenuEditorPageActions.draftConflictTookTheirs());
  }

  protected nameOf(id: string | null): string {
    return findButton(this.buttons(), id)?.button.name ?? '';
  }

  private confirm(data: ConfirmData, then: () => void): void {
    void openLazyDialog<boolean, ConfirmData>(this.injector, loadConfirmDialog, {
      data,
      width: '28rem',
      autoFocus: 'dialog',
    }).then((confirmed) => confirmed && then());
  }
}

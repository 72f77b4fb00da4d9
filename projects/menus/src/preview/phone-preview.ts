import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { previewLabel } from '../menu/bytes';
import { MenuButton } from '../menu/menu.model';
import { canAddSub, canAddTop, findButton } from '../menu/menu-tree';
import { WxDrag, WxDrop, WxDropList } from './lazy-drag-drop';
import { focusAfterRender } from '@wechat-mfe/ui';

/** A reorder asked for by drag-and-drop or the keyboard. */
export interface ButtonMove {
  readonly parentId: string | null;
  readonly from: number;
  readonly to: number;
}

/**
 * The phone preview: WeChat's chat screen with the bottom menu bar and the open sub-menu. Clicking a
 * button selects it; buttons are dragged to reorder (both levels) or moved with Alt + arrow keys,
 * and each move is announced in a live region.
 */
@Component({
  selector: 'wx-phone-preview',
  imports: [WxDropList, WxDrag, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './phone-preview.html',
  styleUrl: './phone-preview.scss',
})
export class PhonePreview {
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly buttons = input.required<readonly MenuButton[]>();
  readonly selectedId = input<string | null>(null);
  readonly accountName = input('');
  /** Ids of buttons with a problem (marked in red, as WeChat's editor does). */
  readonly invalidIds = input<ReadonlySet<string>>(new Set());

  readonly selectButton = output<string>();
  readonly addButton = output<string | null>();
  readonly moveButton = output<ButtonMove>();

  protected readonly label = previewLabel;
  protected readonly announcement = signal('');
  protected readonly canAddTop = computed(() => canAddTop(this.buttons()));
  /** The top-level button whose sub-menu is open: the selected one, or the parent of the selected sub-button. */
  protected readonly openParent = computed(() => {
    const place = findButton(this.buttons(), this.selectedId());
    return place ? (place.parent ?? place.button) : null;
  });
  protected readonly openIndex = computed(() => this.buttons().findIndex((b) => b.id === this.openParent()?.id));
  protected readonly columns = computed(() => this.buttons().length + (this.canAddTop() ? 1 : 0));
  protected readonly canAddSub = canAddSub;

  protected dropTop(event: WxDrop): void {
    this.move(null, event.previousIndex, event.currentIndex);
  }

  protected dropSub(parent: MenuButton, event: WxDrop): void {
    this.move(parent.id, event.previousIndex, event.currentIndex);
  }

  /** Alt + arrows move the focused button within its level (left/right top-level, up/down in a sub-menu). */
  protected onKey(event: KeyboardEvent, parent: MenuButton | null, index: number): void {
    if (!event.altKey) return;
    const back = parent ? 'ArrowUp' : 'ArrowLeft';
    const forward = parent ? 'ArrowDown' : 'ArrowRight';
    if (event.key !== back && event.key !== forward) return;
    event.preventDefault();
    const list = parent ? parent.sub : this.buttons();
    const id = list[index]?.id;
    this.move(parent?.id ?? null, index, index + (event.key === back ? -1 : 1));
    // Moving a DOM node drops its focus: give it back once the list is rendered in its new order.
    focusAfterRender(this.host.nativeElement, `[data-button-id="${id}"]`, this.injector);
  }

  private move(parentId: string | null, from: number, to: number): void {
    const list = parentId === null ? this.buttons() : (this.buttons().find((b) => b.id === parentId)?.sub ?? []);
    if (to < 0 || to >= list.length || from === to) return;
    this.moveButton.emit({ parentId, from, to });
    this.announce(list[from]?.name ?? '', to + 1, list.length);
  }

  /** Called by the editor's move buttons too, so every reorder is announced the same way. */
  announce(name: string, position: number, count: number): void {
    this.announcement.set(this.transloco.translate('menus.preview.moved', { name, position, count }));
  }

  /** A move to another level: "moved X to the top level" or "moved X under Y". */
  announceLevel(name: string, parentName: string | null): void {
    this.announcement.set(
      parentName === null
        ? this.transloco.translate('menus.preview.movedToTop', { name })
        : this.transloco.translate('menus.preview.movedUnder', { name, parent: parentName }),
    );
  }
}

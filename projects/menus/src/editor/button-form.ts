import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker } from '@wechat-mfe/pickers/material';
import { Field, FieldControl, FieldHint, Prefetch } from '@wechat-mfe/ui';
import { utf8Bytes } from '../menu/bytes';
import { BUTTON_TYPES, ButtonField, ButtonType, FIELDS_OF, isButtonType, MenuButton } from '../menu/menu.model';
import { MENU_LIMITS, MenuIssue, nameLimit } from '../menu/menu-rules';

/** A change to the edited button. */
export type ButtonPatch = Partial<Pick<MenuButton, 'name' | 'type' | 'fields'>>;

/**
 * The form of the selected button: name with a live "n / 16 bytes" counter, type, and the fields its
 * type uses, each with its problem next to it. A top-level button with sub-buttons has no action.
 */
@Component({
  selector: 'wx-button-form',
  imports: [Prefetch, Field, FieldControl, FieldHint, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './button-form.html',
  styleUrl: './button-form.scss',
})
export class ButtonForm {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  readonly button = input.required<MenuButton>();
  readonly level = input.required<0 | 1>();
  /** Position within its level, for the move buttons. */
  readonly index = input(0);
  readonly count = input(1);
  readonly issues = input<readonly MenuIssue[]>([]);
  /** False for unverified accounts: WeChat refuses their mini-program buttons. */
  readonly miniProgramAllowed = input(true);

  readonly changed = output<ButtonPatch>();
  readonly removed = output<void>();
  readonly moved = output<-1 | 1>();

  protected readonly types = BUTTON_TYPES;
  protected readonly limits = MENU_LIMITS;
  protected readonly nameLimit = computed(() => nameLimit(this.level()));
  protected readonly nameBytes = computed(() => utf8Bytes(this.button().name));
  protected readonly hasSub = computed(() => this.level() === 0 && this.button().sub.length > 0);
  protected readonly fields = computed<readonly ButtonField[]>(() => {
    const type = this.button().type;
    return type && !this.hasSub() ? FIELDS_OF[type] : [];
  });
  protected readonly bytes = utf8Bytes;

  protected issueOf(field: string): MenuIssue | undefined {
    return this.issues().find((i) => i.field === field);
  }

  protected limitOf(field: ButtonField): number | null {
    return field === 'key' ? MENU_LIMITS.key : field === 'url' ? MENU_LIMITS.url : null;
  }

  protected setName(value: string): void {
    this.changed.emit({ name: value });
  }

  protected setType(value: string): void {
    this.changed.emit({ type: isButtonType(value) ? (value as ButtonType) : '' });
  }

  protected setField(field: ButtonField, value: string): void {
    this.changed.emit({ fields: { [field]: value } });
  }

  private readonly injector = inject(Injector);

  /**
   * Fills media_id (a permanent image, voice or video) or article_id (an article) from the shared
   * material picker; the field stays editable for pasting an id.
   */
  protected async chooseMaterial(field: 'media_id' | 'article_id'): Promise<void> {
    const choice = await openMaterialPicker(this.injector, {
      types: field === 'media_id' ? ['image', 'voice', 'video'] : ['news'],
      permanentOnly: true,
    });
    if (choice) this.setField(field, choice.mediaId);
  }
}

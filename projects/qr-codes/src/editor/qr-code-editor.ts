import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, inject, signal } from '@angular/core';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker, type MaterialChoice } from '@wechat-mfe/pickers/material';
import { ProblemError } from '@wechat-mfe/suite-api';
import { ErrorState, StaleNotice, type Problem, focusAfterRender, toProblem, Prefetch } from '@wechat-mfe/ui';
import { QrCodesApi, type QrCode, type QrCodeCreate, type QrCodeReply, type QrCodeUpdate, type Tag } from '../data/qr-codes-api';
import type { QrCodeEditorData } from './open-editor';
import {
  EXPIRY_PRESETS, QR_RULES, controlForField, customExpiryRule, customExpirySeconds, replyMaterialRule, replyTextRule, sceneRule, tagsRule,
  textRule,
  type ExpiryUnit,
} from './qr-code-rules';
import { FieldErrorPipe } from './field-error.pipe';

/**
 * Create / edit dialog of a channel QR code. Every rule is checked as the user types; server field
 * errors land next to their inputs and nothing typed is lost on failure. Kind, scene and expiry are
 * encoded in the code itself, so an existing code shows them read-only.
 *
 * Fields are native controls with their own label, hint and error (they were chosen when shared
 * Material form fields broke across remotes, ADR 0004; they also keep the dialog small).
 */
@Component({
  selector: 'wx-qr-code-editor',
  imports: [
    Prefetch,
    ReactiveFormsModule,
    NgTemplateOutlet,
    DatePipe,
    MatDialogModule,
    TranslocoPipe,
    ErrorState,
    StaleNotice,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './qr-code-editor.html',
  styleUrl: './qr-code-editor.scss',
})
export class QrCodeEditor {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  protected readonly data = inject<QrCodeEditorData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<QrCodeEditor, QrCode>>(MatDialogRef);
  private readonly api = inject(QrCodesApi);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  protected readonly rules = QR_RULES;
  protected readonly presets = EXPIRY_PRESETS;
  protected readonly editing = this.data.code !== null;
  protected readonly tags = signal<readonly Tag[]>([]);
  protected readonly saving = signal(false);
  /** A failure that no single field explains. */
  protected readonly problem = signal<Problem | null>(null);
  /** The code's revision the form's values are based on: a save over a later one is refused (`STALE`). */
  private revision = this.data.code?.revision ?? null;
  /** The code as someone else saved it after this form opened (the save was refused); the user chooses. */
  protected readonly latest = signal<QrCode | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.data.code?.name ?? '', textRule(QR_RULES.nameMax)],
    kind: [this.data.code?.kind ?? ('temporary' as 'temporary' | 'permanent')],
    expiryPreset: ['2592000'],
    expiryAmount: [{ value: 7 as number | null, disabled: true }, customExpiryRule],
    expiryUnit: ['days' as ExpiryUnit],
    sceneType: [this.data.code?.sceneType ?? ('number' as 'number' | 'string')],
    scene: [this.data.code?.scene ?? '', sceneRule],
    tagIds: [this.data.code?.tagIds ?? ([] as number[]), tagsRule],
    replyType: [(this.data.code?.reply?.type ?? 'none') as 'none' | 'text' | 'material'],
    replyContent: [this.data.code?.reply?.type === 'text' ? this.data.code.reply.content : '', replyTextRule],
    replyMediaId: [this.data.code?.reply?.type === 'material' ? this.data.code.reply.mediaId : '', replyMaterialRule],
    enabled: [this.data.code?.enabled ?? true],
  });

  protected get c() {
    return this.form.controls;
  }

  protected toggleTag(id: number, on: boolean): void {
    const current = this.c.tagIds.value;
    this.c.tagIds.setValue(on ? [...current, id] : current.filter((t) => t !== id));
    this.c.tagIds.markAsDirty();
  }

  /** The chosen reply material as the picker described it (an existing code's material shows its id). */
  protected readonly replyMaterial = signal<MaterialChoice | null>(null);

  /**
   * Opens the shared material picker for the on-scan reply. WeChat's passive replies carry a media id
   * for image, voice and video only (a news reply carries links, not a material), so those are offered.
   */
  protected async chooseReplyMaterial(): Promise<void> {
    const choice = await openMaterialPicker(this.injector, { appid: this.data.appid, types: ['image', 'voice', 'video'] });
    if (!choice) return;
    this.replyMaterial.set(choice);
    this.c.replyMediaId.setValue(choice.mediaId);
    this.c.replyMediaId.markAsDirty();
  }

  /** Whether a control's error is shown: once the user typed in it or left it, or tried to save. */
  protected shows(control: AbstractControl): boolean {
    return control.invalid && (control.touched || control.dirty);
  }

  protected sceneHint(): string {
    const { sceneType, kind } = this.form.getRawValue();
    if (sceneType === 'string') return 'qrCodes.editor.sceneStringHint';
    return kind === 'permanent' ? 'qrCodes.editor.scenePermanentHint' : 'qrCodes.editor.sceneTemporaryHint';
  }

  constructor() {
    const c = this.form.controls;
    const destroyRef = inject(DestroyRef);
    // Cross-field rules: re-check the dependent control when what it depends on changes.
    c.kind.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
      this.syncExpiry();
      c.scene.updateValueAndValidity();
    });
    c.sceneType.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => c.scene.updateValueAndValidity());
    c.expiryPreset.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.syncExpiry());
    c.expiryUnit.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => c.expiryAmount.updateValueAndValidity());
    c.replyType.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
      c.replyContent.updateValueAndValidity();
      c.replyMediaId.updateValueAndValidity();
    });
    if (this.editing) {
      for (const locked of [c.kind, c.expiryPreset, c.expiryAmount, c.expiryUnit, c.sceneType, c.scene]) locked.disable();
    }
    this.api.tags(this.data.appid).then(
      (tags) => this.tags.set(tags),
      (error: unknown) => this.problem.set(toProblem(error)),
    );
  }

  private syncExpiry(): void {
    const c = this.form.controls;
    const custom = c.kind.value === 'temporary' && c.expiryPreset.value === 'custom';
    if (custom) c.expiryAmount.enable();
    else c.expiryAmount.disable();
  }

  /** The request body of a new code. */
  private createBody(): QrCodeCreate {
    const v = this.form.getRawValue();
    const temporary = v.kind === 'temporary';
    const expireSeconds =
      v.expiryPreset === 'custom' ? (customExpirySeconds(v.expiryAmount, v.expiryUnit) ?? 0) : Number(v.expiryPreset);
    return {
      name: v.name.trim(),
      kind: v.kind,
      ...(temporary ? { expireSeconds } : {}),
      ...(v.sceneType === 'number' ? { sceneId: Number(v.scene.trim()) } : { sceneStr: v.scene }),
      ...this.updateBody(),
    } as QrCodeCreate;
  }

  private updateBody(): QrCodeUpdate {
    const v = this.form.getRawValue();
    const reply: QrCodeReply | null =
      v.replyType === 'text'
        ? { type: 'text', content: v.replyContent.trim() }
        : v.replyType === 'material'
          ? { type: 'material', mediaId: v.replyMediaId }
          : null;
    return { name: v.name.trim(), tagIds: v.tagIds, reply, enabled: v.enabled };
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      // Take keyboard and screen-reader users to the first problem (its error is in its description).
      focusAfterRender(this.host, '[aria-invalid="true"]', this.injector);
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.latest.set(null);
    const { appid, code } = this.data;
    try {
      const saved = code ? await this.api.update(appid, code.id, this.updateBody(), this.revision ?? code.revision) : await this.api.create(appid, this.createBody());
      this.ref.close(saved);
    } catch (error) {
      if (code && error instanceof ProblemError && error.code === 'STALE') await this.showLatest(appid, code.id, error);
      else this.showFailure(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** Someone saved the code after this form opened: fetch that version so the user can choose. */
  private async showLatest(appid: string, id: number, refusal: ProblemError): Promise<void> {
    try {
      this.latest.set(await this.api.get(appid, id));
    } catch {
      this.problem.set(toProblem(refusal));
    }
  }

  /** Save the form's values over the latest version. */
  protected keepMine(): void {
    const latest = this.latest();
    if (!latest) return;
    this.revision = latest.revision;
    void this.save();
  }

  /** Show the latest version in the form instead of the user's edits (what can change after creation). */
  protected takeTheirs(): void {
    const latest = this.latest();
    if (!latest) return;
    this.revision = latest.revision;
    this.form.patchValue({
      name: latest.name,
      tagIds: [...latest.tagIds],
      replyType: latest.reply?.type ?? 'none',
      replyContent: latest.reply?.type === 'text' ? latest.reply.content : '',
      replyMediaId: latest.reply?.type === 'material' ? latest.reply.mediaId : '',
      enabled: latest.enabled,
    });
    this.replyMaterial.set(null);
    this.latest.set(null);
  }

  /** Field errors go next to their inputs (a taken scene too); anything else above the buttons. */
  private showFailure(error: unknown): void {
    const fields = error instanceof ProblemError ? error.errors : [];
    let placed = false;
    for (const { field, message } of fields) {
      const name = controlForField(field);
      const control = name ? this.form.get(name) : null;
      if (!control || control.disabled) continue;
      const key = error instanceof ProblemError && error.code === 'CONFLICT' && name === 'scene' ? 'sceneTaken' : 'server';
      control.setErrors({ ...(control.errors ?? {}), [key]: message });
      control.markAsTouched();
      placed = true;
    }
    if (!placed) this.problem.set(toProblem(error));
  }
}

import {
  ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal, viewChild,
} from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker } from '@wechat-mfe/pickers/material';
import { Prefetch } from '@wechat-mfe/ui';
import { parseArticleHtml } from './article-html';

type Command = 'bold' | 'italic' | 'underline' | 'h2' | 'ul' | 'ol' | 'quote';

/**
 * A small rich-text editor (no dependency): a contenteditable region with a toolbar for bold,
 * italic, underline, heading, lists, quote, link and an image from the account's materials. It emits
 * the region's HTML as the user types; the server sanitizes it on save, so what is stored is never
 * what the browser allowed but what the allow-list keeps.
 */
@Component({
  selector: 'wx-rich-text-editor',
  imports: [Prefetch, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rich-text-editor.html',
  styleUrl: './rich-text-editor.scss',
})
export class RichTextEditor {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  /** The HTML to start from (read once, when the editor appears: later changes come from the user). */
  readonly initial = input('');
  /** The editable region's accessible name. */
  readonly label = input.required<string>();
  /** An id for `aria-describedby` (counter and errors). */
  readonly describedBy = input<string | null>(null);
  readonly invalid = input(false);
  readonly changed = output<string>();

  private readonly sanitizer = inject(DomSanitizer);
  private readonly injector = inject(Injector);
  private readonly region = viewChild.required<ElementRef<HTMLElement>>('region');
  protected readonly linking = signal(false);
  private savedRange: Range | null = null;

  constructor() {
    afterNextRender(() => this.load(this.initial()));
  }

  /**
   * Puts stored HTML into the region without `innerHTML`: Angular's sanitizer cleans it first (it
   * was sanitized by the server too, ADR 0010's `wechat-mfe#article` policy), then parsed nodes are moved in.
   */
  private load(html: string): void {
    const doc = parseArticleHtml(html, this.sanitizer);
    this.region().nativeElement.replaceChildren(...Array.from(doc.body.childNodes));
  }

  protected emit(): void {
    this.changed.emit(this.region().nativeElement.innerHTML);
  }

  protected run(command: Command): void {
    this.region().nativeElement.focus();
    // execCommand is deprecated but still the only built-in editing API every browser implements;
    // a dependency-free editor this small does not justify writing a document model.
    const exec = (name: string, value?: string) => document.execCommand(name, false, value);
    switch (command) {
      case 'h2':
        exec('formatBlock', 'h2');
        break;
      case 'quote':
        exec('formatBlock', 'blockquote');
        break;
      case 'ul':
        exec('insertUnorderedList');
        break;
      case 'ol':
        exec('insertOrderedList');
        break;
      default:
        exec(command);
    }
    this.emit();
  }

  /** Remembers the selection, since focusing the link field takes it away. */
  protected startLink(): void {
    const selection = document.getSelection();
    this.savedRange = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    this.linking.set(true);
  }

  protected applyLink(url: string): void {
    this.linking.set(false);
    const href = url.trim();
    if (!/^(https?:\/\/|mailto:)/i.test(href)) return;
    this.restoreSelection();
    document.execCommand('createLink', false, href);
    this.emit();
  }

  protected async insertImage(): Promise<void> {
    const selection = document.getSelection();
    this.savedRange = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    const choice = await openMaterialPicker(this.injector, { types: ['image'] });
    if (!choice?.thumbUrl) return;
    this.restoreSelection();
    document.execCommand('insertImage', false, choice.thumbUrl);
    // insertImage gives no alt text: name the image after its material (readers and axe need one).
    for (const img of Array.from(this.region().nativeElement.querySelectorAll('img:not([alt])'))) img.setAttribute('alt', choice.name);
    this.emit();
  }

  private restoreSelection(): void {
    const region = this.region().nativeElement;
    region.focus();
    const selection = document.getSelection();
    if (this.savedRange && selection && region.contains(this.savedRange.commonAncestorContainer)) {
      selection.removeAllRanges();
      selection.addRange(this.savedRange);
    }
  }
}

import { ChangeDetectionStrategy, Component, OnDestroy, computed, inject, input, output, signal } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import { toProblem, type Problem } from '@wechat-mfe/ui';
import type { Material } from '../data/materials-api';
import { MaterialUploader, wavSeconds } from './material-uploader';
import { UPLOAD_RULES, formatBytes, guessUploadType, uploadIssue, type UploadIssue, type UploadType } from './upload-rules';
import { uploadProblemKey } from './upload-problems';

/** One file of the queue and where it stands. */
interface UploadItem {
  readonly id: number;
  readonly file: File;
  readonly type: UploadType;
  readonly permanent: boolean;
  readonly status: 'checking' | 'invalid' | 'needsLength' | 'queued' | 'uploading' | 'done' | 'failed';
  readonly progress: number;
  readonly issue: UploadIssue | null;
  readonly problem: Problem | null;
  /** A voice's length: measured (WAV) or typed by the user; undefined until known. */
  readonly seconds?: number;
}

const HEAD_BYTES = 64 * 1024;
const PARALLEL = 2;
let nextId = 1;

/**
 * Upload panel: a drop zone with a file button (several files at once), the permanence and default
 * type of the next files (a file's extension decides between image, voice and video; "thumb" applies
 * to JPEGs), and one row per file with its checks, a progress bar, retry and removal. Files are
 * checked in the browser first (extension, real content, size, voice length); the server checks again
 * and its refusal is shown on the file's row.
 */
@Component({
  selector: 'wx-material-upload',
  imports: [DecimalPipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './material-upload.html',
  styleUrl: './material-upload.scss',
})
export class MaterialUpload implements OnDestroy {
  /** The account the files go to. */
  readonly appid = input.required<string>();
  /** The upload type offered first (the library's current tab). */
  readonly defaultType = input<UploadType>('image');
  /** A material was stored. */
  readonly uploaded = output<Material>();

  private readonly uploader = inject(MaterialUploader);
  protected readonly types: readonly UploadType[] = ['image', 'thumb', 'voice', 'video'];
  protected readonly chosenType = signal<UploadType | null>(null);
  protected readonly type = computed(() => this.chosenType() ?? this.defaultType());
  protected readonly permanent = signal(true);
  protected readonly items = signal<readonly UploadItem[]>([]);
  protected readonly dragging = signal(false);
  protected readonly rules = UPLOAD_RULES;
  protected readonly formatBytes = formatBytes;
  private readonly aborts = new Map<number, AbortController>();

  ngOnDestroy(): void {
    for (const abort of this.aborts.values()) abort.abort();
  }

  protected accept(): string {
    return this.types.flatMap((t) => UPLOAD_RULES[t].extensions.map((e) => `.${e}`)).join(',');
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.add(Array.from(event.dataTransfer?.files ?? []));
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onPicked(input: HTMLInputElement): void {
    this.add(Array.from(input.files ?? []));
    input.value = '';
  }

  /** Adds files to the queue, checks each, then starts what can go. */
  add(files: readonly File[]): void {
    const added = files.map<UploadItem>((file) => ({
      id: nextId++,
      file,
      type: guessUploadType(file.name, this.type()),
      permanent: this.permanent(),
      status: 'checking',
      progress: 0,
      issue: null,
      problem: null,
    }));
    this.items.update((items) => [...items, ...added]);
    for (const item of added) void this.check(item);
  }

  private async check(item: UploadItem): Promise<void> {
    const head = new Uint8Array(await item.file.slice(0, HEAD_BYTES).arrayBuffer());
    const seconds = item.type === 'voice' ? wavSeconds(head) : undefined;
    const issue = uploadIssue(item.type, item.file, head, seconds);
    const needsLength = !issue && item.type === 'voice' && seconds === undefined;
    this.patch(item.id, { issue, seconds, status: issue ? 'invalid' : needsLength ? 'needsLength' : 'queued' });
    this.pump();
  }

  /** The user typed a voice's length (the browser cannot read mp3/amr/wma lengths without a decoder). */
  protected setLength(item: UploadItem, value: string): void {
    const seconds = Number(value);
    if (!value || !Number.isFinite(seconds) || seconds <= 0) return;
    const max = UPLOAD_RULES.voice.maxSeconds ?? 60;
    const issue: UploadIssue | null = seconds > max ? { key: 'tooLong', params: { max, seconds: Math.ceil(seconds) } } : null;
    this.patch(item.id, { seconds, issue, status: issue ? 'needsLength' : 'queued' });
    this.pump();
  }

  protected retry(item: UploadItem): void {
    this.patch(item.id, { status: 'queued', progress: 0, problem: null });
    this.pump();
  }

  protected remove(item: UploadItem): void {
    this.aborts.get(item.id)?.abort();
    this.items.update((items) => items.filter((i) => i.id !== item.id));
  }

  protected clearDone(): void {
    this.items.update((items) => items.filter((i) => i.status !== 'done'));
  }

  protected readonly hasDone = computed(() => this.items().some((i) => i.status === 'done'));

  /** Starts queued files, at most two at a time. */
  private pump(): void {
    const running = this.items().filter((i) => i.status === 'uploading').length;
    const next = this.items().filter((i) => i.status === 'queued').slice(0, Math.max(0, PARALLEL - running));
    for (const item of next) void this.send(item);
  }

  private async send(item: UploadItem): Promise<void> {
    this.patch(item.id, { status: 'uploading', progress: 0, problem: null });
    const abort = new AbortController();
    this.aborts.set(item.id, abort);
    try {
      const material = await this.uploader.upload(
        {
          appid: this.appid(),
          file: item.file,
          fileName: item.file.name,
          type: item.type,
          permanent: item.permanent,
          ...(item.type === 'voice' && item.seconds !== undefined ? { durationSeconds: item.seconds } : {}),
        },
        (progress) => this.patch(item.id, { progress }),
        abort.signal,
      );
      this.patch(item.id, { status: 'done', progress: 1 });
      this.uploaded.emit(material);
    } catch (error) {
      if (!abort.signal.aborted) this.patch(item.id, { status: 'failed', problem: toProblem(error) });
    } finally {
      this.aborts.delete(item.id);
      this.pump();
    }
  }

  private patch(id: number, patch: Partial<UploadItem>): void {
    this.items.update((items) => items.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  }

  protected problemKey = uploadProblemKey;
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InboxItem, InboxMessage } from '../data/inbox-api';

/**
 * What a fan sent or was sent, as text only: the text itself, a media placeholder, a location's label,
 * a link's title and URL (not a live link: it is the fan's), or the event and its key.
 */
@Component({
  selector: 'wx-inbox-content',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = item();
    @switch (m.type) {
      @case ('text') {
        <span class="text">{{ m.content }}</span>
      }
      @case ('location') {
        <span>{{ 'inbox.content.location' | transloco: { label: m.details.label ?? '' } }}</span>
        @if (m.details.latitude !== undefined && m.details.longitude !== undefined) {
          <span class="muted">{{ 'inbox.content.coordinates' | transloco: { lat: m.details.latitude, lng: m.details.longitude } }}</span>
        }
      }
      @case ('link') {
        <span>{{ 'inbox.content.link' | transloco: { title: m.details.title ?? '' } }}</span>
        @if (m.details.url) {
          <span class="muted url">{{ m.details.url }}</span>
        }
      }
      @case ('event') {
        <span>{{ 'inbox.event.' + m.event | transloco }}</span>
        @if (m.details.eventKey) {
          <span class="muted">{{ 'inbox.content.eventKey' | transloco: { key: m.details.eventKey } }}</span>
        }
      }
      @default {
        <span>{{ 'inbox.content.' + m.type | transloco }}</span>
        @if (m.type === 'voice' && m.details.recognition) {
          <span class="text">{{ m.details.recognition }}</span>
        } @else if (m.details.mediaId && m.direction === 'out') {
          <span class="muted">{{ 'inbox.content.media' | transloco: { id: m.details.mediaId } }}</span>
        }
      }
    }
  `,
  styles: `
    :host { display: inline; overflow-wrap: anywhere; white-space: pre-wrap; }
    span + span { margin-left: 4px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class MessageContent {
  /** A list message (fan side) or a conversation item. */
  readonly item = input.required<(InboxMessage & { direction?: undefined }) | InboxItem>();
}

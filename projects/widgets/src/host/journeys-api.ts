import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type JourneyEntry = Schemas['WidgetJourneyEntryList']['items'][number];
export type Journey = Schemas['Journey'];

/** The demo host's own calls: save a journey with the trigger the widget produced, and who entered it. */
@Injectable({ providedIn: 'root' })
export class HostJourneysApi {
  private readonly client = inject(SUITE_CLIENT);

  create(name: string, trigger: unknown): Promise<Journey> {
    const body = { name, trigger: trigger as Schemas['WidgetJourneyTrigger'] };
    return unwrap(this.client.POST('/api/widgets/journeys', { body }));
  }

  async entries(journeyId: string): Promise<JourneyEntry[]> {
    return (await unwrap(this.client.GET('/api/widgets/journeys/{journeyId}/entries', { params: { path: { journeyId } } }))).items;
  }
}

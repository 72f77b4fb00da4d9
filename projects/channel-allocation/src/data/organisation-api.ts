import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, ifMatch, unwrap, type Schemas } from '@wechat-mfe/suite-api';

export type Department = Schemas['Department'];
export type SuiteUser = Schemas['User'];
export type SharingRule = Schemas['ContactSharingRule'];
export type SharingRuleInput = Schemas['ContactSharingRuleInput'];

/**
 * The administrator's endpoints this module calls (departments, users, allocation, contact-sharing
 * rules), one method per call; failures throw `ProblemError`.
 */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly client = inject(SUITE_CLIENT);

  async departments(): Promise<Department[]> {
    return (await unwrap(this.client.GET('/api/departments'))).items;
  }

  async users(): Promise<SuiteUser[]> {
    return (await unwrap(this.client.GET('/api/users'))).items;
  }

  /**
   * Replaces the department's accounts; the suite tells its signed-in users at once (`allocation` event).
   * Over `revision`: a change another administrator saved meanwhile is refused (`STALE`).
   */
  updateAllocation(departmentId: string, appids: readonly string[], revision: string): Promise<Department> {
    return unwrap(
      this.client.PUT('/api/departments/{departmentId}/allocation', {
        params: { path: { departmentId }, header: ifMatch(revision) },
        body: { appids: [...appids] },
      }),
    );
  }

  async sharingRules(): Promise<SharingRule[]> {
    return (await unwrap(this.client.GET('/api/contact-sharing/rules'))).items;
  }

  createSharingRule(body: SharingRuleInput): Promise<SharingRule> {
    return unwrap(this.client.POST('/api/contact-sharing/rules', { body }));
  }

  /**
   * Replaces the rule (also how it is enabled or disabled), over `revision`: a change another
   * administrator saved meanwhile is refused (`STALE`); null (not known) saves unconditionally.
   */
  updateSharingRule(ruleId: number, body: SharingRuleInput, revision: string | null): Promise<SharingRule> {
    const header = revision === null ? {} : ifMatch(revision);
    return unwrap(this.client.PUT('/api/contact-sharing/rules/{ruleId}', { params: { path: { ruleId }, header }, body }));
  }

  deleteSharingRule(ruleId: number): Promise<void> {
    return unwrap(this.client.DELETE('/api/contact-sharing/rules/{ruleId}', { params: { path: { ruleId } } })).then(() => undefined);
  }
}

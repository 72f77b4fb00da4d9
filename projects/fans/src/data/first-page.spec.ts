import { BehaviorSubject } from 'rxjs';
import { PAGE_SIZE } from '../list/fan-list.store';
import { FIRST_PAGE, prefetchFirstPage, takeFirstPage } from './first-page';

describe('the fan list first page, asked for while the application starts', () => {
  const context = (selectedAppid: string | null) => ({ snapshot: { selectedAppid, access: selectedAppid ? 'ready' : 'no-permission' } }) as never;
  const page = { items: [{ openid: 'o1' }], total: 1, offset: 0, limit: PAGE_SIZE };
  let fetchSpy: jasmine.Spy;
  // openapi-fetch calls fetch after its (async) middleware.
  const settled = () => new Promise((resolve) => setTimeout(resolve));

  beforeEach(() => {
    fetchSpy = spyOn(window, 'fetch').and.callFake(async () => new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } }));
    // A page left by another test is not taken by this one.
    takeFirstPage('wx1', { offset: 0, limit: PAGE_SIZE });
    takeFirstPage('wx2', { offset: 0, limit: PAGE_SIZE });
  });

  it('is the request the list makes on opening (no filter, the first page)', () => {
    expect(FIRST_PAGE).toEqual({ offset: 0, limit: PAGE_SIZE });
  });

  it('asks once on the list route and hands the answer to the identical request, once', async () => {
    prefetchFirstPage('/api', context('wx1'), () => '/wechat/fans');
    await settled();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const request = fetchSpy.calls.mostRecent().args[0] as Request;
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe(`/api/wechat/accounts/wx1/fans?offset=0&limit=${PAGE_SIZE}`);
    expect(takeFirstPage('wx2', { offset: 0, limit: PAGE_SIZE })).withContext('another account').toBeNull();
    expect(takeFirstPage('wx1', { offset: 200, limit: PAGE_SIZE })).withContext('another page').toBeNull();
    expect(takeFirstPage('wx1', { state: 'subscribed', offset: 0, limit: PAGE_SIZE })).withContext('a filter').toBeNull();
    const taken = takeFirstPage('wx1', { offset: 0, limit: PAGE_SIZE });
    expect(await taken).toEqual(page as never);
    expect(takeFirstPage('wx1', { offset: 0, limit: PAGE_SIZE })).withContext('taken already').toBeNull();
  });

  it('asks nothing on other routes of the module or before an account is selected', async () => {
    prefetchFirstPage('/api', context('wx1'), () => '/host/contacts');
    prefetchFirstPage('/api', context(null), () => '/wechat/fans');
    await settled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('asks as soon as the context knows the account when the module started before it did, unless the user left the list', async () => {
    const state = new BehaviorSubject({ access: 'loading', selectedAppid: null as string | null });
    const loading = { get snapshot() { return state.value; }, state$: state.asObservable() } as never;
    let path = '/wechat/fans';
    prefetchFirstPage('/api', loading, () => path);
    await settled();
    expect(fetchSpy).not.toHaveBeenCalled();
    state.next({ access: 'ready', selectedAppid: 'wx2' });
    await settled();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(new URL((fetchSpy.calls.mostRecent().args[0] as Request).url).pathname).toBe('/api/wechat/accounts/wx2/fans');
    expect(await takeFirstPage('wx2', { offset: 0, limit: PAGE_SIZE })).toEqual(page as never);
    // Once only: a later refresh of the context asks nothing more.
    state.next({ access: 'ready', selectedAppid: 'wx1' });
    await settled();
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    const again = new BehaviorSubject({ access: 'loading', selectedAppid: null as string | null });
    prefetchFirstPage('/api', { get snapshot() { return again.value; }, state$: again.asObservable() } as never, () => path);
    path = '/host/contacts';
    again.next({ access: 'ready', selectedAppid: 'wx1' });
    await settled();
    expect(fetchSpy).withContext('left the list meanwhile').toHaveBeenCalledTimes(1);
  });

  it('is not handed out once stale', () => {
    const now = spyOn(performance, 'now').and.returnValue(1000);
    prefetchFirstPage('/api', context('wx1'), () => '/wechat/fans');
    now.and.returnValue(1000 + 6000);
    expect(takeFirstPage('wx1', { offset: 0, limit: PAGE_SIZE })).toBeNull();
  });

  it('passes on a failed answer as the list would have got it', async () => {
    fetchSpy.and.callFake(async () => new Response(JSON.stringify({ status: 500, code: 'INTERNAL' }), { status: 500, headers: { 'content-type': 'application/problem+json' } }));
    prefetchFirstPage('/api', context('wx1'), () => '/wechat/fans');
    await expectAsync(takeFirstPage('wx1', { offset: 0, limit: PAGE_SIZE })!).toBeRejected();
  });
});

import { findDepartmentRow, listDepartmentRows, replaceAllocation, toDepartment } from '../repositories/departments.mjs';
import { listBoundAccounts } from '../repositories/accounts.mjs';
import { allocationErrors } from '../rules/allocation.mjs';
import { publishAllocationChange } from '../services/accounts.mjs';
import { notFound, validation } from '../lib/problems.mjs';
import { assertPrecondition } from '../lib/preconditions.mjs';

/** /api/departments: departments and channel allocation (admin only, per openapi.yaml). */
export default async function departmentRoutes(fastify, { suite }) {
  fastify.get('/api/departments', async () => ({
    items: listDepartmentRows(suite.db).map((row) => toDepartment(suite.db, row)),
  }));

  fastify.put('/api/departments/:departmentId/allocation', async (request) => {
    const { departmentId } = request.params;
    const row = findDepartmentRow(suite.db, departmentId);
    if (!row) throw notFound(`Department ${departmentId}`);
    // Another administrator may have changed this department's accounts since this one opened it.
    assertPrecondition(request.headers, toDepartment(suite.db, row).revision, { what: `The allocation of ${row.name}` });
    const { appids } = request.body;
    const errors = allocationErrors(appids, listBoundAccounts(suite.db).map((a) => a.appid));
    if (errors.length) throw validation(errors);
    replaceAllocation(suite.db, departmentId, appids);
    publishAllocationChange(suite, departmentId);
    return toDepartment(suite.db, row);
  });
}

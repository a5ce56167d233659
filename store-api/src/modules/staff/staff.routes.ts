import { authErrors } from '../auth/index.ts';
import { createStaffBody, idParam, staffUser, updateStaffBody } from '@shoebox/shared/contracts';
import { permissionsOf } from '@shoebox/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import type { StaffService } from './staff.service.ts';

export const staffRoutes = (staff: StaffService) => [
  defineRoute({
    method: 'get',
    path: '/admin/me',
    summary: 'The signed-in staff member and their permissions',
    tag: 'Staff',
    access: 'staff',
    errors: ['STAFF_USER_ONLY'],
    response: staffUser.extend({ permissions: z.array(z.string()) }),
    handler: async (ctx) => {
      if (ctx.actor.type !== 'staff') throw authErrors.staffUserOnly('profile');
      const me = await staff.get(ctx.actor.id);
      return { ...me, permissions: [...permissionsOf(me.role)] };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/admin/staff',
    summary: 'List staff accounts',
    tag: 'Staff',
    access: 'staff:manage',
    response: z.array(staffUser),
    handler: () => staff.list(),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/staff',
    summary: 'Create a staff account',
    tag: 'Staff',
    access: 'staff:manage',
    body: createStaffBody,
    response: staffUser,
    status: 201,
    errors: ['EMAIL_TAKEN'],
    handler: (ctx, { body }) => staff.create(ctx, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/staff/:id',
    summary: 'Change name, role, password or disable a staff account (signs it out everywhere)',
    tag: 'Staff',
    access: 'staff:manage',
    params: idParam,
    body: updateStaffBody,
    response: staffUser,
    errors: ['STAFF_NOT_FOUND', 'CANNOT_DEMOTE_SELF'],
    handler: (ctx, { params, body }) => staff.update(ctx, params.id, body),
  }),
];

import { idParam, pageOf } from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import { mailDetail, mailListQuery, mailSummary } from './notifications.contracts.ts';
import type { NotificationsService } from './notifications.service.ts';

/**
 * Sent mail, newest first: with no SMTP server configured this is where the shop owner reads the
 * customer mails (also written as .eml files under DATA_DIR/mail). Permission `customers:read`:
 * mails carry customer names, addresses and order contents, so owner and manager see them and
 * warehouse staff (who hold `orders:read` for picking) do not.
 */
export const notificationsRoutes = (notifications: NotificationsService) => [
  defineRoute({
    method: 'get',
    path: '/admin/mail',
    summary: 'List sent customer mails (SMTP or .eml file), newest first',
    tag: 'Notifications',
    access: 'customers:read',
    query: mailListQuery,
    response: pageOf(mailSummary),
    handler: (ctx, { query }) => notifications.listMail(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/mail/:id',
    summary: 'One sent mail with its subject, recipient, text and HTML bodies',
    tag: 'Notifications',
    access: 'customers:read',
    params: idParam,
    response: mailDetail,
    errors: ['MAIL_NOT_FOUND'],
    handler: (ctx, { params }) => notifications.getMail(ctx, params.id),
  }),
];

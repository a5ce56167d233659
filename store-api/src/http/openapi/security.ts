/** Who may call an operation, as OpenAPI security requirements and schemes. */
import type { RouteSpec } from '../route.ts';
import type { Json } from './openapi-types.ts';

export function isPermissionAccess(access: RouteSpec['access']): boolean {
  return access !== 'public' && access !== 'customer' && access !== 'staff';
}

export function securityOf(spec: RouteSpec): Json[] {
  switch (spec.access) {
    case 'public':
      return [];
    case 'customer':
      return [{ customerBearer: [] }];
    default:
      // 'staff' or a permission: a staff token, or an API key (holding the permission).
      return [{ staffBearer: [] }, { apiKey: [] }];
  }
}

/** The schemes `securityOf` refers to, as they appear under `components.securitySchemes`. */
export const securitySchemes: Json = {
  staffBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Staff access token from `POST /admin/auth/sign-in` (15 minutes; rotate with refresh).',
  },
  customerBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Shopper access token from `POST /store/auth/sign-in` or `/store/auth/register`.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'sbk_<prefix>_<secret>',
    description:
      'API key from `POST /admin/api-keys`, sent as `Authorization: Bearer sbk_...`; holds the permissions it was created with.',
  },
};

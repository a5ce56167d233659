/**
 * The settings screens for the route table: the index in the navigation, each section reached
 * from it (so the left navigation stays short). Access is each section's API permission.
 */
import DevicesOutlined from '@mui/icons-material/DevicesOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import WarehouseOutlined from '@mui/icons-material/WarehouseOutlined';
import type { ScreenRoute } from '../../app/routes.tsx';
import { ApiKeysScreen } from './ApiKeysScreen.tsx';
import { AuditLogScreen } from './AuditLogScreen.tsx';
import { DevicesScreen } from './DevicesScreen.tsx';
import { LocationsScreen } from './LocationsScreen.tsx';
import { SecurityScreen } from './SecurityScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';
import { StaffScreen, staffShortcuts } from './StaffScreen.tsx';

const section = (
  path: string,
  title: string,
  icon: ScreenRoute['icon'],
  access: ScreenRoute['access'],
  Screen: ScreenRoute['Screen'],
) => ({ path, title, section: 'Settings', icon, access, Screen, nav: false }) as const;

export const settingsScreens: readonly ScreenRoute[] = [
  {
    path: '/settings',
    title: 'Settings',
    section: 'Settings',
    icon: SettingsOutlined,
    access: 'signed-in',
    goKey: 't',
    keywords: 'staff roles devices revoke api keys audit log locations bins two-factor security printers',
    Screen: SettingsScreen,
  },
  section('/settings/security', 'My sign-in security', SecurityOutlined, 'signed-in', SecurityScreen),
  {
    ...section('/settings/staff', 'Staff and roles', PeopleOutlined, 'staff:manage', StaffScreen),
    shortcuts: staffShortcuts,
  },
  section('/settings/devices', 'Devices', DevicesOutlined, 'devices:manage', DevicesScreen),
  section('/settings/api-keys', 'API keys', KeyOutlined, 'apikeys:manage', ApiKeysScreen),
  section('/settings/audit-log', 'Audit log', HistoryOutlined, 'audit:read', AuditLogScreen),
  section(
    '/settings/locations',
    'Stock locations and bins',
    WarehouseOutlined,
    'settings:manage',
    LocationsScreen,
  ),
];

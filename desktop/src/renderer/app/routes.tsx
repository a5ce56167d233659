/**
 * Every screen that exists, as data: where it lives, what it is called, who may open it and its
 * `g` shortcut. Navigation shows the screens the signed-in role may use; a screen added here
 * (with its permission) appears in the navigation, the search and the cheat sheet by itself.
 */
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import type { SvgIconComponent } from '@mui/icons-material';
import type { ComponentType } from 'react';
import type { Session } from '../../ipc/index.ts';
import type { Access } from '../../ipc/spec.ts';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import { CountScreen, countShortcuts } from '../features/inventory/CountScreen.tsx';
import { InventoryScreen, inventoryShortcuts } from '../features/inventory/InventoryScreen.tsx';
import { ReceiveScreen, receiveShortcuts } from '../features/inventory/ReceiveScreen.tsx';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { OrderDetailScreen, orderDetailShortcuts } from '../features/orders/OrderDetailScreen.tsx';
import { OrdersScreen, ordersShortcuts } from '../features/orders/OrdersScreen.tsx';
import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined';
import { attentionShortcuts, NeedsAttentionScreen } from '../features/sync/NeedsAttentionScreen.tsx';
import CategoryOutlined from '@mui/icons-material/CategoryOutlined';
import { ImportScreen } from '../features/products/ImportScreen.tsx';
import { NewProductScreen } from '../features/products/NewProductScreen.tsx';
import { editorShortcuts, ProductEditorScreen } from '../features/products/ProductEditorScreen.tsx';
import { ProductsScreen, productsShortcuts } from '../features/products/ProductsScreen.tsx';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { printersScreen, warehouseScreens } from '../features/fulfillment/routes.ts';
import { AboutScreen } from '../features/settings/AboutScreen.tsx';
import { settingsScreens } from '../features/settings/settings-routes.ts';
import { allows } from '../lib/session.tsx';
import type { Shortcut } from './screen-keys.ts';

export interface ScreenRoute {
  path: string;
  title: string;
  /** The navigation group. */
  section: string;
  icon: SvgIconComponent;
  access: Access;
  /** `g` then this letter opens the screen. */
  goKey?: string;
  /** Extra words the search box matches. */
  keywords?: string;
  Screen: ComponentType;
  /** Single keys inside this screen, for the cheat sheet (the screen binds them: screen-keys.ts). */
  shortcuts?: readonly Shortcut[];
  /** `false` for screens reached from another (a detail page): not in the navigation or search. */
  nav?: false;
}

export const screens: readonly ScreenRoute[] = [
  {
    path: '/',
    title: 'Dashboard',
    section: 'Shop',
    icon: HomeOutlined,
    access: 'signed-in',
    goKey: 'h',
    keywords: 'dashboard sync status role',
    Screen: HomeScreen,
  },
  {
    path: '/orders',
    title: 'Orders',
    section: 'Shop',
    icon: ReceiptLongOutlined,
    access: 'orders:read',
    goKey: 'o',
    keywords: 'queue pick pack ship customers',
    Screen: OrdersScreen,
    shortcuts: ordersShortcuts,
  },
  {
    path: '/orders/:number',
    title: 'Order',
    section: 'Shop',
    icon: ReceiptLongOutlined,
    access: 'orders:read',
    Screen: OrderDetailScreen,
    shortcuts: orderDetailShortcuts,
    nav: false,
  },
  {
    path: '/inventory',
    title: 'Inventory',
    section: 'Stock',
    icon: Inventory2Outlined,
    access: 'inventory:read',
    goKey: 'i',
    keywords: 'stock levels grid count adjust transfer move movements history',
    Screen: InventoryScreen,
    shortcuts: inventoryShortcuts,
  },
  {
    path: '/inventory/count',
    title: 'Count stock',
    section: 'Stock',
    icon: Inventory2Outlined,
    access: 'inventory:count',
    Screen: CountScreen,
    shortcuts: countShortcuts,
    nav: false,
  },
  {
    path: '/inventory/receive',
    title: 'Receive a delivery',
    section: 'Stock',
    icon: Inventory2Outlined,
    access: 'inventory:receive',
    goKey: 'r',
    keywords: 'delivery receive scan supplier',
    Screen: ReceiveScreen,
    shortcuts: receiveShortcuts,
  },
  ...warehouseScreens,
  {
    path: '/products',
    title: 'Products',
    section: 'Catalog',
    icon: CategoryOutlined,
    access: 'catalog:write',
    goKey: 'p',
    keywords: 'catalogue styles variants barcodes prices',
    Screen: ProductsScreen,
    shortcuts: productsShortcuts,
  },
  // Before '/products/:id', which would match them too (the first match wins).
  {
    path: '/products/new',
    title: 'New product',
    section: 'Catalog',
    icon: CategoryOutlined,
    access: 'catalog:write',
    Screen: NewProductScreen,
    nav: false,
  },
  {
    path: '/products/import',
    title: 'Import and export CSV',
    section: 'Catalog',
    icon: CategoryOutlined,
    access: 'catalog:write',
    keywords: 'csv import export spreadsheet catalogue',
    Screen: ImportScreen,
    nav: false,
  },
  {
    path: '/products/:id',
    title: 'Product',
    section: 'Catalog',
    icon: CategoryOutlined,
    access: 'catalog:write',
    Screen: ProductEditorScreen,
    shortcuts: editorShortcuts,
    nav: false,
  },
  {
    path: '/sync',
    title: 'Needs attention',
    section: 'Settings',
    icon: SyncProblemOutlined,
    access: 'signed-in',
    goKey: 'a',
    keywords: 'sync refused rejected pending conflicts retry dismiss',
    Screen: NeedsAttentionScreen,
    shortcuts: attentionShortcuts,
  },
  {
    path: '/settings/about',
    title: 'About this device',
    section: 'Settings',
    icon: InfoOutlined,
    access: 'signed-in',
    goKey: 's',
    keywords: 'settings device version server',
    Screen: AboutScreen,
  },
  printersScreen,
  ...settingsScreens,
];

export const screensFor = (list: readonly ScreenRoute[], session: Session | null | undefined) =>
  list.filter((s) => allows(session, s.access));

/** `/orders/:number` matches `/orders/SB-7K3M9Q2X`; plain paths match exactly. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? '';
    if (part.startsWith(':')) {
      if (!actual) return null;
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) return null;
  }
  return params;
}

export const matchScreen = (list: readonly ScreenRoute[], pathname: string) =>
  list.find((s) => matchPath(s.path, pathname) !== null);

/**
 * The warehouse's screens (pick, pack, shipments, returns) and the printers settings, as entries
 * of the route table (app/routes.tsx), kept here so the table stays one screen long.
 */
import AssignmentReturnOutlined from '@mui/icons-material/AssignmentReturnOutlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import QrCodeScannerOutlined from '@mui/icons-material/QrCodeScannerOutlined';
import ShoppingBasketOutlined from '@mui/icons-material/ShoppingBasketOutlined';
import type { ScreenRoute } from '../../app/routes.tsx';
import { PrintersScreen } from '../settings/PrintersScreen.tsx';
import { PackStationScreen, packShortcuts } from './PackStationScreen.tsx';
import { PickScreen, pickShortcuts } from './PickScreen.tsx';
import { ReturnDetailScreen, ReturnsScreen, returnsShortcuts } from './ReturnsScreen.tsx';
import { ShipmentsScreen, shipmentsShortcuts } from './ShipmentsScreen.tsx';

export const warehouseScreens: readonly ScreenRoute[] = [
  {
    path: '/pick',
    title: 'Pick',
    section: 'Warehouse',
    icon: ShoppingBasketOutlined,
    access: 'orders:fulfil',
    goKey: 'k',
    keywords: 'pick list batch bin walk short',
    Screen: PickScreen,
    shortcuts: pickShortcuts,
  },
  {
    path: '/pack',
    title: 'Pack station',
    section: 'Warehouse',
    icon: QrCodeScannerOutlined,
    access: 'orders:fulfil',
    goKey: 'b',
    keywords: 'pack bench scan label packing slip box weight',
    Screen: PackStationScreen,
    shortcuts: packShortcuts,
  },
  {
    path: '/shipments',
    title: 'Shipments',
    section: 'Warehouse',
    icon: LocalShippingOutlined,
    access: 'orders:fulfil',
    goKey: 'd',
    keywords: 'shipments labels tracking void reprint carrier dispatch batch labels',
    Screen: ShipmentsScreen,
    shortcuts: shipmentsShortcuts,
  },
  {
    path: '/returns',
    title: 'Returns',
    section: 'Warehouse',
    icon: AssignmentReturnOutlined,
    access: 'returns:manage',
    goKey: 'u',
    keywords: 'returns exchanges receive inspect restock write off refund',
    Screen: ReturnsScreen,
    shortcuts: returnsShortcuts,
  },
  {
    path: '/returns/:id',
    title: 'Return',
    section: 'Warehouse',
    icon: AssignmentReturnOutlined,
    access: 'returns:manage',
    Screen: ReturnDetailScreen,
    nav: false,
  },
];

/** In Settings, after the device's other settings (the navigation groups by first appearance). */
export const printersScreen: ScreenRoute = {
  path: '/settings/printers',
  title: 'Printers',
  section: 'Settings',
  icon: PrintOutlined,
  access: 'labels:print',
  keywords: 'printers label format zpl thermal pdf packing slip paper',
  Screen: PrintersScreen,
};

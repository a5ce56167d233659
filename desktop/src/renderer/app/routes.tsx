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
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { AboutScreen } from '../features/settings/AboutScreen.tsx';
import { allows } from '../lib/session.tsx';

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
}

export const screens: readonly ScreenRoute[] = [
  {
    path: '/',
    title: 'Home',
    section: 'Shop',
    icon: HomeOutlined,
    access: 'signed-in',
    goKey: 'h',
    keywords: 'dashboard sync status role',
    Screen: HomeScreen,
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
];

export const screensFor = (list: readonly ScreenRoute[], session: Session | null | undefined) =>
  list.filter((s) => allows(session, s.access));

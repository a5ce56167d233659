/** The application menu: the standard roles (so copy, paste and zoom work) plus Help. */
import { app, Menu, type MenuItemConstructorOptions, shell } from 'electron';

export function installMenu(options: { devTools: boolean }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: `Shoebox Back Office ${app.getVersion()}`, enabled: false },
        { label: 'Keyboard shortcuts: press ? in the app', enabled: false },
        { label: 'Shoebox on the web', click: () => void shell.openExternal('https://shoebox.shop/') },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

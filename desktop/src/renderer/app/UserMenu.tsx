/** The signed-in user: name and role on the button; the menu has the cheat sheet and sign-out. */
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import { Button, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import type { Session } from '../../ipc/index.ts';
import { roleName } from '../lib/roles.ts';

export function UserMenu(props: { session: Session; onShortcuts(): void; onSignOut(): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { user } = props.session;
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleOutlined />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-label={`Account: ${user.name}, ${roleName(user.role)}`}
      >
        {user.name} · {roleName(user.role)}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        <MenuItem disabled>
          <ListItemText primary={user.name} secondary={user.email} />
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            close();
            props.onShortcuts();
          }}
        >
          Keyboard shortcuts (?)
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            props.onSignOut();
          }}
        >
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}

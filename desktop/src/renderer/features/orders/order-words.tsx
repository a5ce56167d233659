/** Order statuses in the words the shop uses, each with an icon so colour is never the only signal. */
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import HourglassEmpty from '@mui/icons-material/HourglassEmpty';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import PlaylistAddCheck from '@mui/icons-material/PlaylistAddCheck';
import ShoppingBasketOutlined from '@mui/icons-material/ShoppingBasketOutlined';
import { Chip } from '@mui/material';
import type { OrderStatus } from '@shoebox/shared';

export const statusWords: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'To pick',
  picking: 'Picking',
  packed: 'Packed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

const statusIcon = {
  pending_payment: HourglassEmpty,
  paid: ShoppingBasketOutlined,
  picking: PlaylistAddCheck,
  packed: Inventory2Outlined,
  shipped: LocalShippingOutlined,
  delivered: CheckCircleOutline,
  cancelled: CancelOutlined,
} as const;

const statusColour: Record<OrderStatus, 'default' | 'primary' | 'success' | 'warning'> = {
  pending_payment: 'warning',
  paid: 'primary',
  picking: 'primary',
  packed: 'primary',
  shipped: 'default',
  delivered: 'success',
  cancelled: 'default',
};

export function StatusChip({ status }: { status: OrderStatus }) {
  const Icon = statusIcon[status];
  return (
    <Chip
      size="small"
      variant="outlined"
      color={statusColour[status]}
      icon={<Icon fontSize="small" />}
      label={statusWords[status]}
      data-status={status}
    />
  );
}

/** The staff transitions as buttons: what each is called and what it asks of the person. */
export const transitionWords: Record<string, { label: string; key: string }> = {
  start_picking: { label: 'Start picking', key: 'p' },
  pack: { label: 'Mark packed', key: 'k' },
  ship: { label: 'Mark shipped', key: 's' },
  deliver: { label: 'Mark delivered', key: 'd' },
};

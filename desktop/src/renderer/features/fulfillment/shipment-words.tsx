/** Shipment and return states in the shop's words, each chip with an icon (never colour alone). */
import AssignmentReturnOutlined from '@mui/icons-material/AssignmentReturnOutlined';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import { Chip } from '@mui/material';
import type { HouseTrackingStatus } from '@shoebox/shared';

export const shipmentStatusWords = {
  labelled: 'Labelled',
  in_transit: 'With the carrier',
  delivered: 'Delivered',
  voided: 'Voided',
} as const;
export type ShipmentStatus = keyof typeof shipmentStatusWords;

const shipmentIcon = {
  labelled: PrintOutlined,
  in_transit: LocalShippingOutlined,
  delivered: CheckCircleOutline,
  voided: BlockOutlined,
} as const;

export function ShipmentChip({ status, label }: { status: ShipmentStatus; label?: string | undefined }) {
  const Icon = shipmentIcon[status];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon />}
      label={label ?? shipmentStatusWords[status]}
      color={status === 'delivered' ? 'success' : status === 'voided' ? 'default' : 'primary'}
    />
  );
}

export const trackingWords: Record<HouseTrackingStatus, string> = {
  label_created: 'Label printed',
  handed_over: 'Handed to the driver',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
};
/** The button that advances a parcel to `next`. */
export const advanceWords: Record<HouseTrackingStatus, string> = {
  label_created: 'Label printed',
  handed_over: 'Mark handed over',
  in_transit: 'Mark in transit',
  out_for_delivery: 'Mark out for delivery',
  delivered: 'Mark delivered',
};

export const returnStatusWords = {
  requested: 'Expected',
  received: 'Received',
  refunded: 'Refunded',
} as const;
export type ReturnStatus = keyof typeof returnStatusWords;
const returnIcon = {
  requested: AssignmentReturnOutlined,
  received: CheckCircleOutline,
  refunded: PaymentsOutlined,
};

export function ReturnChip({ status }: { status: ReturnStatus }) {
  const Icon = returnIcon[status];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon />}
      label={returnStatusWords[status]}
      color={status === 'requested' ? 'primary' : status === 'refunded' ? 'success' : 'default'}
    />
  );
}

export const reasonWords: Record<string, string> = {
  too_small: 'Too small',
  too_large: 'Too large',
  too_narrow: 'Too narrow',
  too_wide: 'Too wide',
  uncomfortable: 'Uncomfortable',
  not_as_pictured: 'Not as pictured',
  defective: 'Defective',
  changed_mind: 'Changed mind',
};

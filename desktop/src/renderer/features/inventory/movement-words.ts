/** Ledger movements in the words of the stockroom. */
export const movementWords: Record<string, string> = {
  receive: 'Received',
  adjust: 'Adjusted',
  count: 'Counted',
  reserve: 'Reserved for an order',
  release: 'Released from an order',
  sell: 'Sold',
  return_restock: 'Returned to stock',
  transfer_out: 'Moved out',
  transfer_in: 'Moved in',
};

export const reasonWords: Record<string, string> = {
  damage: 'Damaged',
  loss: 'Lost or stolen',
  found: 'Found',
  correction: 'Correction',
};

/** "+3", "−2" (a real minus sign), "0". */
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** JSON column shapes shared by both dialects' schemas. */
export interface AddressJson {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  country: string;
  phone?: string | undefined;
}

/** A shipping label's printed content (`@shoebox/documents` LabelData), kept on the shipment. */
export interface LabelJson {
  carrier: string;
  service: string;
  trackingNumber: string;
  orderNumber: string;
  weightGrams: number;
  from: AddressJson & { company?: string | undefined };
  to: AddressJson & { company?: string | undefined };
  shipDate: string;
}

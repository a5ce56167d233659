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

/**
 * Places one order end to end against a running API, through the typed client, and prints
 * each step: `npm run demo:order` (or `npm run demo:order -- --base http://host:port --card 4000000000000002`).
 * With no Stripe keys configured the API takes demo payments; no money moves.
 */
import { parseArgs } from 'node:util';
import { createShoeboxClient, ShoeboxApiError } from '@shoebox/shared/client';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4000' },
    email: { type: 'string', default: 'ana@example.com' },
    card: { type: 'string', default: '4242424242424242' },
  },
});

async function main() {
  let cartToken: string | undefined;
  const api = createShoeboxClient({ baseUrl: values.base!, cartToken: () => cartToken });

  const listing = await api.store.products.list({ inStock: true, size: [38], pageSize: 1 });
  const card = listing.items[0];
  if (!card) throw new Error('No product in stock in EU 38: is the demo shop seeded?');
  const product = await api.store.products.get(card.slug);
  const variant = product.colours.flatMap((c) => c.variants).find((v) => v.inStock && v.sizeEu === 38)!;
  console.log(`1. picked ${product.name}, ${variant.sku} (EU 38)`);

  cartToken = (await api.store.cart.create()).token;
  await api.store.cart.addLine({ sku: variant.sku, quantity: 1 });
  await api.store.cart.setContact({ email: values.email! });
  const cart = await api.store.cart.setShipping({
    address: {
      name: 'Ana Silva',
      line1: '1 Grafton Street',
      city: 'Dublin',
      postalCode: 'D02 X285',
      country: 'IE',
    },
    methodId: 'house-standard',
  });
  console.log(`2. cart total ${(cart.totals.totalMinor / 100).toFixed(2)} ${cart.currency}`);

  const order = await api.store.checkout.placeOrder();
  console.log(
    `3. order ${order.orderNumber}: ${order.status}, stock reserved until ${order.reservationExpiresAt}`,
  );

  const paid = await api.store.checkout.demoPay({
    orderNumber: order.orderNumber,
    email: values.email!,
    cardNumber: values.card!,
  });
  console.log(`4. demo payment: ${paid.outcome}; order is now ${paid.status}`);
  const mail = paid.status === 'paid' ? 'order confirmation' : 'payment failed';
  console.log(`   the ${mail} e-mail is written within seconds to .data/mail/ (or see GET /admin/mail)`);
}

main().catch((e: unknown) => {
  if (e instanceof ShoeboxApiError) console.error(`API error ${e.status} ${e.code}: ${e.message}`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import type { StoreVariant } from '@shoebox/shared/store';

/** EU, US and UK sizes side by side (the brand's chart through the API, else the common one). */
export function SizeChart({ variants }: { variants: StoreVariant[] }) {
  const rows = [...new Map(variants.map((v) => [v.sizeEu, v.sizeLabels])).values()];
  return (
    <details className="size-chart">
      <summary>Size chart (EU / US / UK)</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">EU</th>
            <th scope="col">US</th>
            <th scope="col">UK</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.eu}>
              <td>{r.eu}</td>
              <td>{r.us}</td>
              <td>{r.uk}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';

export default function NotFound() {
  useMeta({ title: 'Page not found', canonicalPath: '/', noindex: true });
  return (
    <div className="narrow">
      <h1>We could not find that page</h1>
      <p>
        It may have moved. <Link href="/">Go to the home page</Link> or search above.
      </p>
    </div>
  );
}

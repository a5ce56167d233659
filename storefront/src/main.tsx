import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { preloadPage } from './app/loaders.ts';
import { registerServiceWorker } from './app/offline.ts';
import './styles/global.css';

preloadPage(new URL(location.href));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();

import { PopupApp } from '@/components/popup/PopupApp';
import './style.css';

export function App() {
  return <PopupApp search={location.search} />;
}

import { OptionsApp } from '@/components/options/OptionsApp';
import './style.css';

export function App() {
  return <OptionsApp />;
}

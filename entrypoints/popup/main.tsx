import { render } from 'preact';
import { uiLocale } from '@/components/common/ui-locale';
import { App } from './App';

// The page's language is the one its words are in, for screen readers and hyphenation.
document.documentElement.lang = uiLocale();
render(<App />, document.getElementById('app')!);

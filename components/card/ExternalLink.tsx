import type { ComponentChildren } from 'preact';

/**
 * A link out of the page: always to a new tab, without giving the destination a handle
 * on this page or its address. `href` must already be a checked http(s) URL (safeHref).
 */
export function ExternalLink(props: { href: string; class?: string; lang?: string; label?: string; current?: boolean; children: ComponentChildren }) {
  return (
    <a
      href={props.href}
      class={props.class}
      lang={props.lang}
      hreflang={props.lang}
      dir="auto"
      target="_blank"
      rel="noopener noreferrer"
      referrerpolicy="no-referrer"
      aria-label={props.label}
      aria-current={props.current ? 'true' : undefined}
    >
      {props.children}
    </a>
  );
}

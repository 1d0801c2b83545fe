import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Stable hook for tests and styles. */
  name?: string;
  children: ComponentChildren;
}

/** An on/off control that says its state to assistive technology (role="switch"). */
export function Switch({ checked, onChange, disabled, name, children }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={checked}
      data-name={name}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      <span class="switch-label">{children}</span>
    </button>
  );
}

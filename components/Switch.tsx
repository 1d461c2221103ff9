/** An on/off switch: a button with the switch role, so every screen reader announces its state. */
export function Switch({
  label,
  checked,
  onChange,
  disabled = false,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string;
}) {
  return (
    <div class="switch-row">
      <span class="switch-row__text">
        <span class="switch-row__label">{label}</span>
        {hint && <span class="switch-row__hint">{hint}</span>}
      </span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={checked}
        aria-label={label}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="switch__thumb" aria-hidden="true" />
      </button>
    </div>
  );
}

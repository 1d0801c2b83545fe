export interface FilePickerProps {
  name: string;
  label: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

/** A labelled JSON file input that hands over the chosen file and is ready for the next one. */
export function FilePicker({ name, label, disabled, onFile }: FilePickerProps) {
  return (
    <label class="file-button">
      {label}
      <input
        type="file"
        name={name}
        accept=".json,application/json"
        disabled={disabled}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          // Cleared, so choosing the same file again is a change too.
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

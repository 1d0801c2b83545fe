import type { Ref } from 'preact';
import type { CardData } from '@/lib/card/types';

export interface CardHeadingProps {
  /** The entity's name, or what to say while there is none (loading, missing). */
  name: string;
  data: CardData | null | undefined;
  /** For a card that moves focus to its name when it opens (the popup's). */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** An entity's name and one-line description, each in the language the pack gave it. */
export function CardHeading({ name, data, headingRef }: CardHeadingProps) {
  return (
    <>
      <h2 class="name" ref={headingRef} tabIndex={headingRef ? -1 : undefined} lang={data?.name.lang} dir="auto">
        {name}
      </h2>
      {data?.description && (
        <p class="description" lang={data.description.lang} dir="auto">
          {data.description.text}
        </p>
      )}
    </>
  );
}

/**
 * HTML that a template shows as it is: the body, and what depeche renders (the essentials, the default
 * partials). Every other value a template outputs is escaped (theme/engine.ts). Not a Liquid `Drop`, so
 * that Liquid hands the object itself to the escaping function, which knows it by its class.
 */
export class Markup {
  readonly #text: string;
  readonly #shown: (() => void) | undefined;

  /** `shown` is called each time a template outputs it. */
  constructor(text: string, shown?: () => void) {
    this.#text = text;
    this.#shown = shown;
  }

  toString(): string {
    this.#shown?.();
    return this.#text;
  }
}

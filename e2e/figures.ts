/** The indicator's figure as a public page shows it (the quoted source sentence keeps the original, so it is not matched). */
export const figure = (value: string) => new RegExp(`class="figure-text"[^>]*>${value.replace(/[.,]/g, '\\$&')}<`);

// Shared by the text-size control (a client component) and the inline script in app/layout.tsx.

export const TEXT_SIZES = ["s", "m", "l"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const TEXT_SIZE_KEY = "zq-text-size";

/**
 * Runs in <head> before the body is parsed: applies the saved size so the first paint already has it,
 * and marks the document as scripted so the control shows (it is useless without JavaScript).
 */
export const TEXT_SIZE_SCRIPT = `(function(){var d=document.documentElement;d.classList.add("js");try{var s=localStorage.getItem("${TEXT_SIZE_KEY}");if(s==="s"||s==="l")d.setAttribute("data-text-size",s)}catch(e){}})()`;

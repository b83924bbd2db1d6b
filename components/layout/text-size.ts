// Shared by the reading controls (client components) and the inline script in app/layout.tsx.

export const TEXT_SIZES = ["s", "m", "l"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const TEXT_SIZE_KEY = "zq-text-size";
/** 长辈模式: "1" when on. */
export const ELDER_KEY = "zq-elder";

/**
 * Runs in <head> before the body is parsed: applies the saved text size and elders' mode so the first paint
 * already has them, and marks the document as scripted so the controls show (they are useless without JavaScript).
 */
export const TEXT_SIZE_SCRIPT = `(function(){var d=document.documentElement;d.classList.add("js");try{var s=localStorage.getItem("${TEXT_SIZE_KEY}");if(s==="s"||s==="l")d.setAttribute("data-text-size",s);if(localStorage.getItem("${ELDER_KEY}")==="1")d.setAttribute("data-elder","")}catch(e){}})()`;

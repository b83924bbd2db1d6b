"use client";

import { useEffect, useState } from "react";
import { ELDER_KEY } from "./text-size";

/**
 * 长辈模式 (the elder-friendly mode of 互联网网站适老化通用设计规范): larger text and spacing, higher contrast and
 * larger targets, all in globals.css under html[data-elder]. Remembered in localStorage like the text size, and
 * applied before the first paint by the inline script in app/layout.tsx; hidden without JavaScript.
 */
export function ElderModeControl() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    // The attribute was set by the inline script; the button's state follows it after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOn(document.documentElement.hasAttribute("data-elder"));
  }, []);

  function toggle() {
    const next = !on;
    const html = document.documentElement;
    if (next) html.setAttribute("data-elder", "");
    else html.removeAttribute("data-elder");
    try {
      if (next) localStorage.setItem(ELDER_KEY, "1");
      else localStorage.removeItem(ELDER_KEY);
    } catch {
      // Private browsing may refuse storage: the mode still applies to this page.
    }
    setOn(next);
  }

  return (
    <button type="button" className="elder-mode" aria-pressed={on} onClick={toggle}>
      长辈模式
    </button>
  );
}

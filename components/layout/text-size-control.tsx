"use client";

import { useEffect, useState } from "react";
import { TEXT_SIZES, TEXT_SIZE_KEY, type TextSize } from "./text-size";

const NAMES: Record<TextSize, string> = { s: "小", m: "中", l: "大" };

function saved(): TextSize {
  try {
    const value = localStorage.getItem(TEXT_SIZE_KEY);
    return value === "s" || value === "l" ? value : "m";
  } catch {
    return "m";
  }
}

function apply(size: TextSize) {
  const html = document.documentElement;
  html.classList.add("js");
  if (size === "m") html.removeAttribute("data-text-size");
  else html.setAttribute("data-text-size", size);
}

/**
 * 字号 小/中/大 in the header: sets data-text-size on <html> (globals.css scales the root font size) and remembers
 * the choice in localStorage. The inline script in app/layout.tsx applies a saved size before the first paint;
 * without JavaScript the control stays hidden and the browser's own zoom does the job.
 */
export function TextSizeControl() {
  const [size, setSize] = useState<TextSize>("m");
  // The pressed look comes from <html>'s attribute in CSS at once; aria-pressed follows after hydration.
  // (Applying it again is a no-op in production; in development React's remount clears what the inline script set.)
  useEffect(() => {
    const size = saved();
    apply(size);
    // localStorage exists only after hydration: one state update after mount is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSize(size);
  }, []);

  function choose(next: TextSize) {
    apply(next);
    try {
      if (next === "m") localStorage.removeItem(TEXT_SIZE_KEY);
      else localStorage.setItem(TEXT_SIZE_KEY, next);
    } catch {
      // Private browsing may refuse storage: the size still applies to this page.
    }
    setSize(next);
  }

  return (
    <div className="text-size" role="group" aria-labelledby="text-size-label">
      <span id="text-size-label" className="text-size-label">
        字号
      </span>
      {TEXT_SIZES.map((s) => (
        <button
          key={s}
          type="button"
          data-size={s}
          aria-label={`${NAMES[s]}号字`}
          aria-pressed={size === s}
          onClick={() => choose(s)}
        >
          {NAMES[s]}
        </button>
      ))}
    </div>
  );
}

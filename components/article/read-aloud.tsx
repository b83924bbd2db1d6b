"use client";

import { useEffect, useState } from "react";

/** A Chinese voice of the browser's speech synthesis, or null when it has none. */
function chineseVoice(): SpeechSynthesisVoice | null {
  const voices = window.speechSynthesis.getVoices();
  return voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)/i.test(v.lang)) ?? null;
}

/**
 * 听新闻: reads the article aloud through the browser's speech synthesis in a Chinese voice. Renders nothing
 * until such a voice is found (none, or no JavaScript: no button). Reads paragraph by paragraph from the page,
 * so the story's text is not sent a second time in the page's data.
 */
export function ReadAloud({ selector }: { selector: string }) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (!("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    const find = () => setVoice(chineseVoice());
    find();
    // Chromium lists its voices only after they load.
    synth.addEventListener("voiceschanged", find);
    return () => {
      synth.removeEventListener("voiceschanged", find);
      synth.cancel();
    };
  }, []);

  if (!voice) return null;
  const chosen = voice;

  function toggle() {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) return setSpeaking(false);
    const parts = [...document.querySelectorAll<HTMLElement>(selector)]
      .map((el) => el.innerText.trim())
      .filter(Boolean);
    parts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = chosen;
      u.lang = chosen.lang;
      if (i === parts.length - 1) u.onend = () => setSpeaking(false);
      synth.speak(u);
    });
    setSpeaking(parts.length > 0);
  }

  return (
    <button type="button" className="read-aloud" aria-pressed={speaking} onClick={toggle}>
      {speaking ? "停止朗读" : "听新闻"}
    </button>
  );
}

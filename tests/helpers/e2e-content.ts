import type { ContentFile } from "@/lib/content/parse";

export const E2E_EXTRA = {
  date: "2022-06-01",
  tag: "乡村振兴",
  author: "测试记者",
  count: 25,
};

/** The browser tests' site.yaml names this mourning day (tests/helpers/e2e-server.ts). */
export const E2E_MOURNING_DAY = "2000-01-01";

/** The first synthetic story has a lead image: a generated picture in the issue's folder (see e2eLeadImage). */
export const E2E_IMAGE = {
  slug: "e2e-story-01",
  issue: E2E_EXTRA.date,
  file: "e2e-lead.png",
  width: 1200,
  height: 800,
  alt: "由深红渐变到蓝色的测试图片",
  caption: "测试图片：用于检验题图、图片说明和署名",
  credit: "本报记者 测试记者 摄",
};

/** A 1200×800 PNG gradient, made with sharp, for the e2e issue's lead image. */
export async function e2eLeadImage(): Promise<Buffer> {
  const { width, height } = E2E_IMAGE;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.round(177 * (1 - x / width));
      pixels[i + 1] = Math.round(60 * (y / height));
      pixels[i + 2] = Math.round(180 * (x / width));
    }
  }
  const { default: sharp } = await import("sharp");
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** An older issue of 25 short stories, all tagged 乡村振兴 and written by one byline. */
export function syntheticE2eIssue(): ContentFile[] {
  const slugs = Array.from({ length: E2E_EXTRA.count }, (_, i) => `e2e-story-${String(i + 1).padStart(2, "0")}`);
  return [
    {
      path: `content/issues/${E2E_EXTRA.date}/issue.yaml`,
      text: `date: ${E2E_EXTRA.date}\narticles:\n${slugs.map((s) => `  - ${s}`).join("\n")}\n`,
    },
    ...slugs.map((slug, i) => ({
      path: `content/issues/${E2E_EXTRA.date}/${slug}.md`,
      text: `---\ntitle: 测试报道第${i + 1}篇\nsection: rural\nbylines: [${E2E_EXTRA.author}]\ntags: [${E2E_EXTRA.tag}]\n${slug === E2E_IMAGE.slug ? leadImageFrontmatter() : ""}---\n\n这是一篇用于翻页测试的报道。第二句话。\n`,
    })),
  ];
}

function leadImageFrontmatter(): string {
  const { file, alt, caption, credit } = E2E_IMAGE;
  return `image:\n  src: ${file}\n  alt: ${alt}\n  caption: ${caption}\n  credit: ${credit}\n`;
}

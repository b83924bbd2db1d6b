import { env } from "@/lib/env";

/** On a preview server only: says that drafts and scheduled stories are shown, and to whom. */
export function PreviewBanner() {
  if (!env().SITE_PREVIEW) return null;
  return (
    <p className="preview-banner" role="note">
      预览：草稿和定时稿件也显示在这里（标有“草稿”“定时”），读者看不到；此页面不会被搜索引擎收录。
    </p>
  );
}

import Link from "next/link";
import { HOME_PATH, issuesPath, searchPath } from "@/lib/urls";

export default function NotFound() {
  return (
    <section className="empty-state">
      <h1>找不到这个页面</h1>
      <p>您要找的文章、期次、标签或作者不存在，可能已被删除或地址有误。</p>
      <p>
        <Link href={HOME_PATH}>回到首页</Link> · <Link href={issuesPath()}>查看往期报纸</Link> ·{" "}
        <Link href={searchPath()}>搜索报道</Link>
      </p>
    </section>
  );
}

import { getSiteInfo } from "@/lib/site-info";
import { site } from "@/lib/site";
import { HOME_PATH } from "@/lib/urls";
import { Breadcrumbs } from "./breadcrumbs";
import { PaperInfo } from "./paper-info";

/** 关于本报: the paper's information from content/site.yaml, with what the site holds. */
export function AboutPage() {
  const info = getSiteInfo();
  return (
    <>
      <Breadcrumbs trail={[{ name: "首页", href: HOME_PATH }, { name: "关于本报" }]} />
      <article className="about">
        <h1>关于{info.name}</h1>
        <p>{site.description}</p>
        <h2>本报信息</h2>
        <PaperInfo info={info} />
        <p className="copyright">{info.copyright}</p>
      </article>
    </>
  );
}

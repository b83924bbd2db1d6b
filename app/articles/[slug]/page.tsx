import type { Metadata } from "next";
import { ArticleView } from "@/components/article/article-view";
import { JsonLd } from "@/components/seo/json-ld";
import { resolveArticle } from "@/lib/routes/resolve";
import { articleJsonLd } from "@/lib/seo/json-ld";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = false;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await resolveArticle((await params).slug));
}

export default async function ArticlePage({ params }: Props) {
  const article = await resolveArticle((await params).slug);
  return (
    <>
      <JsonLd data={articleJsonLd(article)} />
      <ArticleView article={article} />
    </>
  );
}

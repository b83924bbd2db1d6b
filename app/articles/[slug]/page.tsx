import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { JsonLd } from "@/components/seo/json-ld";
import { getArticle, getRedirect } from "@/lib/db/articles";
import { decodeParam } from "@/lib/route-params";
import { articleJsonLd } from "@/lib/seo/json-ld";
import { articleMetadata } from "@/lib/seo/metadata";
import { articlePath } from "@/lib/urls";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
export const generateStaticParams = () => [];

async function load(params: Props["params"]) {
  const slug = decodeParam((await params).slug);
  const article = slug ? await getArticle(slug) : null;
  if (article) return article;
  // A renamed article keeps its old URLs.
  const current = slug ? await getRedirect(slug) : null;
  if (current) permanentRedirect(articlePath(current));
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await load(params));
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  return (
    <>
      <JsonLd data={articleJsonLd(article)} />
      <ArticleView article={article} />
    </>
  );
}

import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { getArticle, getRedirect } from "@/lib/db/articles";
import { decodeParam } from "@/lib/route-params";
import { articlePath } from "@/lib/urls";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

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
  const article = await load(params);
  return { title: article.title, description: article.excerpt };
}

export default async function ArticlePage({ params }: Props) {
  return <ArticleView article={await load(params)} />;
}
